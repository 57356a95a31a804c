import type { ExportFile } from '../../../shared/api/areas/exports';
import { AppError } from '../../../shared/api/errors';
import { citationStyle } from '../../../shared/domain/citation-styles';
import { allNodes, buildCodeTree, codePath } from '../../../shared/domain/code-tree';
import { auditReportDocument } from '../../../shared/domain/export/audit-report';
import { runsFromCiteprocHtml, type ExportDocument } from '../../../shared/domain/export/document';
import { renderHtml, renderMarkdown } from '../../../shared/domain/export/render-text';
import { buildSummary } from '../../../shared/domain/export/summary';
import { buildMatrix, matrixColumnLabels, type MatrixSpec } from '../../../shared/domain/display/matrix';
import { matrixTable } from '../../../shared/domain/display/render';
import { codebookTable, segmentsTable, toCsv, type SegmentRow, type Table } from '../../../shared/domain/export/table';
import { renderDocx } from '../../services/export/docx';
import { renderPdf } from '../../services/export/pdf';
import { renderXlsx } from '../../services/export/xlsx';
import { formatReferences } from '../../services/references/format';
import { writeReferences } from '../../services/references/write';
import { loadAudit } from '../audit/repository';
import { listCodes } from '../codes/repository';
import { matrixFacts } from '../display/repository';
import type { AreaContext, AreaHandlers } from '../kit';
import { findSourceSummary } from '../sources/repository';
import { chooseReferences } from './cited';
import { attributesOf, caseMemberships, codeCriteria, codedSegments, memosOn, sourcesWithText } from './repository';
import { codesWithin, summaryInput } from './summary-data';

const MIME = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
} as const;
const EXTENSION: Record<keyof typeof MIME, string> = { md: 'md', html: 'html', csv: 'csv', docx: 'docx', xlsx: 'xlsx', pdf: 'pdf', bibtex: 'bib', ris: 'ris', 'csl-json': 'json' };

/** A file name from the project's name: no characters that a file system refuses. */
const safeName = (text: string) => text.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Quarry';

function file(ctx: AreaContext, what: string, format: keyof typeof MIME, data: string | Buffer): ExportFile {
  // Text files get a byte-order mark where a spreadsheet needs it to read UTF-8 (CSV).
  const bytes = typeof data === 'string' ? Buffer.from(format === 'csv' ? `\uFEFF${data}` : data, 'utf8') : data;
  return { fileName: `${safeName(ctx.project.name)} – ${what}.${EXTENSION[format]}`, mimeType: MIME[format], dataBase64: bytes.toString('base64') };
}

/** "6 December 2025", in the clock's time, for title pages. */
const longDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

async function documentFile(ctx: AreaContext, what: string, format: 'md' | 'html' | 'docx' | 'pdf', doc: ExportDocument): Promise<ExportFile> {
  const task = `export:${what}`;
  ctx.emit('progress', { task, label: `Writing the ${what} (${format.toUpperCase()})`, done: 0, total: 1 });
  const data =
    format === 'md' ? renderMarkdown(doc) : format === 'html' ? renderHtml(doc) : format === 'docx' ? await renderDocx(doc) : await renderPdf(doc, new Date(ctx.clock()));
  ctx.emit('progress', { task, label: `Wrote the ${what}`, done: 1, total: 1 });
  return file(ctx, what, format, data);
}

async function tableFile(ctx: AreaContext, what: string, format: 'csv' | 'xlsx', table: Table): Promise<ExportFile> {
  return file(ctx, what, format, format === 'csv' ? toCsv(table) : await renderXlsx([table], new Date(ctx.clock())));
}

export const exportsHandlers: AreaHandlers<'exports.'> = {
  'exports.references': ({ format, referenceIds, citedBy }, ctx) => {
    const chosen = chooseReferences(ctx.project.db, { referenceIds, citedBy });
    return file(ctx, 'references', format, writeReferences(chosen.map((reference) => reference.csl), format));
  },
  'exports.bibliography': ({ format, style, referenceIds, citedBy }, ctx) => {
    const entries = formatReferences(chooseReferences(ctx.project.db, { referenceIds, citedBy }), style);
    const doc: ExportDocument = {
      title: `${ctx.project.name}: bibliography`,
      blocks: [
        { kind: 'heading', level: 1, text: `References (${citationStyle(style).label})` },
        { kind: 'references', entries: entries.map((entry) => runsFromCiteprocHtml(entry.html)) },
      ],
    };
    return file(ctx, 'bibliography', format, format === 'md' ? renderMarkdown(doc) : renderHtml(doc));
  },
  'exports.summary': async ({ format, style, sourceIds, codeIds }, ctx) => {
    const input = summaryInput(ctx.project.db, { project: ctx.project.name, date: longDate(ctx.clock()), style, sourceIds, codeIds });
    return documentFile(ctx, 'annotated summary', format, buildSummary(input));
  },
  'exports.segments': async ({ format, sourceIds, codeIds }, ctx) => {
    const { db } = ctx.project;
    const codes = listCodes(db);
    const within = codesWithin(codes, codeIds);
    const sources = new Map(sourcesWithText(db).map((source) => [source.id, source]));
    const memos = memosOn(db, 'coding');
    const memberships = caseMemberships(db);
    const attributes = attributesOf(db);
    const rows: SegmentRow[] = codedSegments(db)
      .filter((segment) => within.has(segment.codeId) && (!sourceIds || sourceIds.includes(segment.sourceId)))
      .map((segment) => {
        const source = sources.get(segment.sourceId)!;
        // A segment belongs to a case that holds its whole source, or a span of it that overlaps the segment.
        const cases = memberships.filter((m) => m.sourceId === segment.sourceId && (m.start === null || (m.start < segment.end && m.end! > segment.start)));
        const caseIds = [...new Set(cases.map((c) => c.caseId))];
        return {
          source: source.title,
          codePath: codePath(codes, segment.codeId),
          text: source.text.slice(segment.start, segment.end),
          start: segment.start,
          end: segment.end,
          coder: segment.coder,
          memo: (memos.get(segment.id) ?? []).map((memo) => (memo.title ? `${memo.title}: ${memo.body}` : memo.body)).join('\n\n'),
          summary: segment.summary,
          cases: [...new Set(cases.map((c) => c.name))],
          attributes: [...(attributes.sources.get(segment.sourceId) ?? []), ...caseIds.flatMap((id) => attributes.cases.get(id) ?? [])],
        };
      });
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'No coded segment matches what was chosen, so there is nothing to export.');
    return tableFile(ctx, 'coded segments', format, segmentsTable(rows));
  },
  'exports.codebook': ({ format }, ctx) => {
    const { db } = ctx.project;
    const criteria = codeCriteria(db);
    const codes = allNodes(buildCodeTree(listCodes(db))).map((node) => ({ ...node.code, ...(criteria.get(node.code.id) ?? { inclusion: '', exclusion: '', example: '' }) }));
    if (codes.length === 0) throw new AppError('NOT_FOUND', 'The codebook is empty, so there is nothing to export.');
    if (format === 'csv') return file(ctx, 'codebook', 'csv', toCsv(codebookTable(codes)));
    const doc: ExportDocument = {
      title: `${ctx.project.name}: codebook`,
      blocks: [
        { kind: 'title', title: ctx.project.name, subtitle: 'Codebook', lines: [longDate(ctx.clock()), `${codes.length} codes`] },
        ...codes.flatMap((code) => {
          const depth = Math.min(codePath(codes, code.id).split(' › ').length, 3) as 1 | 2 | 3;
          const fields = [
            ['Definition', code.definition],
            ['Include when', code.inclusion],
            ['Exclude when', code.exclusion],
            ['Example', code.example],
          ].filter(([, value]) => value);
          return [
            { kind: 'heading' as const, level: depth, text: code.name, colour: code.color },
            {
              kind: 'list' as const,
              items: [...fields.map(([label, value]) => ({ runs: [{ text: `${label}: `, bold: true }, { text: value! }] })), { runs: [{ text: `Codings: ${code.codingCount}`, italic: true }] }],
            },
          ];
        }),
      ],
    };
    return file(ctx, 'codebook', 'md', renderMarkdown(doc));
  },
  'exports.matrix': ({ format, matrix: chosen }, ctx) => {
    const { db } = ctx.project;
    const spec: MatrixSpec = chosen ?? { columns: 'sources', measure: 'segments' };
    const matrix = buildMatrix(matrixFacts(db, spec), spec);
    if (matrix.rows.length === 0 || matrix.columns.length === 0) throw new AppError('NOT_FOUND', 'The matrix needs at least one code and one column (a source, case, attribute value or code).');
    const name = matrixColumnLabels[spec.columns];
    return tableFile(ctx, name.toLowerCase(), format, matrixTable(matrix, new Set(), name));
  },
  'exports.auditReport': ({ sourceId, format }, ctx) => {
    const { db } = ctx.project;
    const source = findSourceSummary(db, sourceId);
    if (!source) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    const view = loadAudit(db, sourceId);
    if (!view) throw new AppError('CONFLICT', `${source.title} has not been audited yet: run the audit first, then export its report.`);
    return documentFile(ctx, 'citation audit', format, auditReportDocument(view, longDate(ctx.clock())));
  },
};
