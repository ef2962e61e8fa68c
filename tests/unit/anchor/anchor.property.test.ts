import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, describeSelection } from '@/lib/anchor';

const words = fc.array(
  fc.constantFrom(
    'Cuba',
    'talks',
    'Díaz-Canel',
    'e\u0301te\u0301',
    '👩🏽‍💻',
    'the',
    'of',
    '“dialogue”',
    '\n  ',
  ),
  { minLength: 5, maxLength: 60 },
);

describe('anchoring properties', () => {
  it('a passage described in a text is found again there, and after text is added before it', () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), (ws, a, b, pre) => {
        const text = ws.join(' ');
        const start = a % text.length;
        const end = start + 1 + (b % Math.max(1, text.length - start));
        const s = describeSelection(text, start, end);
        if (!s) return;
        const same = anchorQuote(text, s);
        expect(same && text.slice(same.start, same.end)).toBe(s.quote.exact);
        const shifted = `${pre}${text}`;
        const moved = anchorQuote(shifted, s);
        expect(moved).not.toBeNull();
        // Exact repeats may legitimately resolve to an identical passage elsewhere.
        expect(moved && shifted.slice(moved.start, moved.end).replace(/\s+/g, ' ')).toBe(
          s.quote.exact.replace(/\s+/g, ' '),
        );
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
