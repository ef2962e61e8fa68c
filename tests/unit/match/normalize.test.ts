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
});
