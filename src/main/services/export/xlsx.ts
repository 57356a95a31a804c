// Tables as an Excel workbook, with exceljs: one sheet per table, a bold frozen header with a
// filter, widths fitted to the content, long text wrapped. Texts go in as string cells, exactly
// as they are, so nothing is read as a formula or a number.
import ExcelJS from 'exceljs';
import type { Table } from '../../../shared/domain/export/table';

/** Excel's limits: sheet names of 31 characters without []:*?/\, cells of 32,767 characters. */
const sheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
};
const MAX_CELL = 32_767;

export async function renderXlsx(tables: readonly Table[], created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quarry';
  workbook.created = created;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.header);
    for (const row of table.rows) sheet.addRow(row.map((value) => (typeof value === 'string' && value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : value)));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F4' } };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(table.header.length, 1) } };
    table.header.forEach((title, index) => {
      const longest = Math.max(title.length, ...table.rows.slice(0, 500).map((row) => String(row[index] ?? '').length));
      const column = sheet.getColumn(index + 1);
      column.width = Math.min(Math.max(longest + 2, 8), 60);
      if (longest > 60) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
