import fc from 'fast-check';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';
import type { AuditView } from '../../shared/domain/audit-view';
import { callOk } from '../test-support/api';
import { arbitraryInput, type InputPools } from '../test-support/arbitrary-input';
import { tempProjectPath, testContext } from '../test-support/context';
import type { AppContext } from './context';
import { dispatch } from './dispatch';

// Random inputs to every method of the contract (the list is the contract's own, so a new
// method is covered the day it is added): each answer must be a result or one of the errors a
// caller can act on — never INTERNAL, never a throw. Inputs are shaped by each method's schema,
// with real ids of a fixture project mixed in so calls get past validation into the handlers.
// QUARRY_PROPERTY_RUNS raises the number of inputs per method (40 by default).

const expected: readonly ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'NO_PROJECT', 'UNSUPPORTED', 'UNREADABLE'];
const runs = Number(process.env.QUARRY_PROPERTY_RUNS ?? 40);
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const manuscript = readFileSync(join(import.meta.dirname, '../test-support/fixtures/review-manuscript.md'));

let fixture: string;
let sandbox: string;
let pools: InputPools;

/** A small project with something of everything, its search index built, closed: each method works on a copy of it. */
beforeAll(async () => {
  const ctx = testContext({ backups: { onOpen: false, everyMinutes: 0 } });
  fixture = tempProjectPath('fixture.quarry');
  sandbox = join(dirname(fixture), 'sandbox');
  mkdirSync(sandbox);
  const call = <M extends MethodName>(method: M, input: Parameters<typeof callOk<M>>[2]) => callOk(ctx, method, input);
  await call('project.create', { path: fixture, name: 'Fuzz' });
  const interview = await call('sources.import', { fileName: 'interview.txt', dataBase64: b64('Rina sells bags 🙂 online.\n\nShipping abroad costs too much.') });
  const paper = await call('sources.import', { fileName: 'review.md', dataBase64: b64(manuscript), kind: 'manuscript' });
  const parent = await call('codes.create', { name: 'Barriers' });
  const code = await call('codes.create', { name: 'Shipping costs', parentId: parent.id });
  const coding = await call('codings.apply', { sourceId: interview.id, codeId: code.id, start: 28, end: 59 });
  const memo = await call('memos.create', { title: 'On shipping', body: 'Costs come up twice.', target: { kind: 'coding', id: coding.id } });
  const conclusion = await call('conclusions.create', { statement: 'Shipping costs hold sellers back.' });
  const audit: AuditView = await call('audit.run', { sourceId: paper.id });
  await call('search.query', { q: 'shipping' });
  const backup = await call('backups.create', {});
  await ctx.close();
  const claim = audit.claims.find((c) => c.links.length > 0)!;
  pools = {
    ids: [interview.id, paper.id, parent.id, code.id, coding.id, memo.id, conclusion.id, claim.key, claim.links[0]!.citationKey, audit.references[0]!.id, backup.path],
    byField: {
      dataBase64: [b64('Plain notes.\n\nTwo paragraphs.'), b64(manuscript), b64(Buffer.from([0, 159, 146, 150, 255])), 'not base64 at all', ''],
      q: ['shipping', '"shipping costs"', 'cost*', '+rina -bags', 'title:review', 'cost~1', '*', '-', '"'],
      fileName: ['notes.txt', 'paper.pdf', 'thesis.docx', 'page.html', 'notes.md', 'image.png', '.', '../../etc/passwd'],
      name: ['country', 'Barriers', 'Shipping costs'],
    },
    path: (name) => join(sandbox, name.replace(/[/\\\0]/g, '_').slice(0, 60) || 'empty'),
  };
}, 60_000);

let ctx: AppContext;
afterAll(() => ctx?.close());

describe('every API method, given random input (property-based)', () => {
  it.each(methodNames)('%s answers a result or an error a caller can act on, never INTERNAL', async (method) => {
    await ctx?.close();
    // Ids of its own: the fixture's were counted by another test context from the same start.
    let made = 0;
    ctx = testContext({ backups: { onOpen: false, everyMinutes: 0 }, newId: () => `fuzz-${++made}` });
    const copy = join(sandbox, `${method}.quarry`);
    copyFileSync(fixture, copy);
    await ctx.openProject(copy);
    await fc.assert(
      fc.asyncProperty(arbitraryInput(contract[method].input, pools), async (input) => {
        // Control methods may open another project or close this one: come back to the copy.
        if (!ctx.hasProject) await ctx.openProject(copy);
        const result = await dispatch(ctx, method, input);
        if (!result.ok) expect(expected, `${method} answered ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
      }),
      { numRuns: runs, seed: [...method].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, 7) },
    );
    // Creating a project or a backup takes a tenth of a second or more: allow for it on a busy machine.
  }, Math.max(20_000, runs * 500));
});
