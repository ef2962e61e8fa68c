import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher, naiveMatch, type Pattern } from '@/lib/match/matcher';
import { normalise } from '@/lib/match/normalize';
import { tokenise, tokenShape } from '@/lib/match/tokens';

const P = (text: string, value: number, caseSensitive = false): Pattern => ({
  text,
  value,
  caseSensitive,
});

const found = (m: Matcher, text: string) =>
  m.match(text).map((s) => [text.slice(s.start, s.end), s.values]);

describe('Matcher', () => {
  const m = new Matcher([
    P('Miguel Díaz-Canel', 0),
    P('Díaz-Canel', 0),
    P('US', 1, true),
    P('Trump', 2, true),
    P('Fidel Castro', 3),
    P('Castro', 3),
    P('Raúl Castro', 4),
    P('Castro', 4),
    P('東京', 5),
  ]);

  it('matches accent-, case- and punctuation-insensitively, longest first', () => {
    expect(found(m, 'MIGUEL DIAZ–CANEL spoke; later Diaz-Canel added.')).toEqual([
      ['MIGUEL DIAZ–CANEL', [0]],
      ['Diaz-Canel', [0]],
    ]);
  });

  it('matches across collapsed whitespace and soft hyphens', () => {
    expect(found(m, 'Miguel\u00a0\n Díaz-Ca\u00adnel')).toEqual([
      ['Miguel\u00a0\n Díaz-Ca\u00adnel', [0]],
    ]);
  });

  it('requires the capitals of case-sensitive patterns', () => {
    expect(found(m, 'The US said; thus us; USA; US.')).toEqual([
      ['US', [1]],
      ['US', [1]],
    ]);
    expect(found(m, 'TRUMP spoke, Trump said, trump cards')).toEqual([
      ['TRUMP', [2]],
      ['Trump', [2]],
    ]);
  });

  it('keeps whole words only', () => {
    expect(found(m, 'Castroville and Castro’s')).toEqual([['Castro', [3, 4]]]);
  });

  it('reports a shared alias with all its values', () => {
    expect(found(m, 'Raúl Castro met Castro.')).toEqual([
      ['Raúl Castro', [4]],
      ['Castro', [3, 4]],
    ]);
  });

  it('matches per character in scripts written without spaces', () => {
    expect(found(m, '首相は東京で')).toEqual([['東京', [5]]]);
  });

  it('agrees with the naive reference on random texts and aliases', () => {
    const alphabet = fc.constantFrom(
      'a',
      'b',
      'c',
      'A',
      'B',
      'é',
      'e\u0301',
      'É',
      ' ',
      ' ',
      '\u00a0',
      '-',
      '–',
      '.',
      "'",
      '’',
      '\u00ad',
      '😀',
      '東',
      '京',
      'ß',
      'ﬁ',
      '\n',
      ',',
    );
    const str = (max: number) => fc.array(alphabet, { maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(str(6), fc.nat(4), fc.boolean()), { maxLength: 8 }),
        str(80),
        (aliases, text) => {
          const patterns = aliases.map(([t, v, cs]) => P(t, v, cs));
          const fast = new Matcher(patterns).match(text);
          const slow = naiveMatch(patterns, text);
          expect(fast).toEqual(slow);
          for (const span of fast) {
            const original = normalise(text.slice(span.start, span.end)).folded.trim();
            const keys = patterns
              .filter((p) => span.values.includes(p.value))
              .map((p) => normalise(p.text).folded.trim());
            expect(keys).toContain(original);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('agrees with the reference with thousands of patterns (table growth, shared slots)', () => {
    // Names built from a few syllables share first tokens and hash slots; the matcher is grown
    // from empty in one case and sized up front in the other.
    const syllables = ['ca', 'del', 'rí', 'mar', 'to', 'sa', 'va'];
    const word = (n: number) =>
      `${syllables[n % 7]}${syllables[Math.floor(n / 7) % 7]}${syllables[Math.floor(n / 49) % 7]}`;
    const patterns: Pattern[] = [];
    for (let i = 0; i < 3000; i++) {
      const first = word(i % 40);
      const last = `${word(i)}-${word(i * 7 + 3)}`;
      patterns.push(P(`${first[0]?.toUpperCase()}${first.slice(1)} ${last}`, i));
      patterns.push(P(last, i, i % 3 === 0));
    }
    const text = patterns
      .filter((_, i) => i % 37 === 0)
      .map((p, i) => (i % 2 ? p.text.toUpperCase() : `${p.text} said`))
      .join('. ');
    const slow = naiveMatch(patterns, text);
    expect(slow.length).toBeGreaterThan(100);
    expect(new Matcher(patterns).match(text)).toEqual(slow);
    expect(new Matcher(patterns, patterns.length).match(text)).toEqual(slow);
  });

  it('finds aliases drawn from the text itself', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(12)), { minLength: 1, maxLength: 6 }),
        (text, cuts) => {
          const patterns = cuts.map(([at, len], v) => P(text.slice(at, at + len), v));
          expect(new Matcher(patterns).match(text)).toEqual(naiveMatch(patterns, text));
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('tokenShape', () => {
  it('counts the tokens tokenise finds and ends the first where it does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (raw) => {
        const text = normalise(raw).folded;
        const tokens = tokenise(text);
        expect(tokenShape(text)).toEqual({
          count: tokens.count,
          firstEnd: tokens.count > 0 ? tokens.ends[0] : 0,
        });
      }),
      { numRuns: 3000 },
    );
    expect(tokenShape('díaz-canel 2026')).toEqual({ count: 4, firstEnd: 4 });
  });
});
