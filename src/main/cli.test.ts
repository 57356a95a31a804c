import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, json } from './test-support/cli';
import { latestVersion } from './services/store/database';
import { tempProjectPath } from './test-support/context';

// Each case starts several real CLI processes, seconds apiece on a loaded machine: the timeout is a harness limit, not a target.
describe('the command line', { timeout: 120_000 }, () => {
  it('creates a project, imports a source, builds a codebook, codes a span and exports it all', () => {
    const project = tempProjectPath('cli.quarry');
    const notes = join(dirname(project), 'interview.md');
    writeFileSync(notes, '# Interview\n\nShipping one parcel costs more than the bag inside it.\n');
    expect(json<{ name: string }>(['create', project, '--name', 'CLI review'])).toMatchObject({ name: 'CLI review' });
    const source = json<{ id: string; kind: string }>(['import', notes, '--project', project]);
    expect(source.kind).toBe('transcript');
    json(['new-code', 'Barriers', '--project', project]);
    json(['new-code', 'Shipping', '--parent', 'Barriers', '--project', project]);
    const codes = json<Array<{ name: string; parentId: string | null }>>(['codes', '--project', project]);
    expect(codes.map((c) => c.name)).toEqual(['Barriers', 'Shipping']);
    const text = 'Interview\n\nShipping one parcel costs more than the bag inside it.';
    const start = text.indexOf('Shipping');
    const coding = json<{ start: number; end: number }>(['code', 'Interview', String(start), String(start + 8), '--code', 'Shipping', '--project', project]);
    expect(coding).toMatchObject({ start, end: start + 8 });
    const listed = cli(['sources', '--project', project]);
    expect(listed.stdout).toMatch(/Interview\s+\[transcript, reduced, 1 coding\]/);
    const exported = json<{ tables: { codings: unknown[]; sources: Array<{ text: string }> } }>(['export-json', '--project', project]);
    expect(exported.tables.codings).toHaveLength(1);
    expect(exported.tables.sources[0]!.text).toBe(text);
  });

  it('refuses a project from a newer Quarry with a one-line message and a failing exit code', () => {
    const project = tempProjectPath('future.quarry');
    const db = new Database(project);
    db.exec('CREATE TABLE later (x INTEGER) STRICT');
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const result = cli(['open', project]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/newer version of Quarry/);
  });

  it('explains usage mistakes and unreadable files', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    const project = tempProjectPath('x.quarry');
    execFileSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'create', project, '--name', 'X']);
    const missing = cli(['import', '/no/such/file.md', '--project', project]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/'file\.md' could not be found/);
    const unsupported = join(dirname(project), 'data.xlsx');
    writeFileSync(unsupported, 'x');
    const refused = cli(['import', unsupported, '--project', project]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/data\.xlsx/);
  });
});
