// The worker threads' entry: the jobs of jobs.ts. What each job needs is loaded on its first use,
// so a worker that only builds search segments never loads the PDF engine.
import type { Analyzer } from '../search/analyzer';
import type { Segment } from '../search/segment';
import type { BuiltSegment, Jobs } from './jobs';
import { serveJobs } from './serve';

const analyzers = new Map<string, Analyzer>();

/** A built segment and its encoding, their arrays handed back to the main thread rather than copied. */
async function answer(segment: Segment, store: boolean): Promise<{ value: BuiltSegment; transfer: ArrayBuffer[] }> {
  const stored = store ? (await import('../search/segment-codec')).storedSegment(segment) : undefined;
  const arrays = [segment.hashes, ...segment.fieldLengths, ...segment.fields.flatMap((f) => [f.termStart, f.docs, f.tfs, f.posStart, f.positions])];
  const transfer = new Set(arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])));
  // A small Buffer may live in Node's shared pool: only blobs that own their memory are handed over.
  for (const blob of [stored?.data, stored?.positions]) if (blob && blob.byteLength === blob.buffer.byteLength) transfer.add(blob.buffer as ArrayBuffer);
  return { value: { segment, stored }, transfer: [...transfer] };
}

serveJobs<Jobs>({
  'search.build': async ({ language, inputs, store }) => {
    const [{ Analyzer }, { buildSegment }] = await Promise.all([import('../search/analyzer'), import('../search/segment')]);
    let analyzer = analyzers.get(language);
    if (!analyzer) analyzers.set(language, (analyzer = new Analyzer(language)));
    return answer(buildSegment(inputs, analyzer), store);
  },
  'search.merge': async ({ segments, dead }) => {
    const { mergeSegments } = await import('../search/segment');
    return answer(mergeSegments(segments, dead), true);
  },
  'search.mergeStored': async ({ path, rowIds, dead }) => {
    const [{ mergeSegments }, { readSegments }, { joinProject }] = await Promise.all([import('../search/segment'), import('../search/segment-store'), import('../store/database')]);
    // The project is held only while its segments are read: a connection left open would keep the
    // project's own closing from folding its write-ahead log in.
    const db = joinProject(path, { readonly: true });
    let segments: ReturnType<typeof readSegments>;
    try {
      segments = readSegments(db, rowIds);
    } finally {
      db.close();
    }
    return answer(mergeSegments(segments, dead), true);
  },
  'import.extract': async ({ bytes, fileName }, report) => {
    const { extractBuffer } = await import('../import/extract');
    return { value: await extractBuffer(bytes, fileName, report) };
  },
  'audit.text': async ({ text }, report) => {
    const { auditSourceText } = await import('../../../shared/domain/audit');
    return { value: auditSourceText(text, report) };
  },
});
