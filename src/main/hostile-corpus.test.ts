import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorPayload } from '../shared/api/errors';
import type { AppContext } from './app/context';
import { dispatch } from './app/dispatch';
import { extractFile } from './services/import';
import { callOk } from './test-support/api';
import { tempProjectPath, testContext } from './test-support/context';
import { writeHostileCorpus, type HostileCorpus, type HostileFile, type Outcome } from './test-support/hostile-corpus';

// Every importer against every hostile or broken file: each file as what its name says, and as
// each other format too (a zip bomb named .txt, a PDF named .md), through sources.import as the
// app sends it, or from disk as the CLI reads it for what is not a regular file. Each must end
// as a source or as a clear refusal — never INTERNAL, never a crash — and the project stays sound.

const FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'] as const;
const CLEAR_CODES = ['UNREADABLE', 'UNSUPPORTED', 'NOT_FOUND'];

let dir: string;
let corpus: HostileCorpus;
let ctx: AppContext;
let projectPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quarry-hostile-'));
  corpus = await writeHostileCorpus(dir);
  ctx = testContext();
  projectPath = tempProjectPath();
  await callOk(ctx, 'project.create', { path: projectPath, name: 'Hostile' });
}, 60_000);

afterAll(async () => {
  ctx?.close();
  await corpus?.close();
  rmSync(dir, { recursive: true, force: true });
});

const renamed = (name: string, format: string): string => name.replace(/\.[^.]+$/, `.${format}`);

/** The import through dispatch: a source's text, or the error it answered with. */
async function importBytes(bytes: Buffer, fileName: string): Promise<{ text: string } | { error: ErrorPayload }> {
  const result = await dispatch(ctx, 'sources.import', { fileName, dataBase64: bytes.toString('base64') });
  if (!result.ok) return { error: result.error };
  const source = await callOk(ctx, 'sources.get', { id: (result.value as { id: string }).id });
  return { text: source.text };
}

/** A refusal a person can act on: a known code and one sentence naming the file. */
function expectClear(error: ErrorPayload, fileName: string): void {
  expect(CLEAR_CODES, `${fileName}: ${error.code} ${error.message}`).toContain(error.code);
  expect(error.message.startsWith(`'${fileName}' `), error.message).toBe(true);
  expect(error.message.split(/\.\s+[A-Z]/).length, `one or two sentences: ${error.message}`).toBeLessThanOrEqual(2);
  expect(error.message).not.toMatch(/report this|stack|at \w+ \(/i);
}

function expectOutcome(outcome: { text: string } | { error: ErrorPayload }, expected: Outcome, fileName: string): void {
  if ('imports' in expected) {
    expect(outcome, `${fileName} should import`).toHaveProperty('text');
    expect((outcome as { text: string }).text).toContain(expected.contains);
  } else {
    expect(outcome, `${fileName} should be refused`).toHaveProperty('error');
    const { error } = outcome as { error: ErrorPayload };
    expectClear(error, fileName);
    expect(error.message).toMatch(expected.refused);
  }
}

describe('the hostile corpus', () => {
  it('has at least 60 files across every attack class', () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.files.map((f) => f.attack)).size).toBeGreaterThanOrEqual(25);
  });

  it('ends each file imported as its own format as it should: a source with its text, or a clear refusal saying why', { timeout: 240_000 }, async () => {
    const uploadable = corpus.files.filter((f) => !f.pathOnly);
    for (const file of uploadable) expectOutcome(await importBytes(readFileSync(join(dir, file.name)), file.name), file.expect, file.name);
  });

  it('ends every file read by every other importer as a source or a clear refusal', { timeout: 240_000 }, async () => {
    // The bombs are left out here: as another format they are refused from their first bytes,
    // and as their own format they are tried above; reading each five times would only cost time.
    const others = corpus.files.filter((f) => !f.pathOnly && !/bomb/.test(f.name));
    for (const file of others) {
      const bytes = readFileSync(join(dir, file.name));
      for (const format of FORMATS.filter((f) => !file.name.endsWith(`.${f}`))) {
        const name = renamed(file.name, format);
        const outcome = await importBytes(bytes, name);
        if ('error' in outcome) expectClear(outcome.error, name);
      }
    }
  });

  it('refuses what is not a regular file before reading it, and reads links to regular files', { timeout: 60_000 }, async () => {
    const onDisk: HostileFile[] = corpus.files.filter((f) => f.pathOnly);
    expect(onDisk.length).toBeGreaterThanOrEqual(8);
    for (const file of onDisk) {
      let outcome: { text: string } | { error: ErrorPayload };
      try {
        outcome = { text: (await extractFile(join(dir, file.name))).text };
      } catch (error) {
        outcome = { error: error as ErrorPayload };
      }
      expectOutcome(outcome, file.expect, file.name);
    }
  });

  it('leaves a sound project holding exactly the sources that imported', async () => {
    const sources = await callOk(ctx, 'sources.list', {});
    expect(sources.length).toBeGreaterThan(10);
    await ctx.close();
    ctx = testContext();
    const reopened = await callOk(ctx, 'project.open', { path: projectPath });
    expect(reopened.counts.sources).toBe(sources.length);
    expect(ctx.project.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
