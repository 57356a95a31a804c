import { describe, expect, it } from 'vitest';
import { fileNameOf, folderOf, joinPath, projectFileName } from './project-paths';

describe('project paths', () => {
  it('joins a folder and a name with the folder’s own separator', () => {
    expect(joinPath('/home/ana/reviews', 'Harbour.quarry')).toBe('/home/ana/reviews/Harbour.quarry');
    expect(joinPath('/home/ana/reviews/', 'Harbour.quarry')).toBe('/home/ana/reviews/Harbour.quarry');
    expect(joinPath('C:\\Users\\Ana\\Reviews', 'Harbour.quarry')).toBe('C:\\Users\\Ana\\Reviews\\Harbour.quarry');
  });

  it('takes a path apart into its folder and file name', () => {
    expect(folderOf('/home/ana/x.quarry')).toBe('/home/ana');
    expect(folderOf('/x.quarry')).toBe('/');
    expect(fileNameOf('C:\\Reviews\\x.quarry')).toBe('x.quarry');
  });

  it('makes a file name any file system takes from a project name', () => {
    expect(projectFileName('Harbour study: 2024/25?')).toBe('Harbour study 2024 25.quarry');
    expect(projectFileName(' ..hidden.. ')).toBe('hidden.quarry');
    expect(projectFileName('***')).toBe('Project.quarry');
  });
});
