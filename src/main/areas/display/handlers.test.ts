import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { Matrix } from '../../../shared/domain/display/matrix';
import type { AppContext } from '../../app/context';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);
const b64 = (text: string) => Buffer.from(text).toString('base64');

const rina = 'Rina sells bags online.\n\nShipping abroad costs too much, and customs forms confuse her.\n\nShe trusts the marketplace.';
const budi = 'Budi ships coffee.\n\nCouriers lose parcels, so buyers stop trusting him.';

async function project() {
  ctx = testContext();
  const path = tempProjectPath();
  await call('project.create', { path, name: 'Display' });
  const one = await call('sources.import', { fileName: 'rina.txt', dataBase64: b64(rina) });
  const two = await call('sources.import', { fileName: 'budi.txt', dataBase64: b64(budi) });
  const barriers = await call('codes.create', { name: 'Barriers' });
  const shipping = await call('codes.create', { name: 'Shipping', parentId: barriers.id });
  const trust = await call('codes.create', { name: 'Trust' });
  const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const c1 = await call('codings.apply', { sourceId: one.id, codeId: shipping.id, ...span(rina, 'Shipping abroad costs too much') });
  await call('codings.apply', { sourceId: one.id, codeId: barriers.id, ...span(rina, 'customs forms confuse her') });
  await call('codings.apply', { sourceId: one.id, codeId: trust.id, ...span(rina, 'She trusts the marketplace.') });
  await call('codings.apply', { sourceId: two.id, codeId: shipping.id, ...span(budi, 'Couriers lose parcels') });
  await call('codings.apply', { sourceId: two.id, codeId: trust.id, ...span(budi, 'buyers stop trusting him') });
  await call('sources.setAttribute', { id: one.id, name: 'country', value: 'Indonesia' });
  await call('sources.setAttribute', { id: two.id, name: 'country', value: 'Vietnam' });
  return { path, one, two, barriers, shipping, trust, c1 };
}

const grid = (m: Matrix) => Object.fromEntries(m.rows.map((row, r) => [row.key, m.columns.map((_, c) => m.cells.find(([cr, cc]) => cr === r && cc === c)?.[2] ?? 0)]));

describe('matrices from the project', () => {
  it('code × source follows the codebook and counts every coding', async () => {
    const f = await project();
    const m = await call('display.matrix', { columns: 'sources' });
    expect(m.columns.map((c) => c.label)).toEqual(['rina', 'budi']);
    expect(grid(m)).toEqual({ [f.barriers.id]: [2, 1], [`${f.barriers.id}:own`]: [1, 0], [f.shipping.id]: [1, 1], [f.trust.id]: [1, 1] });
    expect(m.total).toBe(5);
  });

  it('code × attribute value, and a matrix cut by an attribute', async () => {
    const f = await project();
    const byCountry = await call('display.matrix', { columns: 'attribute', attribute: 'country', measure: 'sources' });
    expect(byCountry.columns.map((c) => c.label)).toEqual(['Indonesia', 'Vietnam']);
    expect(grid(byCountry)[f.trust.id]).toEqual([1, 1]);
    const cut = await call('display.matrix', { columns: 'sources', filter: { name: 'country', value: 'Vietnam' } });
    // Only the Vietnamese source is left as a column.
    expect(cut.columns.map((c) => c.key)).toEqual([f.two.id]);
    expect(grid(cut)[f.barriers.id]).toEqual([1]);
    expect(cut.sourceIds).toEqual([f.two.id]);
  });

  it('code × case counts the codings inside each case’s sources and segments', async () => {
    const f = await project();
    // Cases are made in Collect (another area); here they are written straight into the file.
    const db = ctx.project.db;
    db.prepare("INSERT INTO cases (id, name, created_at) VALUES ('k1', 'Sellers', 'now'), ('k2', 'Budi alone', 'now')").run();
    db.prepare('INSERT INTO case_members (id, case_id, source_id, start, end) VALUES (?, ?, ?, NULL, NULL), (?, ?, ?, ?, ?)').run('m1', 'k1', f.one.id, 'm2', 'k2', f.two.id, 0, 18);
    db.prepare("INSERT INTO case_attributes (case_id, name, value) VALUES ('k1', 'role', 'seller'), ('k2', 'role', 'courier user')").run();
    const m = await call('display.matrix', { columns: 'cases' });
    expect(m.columns.map((c) => c.label)).toEqual(['Budi alone', 'Sellers']);
    expect(grid(m)[f.barriers.id]).toEqual([0, 2]);
    expect(await call('display.attributes', {})).toEqual([
      { name: 'country', values: ['Indonesia', 'Vietnam'] },
      { name: 'role', values: ['courier user', 'seller'] },
    ]);
    const byRole = await call('display.matrix', { columns: 'attribute', attribute: 'role' });
    expect(byRole.columns.map((c) => c.label)).toEqual(['courier user', 'seller']);
  });

  it('co-occurrence by overlap and by passage', async () => {
    const f = await project();
    const overlap = await call('display.matrix', { columns: 'codes', cooccurrence: 'overlap' });
    expect(overlap.cells).toEqual([]);
    const passage = await call('display.matrix', { columns: 'codes', cooccurrence: 'passage' });
    const shippingRow = passage.rows.findIndex((r) => r.key === f.shipping.id);
    const trustColumn = passage.columns.findIndex((c) => c.key === f.trust.id);
    expect(passage.cells).toContainEqual([shippingRow, trustColumn, 1]);
  });

  it('reads the project again after every change, undo and redo included, and after another connection writes', async () => {
    const f = await project();
    const total = async () => (await call('display.matrix', { columns: 'sources' })).total;
    const segments = async () => (await call('display.cellSegments', { matrix: { columns: 'sources' }, row: '*', column: '*' })).length;
    expect(await total()).toBe(5);
    await call('codings.apply', { sourceId: f.two.id, codeId: f.trust.id, start: 0, end: 4 });
    expect([await total(), await segments()]).toEqual([6, 6]);
    await call('history.undo', {});
    expect([await total(), await segments()]).toEqual([5, 5]);
    await call('history.redo', {});
    expect(await total()).toBe(6);
    const other = new Database(f.path);
    other.prepare('DELETE FROM codings WHERE id = ?').run(f.c1.id);
    other.close();
    expect([await total(), await segments()]).toEqual([5, 5]);
  });

  it('drills into a cell: its segments with their text', async () => {
    const f = await project();
    const segments = await call('display.cellSegments', { matrix: { columns: 'sources' }, row: f.barriers.id, column: f.one.id });
    expect(segments.map((s) => s.text)).toEqual(['Shipping abroad costs too much', 'customs forms confuse her']);
    expect(segments[0]).toMatchObject({ sourceTitle: 'rina', codeId: f.shipping.id, codingId: f.c1.id });
    expect(await call('display.cellSegments', { matrix: { columns: 'attribute', attribute: 'country' }, row: '*', column: 'Vietnam' })).toHaveLength(2);
  });

  it('refuses an attribute matrix without an attribute', async () => {
    await project();
    expect((await callFail(ctx, 'display.matrix', { columns: 'attribute' })).message).toMatch(/Choose the attribute/);
  });
});

describe('saved displays', () => {
  it('saves, lists, updates with its layout, moves the shown sources on to displayed, and deletes', async () => {
    const f = await project();
    const config = { kind: 'network' as const, network: { kinds: ['code' as const], minWeight: 1, hideIsolated: false, cooccurrence: 'passage' as const } };
    const saved = await call('display.save', { name: 'Codes', config, layout: { [`code:${f.trust.id}`]: { x: 10, y: 20 } } });
    expect((await call('sources.list', {})).map((s) => s.stage)).toEqual(['displayed', 'displayed']);
    const renamed = await call('display.save', { id: saved.id, name: 'Codes, arranged', config });
    expect(renamed.layout).toEqual({ [`code:${f.trust.id}`]: { x: 10, y: 20 } });
    expect((await call('display.list', {})).map((d) => d.name)).toEqual(['Codes, arranged']);
    const conclusion = await call('conclusions.create', { statement: 'Shipping and trust go together.' });
    await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'display', id: saved.id, stance: 'supports' } });
    await call('display.remove', { id: saved.id });
    expect(await call('display.list', {})).toEqual([]);
    expect((await call('conclusions.list', {}))[0]!.evidence).toEqual([]);
    expect((await callFail(ctx, 'display.remove', { id: saved.id })).code).toBe('NOT_FOUND');
  });

  it('a matrix cut to one country moves only that country’s sources on', async () => {
    await project();
    await call('display.save', { name: 'Vietnam', config: { kind: 'matrix', matrix: { columns: 'sources', filter: { name: 'country', value: 'Vietnam' } }, collapsed: [] } });
    expect((await call('sources.list', {})).map((s) => s.stage)).toEqual(['reduced', 'displayed']);
  });
});

describe('the network', () => {
  it('links codes that co-occur and conclusions to the codes of their evidence', async () => {
    const f = await project();
    const conclusion = await call('conclusions.create', { statement: 'Shipping deters sellers.' });
    await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'coding', id: f.c1.id, stance: 'supports' } });
    const network = await call('display.network', { cooccurrence: 'passage' });
    expect(network.nodes.map((n) => n.kind)).toEqual(['code', 'code', 'code', 'conclusion']);
    // Shipping meets Barriers (Rina's second paragraph) and Trust (Budi's).
    expect(network.edges.map((e) => e.kind).sort()).toEqual(['contains', 'cooccurs', 'cooccurs', 'supports']);
  });
});

describe('exports', () => {
  it('writes a matrix as CSV, SVG and PNG', async () => {
    await project();
    const config = { kind: 'matrix' as const, matrix: { columns: 'sources' as const }, collapsed: [] };
    const csv = await call('display.export', { name: 'Codes / sources', config, format: 'csv' });
    expect(csv.fileName).toBe('Codes sources.csv');
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(text.split('\r\n').slice(0, 3)).toEqual(['\uFEFFCode,rina,budi,Total', 'Barriers,2,1,3', 'Barriers › (coded directly),1,0,1']);
    const svg = Buffer.from((await call('display.export', { name: 'Codes', config, format: 'svg' })).dataBase64, 'base64').toString('utf8');
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('>Shipping<');
    const png = Buffer.from((await call('display.export', { name: 'Codes', config, format: 'png' })).dataBase64, 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width and height from the IHDR chunk: twice the SVG's size.
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(width * 2);
  });
});
