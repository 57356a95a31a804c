import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDir } from './paths';
import { openDatabase } from '../services/store/database';
import { ensureSampleProject, readSampleSpec } from './sample-project';

describe('the sample project', () => {
  it('is built on first run from the shipped files, which stay unchanged, and reused afterwards', async () => {
    const shipped = readdirSync(sampleDir()).map((f) => [f, readFileSync(join(sampleDir(), f), 'utf8')] as const);
    // A first run on a fresh machine: the per-user folder does not exist yet.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'quarry-sample-')), 'Quarry');
    const path = await ensureSampleProject(sampleDir(), dataDir);
    const spec = readSampleSpec(sampleDir());
    const db = openDatabase(path);
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('sources')).toBe(spec.sources.length);
    expect(count('codes')).toBe(spec.codes.reduce((n, c) => n + 1 + c.children.length, 0));
    expect(count('codings')).toBe(spec.codings.length);
    expect(count('memos')).toBe(spec.memos.length);
    expect(count('conclusions')).toBe(spec.conclusions.length);
    expect(count('source_attributes')).toBe(spec.sources.reduce((n, s) => n + Object.keys(s.attributes).length, 0));
    // Every coding covers exactly the quote it was written for.
    const quotes = db
      .prepare('SELECT substr(s.text, c.start + 1, c.end - c.start) FROM codings c JOIN sources s ON s.id = c.source_id')
      .pluck()
      .all();
    expect(new Set(quotes)).toEqual(new Set(spec.codings.map((c) => c.quote)));
    // The manuscript arrives audited, with the sample's verdicts on the links they were written for.
    expect(count('audit_runs')).toBe(spec.sources.filter((s) => s.kind === 'manuscript').length);
    expect(count('audit_findings')).toBeGreaterThan(0);
    const verdicts = db
      .prepare(
        `SELECT v.verdict, v.note, cl.text AS claim, c.text AS citation FROM verdicts v
         JOIN claims cl ON cl.source_id = v.source_id AND cl.claim_key = v.claim_key
         JOIN citations c ON c.source_id = v.source_id AND c.citation_key = v.citation_key
         JOIN claim_citations cc ON cc.claim_id = cl.id AND cc.citation_id = c.id`,
      )
      .all() as Array<{ verdict: string; note: string; claim: string; citation: string }>;
    expect(verdicts).toHaveLength(spec.verdicts.length);
    for (const expected of spec.verdicts) {
      expect(verdicts).toContainEqual(
        expect.objectContaining({ verdict: expected.verdict, note: expected.note, citation: expect.stringContaining(expected.citation) }),
      );
    }
    db.close();
    const modified = statSync(path).mtimeMs;
    expect(await ensureSampleProject(sampleDir(), dataDir)).toBe(path);
    expect(statSync(path).mtimeMs).toBe(modified);
    expect(readdirSync(sampleDir()).map((f) => [f, readFileSync(join(sampleDir(), f), 'utf8')] as const)).toEqual(shipped);
  });
});
