// UI benchmark: drives the real UI (browser mode, the real main process and a real SQLite
// file) in Chromium with Playwright, on generated projects, and prints each figure with its
// target and a baseline measured in the same run: the same work done by a static page with
// no app (the text as plain paragraphs, highlights added with the CSS Custom Highlight API,
// a list filtered by string), which is what the browser alone takes on this machine now.
//
//   npm run bench:ui [-- --json out.json] [--runs 5]
//
// Figures (issue #9): a 60,000-word source with 2,000 codings: click → text painted ≤ 100 ms,
// all highlights and stripes painted ≤ 200 ms; apply a code → highlight painted ≤ 50 ms;
// scrolling the whole source p95 frame ≤ 16.7 ms and no long task over 50 ms; a codebook of
// 1,000 codes in 4 levels: open, and filter-as-you-type ≤ 50 ms per keystroke.
//
// What a scroll frame's time means here. Scrolling steps 240 px a frame from the top of the
// source to its end. At the display's 60 Hz a frame that is on time is 16.67 ms after the last
// one whatever it cost, so the interval between animation frames measures vsync, not the page:
// its p95 is 16.7–16.8 ms on the static page too, and it cannot tell a frame that cost 3 ms from
// one that cost 16. So the scroll is measured in a second Chromium started with
// --disable-gpu-vsync --disable-frame-rate-limit: frames are produced back to back, as fast as
// the page lets them, and the interval between two animation frames is what that frame cost
// (script, style, layout, paint and the compositor's share, on this machine, under its load).
// Its p95 is the figure, over several scrolls; a frame over 16.7 ms is one a 60 Hz display
// would have dropped, and those are counted. The static page is scrolled the same way in the
// same browser. The interval at vsync is still measured once and printed, for comparison with
// earlier figures.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startQuarry } from '../e2e/quarry-server';
import { AppContext } from '../src/main/app/context';
import { callOk } from '../src/main/test-support/api';
import { seededRandom } from '../src/shared/random';
import { measureScale, scaleProject } from './ui-scale';

const { values } = parseArgs({ options: { json: { type: 'string' }, runs: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const chromiumPath = process.env.QUARRY_CHROMIUM ?? '/usr/bin/chromium';

// ---------------------------------------------------------------- generated projects

const syllables = ['ka', 'ri', 'mo', 'ne', 'ta', 'lu', 'sa', 'po', 'di', 'ge', 'an', 'ul', 'ber', 'son', 'tik', 'ram', 'dal', 'vin', 'or', 'em'];

/** Pseudo-words in sentences and paragraphs, seeded, so every run reads the same text. */
function generatedText(words: number, random: () => number): string {
  const vocabulary = Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const sentences: string[] = [];
    const length = 40 + Math.floor(random() * 120);
    let inParagraph = 0;
    while (inParagraph < length) {
      const n = 6 + Math.floor(random() * 18);
      const sentence = Array.from({ length: n }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]).join(' ');
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
      inParagraph += n;
    }
    paragraphs.push(sentences.join(' '));
    written += inParagraph;
  }
  return paragraphs.join('\n\n');
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function readerProject(path: string) {
  const random = seededRandom(9);
  const ctx = new AppContext({ coder: 'bench', logger: { error: () => {}, info: () => {} } });
  const call = <M extends Parameters<typeof callOk>[1]>(method: M, input: Parameters<typeof callOk<M>>[2]) => callOk(ctx, method, input);
  await call('project.create', { path, name: 'Bench reader' });
  const text = generatedText(60_000, random);
  const big = await call('sources.import', { fileName: 'long interview.txt', dataBase64: b64(text) });
  const small = await call('sources.import', { fileName: 'short note.txt', dataBase64: b64(generatedText(300, random)) });
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) codes.push((await call('codes.create', { name: `Code ${i + 1}` })).id);
  const passages = (await call('sources.text', { id: big.id })).passages;
  for (let i = 0; i < 2000; i++) {
    const passage = passages[Math.floor(random() * passages.length)]!;
    const start = passage.start + Math.floor(random() * Math.max(1, passage.end - passage.start - 20));
    const end = Math.min(random() < 0.1 ? passages[Math.min(passages.length - 1, passage.ordinal + 1)]!.end : start + 20 + Math.floor(random() * 300), text.length);
    await call('codings.apply', { sourceId: big.id, codeId: codes[Math.floor(random() * codes.length)]!, start, end: Math.max(end, start + 1) });
  }
  await ctx.close();
  return { text, bigTitle: big.title, smallTitle: small.title, words: text.split(/\s+/).length };
}

async function codebookProject(path: string) {
  const ctx = new AppContext({ coder: 'bench', logger: { error: () => {}, info: () => {} } });
  const call = <M extends Parameters<typeof callOk>[1]>(method: M, input: Parameters<typeof callOk<M>>[2]) => callOk(ctx, method, input);
  await call('project.create', { path, name: 'Bench codebook' });
  await call('sources.import', { fileName: 'note.txt', dataBase64: b64(generatedText(500, seededRandom(3))) });
  // 1,000 codes in 4 levels: 5, 20, 175 and 800.
  let made = 0;
  const level = async (parents: Array<string | null>, perParent: number, total: number) => {
    const ids: string[] = [];
    for (let i = 0; ids.length < total; i++) {
      const parentId = parents[Math.floor(i / perParent) % parents.length]!;
      ids.push((await call('codes.create', { name: `Theme ${++made} ${['trust', 'cost', 'delay', 'policy', 'skills'][made % 5]}`, parentId })).id);
    }
    return ids;
  };
  const top = await level([null], 5, 5);
  const second = await level(top, 4, 20);
  const third = await level(second, 9, 175);
  await level(third, 5, 800);
  await ctx.close();
  return { codes: made };
}

// ---------------------------------------------------------------- measuring in the page

/** What pageHelpers adds to a page's window. */
interface BenchWindow {
  __longTasks: number[];
  __afterPaint(): Promise<number>;
  __until(test: () => unknown, timeout?: number): Promise<number>;
}

/** Installed in every page: waits for the frame after a condition holds, and records long tasks. */
const pageHelpers = `
// tsx keeps function names with a __name helper, which functions sent to the page carry along.
globalThis.__name = (f) => f;
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
window.__afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); }));
window.__until = (test, timeout = 20000) => new Promise((resolve, reject) => {
  const started = performance.now();
  const check = () => { if (test()) resolve(performance.now()); else if (performance.now() - started > timeout) reject(new Error('timed out')); else requestAnimationFrame(check); };
  check();
});
`;

/** What a scroll through a source measured: frame intervals (see the header), and the long tasks while it ran. */
interface ScrollFigures {
  p95: number;
  median: number;
  /** Frames over a 60 Hz frame's 16.7 ms. */
  over: number;
  frames: number;
  longest: number;
}

/** Scrolls an element from top to bottom a step per frame; frame intervals and long tasks while it does. */
async function scrollThrough(page: Page, selector: string, step: number): Promise<ScrollFigures> {
  return page.evaluate(
    async ({ selector, step }) => {
      const box = document.querySelector(selector) as HTMLElement;
      box.scrollTop = 0;
      await (window as unknown as BenchWindow).__afterPaint();
      (window as unknown as BenchWindow).__longTasks = [];
      const intervals: number[] = [];
      await new Promise<void>((resolve) => {
        let last = performance.now();
        const frame = (now: number) => {
          intervals.push(now - last);
          last = now;
          if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve();
          box.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await new Promise((r) => setTimeout(r, 200));
      const sorted = intervals.slice(1).sort((a, b) => a - b);
      return {
        p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        median: sorted[Math.floor(sorted.length / 2)] ?? 0,
        over: sorted.filter((ms) => ms > 16.7).length,
        frames: sorted.length,
        longest: Math.max(0, ...(window as unknown as BenchWindow).__longTasks),
      };
    },
    { selector, step },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);

// ---------------------------------------------------------------- the app

async function measureReader(page: Page, url: string, project: Awaited<ReturnType<typeof readerProject>>) {
  await page.goto(`${url}#reduce`);
  await page.evaluate(pageHelpers);
  const switcher = page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' });
  await switcher.waitFor();
  const text: number[] = [];
  const highlights: number[] = [];
  for (let i = 0; i < runs; i++) {
    await switcher.selectOption({ label: project.smallTitle });
    await page.getByRole('article', { name: `Text of ${project.smallTitle}` }).waitFor();
    await page.waitForTimeout(300);
    const times = await page.evaluate(async (title) => {
      const w = window as unknown as BenchWindow;
      const select = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.text === title))!;
      const option = [...select.options].find((o) => o.text === title)!;
      const started = performance.now();
      select.value = option.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const article = () => document.querySelector(`article[aria-label="Text of ${CSS.escape(title)}"]`);
      await w.__until(() => article()?.querySelector('p[data-start]'));
      const textPainted = (await w.__afterPaint()) - started;
      await w.__until(() => Number(article()?.getAttribute('data-painted-codings') ?? 0) > 0 && article()!.querySelector('.stripe'));
      const highlightsPainted = (await w.__afterPaint()) - started;
      return { textPainted, highlightsPainted };
    }, project.bigTitle);
    text.push(times.textPainted);
    highlights.push(times.highlightsPainted);
  }

  // Apply a code by its key to a selection in view, and wait for its stripe (painted with its highlight).
  const apply: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const ms = await page.evaluate(async (i) => {
      const w = window as unknown as BenchWindow;
      const article = document.querySelector('article.reader__text') as HTMLElement;
      const paragraphs = [...article.querySelectorAll<HTMLElement>('p[data-start]')];
      const p = paragraphs[(i * 3) % paragraphs.length]!;
      const node = p.firstChild!;
      const from = 5 + ((i * 37) % 40);
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, from + 25);
      article.focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      await new Promise((r) => setTimeout(r, 150));
      const before = article.querySelectorAll('.stripe--start').length;
      const started = performance.now();
      article.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true }));
      await w.__until(() => article.querySelectorAll('.stripe--start').length > before);
      return (await w.__afterPaint()) - started;
    }, i);
    apply.push(ms);
    await page.waitForTimeout(400);
  }

  const scroll = await scrollThrough(page, '.reader__scroll', 240);
  return { text, highlights, apply, scroll };
}

/** Scrolls the whole long source `runs` times, in a browser producing frames back to back (see the header). */
async function measureScroll(page: Page, url: string, project: Awaited<ReturnType<typeof readerProject>>): Promise<ScrollFigures[]> {
  await page.goto(`${url}#reduce`);
  await page.evaluate(pageHelpers);
  await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: project.bigTitle });
  await page.waitForFunction((title) => Number(document.querySelector(`article[aria-label="Text of ${CSS.escape(title)}"]`)?.getAttribute('data-painted-codings') ?? 0) > 0, project.bigTitle);
  const scrolls: ScrollFigures[] = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(300);
    scrolls.push(await scrollThrough(page, '.reader__scroll', 240));
  }
  return scrolls;
}

async function measureCodebook(page: Page, url: string) {
  const open: number[] = [];
  const keystrokes: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(`${url}#collect`);
    await page.evaluate(pageHelpers);
    await page.getByRole('tab', { name: 'Collect' }).waitFor();
    await page.waitForTimeout(500);
    open.push(
      await page.evaluate(async () => {
        const w = window as unknown as BenchWindow;
        const started = performance.now();
        (document.querySelector('#tab-reduce') as HTMLElement).click();
        await w.__until(() => document.querySelectorAll('[role="treeitem"]').length > 10);
        return (await w.__afterPaint()) - started;
      }),
    );
    keystrokes.push(
      ...(await page.evaluate(async (query) => {
        const w = window as unknown as BenchWindow;
        const input = document.querySelector('#codebook-filter') as HTMLInputElement;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const times: number[] = [];
        input.focus();
        for (let k = 1; k <= query.length; k++) {
          const started = performance.now();
          setValue.call(input, query.slice(0, k));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          times.push((await w.__afterPaint()) - started);
          await new Promise((r) => setTimeout(r, 30));
        }
        return times;
      }, `theme ${100 + i}`)),
    );
  }
  return { open, keystrokes };
}

// ---------------------------------------------------------------- the baseline: a static page

const staticPage = '<!doctype html><html><body style="margin:0"><div id="scroll" style="height:760px;overflow:auto;font:16px/1.75 serif"><article id="text" style="max-width:72ch;margin:0 auto;white-space:pre-wrap"></article></div><ul id="list"></ul></body></html>';

async function measureBaseline(page: Page, text: string, codings: Array<{ start: number; end: number }>, codeNames: string[]) {
  await page.setContent(staticPage);
  await page.evaluate(pageHelpers);
  const paint: number[] = [];
  const highlights: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await page.evaluate(
      async ({ text, codings }) => {
        const w = window as unknown as BenchWindow;
        const article = document.getElementById('text')!;
        article.replaceChildren();
        CSS.highlights.clear();
        await w.__afterPaint();
        const started = performance.now();
        let offset = 0;
        const nodes: Array<[Text, number]> = [];
        for (const paragraph of text.split('\n\n')) {
          const p = document.createElement('p');
          p.textContent = paragraph;
          article.append(p);
          nodes.push([p.firstChild as Text, offset]);
          offset += paragraph.length + 2;
        }
        const textPainted = (await w.__afterPaint()) - started;
        const started2 = performance.now();
        const highlight = new Highlight();
        for (const c of codings) {
          const at = (o: number) => {
            let k = nodes.length - 1;
            while (k > 0 && nodes[k]![1] > o) k--;
            return { node: nodes[k]![0], offset: Math.min(o - nodes[k]![1], nodes[k]![0].length) };
          };
          const a = at(c.start);
          const b = at(c.end);
          const range = new Range();
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
          highlight.add(range);
        }
        CSS.highlights.set('bench', highlight);
        const highlightsPainted = (await w.__afterPaint()) - started2;
        return { textPainted, highlightsPainted };
      },
      { text, codings },
    );
    paint.push(t.textPainted);
    highlights.push(t.highlightsPainted);
  }
  await page.addStyleTag({ content: '::highlight(bench) { background-color: #4e79a72e; }' });
  const apply: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    apply.push(
      await page.evaluate(async (i) => {
        const w = window as unknown as BenchWindow;
        const p = document.querySelectorAll('#text p')[i * 3]!;
        const range = new Range();
        range.setStart(p.firstChild!, 5);
        range.setEnd(p.firstChild!, 30);
        const started = performance.now();
        CSS.highlights.get('bench')!.add(range);
        return (await w.__afterPaint()) - started;
      }, i),
    );
  }
  const scroll = await scrollThrough(page, '#scroll', 240);
  const keystrokes: number[] = [];
  for (let i = 0; i < runs; i++) {
    keystrokes.push(
      ...(await page.evaluate(
        async ({ names, query }) => {
          const w = window as unknown as BenchWindow;
          const list = document.getElementById('list')!;
          const times: number[] = [];
          for (let k = 1; k <= query.length; k++) {
            const started = performance.now();
            const q = query.slice(0, k);
            list.replaceChildren(
              ...names
                .filter((n) => n.toLowerCase().includes(q))
                .map((n) => {
                  const li = document.createElement('li');
                  li.textContent = n;
                  return li;
                }),
            );
            times.push((await w.__afterPaint()) - started);
          }
          return times;
        },
        { names: codeNames, query: `theme ${100 + i}` },
      )),
    );
  }
  return { paint, highlights, apply, scroll, keystrokes };
}

/** The static page's text with every coding highlighted, scrolled `runs` times as measureScroll scrolls the app's. */
async function measureBaselineScroll(page: Page, text: string, codings: Array<{ start: number; end: number }>): Promise<ScrollFigures[]> {
  await page.setContent(staticPage);
  await page.evaluate(pageHelpers);
  await page.addStyleTag({ content: '::highlight(bench) { background-color: #4e79a72e; }' });
  await page.evaluate(
    ({ text, codings }) => {
      const article = document.getElementById('text')!;
      const starts: number[] = [];
      let offset = 0;
      for (const paragraph of text.split('\n\n')) {
        const p = document.createElement('p');
        p.textContent = paragraph;
        article.append(p);
        starts.push(offset);
        offset += paragraph.length + 2;
      }
      const nodes = [...article.children].map((p) => p.firstChild as Text);
      const at = (o: number) => {
        let k = starts.length - 1;
        while (k > 0 && starts[k]! > o) k--;
        return { node: nodes[k]!, offset: Math.min(o - starts[k]!, nodes[k]!.length) };
      };
      const highlight = new Highlight();
      for (const c of codings) {
        const range = new Range();
        const a = at(c.start);
        const b = at(c.end);
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        highlight.add(range);
      }
      CSS.highlights.set('bench', highlight);
    },
    { text, codings },
  );
  const scrolls: ScrollFigures[] = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(300);
    scrolls.push(await scrollThrough(page, '#scroll', 240));
  }
  return scrolls;
}

// ---------------------------------------------------------------- run and report

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-ui-'));
  console.log('Generating projects through dispatch (a 60,000-word source with 2,000 codings; a codebook of 1,000 codes)…');
  const readerPath = join(dir, 'reader.quarry');
  const codebookPath = join(dir, 'codebook.quarry');
  const reader = await readerProject(readerPath);
  const codebook = await codebookProject(codebookPath);
  console.log(`  ${reader.words.toLocaleString()} words, 2,000 codings; ${codebook.codes} codes.`);
  const scalePath = join(dir, 'scale.quarry');
  const scale = await scaleProject(scalePath);
  console.log(`  At scale (issue #10): ${scale.sources} sources, ${scale.codes} codes, ${scale.codings.toLocaleString('en')} codings, ${scale.cases} cases, ${scale.themes} themes.`);

  const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: browserArgs });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  let server = await startQuarry({ project: readerPath, dataDir: mkdtempSync(join(dir, 'data-')) });
  const app = await measureReader(page, server.url, reader);
  await server.stop();
  server = await startQuarry({ project: codebookPath, dataDir: mkdtempSync(join(dir, 'data-')) });
  const book = await measureCodebook(page, server.url);
  await server.stop();
  server = await startQuarry({ project: scalePath, dataDir: mkdtempSync(join(dir, 'data-')) });
  const large = await measureScale(page, server, scale, { runs, helpers: pageHelpers });
  await server.stop();

  const codingSpans = await (async () => {
    const ctx = new AppContext({ coder: 'bench', logger: { error: () => {}, info: () => {} } });
    await callOk(ctx, 'project.open', { path: readerPath });
    const sources = await callOk(ctx, 'sources.list', {});
    const codings = await callOk(ctx, 'codings.list', { sourceId: sources.find((s) => s.title === reader.bigTitle)!.id });
    const names = (await (async () => {
      await callOk(ctx, 'project.open', { path: codebookPath });
      return callOk(ctx, 'codes.list', {});
    })()).map((c) => c.name);
    await ctx.close();
    return { codings, names };
  })();
  const base = await measureBaseline(page, reader.text, codingSpans.codings, codingSpans.names);
  await browser.close();

  // Scrolling, measured in a browser that produces frames back to back (see the header).
  const unthrottled = await chromium.launch({ executablePath: chromiumPath, args: [...browserArgs, '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
  const framesPage = await unthrottled.newPage({ viewport: { width: 1360, height: 860 } });
  server = await startQuarry({ project: readerPath, dataDir: mkdtempSync(join(dir, 'data-')) });
  const appScroll = await measureScroll(framesPage, server.url, reader);
  await server.stop();
  const baseScroll = await measureBaselineScroll(framesPage, reader.text, codingSpans.codings);
  await unthrottled.close();

  const figures = [
    { key: 'textPaintedMs', label: 'click → text painted (60,000 words)', values: app.text, target: 100, baseline: base.paint, how: 'median' },
    { key: 'highlightsPaintedMs', label: 'click → all highlights and stripes painted (2,000 codings)', values: app.highlights, target: 200, baseline: base.highlights, how: 'median' },
    { key: 'applyHighlightMs', label: 'apply a code (key 1) → highlight painted', values: app.apply, target: 50, baseline: base.apply, how: 'median' },
    { key: 'scrollFrameP95Ms', label: 'scroll the whole source: p95 frame (back to back)', values: appScroll.map((s) => s.p95), target: 16.7, baseline: baseScroll.map((s) => s.p95), how: 'median' },
    { key: 'scrollLongestTaskMs', label: 'scroll the whole source: longest task', values: appScroll.map((s) => s.longest), target: 50, baseline: baseScroll.map((s) => s.longest), how: 'median' },
    { key: 'codebookOpenMs', label: 'open a codebook of 1,000 codes (4 levels)', values: book.open, target: null, baseline: null, how: 'median' },
    { key: 'codebookFilterKeystrokeMs', label: 'filter-as-you-type, per keystroke', values: book.keystrokes, target: 50, baseline: base.keystrokes, how: 'median' },
    { key: 'matrixCodeSourceMs', label: 'matrix code × source (200 × 300, 20,000 codings)', values: large.matrix.segments.sources, target: 300, baseline: large.baseline.matrix.segments.sources, how: 'median' },
    { key: 'matrixCodeCaseMs', label: 'matrix code × case', values: large.matrix.segments.cases, target: 300, baseline: large.baseline.matrix.segments.cases, how: 'median' },
    { key: 'matrixCodeAttributeMs', label: 'matrix code × attribute value', values: large.matrix.segments.attribute, target: 300, baseline: large.baseline.matrix.segments.attribute, how: 'median' },
    { key: 'matrixCooccurrenceMs', label: 'matrix code × code (co-occurrence)', values: large.matrix.segments.codes, target: 300, baseline: large.baseline.matrix.segments.codes, how: 'median' },
    { key: 'matrixCodeSourceCoverageMs', label: 'matrix code × source, coverage', values: large.matrix.coverage.sources, target: 300, baseline: large.baseline.matrix.coverage.sources, how: 'median' },
    { key: 'matrixCodeCaseCoverageMs', label: 'matrix code × case, coverage', values: large.matrix.coverage.cases, target: 300, baseline: large.baseline.matrix.coverage.cases, how: 'median' },
    { key: 'matrixCodeAttributeCoverageMs', label: 'matrix code × attribute value, coverage', values: large.matrix.coverage.attribute, target: 300, baseline: large.baseline.matrix.coverage.attribute, how: 'median' },
    { key: 'matrixCooccurrenceCoverageMs', label: 'matrix code × code, coverage', values: large.matrix.coverage.codes, target: 300, baseline: large.baseline.matrix.coverage.codes, how: 'median' },
    { key: 'segmentsFirstRowsMs', label: `retrieved segments of the largest code (${scale.largestCode.segments.toLocaleString('en')}): first rows`, values: large.segmentsFirstRows, target: 300, baseline: large.baseline.segmentsFirstRows, how: 'median' },
    { key: 'cellSegmentsFirstRowsMs', label: 'its row total in a matrix, drilled into: first rows', values: large.cellSegmentsFirstRows, target: 300, baseline: large.baseline.cellSegmentsFirstRows, how: 'median' },
    { key: 'networkMs', label: 'network view drawn', values: large.network, target: 1000, baseline: large.baseline.network, how: 'median' },
  ] as const;

  const fmt = (n: number) => n.toFixed(1);
  console.log(`\n${runs} runs each. Baseline: the same work on a static page with no app, in the same browser and run.\n`);
  console.log('figure'.padEnd(60), 'Quarry median (max)'.padEnd(22), 'target'.padEnd(10), 'baseline median'.padEnd(17), 'ratio', ' verdict');
  const json: Record<string, number> = {};
  for (const f of figures) {
    const mid = median([...f.values]);
    const worst = max([...f.values]);
    const b = f.baseline ? median([...f.baseline]) : null;
    json[f.key] = Number(mid.toFixed(2));
    json[f.key.replace(/Ms$/, 'MaxMs')] = Number(worst.toFixed(2));
    const verdict = f.target === null ? '(no target)' : worst <= f.target ? 'meets target' : mid <= f.target ? 'median meets, worst run misses' : 'misses target';
    console.log(
      f.label.padEnd(60),
      `${fmt(mid)} (${fmt(worst)}) ms`.padEnd(22),
      (f.target === null ? '—' : `≤ ${f.target} ms`).padEnd(10),
      (b === null ? '—' : `${fmt(b)} ms`).padEnd(17),
      b ? `${(mid / Math.max(b, 0.1)).toFixed(1)}×`.padEnd(6) : '—'.padEnd(6),
      verdict,
    );
  }
  const overBudget = (scrolls: ScrollFigures[]) => scrolls.map((s) => `${s.over} of ${s.frames}`).join(', ');
  const medianFrame = (scrolls: ScrollFigures[]) => fmt(median(scrolls.map((s) => s.median)));
  console.log(`\nScrolling, frames back to back: median frame ${medianFrame(appScroll)} ms in Quarry, ${medianFrame(baseScroll)} ms on the static page;`);
  console.log(`  frames over 16.7 ms (dropped at 60 Hz), per scroll: Quarry ${overBudget(appScroll)}; static page ${overBudget(baseScroll)}.`);
  console.log(`Scrolling at vsync (60 Hz), once: p95 interval ${fmt(app.scroll.p95)} ms in Quarry (${app.scroll.frames} frames), ${fmt(base.scroll.p95)} ms on the static page (${base.scroll.frames} frames).`);
  json.scrollFramesOver16_7 = median(appScroll.map((s) => s.over));
  json.scrollFramesOver16_7Max = max(appScroll.map((s) => s.over));
  json.scrollFrameMedianMs = Number(median(appScroll.map((s) => s.median)).toFixed(2));
  json.scrollVsyncP95Ms = Number(app.scroll.p95.toFixed(2));
  console.log(`At scale, the network showed ${large.networkSize.nodes} nodes and ${large.networkSize.edges.toLocaleString('en')} links; its baseline is Cytoscape.js alone drawing them, the tables' and list's the same HTML on a static page.`);
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`Wrote ${values.json}`);
  }
}

await main();
