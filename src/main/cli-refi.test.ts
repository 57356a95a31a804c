import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, json } from './test-support/cli';
import { nvivoWindowsLike, qdpx, schemaErrors } from './services/refi/test-support';
import { tempProjectPath } from './test-support/context';

interface Segment {
  source: string;
  code: string;
  text: string;
  start: number;
  end: number;
  coder: string;
}

describe('REFI-QDA on the command line', () => {
  // Each command starts a process; on a loaded machine the round trip takes a while.
  it('makes a project from a .qdpx, counts it, lists its segments, exports it, and the export makes the same project', { timeout: 120_000 }, () => {
    const project = tempProjectPath('from-nvivo.quarry');
    const file = join(dirname(project), 'Interview study.qdpx');
    writeFileSync(file, qdpx(nvivoWindowsLike()));

    const imported = json<{ project: string; codes: { created: number }; codings: number; notes: string[] }>(['import-qdpx', file, project]);
    expect(imported).toMatchObject({ project, codes: { created: 4 }, codings: 6 });
    expect(imported.notes.join(' ')).toMatch(/UTF-16 code units/);

    expect(json(['stats', project])).toEqual({ project: 'Interview study', sources: 1, codes: 4, codings: 6, memos: 3, cases: 1, claims: 0, conclusions: 0 });
    const segments = json<Segment[]>(['segments', project]);
    expect(segments.map((s) => `${s.source} | ${s.code} | ${s.text} | ${s.coder}`).sort()).toEqual(
      [
        'Interview Rina | Platforms | Batik 🧵 and bags | Dewi Lestari',
        'Interview Rina | Shipping costs | Shipping abroad costs too much | Dewi Lestari',
        'Interview Rina | Platforms | so I use Shopee | Dewi Lestari',
        'Interview Rina | Trust | so I use Shopee | Dewi Lestari',
        'Interview Rina | Platforms | Platforms like Tokopedia help | Dewi Lestari',
        'Interview Rina | Trust | buyers abroad | Dewi Lestari',
      ].sort(),
    );

    const out = join(dirname(project), 'out.qdpx');
    expect(json(['export', 'qdpx', project, out])).toMatchObject({ path: out, kind: 'qdpx', codes: 4, codings: 6, memos: 3, cases: 1 });
    expect(schemaErrors(strFromU8(unzipSync(readFileSync(out))['project.qde']!), 'Project')).toEqual([]);
    const book = join(dirname(project), 'out.qdc');
    expect(cli(['export', 'qdc', project, book]).stdout).toMatch(/^Wrote .*out\.qdc \(qdc, qdc, [\d.]+ KB\)\n$/);
    expect(schemaErrors(readFileSync(book, 'utf8'), 'Codebook')).toEqual([]);

    const again = tempProjectPath('again.quarry');
    json(['import-qdpx', out, again]);
    expect(json<Segment[]>(['segments', again])).toEqual(segments);
  });

  it('refuses to overwrite a project, and leaves no project behind when a file cannot be imported', { timeout: 60_000 }, () => {
    const project = tempProjectPath('broken.quarry');
    const file = join(dirname(project), 'broken.qdpx');
    writeFileSync(file, 'not a zip');
    const failed = cli(['import-qdpx', file, project]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe("quarry: 'broken.qdpx' is not a REFI-QDA project archive (a zip holding project.qde); export the project again from the tool that made it.\n");
    expect(existsSync(project)).toBe(false);
    writeFileSync(project, '');
    expect(cli(['import-qdpx', file, project]).stderr).toMatch(/already exists: give the name of a new project file/);
    expect(cli(['export', 'bibtex', project, 'x']).code).toBe(2);
  });
});
