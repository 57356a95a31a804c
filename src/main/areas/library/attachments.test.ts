import { describe, expect, it } from 'vitest';
import { matchAttachment } from './attachments';

describe('finding a record’s attached file among those given', () => {
  const given = ['Export/files/7/Lim - 2020.pdf', '/home/me/Export/files/9/report.pdf', 'Export/files/12/notes.pdf', 'Export/other/notes.pdf'];
  it('matches whole path segments from the end, whichever side is longer', () => {
    expect(matchAttachment('files/7/Lim - 2020.pdf', given)).toBe(0);
    expect(matchAttachment('C:\\Users\\me\\Export\\files\\9\\report.pdf', ['files/9/report.pdf'])).toBe(0);
    expect(matchAttachment('files/12/notes.pdf', given)).toBe(2);
  });
  it('falls back to the file name only when one given file has it', () => {
    expect(matchAttachment('elsewhere/report.pdf', given)).toBe(1);
    expect(matchAttachment('elsewhere/notes.pdf', given)).toBeUndefined();
    expect(matchAttachment('files/7/Lim.pdf', given)).toBeUndefined();
  });
});
