import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProjectPath } from './test-support/context';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => join(import.meta.dirname, 'areas/library/fixtures', name);

// Each case starts several real CLI processes, seconds apiece on a loaded machine: the timeout is a harness limit, not a target.
describe('the command line: references and exports', { timeout: 180_000 }, () => {
  it('imports references with a Zotero export’s files, lists them, and exports the library and a bibliography', () => {
    const project = tempProjectPath('library.quarry');
    const folder = dirname(project);
    expect(cli(['create', project, '--name', 'Library']).code).toBe(0);
    // A Zotero export: the .bib beside files/…; one attachment is there as text, the other is missing.
    copyFileSync(fixture('zotero-export.bib'), join(folder, 'export.bib'));
    mkdirSync(join(folder, 'files/9'), { recursive: true });
    writeFileSync(join(folder, 'files/9/nguyen-customs.pdf'), 'not really a PDF');
    const imported = cli(['import-references', join(folder, 'export.bib'), '--project', project]);
    expect(imported.code).toBe(0);
    expect(imported.stdout.split('\n')[0]).toBe('export.bib (bibtex): 3 added, 0 merged, 0 skipped');
    expect(imported.stdout).toContain('  missing line 4: files/7/Rahman and Putri - 2019 - Sea freight and small sellers.pdf (the file was not given with the import)');
    expect(imported.stdout).toMatch(/ {2}missing line 23: files\/9\/nguyen-customs\.pdf \('nguyen-customs\.pdf' is not a PDF file/);

    const again = cli(['import-references', fixture('malformed.ris'), '--project', project, '--format', 'json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ format: 'ris', added: [{}, {}], merged: [{ line: 17 }] });

    const listed = cli(['references', '--project', project, '--format', 'json']);
    const references = JSON.parse(listed.stdout) as Array<{ authors: string[]; year: string; title: string; doi: string | null; type: string }>;
    expect(references.find((r) => r.authors[0] === 'Rahman')).toMatchObject({ authors: ['Rahman', 'Putri'], year: '2019', doi: '10.5555/maritime.2019.014', type: 'article-journal' });
    expect(references).toHaveLength(5);

    for (const [kind, out] of [['bibtex', 'out.bib'], ['ris', 'out.ris'], ['csl-json', 'out.json']] as const) {
      const written = cli(['export', kind, project, join(folder, out)]);
      expect(written.code, written.stderr).toBe(0);
    }
    expect(readFileSync(join(folder, 'out.bib'), 'utf8')).toContain('@article{rahman_sea_2019,');
    expect(readFileSync(join(folder, 'out.ris'), 'utf8')).toContain('DO  - 10.5555/maritime.2019.014');
    expect(JSON.parse(readFileSync(join(folder, 'out.json'), 'utf8'))).toHaveLength(5);
    expect(cli(['export', 'bibliography', project, join(folder, 'refs.md'), '--style', 'harvard']).code).toBe(0);
    expect(readFileSync(join(folder, 'refs.md'), 'utf8')).toContain('Wijaya, P. (2018) *Markets Without Borders: Online Trade in Southeast Asia*. Jakarta: Gramedia.');
  });

  it('fails with one sentence and a non-zero exit: unknown kinds, wrong extensions, nothing to export', () => {
    const project = tempProjectPath('empty.quarry');
    cli(['create', project, '--name', 'Empty']);
    const unknown = cli(['export', 'slides', project, 'x.pptx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('There is no export called "slides": use one of summary, segments, codebook, matrix, chart, network, display, trail, audit-report, bibtex, ris, csl-json, qdpx, qdc, bibliography.');
    const wrong = cli(['export', 'segments', project, 'segments.pdf']);
    expect(wrong.stderr.split('\n')[0]).toBe('An export of segments is written as .csv, .xlsx; segments.pdf has the extension .pdf.');
    const empty = cli(['export', 'summary', project, join(dirname(project), 's.pdf')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('quarry: The project has no sources to summarise yet.\n');
    const style = cli(['export', 'bibliography', project, 'b.md', '--style', 'mla']);
    expect(style.stderr.split('\n')[0]).toBe('--style is one of apa, chicago-author-date, harvard, ieee.');
  });
});
