import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatPartialDate,
  PartialDate,
  parsePartialDate,
  partialDateFromParts,
  partialDateKey,
  partialDateWithin,
} from '@/lib/model';

/** Any real partial date: a year, a month of a year, or a real day of a month. */
const partialDate = fc
  .record({
    year: fc.integer({ min: 1000, max: 2999 }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
  })
  .map(({ year, month, day }) => {
    if (month === undefined) return partialDateFromParts({ year });
    return (
      partialDateFromParts({ year, month, ...(day === undefined ? {} : { day }) }) ??
      partialDateFromParts({ year, month })
    );
  })
  .filter((d): d is string => d !== null);

describe('partial dates (properties)', () => {
  it('round-trips through parse and build, and validates', () => {
    fc.assert(
      fc.property(partialDate, (d) => {
        const parts = parsePartialDate(d);
        expect(parts).not.toBeNull();
        expect(partialDateFromParts(parts!)).toBe(d);
        expect(PartialDate.safeParse(d).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('orders as a total order consistent with the string key', () => {
    fc.assert(
      fc.property(partialDate, partialDate, partialDate, (a, b, c) => {
        const ab = comparePartialDates(a, b);
        // `=== ` rather than toBe: Object.is tells 0 from -0, which -Math.sign(0) is.
        expect(Math.sign(ab) === -Math.sign(comparePartialDates(b, a))).toBe(true);
        expect(ab === 0).toBe(a === b);
        if (ab <= 0 && comparePartialDates(b, c) <= 0)
          expect(comparePartialDates(a, c)).toBeLessThanOrEqual(0);
        expect(Math.sign(ab)).toBe(Math.sign(partialDateKey(a).localeCompare(partialDateKey(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts a period after everything inside it', () => {
    fc.assert(
      fc.property(partialDate, partialDate, (inner, outer) => {
        if (inner !== outer && partialDateWithin(inner, outer)) {
          expect(comparePartialDates(inner, outer)).toBe(-1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings, and accepts only what parses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const parsed = parsePartialDate(s);
        expect(PartialDate.safeParse(s).success).toBe(parsed !== null);
        expect(typeof formatPartialDate(s)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
