import * as chrono from 'chrono-node';
import {
  type PartialDate,
  type PartialDateParts,
  parsePartialDate,
  partialDateFromParts,
} from '../model/partial-date';

/**
 * Dates in running text, as partial dates (YYYY, YYYY-MM, YYYY-MM-DD).
 *
 * chrono-node finds the calendar expressions ("Feb. 1", "Saturday, Jan. 3, 2026", "March 1960",
 * "on Sunday"); this module keeps only what is written as a date (capitalised month and weekday
 * names, not "march" or "now"), adds what chrono does not read (bare years, "In 1992 and 1996",
 * "days after", "weeks later"), and resolves what the text leaves open against the article:
 * a weekday or a date without a year is taken from the article's date, never from today.
 */
export type DateKind = 'absolute' | 'yearless' | 'weekday' | 'relative';

export interface DateMention {
  start: number;
  end: number;
  /** As precise as the text says; absent when it cannot be resolved. */
  date?: PartialDate;
  kind: DateKind;
  /** What was written, for resolution: month/day for yearless dates, weekday 0–6 (Sunday 0). */
  month?: number;
  day?: number;
  weekday?: number;
  /**
   * For relative expressions: the shift that dates what the expression is about, and which part
   * that is. "[A] days after [B]" dates B (`next`) as A minus days; "[A], weeks later, [C]" dates
   * the clause (`clause`) as the narrative date plus weeks.
   */
  relative?: {
    direction: 1 | -1;
    unit: 'day' | 'week' | 'month' | 'year';
    min: number;
    max: number;
    target: 'next' | 'clause';
  };
  /** Index of another mention this one is coordinated with ("1992 and 1996"). */
  coordinated?: boolean;
}

export interface DateContext {
  /** The article's date, the reference for weekdays and dates without a year. */
  reference?: PartialDate;
  /** Years the text gives elsewhere for a month and day ("01-03" → 2026). */
  knownYears?: Map<string, number>;
  /** Whether the clause speaks of the future ("will", "next"): weekdays then look forward. */
  future?: boolean;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)$/;
const WEEKDAY_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return i >= 0 ? i + 1 : undefined;
}

const toUtc = (p: PartialDateParts) => Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1);
const fromUtc = (ms: number): PartialDateParts => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const DAY = 86_400_000;

/** The most specific partial date containing both days. */
function commonPeriod(a: PartialDateParts, b: PartialDateParts): PartialDate | undefined {
  if (a.year !== b.year) return undefined;
  if (a.month !== b.month || a.month === undefined)
    return partialDateFromParts({ year: a.year }) ?? undefined;
  if (a.day !== b.day || a.day === undefined)
    return partialDateFromParts({ year: a.year, month: a.month }) ?? undefined;
  return partialDateFromParts(a) ?? undefined;
}

/** A month and day without a year, placed in the year that puts it at or just before `ref`. */
export function resolveYearless(
  month: number,
  day: number | undefined,
  ref: PartialDate,
): PartialDate | undefined {
  const r = parsePartialDate(ref);
  if (!r) return undefined;
  if (r.month === undefined) return partialDateFromParts({ year: r.year, month, day }) ?? undefined;
  const refMs = toUtc({ year: r.year, month: r.month, day: r.day ?? 28 });
  // A week of slack: an article may announce a date a few days ahead.
  for (const year of [r.year + 1, r.year, r.year - 1]) {
    const ms = toUtc({ year, month, day: day ?? 1 });
    if (ms <= refMs + 7 * DAY) return partialDateFromParts({ year, month, day }) ?? undefined;
  }
  return undefined;
}

/** A weekday placed on or before the reference day (on or after it for the future). */
export function resolveWeekday(
  weekday: number,
  ref: PartialDate,
  opts: { future?: boolean; strictlyBefore?: boolean } = {},
): PartialDate | undefined {
  const r = parsePartialDate(ref);
  if (!r || r.day === undefined || r.month === undefined) return undefined;
  const refMs = toUtc(r);
  const refDay = new Date(refMs).getUTCDay();
  let delta = opts.future ? (weekday - refDay + 7) % 7 : -((refDay - weekday + 7) % 7);
  if (opts.strictlyBefore && delta === 0) delta = -7;
  return partialDateFromParts(fromUtc(refMs + delta * DAY)) ?? undefined;
}

/** Shifts a partial date by a relative expression and keeps only the precision that is sure. */
export function shiftDate(
  anchor: PartialDate,
  rel: NonNullable<DateMention['relative']>,
): PartialDate | undefined {
  const a = parsePartialDate(anchor);
  if (!a) return undefined;
  if (rel.unit === 'year' || a.month === undefined) {
    if (rel.unit !== 'year') return anchor;
    const lo = a.year + rel.direction * rel.min;
    const hi = a.year + rel.direction * rel.max;
    return lo === hi ? String(lo) : undefined;
  }
  if (a.day === undefined) {
    // Weeks or days after a month: still that month, as far as the text tells.
    if (rel.unit === 'day' || rel.unit === 'week') return anchor;
    const shift = (n: number) => {
      const m = a.month! - 1 + rel.direction * n;
      return { year: a.year + Math.floor(m / 12), month: (((m % 12) + 12) % 12) + 1 };
    };
    const lo = shift(rel.min);
    const hi = shift(rel.max);
    return commonPeriod(lo, hi);
  }
  const unitDays = rel.unit === 'day' ? 1 : rel.unit === 'week' ? 7 : 30;
  const base = toUtc(a);
  const lo = fromUtc(base + rel.direction * rel.min * unitDays * DAY);
  const hi = fromUtc(base + rel.direction * rel.max * unitDays * DAY);
  return commonPeriod(lo, hi);
}

const COUNT_WORDS: Record<string, [number, number]> = {
  a: [1, 1],
  an: [1, 1],
  one: [1, 1],
  two: [2, 2],
  three: [3, 3],
  four: [4, 4],
  five: [5, 5],
  six: [6, 6],
  seven: [7, 7],
  few: [2, 6],
  'a few': [2, 6],
  several: [3, 9],
  some: [2, 9],
};
const RELATIVE =
  /\b(?:(a few|a|an|one|two|three|four|five|six|seven|several|some|\d{1,2})\s+)?(days?|weeks?|months?|years?)\s+(later|after|before|earlier)\b/gi;

const YEAR = /(?<![\d$€£#.,-])(1[5-9]\d\d|20\d\d)(?![\d,]\d|\.\d)(s)?/g;

/** Words after a number that make it a count, not a year ("1500 troops"). */
const COUNT_FOLLOWERS =
  /^\s+(?:people|troops|soldiers|barrels|tons|tonnes|dollars|pesos|euros|visas|miles|km|kilometers|kilometres|meters|metres|votes|cases|deaths|percent|per|times|members|migrants|workers|feet)\b/i;

function chronoMentions(text: string, from: number, to: number): DateMention[] {
  const slice = text.slice(from, to);
  const results = chrono.parse(slice, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
  const out: DateMention[] = [];
  for (const r of results) {
    let written = r.text.trim().replace(/[,;:]+$/, '');
    // chrono takes a sentence's final period with a weekday ("on Monday.").
    if (
      /\.$/.test(written) &&
      !/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/.test(written)
    )
      written = written.slice(0, -1);
    const words = written.split(/[\s,]+/);
    const hasMonth = words.some((w) => MONTH_WORD.test(w));
    const hasWeekday = words.some((w) => WEEKDAY_WORD.test(w));
    if (!hasMonth && !hasWeekday) continue;
    const start = from + r.index + (r.text.length - r.text.trimStart().length);
    const end = start + written.length;
    // "The Sunday Times", "Black Friday": a weekday that names something.
    if (!hasMonth && hasWeekday) {
      const after = text.slice(end, end + 20);
      const before = text.slice(Math.max(from, start - 8), start);
      if (/^\s+\p{Lu}/u.test(after) || /\b(?:Good|Black|Cyber|Super|Ash|Palm)\s+$/.test(before))
        continue;
    }
    const c = r.start;
    const year = c.isCertain('year') ? c.get('year') : undefined;
    const month = c.isCertain('month') ? c.get('month') : undefined;
    const day = c.isCertain('day') ? c.get('day') : undefined;
    const weekday = c.isCertain('weekday') ? c.get('weekday') : undefined;
    const m: DateMention = { start, end, kind: 'absolute' };
    if (year !== undefined && year !== null && month) {
      const d = partialDateFromParts({ year, month, ...(day ? { day } : {}) });
      if (d) m.date = d;
    } else if (month) {
      m.kind = 'yearless';
      m.month = month;
      if (day) m.day = day;
    } else if (weekday !== undefined && weekday !== null) {
      m.kind = 'weekday';
      m.weekday = weekday;
    } else continue;
    if (m.kind === 'absolute' && !m.date) continue;
    out.push(m);
  }
  return out;
}

/** Every date expression in `[from, to)`, unresolved. */
export function findDateMentions(text: string, from = 0, to = text.length): DateMention[] {
  const found = chronoMentions(text, from, to);
  const overlaps = (a: number, b: number) => found.some((m) => a < m.end && m.start < b);
  const slice = text.slice(from, to);
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(slice); m; m = YEAR.exec(slice)) {
    const start = from + m.index;
    const end = start + (m[1] as string).length;
    if (overlaps(start, end)) continue;
    if (m[2]) continue; // "the 1990s": a decade, not a year
    if (COUNT_FOLLOWERS.test(text.slice(end, end + 20))) continue;
    // "Flight 455", "No. 1960": a number that names something.
    if (
      /\b(?:Flight|No\.?|Number|Route|Highway|Resolution|Article|page|p\.)\s*$/i.test(
        text.slice(Math.max(0, start - 12), start),
      )
    )
      continue;
    const date = partialDateFromParts({ year: Number(m[1]) });
    if (date) found.push({ start, end, date, kind: 'absolute' });
  }
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(slice); m; m = RELATIVE.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const count = (m[1] ?? '').toLowerCase();
    const unitWord = (m[2] as string).toLowerCase();
    const unit = unitWord.replace(/s$/, '') as 'day' | 'week' | 'month' | 'year';
    const plural = unitWord.endsWith('s');
    const [min, max] = /^\d+$/.test(count)
      ? [Number(count), Number(count)]
      : (COUNT_WORDS[count] ?? (plural ? [2, 9] : [1, 1]));
    const word = (m[3] as string).toLowerCase();
    const direction = word === 'later' || word === 'before' ? 1 : -1;
    const target = word === 'after' || word === 'before' ? 'next' : 'clause';
    found.push({ start, end, kind: 'relative', relative: { direction, unit, min, max, target } });
  }
  found.sort((a, b) => a.start - b.start);
  // "In 1992 and 1996", "in 1996 or 1997": dates joined by and/or/commas are coordinated.
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1] as DateMention;
    const b = found[i] as DateMention;
    if (/^\s*(?:,\s*|,?\s+(?:and|or)\s+)$/.test(text.slice(a.end, b.start)) && a.kind === b.kind) {
      a.coordinated = true;
      b.coordinated = true;
    }
  }
  return found;
}

/** Resolves a mention against the article's date (and, for relative ones, an anchor date). */
export function resolveDate(
  m: DateMention,
  ctx: DateContext,
  anchor?: PartialDate,
): PartialDate | undefined {
  switch (m.kind) {
    case 'absolute':
      return m.date;
    case 'yearless': {
      if (m.month === undefined) return undefined;
      const key = `${String(m.month).padStart(2, '0')}-${String(m.day ?? 0).padStart(2, '0')}`;
      const known = m.day !== undefined ? ctx.knownYears?.get(key) : undefined;
      if (ctx.reference) return resolveYearless(m.month, m.day, ctx.reference);
      if (known !== undefined)
        return partialDateFromParts({ year: known, month: m.month, day: m.day }) ?? undefined;
      return undefined;
    }
    case 'weekday':
      return m.weekday !== undefined && ctx.reference
        ? resolveWeekday(m.weekday, ctx.reference, { future: ctx.future })
        : undefined;
    case 'relative':
      return anchor && m.relative ? shiftDate(anchor, m.relative) : undefined;
  }
}

/** Years the text gives for month-days, so a bare "Jan. 3" elsewhere can borrow them. */
export function knownYearsOf(mentions: readonly DateMention[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of mentions) {
    const p = m.date ? parsePartialDate(m.date) : null;
    if (m.kind === 'absolute' && p?.day !== undefined && p.month !== undefined) {
      out.set(`${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`, p.year);
    }
  }
  return out;
}

/**
 * A line that is only a date ("Feb 03, 2026", "February 3, 2026 9:14 AM UTC", "2026-02-03"),
 * as a partial date with its year; undefined for anything else.
 */
export function parseStandaloneDate(line: string): PartialDate | undefined {
  const s = line.trim();
  const iso = /^(\d{4}-\d{2}(?:-\d{2})?)(?:[T\s]|$)/.exec(s);
  if (iso?.[1] && parsePartialDate(iso[1])) return iso[1];
  const mentions = chronoMentions(s, 0, s.length);
  const first = mentions[0];
  if (first?.kind !== 'absolute' || !first.date) return undefined;
  // Only a date (and perhaps a time) may be on the line.
  const rest = (s.slice(0, first.start) + s.slice(first.end)).replace(
    /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|\b(?:UTC|GMT|ET|EST|EDT|CET|[A-Z]{3})\b|[,·|•\-–—\s]/g,
    '',
  );
  if (rest.length > 0 && !/^(?:Updated|Published|Posted)/i.test(rest)) return undefined;
  return first.date;
}

export { WEEKDAYS };
