import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatPartialDate,
  PartialDate,
  parsePartialDate,
  partialDateDecade,
  partialDateFromParts,
  partialDateKey,
  partialDateWithin,
} from '@/lib/model';

describe('partial dates', () => {
  it('parses years, months and days', () => {
    expect(parsePartialDate('1959')).toEqual({ year: 1959 });
    expect(parsePartialDate('1960-03')).toEqual({ year: 1960, month: 3 });
    expect(parsePartialDate('2026-02-01')).toEqual({ year: 2026, month: 2, day: 1 });
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-13', '2026-02-30', '2025-02-29', '26', '2026-1-3', '2026/01', '']) {
      expect(parsePartialDate(bad), bad).toBeNull();
      expect(PartialDate.safeParse(bad).success, bad).toBe(false);
    }
    expect(parsePartialDate('2024-02-29')).not.toBeNull();
  });

  it('sorts a month after its days and a year after its months', () => {
    const dates = ['2026', '2026-01', '1959-01', '2026-01-03', '2026-02-01', '1959', '2025-12-31'];
    expect([...dates].sort(comparePartialDates)).toEqual([
      '1959-01',
      '1959',
      '2025-12-31',
      '2026-01-03',
      '2026-01',
      '2026-02-01',
      '2026',
    ]);
  });

  it('puts absent dates last', () => {
    expect(['2026', undefined, '1959'].sort(comparePartialDates)).toEqual([
      '1959',
      '2026',
      undefined,
    ]);
    expect(partialDateKey(undefined)).toBe('9999-99-99');
  });

  it('builds keys that sort as strings', () => {
    expect(partialDateKey('2026-01')).toBe('2026-01-99');
    expect(partialDateKey('2026-01-03') < partialDateKey('2026-01')).toBe(true);
  });

  it('displays each precision', () => {
    expect(formatPartialDate('2026-02-03', 'en-GB')).toBe('3 Feb 2026');
    expect(formatPartialDate('2026-02', 'en-GB')).toBe('February 2026');
    expect(formatPartialDate('1959', 'en-GB')).toBe('1959');
    expect(formatPartialDate(undefined)).toBe('undated');
    expect(formatPartialDate('2026-02-03', 'en-US', 'long')).toBe('February 3, 2026');
  });

  it('builds from parts, groups by decade, and tests containment', () => {
    expect(partialDateFromParts({ year: 1962, month: 10 })).toBe('1962-10');
    expect(partialDateFromParts({ year: 1962, month: 2, day: 30 })).toBeNull();
    expect(partialDateDecade('1962-10-22')).toBe('1960s');
    expect(partialDateWithin('2026-01-03', '2026-01')).toBe(true);
    expect(partialDateWithin('2026-02-03', '2026-01')).toBe(false);
  });
});
