import { describe, expect, it } from 'vitest';
import {
  findDateMentions,
  parseStandaloneDate,
  resolveDate,
  resolveWeekday,
  resolveYearless,
  shiftDate,
} from '@/lib/extract/dates';

const found = (text: string) =>
  findDateMentions(text).map((m) => [text.slice(m.start, m.end), m.kind, m.date ?? null]);

describe('dates in running text', () => {
  it('reads months with years, full dates and bare years', () => {
    expect(found('In March 1960, the ship exploded.')).toEqual([
      ['March 1960', 'absolute', '1960-03'],
    ]);
    expect(found('By October 1960 it was over.')).toEqual([
      ['October 1960', 'absolute', '1960-10'],
    ]);
    expect(found('A rally on Saturday, Jan. 3, 2026, drew crowds.')).toEqual([
      ['on Saturday, Jan. 3, 2026', 'absolute', '2026-01-03'],
    ]);
    expect(found('The 1959 revolution ended it.')).toEqual([['1959', 'absolute', '1959']]);
  });

  it('keeps coordinated years apart and marks them', () => {
    const ms = findDateMentions('In 1992 and 1996, sanctions hardened.');
    expect(ms.map((m) => m.date)).toEqual(['1992', '1996']);
    expect(ms.every((m) => m.coordinated)).toBe(true);
  });

  it('does not take counts, flights or decades for years', () => {
    expect(found('About 1500 troops and Flight 1976 left in the 1990s with 20,000 visas.')).toEqual(
      [],
    );
  });

  it('ignores words that only look like dates', () => {
    expect(found('They will march on. He may go. The Sunday Times said so.')).toEqual([]);
  });

  it('reads relative expressions', () => {
    const [m] = findDateMentions('days after declaring the order');
    expect(m?.kind).toBe('relative');
    expect(m?.relative).toMatchObject({ target: 'next', direction: -1, unit: 'day' });
    const [later] = findDateMentions('and weeks later, the order was signed');
    expect(later?.relative).toMatchObject({ target: 'clause', direction: 1, unit: 'week' });
  });
});

describe('resolving dates against the article', () => {
  it('places a weekday on or before the article day', () => {
    // 2026-02-03 is a Tuesday.
    expect(resolveWeekday(0, '2026-02-03')).toBe('2026-02-01'); // Sunday
    expect(resolveWeekday(1, '2026-02-03')).toBe('2026-02-02'); // Monday
    expect(resolveWeekday(2, '2026-02-03')).toBe('2026-02-03'); // the same Tuesday
    expect(resolveWeekday(4, '2026-02-03')).toBe('2026-01-29'); // last Thursday
    expect(resolveWeekday(5, '2026-02-03', { future: true })).toBe('2026-02-06');
  });

  it('needs a day to resolve a weekday', () => {
    expect(resolveWeekday(1, '2026-02')).toBeUndefined();
    const [m] = findDateMentions('She spoke on Monday.');
    expect(m && resolveDate(m, {})).toBeUndefined();
    expect(m && resolveDate(m, { reference: '2026-02-03' })).toBe('2026-02-02');
  });

  it('gives a date without a year the article’s year, or the year before', () => {
    expect(resolveYearless(2, 1, '2026-02-03')).toBe('2026-02-01');
    expect(resolveYearless(1, undefined, '2026-02-03')).toBe('2026-01');
    expect(resolveYearless(12, 24, '2026-01-05')).toBe('2025-12-24');
    // A few days ahead of the article is still this year.
    expect(resolveYearless(2, 8, '2026-02-03')).toBe('2026-02-08');
  });

  it('borrows the year the text gives the same day elsewhere', () => {
    const [m] = findDateMentions('after a Jan. 3 operation');
    const known = new Map([['01-03', 2026]]);
    expect(m && resolveDate(m, { knownYears: known })).toBe('2026-01-03');
    expect(m && resolveDate(m, {})).toBeUndefined();
  });

  it('keeps only the precision a relative date allows', () => {
    const rel = {
      direction: -1 as const,
      unit: 'day' as const,
      min: 2,
      max: 9,
      target: 'next' as const,
    };
    expect(shiftDate('2026-02-01', rel)).toBe('2026-01');
    expect(shiftDate('2026-02-20', rel)).toBe('2026-02');
    expect(shiftDate('2026-01', { ...rel, unit: 'week', direction: 1 })).toBe('2026-01');
    expect(shiftDate('2026-01-01', { ...rel, min: 1, max: 1 })).toBe('2025-12-31');
  });

  it('reads date lines', () => {
    expect(parseStandaloneDate('Feb 03, 2026')).toBe('2026-02-03');
    expect(parseStandaloneDate('February 3, 2026 9:14 AM UTC · Updated 11:02 AM UTC')).toBe(
      '2026-02-03',
    );
    expect(parseStandaloneDate('2026-02-03T09:14:00Z')).toBe('2026-02-03');
    expect(parseStandaloneDate('Talks resume on February 3, 2026')).toBeUndefined();
    expect(parseStandaloneDate('Feb 3')).toBeUndefined();
  });
});
