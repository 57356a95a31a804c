import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { Source } from '../../../shared/domain/model';
import type { SearchResponse } from '../../../shared/domain/search';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';

// Fixture texts, written for these tests: two interviews and a field note about online trade.
const sellerInterview = [
  'Interview with a batik seller in Solo',
  'She started selling on a regional marketplace in 2019 and says digital trade doubled her orders within a year.',
  'Shipping to Malaysia is cheap, but payment rules differ in every country and slow her down.',
  'Her cousin grows coffee and has never sold anything online.',
].join('\n\n');
const officialInterview = [
  'Interview with a trade official',
  'The ministry sees trade in digital services as the next step for small firms.',
  'Customs forms for parcels were simplified after the regional agreement on e-commerce.',
].join('\n\n');
const fieldNote = ['Field note from a policy forum', 'Speakers kept returning to data flows and to consumer protection online.'].join('\n\n');

const b64 = (text: string) => Buffer.from(text).toString('base64');

let ctx: AppContext;
afterEach(() => ctx?.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

const failure = <M extends MethodName>(method: M, input: MethodInput<M>) => callFail(ctx, method, input);

async function importText(fileName: string, text: string): Promise<Source> {
  const summary = await call('sources.import', { fileName, dataBase64: b64(text) });
  return call('sources.get', { id: summary.id });
}

async function project(path = tempProjectPath()) {
  ctx = testContext();
  await call('project.create', { path, name: 'Search' });
  const seller = await importText('interview-seller.txt', sellerInterview);
  const official = await importText('interview-official.txt', officialInterview);
  const note = await importText('forum-notes.txt', fieldNote);
  return { path, seller, official, note };
}

const hitIds = (response: SearchResponse) => response.groups.flatMap((g) => g.hits.map((h) => h.id));
const passageOf = (source: Source, words: string) => source.passages.find((p) => source.text.slice(p.start, p.end).includes(words))!;

describe('search.query', () => {
  it('indexes every passage of a source longer than the pages it is read in', async () => {
    await project();
    await call('search.query', { q: 'trade' });
    // 4,500 passages: the index reads a new source's passages 2,000 at a time.
    const book = await importText('ledger.txt', Array.from({ length: 4_500 }, (_, n) => `Ledger line ${n} of the spice warehouse.`).join('\n\n'));
    expect(book.passages).toHaveLength(4_500);
    expect((await call('search.query', { q: 'warehouse', limit: 1 })).total).toBe(4_500);
    expect(hitIds(await call('search.query', { q: '"line 4499"' }))).toEqual([book.passages[4_499]!.id]);
  });

  it('groups hits by source and gives matches as offsets into the source text', async () => {
    const { seller, official } = await project();
    const response = await call('search.query', { q: 'trade' });

    expect(response.total).toBe(3);
    expect(response.groups.map((g) => g.sourceTitle).sort()).toEqual([official.title, seller.title].sort());
    for (const group of response.groups) {
      const source = group.sourceId === seller.id ? seller : official;
      for (const hit of group.hits) {
        expect(hit.kind).toBe('passage');
        expect(hit.passageId).toBe(hit.id);
        const passage = source.passages.find((p) => p.id === hit.id)!;
        expect([hit.start, hit.end]).toEqual([passage.start, passage.end]);
        expect(hit.matches.length).toBeGreaterThan(0);
        for (const [start, end] of hit.matches) expect(source.text.slice(start, end).toLowerCase()).toBe('trade');
        for (const [start, end] of hit.snippetHighlights) expect(hit.snippet.slice(start, end).toLowerCase()).toBe('trade');
      }
    }
  });

  it('matches a quoted phrase only where its words are adjacent, and highlights the whole phrase', async () => {
    const { seller } = await project();
    // "digital trade" is adjacent in the seller interview; the official says "trade in digital services".
    const phrase = await call('search.query', { q: '"digital trade"' });
    expect(hitIds(phrase)).toEqual([passageOf(seller, 'doubled').id]);
    const [start, end] = phrase.groups[0]!.hits[0]!.matches[0]!;
    expect(seller.text.slice(start, end)).toBe('digital trade');

    const words = await call('search.query', { q: '+digital +trade' });
    expect(words.total).toBe(2);
  });

  it('supports lunr operators: required, prohibited, prefix and fuzzy terms', async () => {
    const { seller, official } = await project();
    expect(hitIds(await call('search.query', { q: '+trade -digital' }))).toEqual([passageOf(official, 'official').id]);
    expect(hitIds(await call('search.query', { q: 'ship*' }))).toEqual([passageOf(seller, 'Shipping').id]);
    expect(hitIds(await call('search.query', { q: 'cofee~1' }))).toEqual([passageOf(seller, 'coffee').id]);
  });

  it('reports a malformed query as a VALIDATION error with a readable message', async () => {
    await project();
    const unclosed = await failure('search.query', { q: '"digital trade' });
    expect(unclosed.code).toBe('VALIDATION');
    expect(unclosed.message).toMatch(/closing quote/);
    const badField = await failure('search.query', { q: 'author:smith' });
    expect(badField.code).toBe('VALIDATION');
    expect(badField.message.length).toBeLessThan(300);
  });

  it('filters by kind, source, stage and attribute', async () => {
    const { seller, official } = await project();
    await call('memos.create', { title: 'Trade puzzle', body: 'Why do sellers trust the marketplace?', target: { kind: 'project' } });
    await call('codes.create', { name: 'Digital trade', definition: 'Buying and selling goods online across borders.' });

    const all = await call('search.query', { q: 'trade' });
    expect(all.total).toBe(5);
    const memos = await call('search.query', { q: 'trade', filters: { kinds: ['memo', 'code'] } });
    expect(memos.groups.flatMap((g) => g.hits.map((h) => h.kind)).sort()).toEqual(['code', 'memo']);
    expect(memos.groups.map((g) => g.sourceId)).toEqual([null]);

    const oneSource = await call('search.query', { q: 'trade', filters: { sourceIds: [official.id] } });
    expect(oneSource.groups.map((g) => g.sourceId)).toEqual([official.id]);

    await call('sources.update', { id: seller.id, stage: 'reduced' });
    const reduced = await call('search.query', { q: 'trade', filters: { stages: ['reduced'] } });
    expect(reduced.groups.map((g) => g.sourceId)).toEqual([seller.id]);
    expect(await call('search.query', { q: 'trade', filters: { stages: ['concluded'] } })).toMatchObject({ total: 0, groups: [] });

    ctx.project.db.prepare('INSERT INTO source_attributes (source_id, name, value) VALUES (?, ?, ?)').run(official.id, 'country', 'Indonesia');
    const attributed = await call('search.query', { q: 'trade', filters: { attributes: [{ name: 'country', value: 'Indonesia' }] } });
    expect(attributed.groups.map((g) => g.sourceId)).toEqual([official.id]);
  });

  it('filters by speaker: only the turns that speaker takes in a transcript', async () => {
    await project();
    const focus = await importText('focus group.txt', ['Moderator: What slows your trade?', 'Ade: Shipping and trade paperwork.', 'Moderator: And trade fairs?', 'Ade: Trade fairs help.', 'Lina: Trade online is easier.'].join('\n'));
    const turnOf = (speaker: string) => focus.passages.filter((p) => p.speaker === speaker).map((p) => p.id);
    const ade = await call('search.query', { q: 'trade', filters: { speakers: ['Ade'] } });
    expect(hitIds(ade).sort()).toEqual(turnOf('Ade').sort());
    const both = await call('search.query', { q: 'trade', filters: { speakers: ['Ade', 'Lina'], sourceIds: [focus.id] } });
    expect(hitIds(both).sort()).toEqual([...turnOf('Ade'), ...turnOf('Lina')].sort());
    expect(await call('search.query', { q: 'trade', filters: { speakers: ['Nobody'] } })).toMatchObject({ total: 0, groups: [] });
  });

  it('filters by case: sources a case holds whole, and only the segments of a source it holds in part', async () => {
    const { seller, official } = await project();
    const ministry = await call('cases.create', { name: 'Ministry' });
    await call('cases.addMembers', { id: ministry.id, members: [{ sourceId: official.id }] });
    expect((await call('search.query', { q: 'trade', filters: { caseIds: [ministry.id] } })).groups.map((g) => g.sourceId)).toEqual([official.id]);

    const cousin = await call('cases.create', { name: 'Cousin' });
    const start = seller.text.indexOf('Her cousin');
    await call('cases.addMembers', { id: cousin.id, members: [{ sourceId: seller.id, start, end: start + 10 }] });
    expect(hitIds(await call('search.query', { q: 'online', filters: { caseIds: [cousin.id] } }))).toEqual([passageOf(seller, 'coffee').id]);
    expect(await call('search.query', { q: 'shipping', filters: { caseIds: [cousin.id] } })).toMatchObject({ total: 0 });
    const both = await call('search.query', { q: 'trade online', filters: { caseIds: [ministry.id, cousin.id] } });
    expect(new Set(both.groups.map((g) => g.sourceId))).toEqual(new Set([official.id, seller.id]));
  });

  it('filters by code: passages overlapping a coding of the code or of its sub-codes', async () => {
    const { seller, official } = await project();
    const parent = await call('codes.create', { name: 'Obstacles' });
    const child = await call('codes.create', { name: 'Payments', parentId: parent.id });
    const payments = passageOf(seller, 'payment rules');
    const start = seller.text.indexOf('payment rules');
    await call('codings.apply', { sourceId: seller.id, codeId: child.id, start, end: start + 'payment rules'.length });
    const customs = passageOf(official, 'Customs');
    await call('codings.apply', { sourceId: official.id, codeId: parent.id, start: customs.start, end: customs.end });

    const byParent = await call('search.query', { q: 'payment customs malaysia', filters: { codeIds: [parent.id] } });
    expect(hitIds(byParent).sort()).toEqual([payments.id, customs.id].sort());
    const byChild = await call('search.query', { q: 'payment customs malaysia', filters: { codeIds: [child.id] } });
    expect(hitIds(byChild)).toEqual([payments.id]);
    const uncoded = await call('codes.create', { name: 'Unused' });
    expect((await call('search.query', { q: 'payment', filters: { codeIds: [uncoded.id] } })).total).toBe(0);
  });
});

describe('index upkeep', () => {
  it('makes an imported source searchable at once, and forgets a removed one', async () => {
    await project();
    expect((await call('search.query', { q: 'durian' })).total).toBe(0);
    const added = await importText('market-visit.txt', 'Notes from a market visit\n\nThe durian stall now takes orders through a chat app.');
    expect(hitIds(await call('search.query', { q: 'durian' }))).toEqual([passageOf(added, 'durian').id]);

    await call('sources.remove', { id: added.id });
    expect((await call('search.query', { q: 'durian' })).total).toBe(0);
  });

  it('follows memos and codes as they are created, edited and removed', async () => {
    await project();
    await call('search.status', {});
    const memo = await call('memos.create', { title: 'First hunch', body: 'Sellers mention trust in reviews.', target: { kind: 'project' } });
    expect(hitIds(await call('search.query', { q: 'reviews' }))).toEqual([memo.id]);
    await call('memos.update', { id: memo.id, body: 'Sellers mention ratings instead.' });
    expect((await call('search.query', { q: 'reviews' })).total).toBe(0);
    expect(hitIds(await call('search.query', { q: 'ratings' }))).toEqual([memo.id]);
    await call('memos.remove', { id: memo.id });
    expect((await call('search.query', { q: 'ratings' })).total).toBe(0);

    const code = await call('codes.create', { name: 'Logistics', definition: 'Parcels, couriers and warehouses.' });
    expect(hitIds(await call('search.query', { q: 'couriers' }))).toEqual([code.id]);
    await call('codes.update', { id: code.id, name: 'Delivery' });
    expect(hitIds(await call('search.query', { q: 'title:delivery' }))).toEqual([code.id]);
    await call('codes.remove', { id: code.id });
    expect((await call('search.query', { q: 'couriers' })).total).toBe(0);
  });

  it('forgets the memos on codings when the codings are removed, and finds them again when that is undone', async () => {
    const { seller } = await project();
    const code = await call('codes.create', { name: 'Payments' });
    const coding = await call('codings.apply', { sourceId: seller.id, codeId: code.id, start: 0, end: 9 });
    const memo = await call('memos.create', { title: 'Payment rules', body: 'Remittance paperwork differs by country.', target: { kind: 'coding', id: coding.id } });
    expect(hitIds(await call('search.query', { q: 'remittance' }))).toEqual([memo.id]);
    await call('codings.remove', { ids: [coding.id] });
    expect((await call('memos.list', {})).map((m) => m.id)).toEqual([]);
    expect((await call('search.query', { q: 'remittance' })).total).toBe(0);
    await call('history.undo', {});
    expect(hitIds(await call('search.query', { q: 'remittance' }))).toEqual([memo.id]);
  });

  it('reopens a project on its stored index, which matches the project exactly after every kind of write', async () => {
    const { path, seller } = await project();
    await call('search.query', { q: 'trade' });
    const code = await call('codes.create', { name: 'Platforms', definition: 'Marketplaces and apps.' });
    await call('memos.create', { title: 'On platforms', body: 'Compare the marketplaces.', target: { kind: 'code', id: code.id } });
    await importText('late.txt', 'A late addition\n\nOne more paragraph about parcels.');
    await call('sources.remove', { id: seller.id });
    expect((await call('search.query', { q: 'parcels' })).total).toBe(2);
    await ctx.close();

    ctx = testContext();
    await call('project.open', { path });
    const service = await ctx.project.search.ready();
    expect(service.stats).toMatchObject({ loads: 1, rebuilds: 0, repairedDocs: 0 });
    expect((await call('search.query', { q: 'parcels' })).total).toBe(2);
    expect((await call('search.query', { q: 'batik' })).total).toBe(0);
  });

  it('reports its state and how many items it covers', async () => {
    await project();
    expect(await call('search.status', {})).toMatchObject({ state: 'idle', docCount: 9 });
    await call('search.query', { q: 'trade' });
    expect(await call('search.status', {})).toEqual({ state: 'ready', docCount: 9, progress: null });
  });
});

describe('search.codeHits', () => {
  it('previews, codes every passage hit in one step, and is undone by removing the returned codings', async () => {
    const { seller, official } = await project();
    const code = await call('codes.create', { name: 'Digital economy' });
    const input = { q: 'digital', filters: {}, codeId: code.id, scope: 'passage' } as const;

    const preview = await call('search.previewCodeHits', input);
    expect(preview).toMatchObject({ count: 2, alreadyCoded: 0, sourceCount: 2 });
    expect(preview.sample.map((s) => s.text).sort()).toEqual(
      [seller.text.slice(passageOf(seller, 'doubled').start, passageOf(seller, 'doubled').end), official.text.slice(passageOf(official, 'ministry').start, passageOf(official, 'ministry').end)].sort(),
    );

    const applied = await call('search.codeHits', input);
    expect(applied.count).toBe(2);
    const codings = await call('codings.list', { codeId: code.id });
    expect(codings.map((c) => c.id).sort()).toEqual([...applied.codingIds].sort());
    expect(await call('search.previewCodeHits', input)).toMatchObject({ count: 0, alreadyCoded: 2 });
    // Coding again adds nothing, so an undo of the second run could never remove the first run's codings.
    expect(await call('search.codeHits', input)).toEqual({ codingIds: [], count: 0 });

    const earlier = await call('codings.apply', { sourceId: seller.id, codeId: code.id, start: 0, end: 9 });
    await call('codings.remove', { ids: applied.codingIds });
    expect((await call('codings.list', { codeId: code.id })).map((c) => c.id)).toEqual([earlier.id]);
  });

  it('codes only the matched words with scope "match", within the filters', async () => {
    const { seller } = await project();
    const code = await call('codes.create', { name: 'Payments' });
    const applied = await call('search.codeHits', { q: '"payment rules" OR shipping', filters: { sourceIds: [seller.id] }, codeId: code.id, scope: 'match' });
    const codings = await call('codings.list', { codeId: code.id });
    expect(codings.map((c) => seller.text.slice(c.start, c.end)).sort()).toEqual(['Shipping', 'payment rules']);
    expect(applied.count).toBe(2);
  });

  it('refuses an unknown code and a malformed query', async () => {
    await project();
    expect((await failure('search.codeHits', { q: 'trade', filters: {}, codeId: 'nope', scope: 'passage' })).code).toBe('NOT_FOUND');
    const code = await call('codes.create', { name: 'Any' });
    expect((await failure('search.previewCodeHits', { q: 'trade~', filters: {}, codeId: code.id, scope: 'passage' })).code).toBe('VALIDATION');
  });
});

// A manuscript whose claims cite two works; only one of them is in the project in full.
const manuscript = `# Small sellers and regional trade

Small online sellers in Central Java doubled their export orders after joining regional marketplaces (Rahman, 2019). Payment rules that differ between countries remain the largest obstacle for such firms (Lee & Tan, 2021).

## References

Lee, M., & Tan, K. (2021). Payments across borders in Southeast Asia. Journal of Regional Trade, 4(2), 10-25.

Rahman, A. (2019). Marketplaces and small exporters in Indonesia. Asian Commerce Review, 12(1), 33-50.
`;
const rahmanFullText = [
  'Marketplaces and small exporters in Indonesia',
  'Coffee cooperatives in Sumatra keep their own ledgers and rarely sell online.',
  'Sellers who joined regional marketplaces saw their export orders double within two years, most of all small sellers in Central Java.',
  'Orders from abroad were paid through the marketplace itself.',
].join('\n\n');

describe('search.findSupport', () => {
  async function audited() {
    ctx = testContext();
    await call('project.create', { path: tempProjectPath(), name: 'Support' });
    const paper = await call('sources.import', { fileName: 'manuscript.md', dataBase64: b64(manuscript), kind: 'manuscript' });
    const rahman = await importText('rahman-2019.txt', rahmanFullText);
    const view = await call('audit.run', { sourceId: paper.id });
    const claim = (words: string) => view.claims.find((c) => c.text.includes(words))!;
    const reference = (words: string) => view.references.find((r) => r.raw.includes(words))!;
    return { rahman, claim, reference };
  }

  it('ranks passages of the cited works linked to the claim by likeness to the claim', async () => {
    const { rahman, claim, reference } = await audited();
    await call('references.linkFullText', { referenceId: reference('Rahman').id, sourceId: rahman.id });
    const support = await call('search.findSupport', { claimId: claim('doubled').id });
    expect(support.reason).toBeNull();
    expect(support.searchedSources).toEqual([{ id: rahman.id, title: rahman.title }]);
    const ranked = support.groups.flatMap((g) => g.hits.map((h) => h.id));
    expect(ranked[0]).toBe(passageOf(rahman, 'double within two years').id);
    expect(support.groups.every((g) => g.sourceId === rahman.id)).toBe(true);
  });

  it('finds a claim under its source’s new title once the source is renamed', async () => {
    const { claim } = await audited();
    const id = claim('doubled').id;
    const sourceOf = async () => (await call('search.query', { q: 'doubled export orders', filters: { kinds: ['claim'] } })).groups.find((g) => g.hits.some((h) => h.id === id))?.sourceTitle;
    expect(await sourceOf()).toBe('Small sellers and regional trade');
    const paper = (await call('sources.list', {})).find((s) => s.kind === 'manuscript')!;
    await call('sources.update', { id: paper.id, title: 'Sellers and trade, second draft' });
    expect(await sourceOf()).toBe('Sellers and trade, second draft');
  });

  it('says why there is nothing to rank when no cited work is linked to a full text', async () => {
    const { claim } = await audited();
    const support = await call('search.findSupport', { claimId: claim('Payment rules').id });
    expect(support.groups).toEqual([]);
    expect(support.searchedSources).toEqual([]);
    expect(support.reason).toMatch(/linked to its full text/);
    expect((await failure('search.findSupport', { claimId: 'gone' })).code).toBe('NOT_FOUND');
  });
});
