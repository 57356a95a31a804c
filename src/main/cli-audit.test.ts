import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { auditText } from '../shared/domain/audit';
import { extractBuffer } from './services/import/extract';
import { cli } from './test-support/cli';
import type { ParsedReference } from '../shared/domain/audit';
import type { DocumentAudit } from '../shared/domain/audit-view';

const fixtures = join(import.meta.dirname, 'test-support/fixtures');

// Each case starts Node with tsx, which takes seconds on a busy machine.
describe('quarry audit', { timeout: 60_000 }, () => {
  it('prints exactly one JSON document with the references, citations, claims and findings of a manuscript', () => {
    const result = cli(['audit', join(fixtures, 'review-manuscript.md'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DocumentAudit;
    expect(report.references).toHaveLength(7);
    expect(report.references[0]).toMatchObject({ id: 'ref-1', authors: ['Hoang'], year: '2018', title: 'Trust and technology in agricultural cooperatives' });
    const vuong = report.citations.find((citation) => citation.authors[0] === 'Vuong')!;
    expect(vuong).toMatchObject({ year: '2017', status: 'year-mismatch', referenceIds: ['ref-6'] });
    expect(report.citations.find((citation) => citation.authors[0] === 'Bui')).toMatchObject({ status: 'missing', referenceIds: [] });
    const claim = report.claims.find((c) => c.text.startsWith('Cooperatives took them up first'))!;
    expect(claim.citationIndexes.map((index) => report.citations[index]!.authors[0])).toEqual(['Nguyen', 'Pham']);
    expect(report.claims.find((c) => c.text.startsWith('By 2022'))?.flags).toContain('uncited-figure');
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'uncited-reference', referenceId: 'ref-7' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'near-match', suggestedReferenceId: 'ref-4' }));
  });

  it('prints a readable review report with --format md', () => {
    const result = cli(['audit', join(fixtures, 'review-manuscript.md'), '--format', 'md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Citation audit: Mobile Money and Smallholder Coffee/);
    expect(result.stdout).toContain('## Cited but not in the reference list (1)');
    expect(result.stdout).toContain('"Bui (2022)" is cited but has no entry');
  });

  it('fails with one line on stderr and nothing on stdout when the file cannot be read, without reading what is not a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quarry-cli-audit-'));
    const broken = join(dir, 'draft.docx');
    writeFileSync(broken, 'not a zip at all');
    mkdirSync(join(dir, 'chapter.md'));
    // Reading either would never end: a FIFO waits for a writer, /dev/zero never runs out.
    expect(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status).toBe(0);
    symlinkSync('/dev/zero', join(dir, 'zeros.md'));
    for (const [file, says] of [
      [join(dir, 'missing.md'), /'missing\.md' could not be found/],
      [broken, /draft\.docx/],
      [join(dir, 'chapter.md'), /'chapter\.md' is a folder/],
      [join(dir, 'pipe.md'), /'pipe\.md' is a named pipe \(FIFO\), not an ordinary file/],
      [join(dir, 'zeros.md'), /'zeros\.md' is a device, not an ordinary file/],
    ] as const) {
      const result = cli(['audit', file, '--format', 'json']);
      expect(result.code, file).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(result.stderr).toMatch(says);
    }
    expect(cli(['audit', '--format', 'json']).code).toBe(2);
  });
});

describe('quarry parse-references', { timeout: 60_000 }, () => {
  it('prints one object per line of input, blank lines included, as one JSON array', () => {
    const result = cli(['parse-references', join(fixtures, 'references.txt'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as ParsedReference[];
    expect(parsed.map((reference) => reference.authors)).toEqual([['Hoang'], [], ['World Bank'], ['Suri', 'Jack']]);
    expect(parsed[1]).toEqual({ authors: [], editors: [], year: null, title: null, container: null, volume: null, issue: null, pages: null, doi: null, url: null });
    expect(parsed[3]).toMatchObject({ doi: '10.1126/science.aah5309', volume: '354', pages: '1288–1292' });
  });

  it('treats Windows line ends like any other, and a final line break as no extra line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'quarry-cli-refs-')), 'refs.txt');
    writeFileSync(file, 'Vuong, H. (2018). Network coverage and rural markets.\r\n\r\nTran, M., & Le, P. (2020). Rural fintech in Southeast Asia.\r\n');
    const parsed = JSON.parse(cli(['parse-references', file, '--format', 'json']).stdout) as ParsedReference[];
    expect(parsed.map((reference) => reference.year)).toEqual(['2018', null, '2020']);
  });
});

// Chicago notes and bibliography in Word: the footnotes mammoth reads come after the bibliography, numbered.
describe('a Word manuscript with footnotes in Chicago notes and bibliography', () => {
  it('resolves each footnote at its marker: full notes to their entries, "Ibid." and short notes to the earlier note', async () => {
    const footnotes = {
      1: 'Ngozi Okafor, Fishing Cooperatives on the Niger and the Volta (Lagos: Riverine Press, 2016), 23.',
      2: 'Ibid., 41.',
      3: 'Tunde Bello, Credit Circles of the Volta Basin (Kumasi: Savannah Press, 2011), 12.',
      4: 'Okafor, Fishing Cooperatives, 58.',
      5: 'Kwame Mensah, Lake Economies (Accra: Lakeside Press, 2020), 9.',
    };
    const sentence = (text: string, note: number): Paragraph => new Paragraph({ children: [new TextRun(text), new FootnoteReferenceRun(note)] });
    const doc = new Document({
      footnotes: Object.fromEntries(Object.entries(footnotes).map(([id, text]) => [id, { children: [new Paragraph(text)] }])),
      sections: [
        {
          children: [
            sentence('The first fishing cooperatives formed within a decade.', 1),
            sentence('Their records survive only in part.', 2),
            sentence('Credit came first from traders.', 3),
            sentence('The registers were kept by hand.', 4),
            sentence('The shift is still under way.', 5),
            new Paragraph('Bibliography'),
            new Paragraph('Bello, Tunde. Credit Circles of the Volta Basin. Kumasi: Savannah Press, 2011.'),
            new Paragraph('Okafor, Ngozi. Fishing Cooperatives on the Niger and the Volta. Lagos: Riverine Press, 2016.'),
          ],
        },
      ],
    });
    const imported = await extractBuffer(new Uint8Array(await Packer.toBuffer(doc)), 'lake-history.docx');
    const report = auditText(imported.text);
    expect(report.references.map((reference) => reference.authors)).toEqual([['Bello'], ['Okafor']]);
    expect(report.citations.map((citation) => [citation.text, citation.style, citation.status, citation.referenceIds])).toEqual([
      ['[1]', 'note', 'matched', ['ref-2']],
      ['[2]', 'note', 'matched', ['ref-2']],
      ['[3]', 'note', 'matched', ['ref-1']],
      ['[4]', 'note', 'matched', ['ref-2']],
      ['[5]', 'note', 'missing', []],
    ]);
    expect(report.claims[0]).toMatchObject({ text: 'The first fishing cooperatives formed within a decade.[1]', citationIndexes: [0] });
    expect(report.findings.map((finding) => finding.kind)).toEqual(['missing-reference']);
  });
});
