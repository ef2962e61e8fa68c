import * as z from 'zod/mini';

/**
 * A date known to the year, the month or the day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 *
 * Sorting rule: a partial date sorts *after* every more specific date inside the same period,
 * so `2026-01-03` < `2026-01` < `2026-02-01` < `2026`. A news timeline read top to bottom then
 * shows the dated detail first and the vaguer summary of the same month after it.
 */
const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a partial date into numbers, or returns null when it is not a real calendar date. */
export function parsePartialDate(value: string): PartialDateParts | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const PartialDate = z.string().check(
  z.refine((v) => parsePartialDate(v) !== null, {
    message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
  }),
);
export type PartialDate = z.infer<typeof PartialDate>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Builds a partial date from its parts; returns null if the parts are not a real date. */
export function partialDateFromParts(parts: PartialDateParts): PartialDate | null {
  let s = pad(parts.year, 4);
  if (parts.month !== undefined) {
    s += `-${pad(parts.month, 2)}`;
    if (parts.day !== undefined) s += `-${pad(parts.day, 2)}`;
  }
  return parsePartialDate(s) ? s : null;
}

/**
 * A string key that sorts partial dates correctly with plain string comparison (and so in an
 * IndexedDB index): missing parts become 99. An absent date sorts last ('9999-99-99').
 */
export function partialDateKey(value: PartialDate | null | undefined): string {
  if (!value) return '9999-99-99';
  const p = parsePartialDate(value);
  if (!p) return '9999-99-99';
  return `${pad(p.year, 4)}-${p.month === undefined ? '99' : pad(p.month, 2)}-${
    p.day === undefined ? '99' : pad(p.day, 2)
  }`;
}

/** Comparator for Array.prototype.sort: chronological, partial after specific, absent last. */
export function comparePartialDates(
  a: PartialDate | null | undefined,
  b: PartialDate | null | undefined,
): number {
  const ka = partialDateKey(a);
  const kb = partialDateKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** True when `inner` lies inside the period `outer` (or is the same period). */
export function partialDateWithin(inner: PartialDate, outer: PartialDate): boolean {
  return inner.startsWith(outer);
}

export function partialDatePrecision(value: PartialDate): 'year' | 'month' | 'day' {
  const p = parsePartialDate(value);
  if (!p || p.month === undefined) return 'year';
  return p.day === undefined ? 'month' : 'day';
}

/**
 * Human display, in the reader's locale by default: "3 Feb 2026", "February 2026", "2026".
 * Dates are calendar dates, not instants, so they are formatted in UTC to avoid shifting a day.
 */
export function formatPartialDate(
  value: PartialDate | null | undefined,
  locale?: string,
  style: 'short' | 'long' = 'short',
): string {
  if (!value) return 'undated';
  const p = parsePartialDate(value);
  if (!p) return value;
  if (p.month === undefined) return String(p.year);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1));
  const month = style === 'long' ? 'long' : 'short';
  const opts: Intl.DateTimeFormatOptions =
    p.day === undefined
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, opts).format(date);
}

/** The decade a date falls in, for grouping a timeline: "1950s". */
export function partialDateDecade(value: PartialDate): string {
  const p = parsePartialDate(value);
  return p ? `${Math.floor(p.year / 10) * 10}s` : 'undated';
}
