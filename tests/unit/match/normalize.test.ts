import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casedText, foldPair, foldText, normalise } from '@/lib/match/normalize';

describe('normalise', () => {
  it('folds case, accents and typographic variants', () => {
    expect(foldText('Díaz-Canel')).toBe('diaz-canel');
    expect(foldText('DIAZ–CANEL')).toBe('diaz-canel');
    expect(foldText('Díaz‐Canel')).toBe('diaz-canel');
    expect(foldText('Cuba’s  “talks”')).toBe('cuba\'s "talks"');
    expect(foldText('Fernández\u00a0de\u2009Cossío')).toBe('fernandez de cossio');
    expect(foldText('Cu\u00adba\u200b')).toBe('cuba');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('keeps case in `cased` with the same length as `folded`', () => {
    const n = normalise('Miguel DÍAZ');
    expect(casedText(n)).toBe('Miguel DIAZ');
    expect(n.folded).toBe('miguel diaz');
  });

  it('maps decomposed accents and surrogate pairs back to the original', () => {
    const text = 'Jose\u0301 😀 Ana';
    const n = normalise(text);
    expect(n.folded).toBe('jose 😀 ana');
    // "jose" ends where the next normalised character starts: after the combining mark.
    expect(text.slice(n.map[0], n.map[4])).toBe('Jose\u0301');
    const emoji = n.folded.indexOf('😀');
    expect(text.slice(n.map[emoji], n.map[emoji + 2])).toBe('😀');
    expect(n.map[n.folded.length]).toBe(text.length);
  });

  it('folds short strings as it normalises text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const n = normalise(text);
        expect(foldPair(text)).toEqual([n.folded.trim(), casedText(n).trim()]);
      }),
      { numRuns: 2000 },
    );
    expect(foldPair('\ud800')).toEqual(['\ufffd', '\ufffd']);
  });

  it('folds every code point of the Basic Multilingual Plane as it normalises text', () => {
    const differ: string[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      // With collapsible whitespace (the general path) and without (the one-table-lookup path).
      for (const text of [` a${ch}B ${ch}\t${ch}`, `a${ch}B ${ch}`]) {
        const n = normalise(text);
        const [folded, cased] = foldPair(text);
        if (folded !== n.folded.trim() || cased !== casedText(n).trim()) {
          differ.push(`${cp.toString(16)} in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('maps every normalised position to an increasing original offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const n = normalise(text);
        expect(n.map.length).toBe(n.folded.length + 1);
        expect(casedText(n).length).toBe(n.folded.length);
        expect(foldPair(text)).toEqual([n.folded.trim(), casedText(n).trim()]);
        for (let i = 1; i < n.map.length; i++) {
          expect(n.map[i]).toBeGreaterThanOrEqual(n.map[i - 1] ?? 0);
        }
        expect(n.map[n.folded.length]).toBe(text.length);
      }),
    );
  });
  it('copies runs of plain ASCII whole and maps each unit to the character it came from', () => {
    const piece = fc.constantFrom(
      'a',
      'Word',
      'U.S.',
      ' ',
      '  ',
      '\t',
      '\n',
      '-',
      '"',
      'é',
      'Í',
      '’',
      '“',
      'ß',
      'ﬁ',
      '\u00ad',
      '\u200b',
      '😀',
      'x y',
      // Lower-cased to two units ("i" and a combining dot): runs are then lower-cased one by one.
      'İ',
      // Lower-cased by context (final sigma): only ever non-ASCII, never inside a run.
      'ΟΔΟΣ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const n = normalise(text);
        expect(foldPair(text)).toEqual([n.folded.trim(), casedText(n).trim()]);
        expect(n.map[n.folded.length]).toBe(text.length);
        for (let i = 0; i < n.folded.length; i++) {
          const at = n.map[i] ?? 0;
          expect(at).toBeGreaterThanOrEqual(i > 0 ? (n.map[i - 1] ?? 0) : 0);
          const ch = String.fromCodePoint(text.codePointAt(at) ?? 0);
          if (n.folded[i] === ' ') expect(ch.trim() === '' || foldPair(ch)[0] === '').toBe(true);
          else expect(foldPair(ch)[0]).toContain(n.folded[i]);
        }
      }),
      { numRuns: 500 },
    );
    expect(normalise('Havana  said\tno. ').folded).toBe('havana said no. ');
    expect([...normalise('ab cd').map]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(normalise('İstanbul MAYOR’S Office').folded).toBe("istanbul mayor's office");
    expect([...normalise('AİB').map]).toEqual([0, 1, 2, 3]);
  });
});
