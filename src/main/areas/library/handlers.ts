import type { ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { cslFromFields, cslFromParsed, identityOf, mergeCsl, referenceLabel, sameWork, type CslItem, type LibraryReference } from '../../../shared/domain/library';
import { planImport, type ReferenceImportPreview, type ReferenceImportResult } from '../../../shared/domain/library-import';
import { extractInWorker, type ExtractedDocument } from '../../services/import';
import { decodeBase64 } from '../../services/import/base64';
import { formatReferences } from '../../services/references/format';
import { readReferenceFile, type ReadReferences } from '../../services/references/read-file';
import type { Db } from '../../services/store/database';
import { loadAudit } from '../audit/repository';
import { inTwoPhases, type AreaContext, type AreaHandlers } from '../kit';
import { addExtractedSource } from '../sources/add-source';
import { findSourceSummary, setSourceAuthorship } from '../sources/repository';
import { matchAttachment } from './attachments';
import {
  deleteReferences,
  findReference,
  insertReference,
  listReferences,
  referenceIdentities,
  referenceOfSource,
  setReferenceFullText,
  updateReferenceCsl,
} from './repository';

const referenceGone = () => new AppError('NOT_FOUND', 'That reference is no longer in the library.');
const sourceGone = () => new AppError('NOT_FOUND', 'That source no longer exists in this project.');

/** The source takes its reference's authors (as written: "Family, Given") and year. */
function giveAuthorship(db: Db, sourceId: string, csl: CslItem, now: string): void {
  const names = (csl.author ?? csl.editor ?? []).map((name) => (name.family ? [name.family, name.given].filter(Boolean).join(', ') : (name.literal ?? '')));
  setSourceAuthorship(db, sourceId, names.filter(Boolean), identityOf(csl).year, now);
}

function linkFullText(db: Db, referenceId: string, sourceId: string, now: string): void {
  const holder = referenceOfSource(db, sourceId);
  if (holder && holder.id !== referenceId) {
    throw new AppError('CONFLICT', `That source is already the full text of ${referenceLabel(holder)}; unlink it there first.`);
  }
  setReferenceFullText(db, referenceId, sourceId, now);
  giveAuthorship(db, sourceId, findReference(db, referenceId)!.csl, now);
}

interface Incoming {
  line: number;
  csl: CslItem;
  /** The extracted full text to add as a source, with the file it came from. */
  fullText?: { fileName: string; doc: ExtractedDocument };
}

/**
 * Adds records to the library, merging each that is a work already there (or repeats an earlier
 * record) unless the user chose to keep it apart. Shared by importing a file and taking in an
 * audited manuscript's reference list.
 */
function addRecords(ctx: AreaContext, records: readonly Incoming[], origin: string, keepApart: ReadonlySet<number>) {
  const { db } = ctx.project;
  const now = ctx.clock();
  const plan = planImport(referenceIdentities(db), records.map((r) => r.csl));
  const added: ReferenceImportResult['added'] = [];
  const merged: ReferenceImportResult['merged'] = [];
  const fullTexts: ReferenceImportResult['fullTexts'] = [];
  const idOfRecord: string[] = [];
  records.forEach((record, index) => {
    const { duplicateOf, repeats } = plan[index]!;
    const target = keepApart.has(index) ? null : (duplicateOf ?? (repeats === null ? null : (idOfRecord[repeats] ?? null)));
    let id: string;
    if (target) {
      const existing = findReference(db, target)!;
      updateReferenceCsl(db, target, mergeCsl(existing.csl, record.csl), now);
      merged.push({ id: target, label: referenceLabel(identityOf(existing.csl)), line: record.line });
      id = target;
    } else {
      id = ctx.newId();
      insertReference(db, { id, csl: record.csl, origin, now });
      added.push({ id, label: referenceLabel(identityOf(record.csl)), line: record.line });
    }
    idOfRecord[index] = id;
    if (record.fullText && !findReference(db, id)!.fullTextSourceId) {
      const title = identityOf(record.csl).title || undefined;
      const sourceId = addExtractedSource(db, record.fullText.doc, { fileName: record.fullText.fileName, title, kind: 'paper' }, { newId: ctx.newId, now });
      linkFullText(db, id, sourceId, now);
      fullTexts.push({ referenceId: id, sourceId, fileName: record.fullText.fileName });
    }
  });
  return { added, merged, fullTexts };
}

interface PreparedImport {
  read: ReadReferences;
  fullTexts: Map<number, { fileName: string; doc: ExtractedDocument }>;
  missingFiles: ReferenceImportResult['missingFiles'];
}

/** Quarry imports the first attached file of each record that it can read, preferring a PDF. */
const READABLE = /\.(pdf|docx|html?|md|txt)$/i;

export const libraryHandlers: AreaHandlers<'library.'> = {
  'library.list': (_input, ctx) => listReferences(ctx.project.db),
  'library.add': ({ fields }, ctx) => {
    const id = ctx.newId();
    insertReference(ctx.project.db, { id, csl: cslFromFields(fields), origin: 'added by hand', now: ctx.clock() });
    return findReference(ctx.project.db, id)!;
  },
  'library.update': ({ id, fields }, ctx) => {
    const { db } = ctx.project;
    const existing = findReference(db, id);
    if (!existing) throw referenceGone();
    // The form's fields replace theirs; fields it does not show (ISBN, editors, abstract …) stay.
    const { author: _a, issued: _i, 'container-title': _c, volume: _v, issue: _n, page: _p, publisher: _pb, DOI: _d, URL: _u, ...kept } = existing.csl;
    updateReferenceCsl(db, id, { ...kept, ...cslFromFields(fields) }, ctx.clock());
    return findReference(db, id)!;
  },
  'library.remove': ({ ids }, ctx) => ({ removed: deleteReferences(ctx.project.db, ids) }),
  'library.previewImport': ({ fileName, text, attachmentPaths }, ctx): ReferenceImportPreview => {
    const read = readReferenceFile(fileName, text);
    const existing = referenceIdentities(ctx.project.db);
    const plan = planImport(existing, read.records.map((r) => r.csl));
    const labels = new Map(listReferences(ctx.project.db).map((r) => [r.id, referenceLabel(r)]));
    return {
      fileName,
      format: read.format,
      skipped: read.skipped,
      records: read.records.map((record, index) => {
        const { identity, duplicateOf, repeats } = plan[index]!;
        return {
          index,
          line: record.line,
          type: identity.type,
          authors: identity.authors,
          year: identity.year,
          title: identity.title,
          doi: identity.doi,
          duplicateOf: duplicateOf ? { id: duplicateOf, label: labels.get(duplicateOf) ?? '' } : null,
          repeats,
          attachments: record.attachments.map((path) => ({ path, found: matchAttachment(path, attachmentPaths) !== undefined })),
        };
      }),
    };
  },
  'library.import': inTwoPhases<ParsedInput<'library.import'>, PreparedImport, ReferenceImportResult>({
    // Reading the file and the attached full texts is the slow part; it writes nothing.
    prepare: async ({ fileName, text, attachments }, ctx) => {
      const read = readReferenceFile(fileName, text);
      if (read.records.length === 0) {
        const first = read.skipped[0];
        throw new AppError('UNREADABLE', `No reference in ${fileName} could be read${first ? ` (line ${first.line}: ${first.reason})` : ''}. Check that it is BibTeX, RIS or CSL-JSON.`);
      }
      const fullTexts = new Map<number, { fileName: string; doc: ExtractedDocument }>();
      const missingFiles: ReferenceImportResult['missingFiles'] = [];
      const paths = attachments.map((a) => a.path);
      const wanted = read.records.flatMap((record, index) => {
        const named = record.attachments.filter((path) => READABLE.test(path)).sort((a, b) => Number(!/\.pdf$/i.test(a)) - Number(!/\.pdf$/i.test(b)));
        if (named.length === 0) return [];
        const found = named.map((path) => matchAttachment(path, paths)).find((i) => i !== undefined);
        if (found === undefined) {
          missingFiles.push({ path: named[0]!, line: record.line, reason: 'the file was not given with the import' });
          return [];
        }
        return [{ index, line: record.line, attachment: attachments[found]! }];
      });
      const task = `references:${fileName}`;
      for (const [done, item] of wanted.entries()) {
        const name = item.attachment.path.split(/[\\/]/).pop()!;
        ctx.emit('progress', { task, label: `Reading ${name}`, done, total: wanted.length });
        try {
          fullTexts.set(item.index, { fileName: name, doc: await extractInWorker(decodeBase64(item.attachment.dataBase64, name), name) });
        } catch (error) {
          missingFiles.push({ path: item.attachment.path, line: item.line, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      if (wanted.length > 0) ctx.emit('progress', { task, label: `Read ${fullTexts.size} attached files`, done: wanted.length, total: wanted.length });
      return { read, fullTexts, missingFiles };
    },
    apply: ({ fileName, keepApart }, prepared, ctx) => {
      const records = prepared.read.records.map((record, index) => ({ line: record.line, csl: record.csl, fullText: prepared.fullTexts.get(index) }));
      const result = addRecords(ctx, records, fileName, new Set(keepApart));
      return { fileName, format: prepared.read.format, ...result, skipped: prepared.read.skipped, missingFiles: prepared.missingFiles };
    },
  }),
  'library.takeFromAudit': ({ sourceId }, ctx) => {
    const { db } = ctx.project;
    const source = findSourceSummary(db, sourceId);
    if (!source) throw sourceGone();
    const audit = loadAudit(db, sourceId);
    if (!audit) throw new AppError('CONFLICT', `${source.title} has not been audited yet: run the audit first, then take its references.`);
    const records = audit.references.map((entry) => ({ line: entry.ordinal + 1, csl: cslFromParsed({ ...entry, editors: [] }) }));
    const usable = records.filter((record) => identityOf(record.csl).title !== '' || identityOf(record.csl).authors.length > 0);
    const skipped = records
      .filter((record) => !usable.includes(record))
      .map((record) => ({ line: record.line, endLine: record.line, reason: 'the entry has neither a title nor an author that could be read' }));
    const result = addRecords(ctx, usable, `Reference list of ${source.title}`, new Set());
    return { fileName: source.title, format: 'csl-json', ...result, skipped, missingFiles: [] };
  },
  'library.linkFullText': ({ referenceId, sourceId }, ctx) => {
    const { db } = ctx.project;
    if (!findReference(db, referenceId)) throw referenceGone();
    if (sourceId === null) setReferenceFullText(db, referenceId, null, ctx.clock());
    else {
      if (!findSourceSummary(db, sourceId)) throw sourceGone();
      linkFullText(db, referenceId, sourceId, ctx.clock());
    }
    return findReference(db, referenceId)!;
  },
  'library.duplicates': (_input, ctx) => {
    const references = listReferences(ctx.project.db).map((reference) => ({ reference, identity: identityOf(reference.csl) }));
    const grouped = new Set<string>();
    const groups: Array<{ ids: string[] }> = [];
    for (const { reference, identity } of references) {
      if (grouped.has(reference.id)) continue;
      const same = references.filter((other) => other.reference.id !== reference.id && !grouped.has(other.reference.id) && sameWork(identity, other.identity));
      if (same.length === 0) continue;
      const ids = [reference.id, ...same.map((other) => other.reference.id)];
      ids.forEach((id) => grouped.add(id));
      groups.push({ ids });
    }
    return groups;
  },
  'library.merge': ({ keepId, mergeIds }, ctx) => {
    const { db } = ctx.project;
    const kept = findReference(db, keepId);
    const others = mergeIds.filter((id) => id !== keepId).map((id) => findReference(db, id));
    if (!kept || others.some((other) => other === undefined)) throw referenceGone();
    const now = ctx.clock();
    const csl = (others as LibraryReference[]).reduce((acc, other) => mergeCsl(acc, other.csl), kept.csl);
    const fullText = kept.fullTextSourceId ?? (others as LibraryReference[]).find((other) => other.fullTextSourceId)?.fullTextSourceId ?? null;
    deleteReferences(db, mergeIds.filter((id) => id !== keepId));
    updateReferenceCsl(db, keepId, csl, now);
    if (fullText && !kept.fullTextSourceId) setReferenceFullText(db, keepId, fullText, now);
    return findReference(db, keepId)!;
  },
  'library.format': ({ style, ids }, ctx) => {
    const all = listReferences(ctx.project.db);
    const chosen = ids ? all.filter((reference) => ids.includes(reference.id)) : all;
    return { style, entries: formatReferences(chosen, style) };
  },
};
