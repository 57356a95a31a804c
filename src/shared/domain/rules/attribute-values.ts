import type { AttributeType } from '../model';

export type ParsedValue = { ok: true; value: string } | { ok: false; problem: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a value typed by a person as an attribute of the given type, in its one stored spelling:
 * a number as JavaScript writes it (1,234.50 is 1234.5), a date as YYYY, YYYY-MM or YYYY-MM-DD
 * (a birth year or a month of fieldwork is a date too), a yes/no as true or false. A problem is
 * one sentence saying what to write instead.
 */
export function parseAttributeValue(type: AttributeType, raw: string): ParsedValue {
  const text = raw.trim();
  if (!text) return { ok: false, problem: 'Give a value.' };
  switch (type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const plain = text.replace(/[\s,_]/g, '');
      const value = Number(plain);
      if (!NUMBER.test(plain) || !Number.isFinite(value)) return { ok: false, problem: `“${text}” is not a number; write digits, such as 34 or 2.5.` };
      return { ok: true, value: String(value) };
    }
    case 'date': {
      const match = DATE.exec(text);
      const [year, month, day] = [Number(match?.[1]), match?.[2] === undefined ? undefined : Number(match[2]), match?.[3] === undefined ? undefined : Number(match[3])];
      const valid = match && (month === undefined || (month >= 1 && month <= 12)) && (day === undefined || (month !== undefined && day >= 1 && day <= daysIn(year, month)));
      if (!valid) return { ok: false, problem: `“${text}” is not a date; write it as year-month-day, such as 2024-03-18 (or 2024-03, or 2024).` };
      return { ok: true, value: text };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: 'true' };
      if (FALSE.has(lower)) return { ok: true, value: 'false' };
      return { ok: false, problem: `“${text}” is not yes or no; write true or false.` };
    }
  }
}

/** Orders two stored values of a type: numbers by size, dates by time (a year before its months), text and yes/no alphabetically. */
export function compareAttributeValues(type: AttributeType, a: string, b: string): number {
  if (type === 'number') return Number(a) - Number(b);
  // YYYY, YYYY-MM and YYYY-MM-DD sort by time as strings, a year before the dates within it.
  if (type === 'date') return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}
