import lunr from 'lunr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { collectDocuments, indexedFields } from './documents';
import { addSource, tempProject, type TempProject } from './fixtures';
import { SearchService } from './search-service';
import { SOURCES, fillerParagraphs, seedProject } from './test-corpus';
import type { SearchResult } from './types';

let project: TempProject;
let service: SearchService;

beforeEach(async () => {
  project = tempProject();
  seedProject(project.db);
  service = new SearchService(project.db);
  await service.open();
});

afterEach(() => {
  service.close();
  project.dispose();
});

const ids = (result: SearchResult): string[] => result.hits.map((h) => h.id);

describe('agreement with plain lunr', () => {
  it('returns the same documents with the same scores for every kind of query', () => {
    const docs = [...collectDocuments(project.db)];
    const index = lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('text');
      for (const doc of docs) {
        const [title, text] = indexedFields(doc);
        this.add({ id: doc.id, title, text });
      }
    });
    const queries = [
      'trade',
      'online sales',
      'digital diplomacy trust',
      '+online +region',
      'trade -policy',
      'pay*',
      '*port',
      'diplomaci~1',
      'title:payment',
      'text:market^3 firm',
      'ministry^2 +trade',
      'merchant trust payment logistics border',
    ];
    const key = (r: { id: string; score: number }): string => `${r.score.toFixed(9)} ${r.id}`;
    for (const q of queries) {
      const expected = index.search(q).map((r) => ({ id: r.ref, score: r.score }));
      const actual = service.query(q, { limit: 1000 });
      expect(actual.total, q).toBe(expected.length);
      expect(expected.length, `${q} should match something`).toBeGreaterThan(0);
      // Ties may come in either order; sorted by score then id, the lists are the same.
      const sortedExpected = expected.map(key).sort();
      const sortedActual = actual.hits.map(key).sort();
      expect(sortedActual, q).toEqual(sortedExpected);
      expect(actual.hits.map((h) => h.score)).toEqual([...actual.hits.map((h) => h.score)].sort((a, b) => b - a));
    }
  });
});

describe('query language', () => {
  it('treats plain terms as alternatives, + as required and - as excluded', () => {
    const either = ids(service.query('stagnated committees'));
    expect(either.sort()).toEqual(['trade-p1', 'trade-p2']);
    expect(ids(service.query('+online +region'))).toEqual(['diplomacy-p1']);
    const withoutPolicy = ids(service.query('diplomacy -policy'));
    expect(withoutPolicy).toContain('diplomacy-p0');
    expect(withoutPolicy).not.toContain('trade-p0');
  });

  it('restricts a term to a field and boosts it', () => {
    expect(ids(service.query('title:payment'))).toEqual(['memo-1']);
    const plain = service.query('trust payment', { limit: 100 }).hits;
    const boosted = service.query('trust^10 payment', { limit: 100 }).hits;
    expect(boosted[0]!.id).not.toBe(plain[0]!.id === 'memo-1' ? '' : 'unused');
    const trustFirst = boosted.findIndex((h) => /trust/i.test(h.snippet));
    expect(trustFirst).toBe(0);
  });

  it('expands prefixes and fuzzy terms', () => {
    const prefix = service.query('paym*');
    expect(prefix.total).toBeGreaterThan(2);
    for (const hit of prefix.hits) expect(hit.matches.length).toBeGreaterThan(0);
    expect(ids(service.query('comunication~1'))).toEqual(['trade-p2']);
  });

  it('finds the forms of a whole word before a *, though the index holds only stems, and highlights them', async () => {
    const small = tempProject();
    try {
      addSource(small.db, 'ports', 'Ports', ['Shipping rose.', 'Two shippings left late.', 'A shipment came.', 'Shippingcontainers stacked up.', 'Nothing here.']);
      const search = new SearchService(small.db);
      await search.open();
      // Plain lunr finds nothing here: no stem in the index starts with "shipping".
      expect(ids(search.query('shipping*')).sort()).toEqual(['ports-p0', 'ports-p1', 'ports-p3']);
      const [hit] = search.query('+shippings* +late').hits;
      expect(hit!.matches.map(([from, to]) => 'Two shippings left late.'.slice(from, to))).toEqual(['shippings', 'late']);
      // A prefix that is no word's whole still expands over the stems only, as in lunr.
      expect(ids(search.query('shipm*'))).toEqual(['ports-p2']);
      expect(search.query('+shippingz*').total).toBe(0);
      search.close();
    } finally {
      small.dispose();
    }
  });

  it('stems English words and ignores stop words', () => {
    expect(ids(service.query('+running +merchants'))).toEqual(['trade-p3']);
    expect(service.query('the').total).toBe(0);
  });

  it('matches a quoted phrase only where its words are adjacent, across stemming', () => {
    expect(ids(service.query('"online sales"'))).toEqual(['diplomacy-p1']);
    expect(ids(service.query('"online sale"'))).toEqual(['diplomacy-p1']);
    expect(ids(service.query('"sales online"'))).toEqual(['trade-p1']);
    expect(service.query('"trust payment"').total).toBe(0);
    expect(ids(service.query('"trust in payment"'))).toEqual(['memo-1']);
    // A stop word inside a phrase keeps its place.
    expect(ids(service.query('"state of the union"'))).toEqual(['diplomacy-p2']);
    expect(ids(service.query('online -"online sales"'))).toContain('diplomacy-p3');
    expect(ids(service.query('online -"online sales"'))).not.toContain('diplomacy-p1');
  });

  it('rejects a malformed query with a readable VALIDATION error', () => {
    for (const q of ['colour:red', 'trade^x', 'trade~', '"unclosed phrase']) {
      let error: unknown;
      try {
        service.query(q);
      } catch (e) {
        error = e;
      }
      expect(error, q).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      expect((error as AppError).message.length).toBeGreaterThan(20);
    }
  });

  it('answers an empty query with nothing', () => {
    expect(service.query('   ')).toMatchObject({ total: 0, hits: [] });
  });
});

describe('filters, paging and hits', () => {
  it('filters by kind, source and a caller predicate', () => {
    expect(ids(service.query('payment', { filter: { kinds: ['memo'] } }))).toEqual(['memo-1']);
    const inTrade = service.query('online', { filter: { sourceIds: ['trade'] } });
    expect(inTrade.hits.every((h) => h.sourceId === 'trade')).toBe(true);
    expect(inTrade.total).toBe(1);
    const allowed = service.query('online', { filter: { allow: (id) => id !== 'diplomacy-p1' } });
    expect(ids(allowed)).not.toContain('diplomacy-p1');
  });

  it('pages through results with offset and limit, total counting all', () => {
    const all = service.query('market', { limit: 1000 });
    const page = service.query('market', { offset: 3, limit: 4 });
    expect(page.total).toBe(all.total);
    expect(ids(page)).toEqual(ids(all).slice(3, 7));
  });

  it('points matches and snippet highlights at the matched words', () => {
    const doc = (id: string): string => [...collectDocuments(project.db)].find((d) => d.id === id)!.text;
    const hit = service.query('sales "digital diplomacy"').hits.find((h) => h.id === 'diplomacy-p0')!;
    expect(hit.matches.map(([a, b]) => doc('diplomacy-p0').slice(a, b))).toEqual(['digital diplomacy']);
    const sales = service.query('sale').hits.find((h) => h.id === 'diplomacy-p1')!;
    expect(sales.matches.map(([a, b]) => doc('diplomacy-p1').slice(a, b))).toEqual(['sales']);
    expect(sales.snippetHighlights.map(([a, b]) => sales.snippet.slice(a, b))).toEqual(['sales']);
    expect(sales.title).toBe(SOURCES.diplomacy.title);
  });

  it('highlights the same words from positions as from analysing the text again', async () => {
    service.close();
    const reopened = new SearchService(project.db);
    await reopened.open();
    // Phrases need positions, so they come last: the queries before them highlight from text.
    const queries = ['pay* trust', 'market online', 'sales "digital diplomacy"', '"state of the union" online'];
    const fromText = queries.map((q) => reopened.query(q, { limit: 100 }).hits.map((h) => h.matches));
    await new Promise((resolve) => setImmediate(resolve));
    await reopened.idle();
    expect(queries.map((q) => reopened.query(q, { limit: 100 }).hits.map((h) => h.matches))).toEqual(fromText);
    expect(fromText.flat(2).length).toBeGreaterThan(20);
    reopened.close();
  });

  it('cuts a snippet around the matches of a long text', async () => {
    const long = `${'Filler words about nothing in particular. '.repeat(40)}The rare zeppelin appears here. ${'More filler follows. '.repeat(40)}`;
    await service.upsert([{ id: 'long', kind: 'memo', sourceId: null, title: 'Long memo', text: long }]);
    const hit = service.query('zeppelin').hits[0]!;
    expect(hit.snippet.length).toBeLessThan(260);
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippetHighlights.map(([a, b]) => hit.snippet.slice(a, b))).toEqual(['zeppelin']);
    expect(long.slice(...hit.matches[0]!)).toBe('zeppelin');
  });

  it('answers for a word and a phrase found in 150,000 places of one passage', async () => {
    const text = 'Freight moved. '.repeat(150_000);
    await service.upsert([{ id: 'huge', kind: 'memo', sourceId: null, title: 'Huge memo', text }]);
    const word = service.query('freight').hits.find((h) => h.id === 'huge')!;
    expect(word.matches).toHaveLength(150_000);
    expect(text.slice(...word.matches.at(-1)!)).toBe('Freight');
    const phrase = service.query('"freight moved"').hits.find((h) => h.id === 'huge')!;
    expect(phrase.matches).toHaveLength(150_000);
    expect(text.slice(...phrase.matches[0]!)).toBe('Freight moved');
  });

  it('ranks passages by similarity to a claim', () => {
    const result = service.similar('Online sales grew across the region once cross-border trade opened.', { limit: 3 });
    expect(result.hits[0]!.id).toBe('diplomacy-p1');
    const filtered = service.similar('Online sales grew across the region.', { limit: 3, filter: { sourceIds: ['trade'] } });
    expect(filtered.hits.every((h) => h.sourceId === 'trade')).toBe(true);
  });
});

describe('keeping the index current', () => {
  it('makes upserted documents searchable at once and removed ones unfindable', async () => {
    const passageIds = addSource(project.db, 'new', 'New interviews', ['The harbourmaster spoke about quinoa shipments.']);
    const docs = [...collectDocuments(project.db)].filter((d) => d.sourceId === 'new');
    await service.upsert(docs);
    expect(ids(service.query('quinoa'))).toEqual(passageIds);
    await service.upsert([{ ...docs[0]!, text: 'The harbourmaster spoke about barley.' }]);
    expect(service.query('quinoa').total).toBe(0);
    expect(ids(service.query('barley'))).toEqual(passageIds);
    await service.remove(passageIds);
    expect(service.query('barley').total).toBe(0);
    expect(service.query('trade').total).toBeGreaterThan(0);
  });

  it('indexes upserts made while another waits its turn as one delta', async () => {
    const before = service.segmentCount;
    const memo = (id: string, word: string) => ({ id, kind: 'memo' as const, sourceId: null, title: id, text: `A note about ${word}.` });
    await Promise.all([service.upsert([memo('m-a', 'albatross')]), service.upsert([memo('m-b', 'bittern')]), service.upsert([memo('m-c', 'cormorant')])]);
    expect(service.segmentCount).toBe(before + 1);
    expect(['albatross', 'bittern', 'cormorant'].map((word) => ids(service.query(word)))).toEqual([['m-a'], ['m-b'], ['m-c']]);
  });

  it('keeps a removal between two upserts in its place: a doc removed and then added again stays', async () => {
    const memo = (id: string, word: string) => ({ id, kind: 'memo' as const, sourceId: null, title: id, text: `A note about ${word}.` });
    // Deleted and its deletion undone while an upsert waited its turn.
    await Promise.all([service.upsert([memo('m-a', 'albatross')]), service.remove(['m-b']), service.upsert([memo('m-b', 'bittern')])]);
    expect(['albatross', 'bittern'].map((word) => ids(service.query(word)))).toEqual([['m-a'], ['m-b']]);
  });

  it('merges many small segments in the background without changing results, replaced and removed docs too', async () => {
    const insert = project.db.prepare("INSERT INTO memos (id, title, body, target_kind, created_at, updated_at) VALUES (?, ?, ?, 'project', 'x', 'x')");
    const rewrite = project.db.prepare('UPDATE memos SET body = ? WHERE id = ?');
    for (let i = 0; i < 10; i++) {
      insert.run(`extra-${i}`, `Extra ${i}`, `Walrus market note ${i}`);
      await service.upsert([{ id: `extra-${i}`, kind: 'memo', sourceId: null, title: `Extra ${i}`, text: `Walrus market note ${i}` }]);
      // Older segments keep dead docs: a memo written again, and one taken out.
      if (i % 3 === 2) {
        rewrite.run(`Walrus market note ${i - 1}, walrus again`, `extra-${i - 1}`);
        await service.upsert([{ id: `extra-${i - 1}`, kind: 'memo', sourceId: null, title: `Extra ${i - 1}`, text: `Walrus market note ${i - 1}, walrus again` }]);
      }
      if (i === 5) {
        project.db.prepare("DELETE FROM memos WHERE id = 'extra-0'").run();
        await service.remove(['extra-0']);
      }
    }
    await service.idle();
    expect(service.stats.merges).toBeGreaterThan(1);
    expect(service.segmentCount).toBeLessThanOrEqual(6);
    const merged = service.query('walrus market', { limit: 1000 });
    expect(merged.total).toBeGreaterThan(10);
    expect(merged.hits.map((h) => h.id)).not.toContain('extra-0');
    const key = (h: { id: string; score: number }): string => `${h.score.toFixed(9)} ${h.id}`;
    // The stored segments load back as they are...
    service.close();
    const reopened = new SearchService(project.db);
    await reopened.open();
    expect(reopened.stats).toMatchObject({ rebuilds: 0, repairedDocs: 0 });
    expect(reopened.query('walrus market', { limit: 1000 }).hits.map(key)).toEqual(merged.hits.map(key));
    reopened.close();
    // ...and rank as a fresh build does.
    project.db.prepare('DELETE FROM search_segments').run();
    const fresh = new SearchService(project.db);
    await fresh.open();
    expect(fresh.stats.rebuilds).toBe(1);
    expect(merged.hits.map(key).sort()).toEqual(fresh.query('walrus market', { limit: 1000 }).hits.map(key).sort());
    fresh.close();
  });

  it('reopens a project from the stored index without rebuilding', async () => {
    await service.upsert([{ id: 'extra', kind: 'memo', sourceId: null, title: 'Extra', text: 'A memo about walruses.' }]);
    const expected = service.query('walrus online trade', { limit: 100 });
    service.close();
    project.db.prepare("INSERT INTO memos (id, title, body, target_kind, created_at, updated_at) VALUES ('extra', 'Extra', 'A memo about walruses.', 'project', 'x', 'x')").run();
    const reopened = new SearchService(project.db);
    await reopened.open();
    expect(reopened.stats).toMatchObject({ rebuilds: 0, loads: 1, repairedDocs: 0 });
    expect(reopened.query('walrus online trade', { limit: 100 }).hits).toEqual(expected.hits);
    reopened.close();
  });

  it('detects a corrupted segment and rebuilds it', async () => {
    service.close();
    const row = project.db.prepare('SELECT id, data FROM search_segments').get() as { id: number; data: Buffer };
    const middle = row.data.length >> 1;
    row.data.writeUInt8(row.data[middle]! ^ 0xff, middle);
    project.db.prepare('UPDATE search_segments SET data = ? WHERE id = ?').run(row.data, row.id);
    const reopened = new SearchService(project.db);
    await reopened.open();
    expect(reopened.stats.rebuilds).toBe(1);
    expect(ids(reopened.query('"digital diplomacy"'))).toContain('diplomacy-p0');
    reopened.close();
  });

  it('reads positions after opening, and rebuilds when they turn out damaged', async () => {
    service.close();
    project.db.prepare('UPDATE search_segments SET positions = zeroblob(length(positions))').run();
    const reopened = new SearchService(project.db);
    await reopened.open();
    expect(reopened.stats.rebuilds).toBe(0);
    expect(() => reopened.query('"online sales"')).toThrow(/rebuilt/);
    await reopened.idle();
    expect(reopened.stats.rebuilds).toBe(1);
    expect(ids(reopened.query('"online sales"'))).toEqual(['diplomacy-p1']);
    reopened.close();
  });

  it('detects content changed behind its back and re-indexes it', async () => {
    service.close();
    project.db.prepare("UPDATE memos SET body = 'Merchants worry about fraud.' WHERE id = 'memo-1'").run();
    project.db.prepare("DELETE FROM codes WHERE id = 'code-1'").run();
    addSource(project.db, 'later', 'Added elsewhere', ['Albatross sightings near the port.']);
    const reopened = new SearchService(project.db);
    await reopened.open();
    expect(reopened.stats.rebuilds).toBe(0);
    expect(reopened.stats.repairedDocs).toBe(3);
    expect(ids(reopened.query('fraud'))).toEqual(['memo-1']);
    expect(reopened.query('+payment +again').total).toBe(0);
    expect(reopened.query('delays').total).toBe(0);
    expect(ids(reopened.query('albatross'))).toEqual(['later-p0']);
    reopened.close();
  });

  it('rebuilds an index stored for another language', async () => {
    service.close();
    const german = new SearchService(project.db, { language: 'de' });
    await german.open();
    expect(german.stats.rebuilds).toBe(1);
    german.close();
  });

  it('builds in worker threads with progress, giving the same results as a build in process', async () => {
    const big = tempProject();
    try {
      addSource(big.db, 'bulk', 'Bulk', fillerParagraphs(1200, 11));
      const progress: Array<[number, number]> = [];
      const threaded = new SearchService(big.db, { threads: 2, inlineBelowChars: 0 });
      await threaded.open((done, total) => progress.push([done, total]));
      expect(progress.length).toBeGreaterThan(3);
      expect(progress.at(-1)).toEqual([1200, 1200]);
      const inProcess = new SearchService(big.db, { threads: 0 });
      big.db.prepare('DELETE FROM search_segments').run();
      await inProcess.open();
      for (const q of ['market', '+export +tariff', '"supply chain"', 'curr*']) {
        expect(threaded.query(q, { limit: 20 }).hits, q).toEqual(inProcess.query(q, { limit: 20 }).hits);
      }
      threaded.close();
      inProcess.close();
    } finally {
      big.dispose();
    }
  });
});
