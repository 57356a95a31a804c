import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../shared/api/contract';
import { cli, json } from './test-support/cli';
import { latestVersion } from './services/store/database';
import { callOk } from './test-support/api';
import { tempProjectPath, testContext } from './test-support/context';

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

  it('lists the history, undoes and redoes from the command line, each in a process of its own', () => {
    const project = tempProjectPath('history.quarry');
    json(['create', project, '--name', 'History']);
    json(['new-code', 'Barriers', '--project', project]);
    json(['new-code', 'Customs', '--project', project]);
    const history = json<{ undo: Array<{ label: string }>; redo: unknown[] }>(['history', '--project', project]);
    expect(history.undo.map((step) => step.label)).toEqual(['Create code ‘Customs’', 'Create code ‘Barriers’']);
    expect(history.redo).toEqual([]);
    expect(cli(['undo', '--project', project]).stdout).toBe('Undid: Create code ‘Customs’\n');
    expect(json<Array<{ name: string }>>(['codes', '--project', project]).map((c) => c.name)).toEqual(['Barriers']);
    expect(cli(['redo', '--project', project]).stdout).toBe('Redid: Create code ‘Customs’\n');
    expect(cli(['redo', '--project', project]).stdout).toBe('Nothing to redo.\n');
    expect(json<Array<{ name: string }>>(['codes', '--project', project]).map((c) => c.name).sort()).toEqual(['Barriers', 'Customs']);
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

describe('exports from the command line', { timeout: 180_000 }, () => {
  it('writes matrices, charts, networks and saved displays as CSV, SVG and PNG, and a conclusion’s trail as Markdown', async () => {
    const project = tempProjectPath('exports.quarry');
    const ctx = testContext();
    const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);
    await call('project.create', { path: project, name: 'Exports' });
    const text = 'Rina sells bags.\n\nShipping abroad costs too much.';
    const source = await call('sources.import', { fileName: 'rina.txt', dataBase64: Buffer.from(text).toString('base64') });
    const code = await call('codes.create', { name: 'Shipping' });
    const coding = await call('codings.apply', { sourceId: source.id, codeId: code.id, start: text.indexOf('Shipping'), end: text.length });
    await call('sources.setAttribute', { id: source.id, name: 'country', value: 'Indonesia' });
    const conclusion = await call('conclusions.create', { statement: 'Shipping holds sellers back.' });
    await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'coding', id: coding.id, stance: 'supports', note: 'In her words.' } });
    await call('display.save', {
      name: 'Arranged',
      config: { kind: 'network', network: { kinds: ['code', 'conclusion'], minWeight: 1, hideIsolated: false, cooccurrence: 'overlap' } },
      layout: { [`code:${code.id}`]: { x: 0, y: 0 }, [`conclusion:${conclusion.id}`]: { x: 300, y: 120 } },
    });
    await ctx.close();
    const out = (name: string) => join(dirname(project), name);

    json(['export', 'matrix', project, out('matrix.csv'), '--columns', 'attribute', '--attribute', 'country']);
    expect(readFileSync(out('matrix.csv'), 'utf8')).toBe('\uFEFFCode,Indonesia,Total\r\nShipping,1,1\r\nAll codes,1,1\r\n');
    json(['export', 'matrix', project, out('matrix.svg'), '--measure', 'coverage', '--cut', 'country=Indonesia']);
    expect(readFileSync(out('matrix.svg'), 'utf8')).toContain('>rina<');
    json(['export', 'chart', project, out('chart.png'), '--chart', 'attribute', '--attribute', 'country']);
    expect(readFileSync(out('chart.png')).subarray(1, 4).toString()).toBe('PNG');
    const network = cli(['export', 'display', project, out('network.svg'), '--display', 'Arranged']);
    expect(network.stdout).toMatch(/^Wrote .*network\.svg \(display, svg, [\d.]+ KB\)/);
    const svg = readFileSync(out('network.svg'), 'utf8');
    // The saved layout puts the conclusion 300 to the right of the code and 120 below it.
    const at = (label: string) => {
      const match = new RegExp(`<text x="([\\d.]+)" y="([\\d.]+)"[^>]*>${label}<`).exec(svg)!;
      return [Number(match[1]), Number(match[2])];
    };
    const [codeX, codeY] = at('Shipping');
    const [conclusionX, conclusionY] = at('Shipping holds sellers back.');
    expect(conclusionX! - codeX!).toBe(300);
    expect(conclusionY! - codeY!).toBeGreaterThan(100);
    json(['export', 'trail', project, out('trail.md'), '--conclusion', 'shipping holds']);
    expect(readFileSync(out('trail.md'), 'utf8')).toContain('*Why:* In her words.');

    const wrong = cli(['export', 'matrix', project, out('matrix.xls')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/An export of matrix is written as \.csv, \.svg, \.png, \.xlsx/);
    const noAttribute = cli(['export', 'matrix', project, out('m.csv'), '--columns', 'attribute']);
    expect(noAttribute.code).toBe(2);
    expect(noAttribute.stderr).toMatch(/Choose the attribute/);
  });
});
