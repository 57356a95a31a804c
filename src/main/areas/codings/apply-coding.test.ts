import fc from 'fast-check';
import { repairText } from '../../../shared/api/well-formed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app/context';
import { dispatch } from '../../app/dispatch';
import { callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';

// The offset arithmetic of codings, for any span: offsets are UTF-16 code units into a source's
// text; a span is stored exactly as given when it lies within the text and cuts no character in
// half, and is otherwise refused as VALIDATION — never stored wrong, never INTERNAL.

const text = 'Rina 🙂 sells bags. 𝔸 parcel to Jakarta costs ₹300 — too much.\n\nShe ships 🚢 by sea; ñ and n\u0303 differ.';

let ctx: AppContext;
let sourceId: string;
let codeId: string;
let length: number;
/** The source's text as imported (normalized to NFC, so n + combining tilde is stored as ñ). */
let stored: string;
beforeAll(async () => {
  ctx = testContext();
  await callOk(ctx, 'project.create', { path: tempProjectPath(), name: 'Offsets' });
  sourceId = (await callOk(ctx, 'sources.import', { fileName: 'interview.txt', dataBase64: Buffer.from(text).toString('base64') })).id;
  codeId = (await callOk(ctx, 'codes.create', { name: 'Costs' })).id;
  stored = (await callOk(ctx, 'sources.text', { id: sourceId })).text;
  length = stored.length;
});
afterAll(() => ctx?.close());

/** True when `offset` falls between the two halves of a surrogate pair of `source`. */
const splitsPair = (source: string, offset: number) => /[\uD800-\uDBFF]/.test(source[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(source[offset] ?? '');

describe('codings.apply, for any span (property-based)', () => {
  it('stores a span within the text exactly, refuses any other as VALIDATION, and never cuts a character in half', async () => {
    const offset = fc.integer({ min: -3, max: length + 3 });
    await fc.assert(
      fc.asyncProperty(offset, offset, async (start, end) => {
        const result = await dispatch(ctx, 'codings.apply', { sourceId, codeId, start, end });
        const valid = start >= 0 && end > start && end <= length && !splitsPair(stored, start) && !splitsPair(stored, end);
        if (!valid) {
          expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
          return;
        }
        expect(result.ok).toBe(true);
        const listed = await callOk(ctx, 'codings.list', { sourceId, codeId });
        const coding = listed.find((c) => c.start === start && c.end === end);
        expect(coding).toBeDefined();
        // The coded text is well-formed: no half of a character at either end.
        expect(repairText(stored.slice(start, end))).toBe(stored.slice(start, end));
      }),
      { numRuns: 300 },
    );
  });

  it('applying the same span twice gives the same coding, and undoing an application takes exactly it back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 20 }), async (start, width) => {
        const end = Math.min(length, start + width);
        if (splitsPair(stored, start) || splitsPair(stored, end)) return;
        const before = await callOk(ctx, 'codings.list', { sourceId });
        const first = await callOk(ctx, 'codings.apply', { sourceId, codeId, start, end });
        const again = await callOk(ctx, 'codings.apply', { sourceId, codeId, start, end });
        expect(again.id).toBe(first.id);
        const isNew = !before.some((c) => c.id === first.id);
        if (isNew) {
          await callOk(ctx, 'history.undo', {});
          expect(await callOk(ctx, 'codings.list', { sourceId })).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
