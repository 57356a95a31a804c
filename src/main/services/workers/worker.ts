// The worker threads' entry: the jobs of jobs.ts. What each job needs is loaded on its first use,
// so a worker that only builds search segments never loads the PDF engine.
import type { Analyzer } from '../search/analyzer';
import type { Jobs } from './jobs';
import { serveJobs } from './serve';

const analyzers = new Map<string, Analyzer>();

serveJobs<Jobs>({
  'search.build': async ({ language, inputs }) => {
    const [{ Analyzer }, { buildSegment }] = await Promise.all([import('../search/analyzer'), import('../search/segment')]);
    let analyzer = analyzers.get(language);
    if (!analyzer) analyzers.set(language, (analyzer = new Analyzer(language)));
    const segment = buildSegment(inputs, analyzer);
    const arrays = [segment.hashes, ...segment.fieldLengths, ...segment.fields.flatMap((f) => [f.termStart, f.docs, f.tfs, f.posStart, f.positions])];
    return { value: segment, transfer: arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])) };
  },
  'import.extract': async ({ bytes, fileName }, report) => {
    const { extractBuffer } = await import('../import/extract');
    return { value: await extractBuffer(bytes, fileName, report) };
  },
  'audit.text': async ({ text }, report) => {
    const { auditText } = await import('../../../shared/domain/audit');
    return { value: auditText(text, report) };
  },
});
