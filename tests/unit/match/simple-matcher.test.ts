import { describe, expect, it } from 'vitest';
import { findSpans } from '@/lib/match/simple-matcher';
import type { Dictionary } from '@/lib/messaging';

const dictionary: Dictionary = {
  version: 1,
  actors: [
    ['a/diaz-canel', 'Miguel Díaz-Canel', 'person'],
    ['a/us', 'United States', 'country'],
  ],
  aliases: [
    ['Miguel Díaz-Canel', 0, false],
    ['Díaz-Canel', 0, false],
    ['US', 1, true],
  ],
};

const texts = (text: string) => findSpans(dictionary, text).map((s) => text.slice(s.start, s.end));

describe('findSpans', () => {
  it('matches without accents or case, on word boundaries, longest first', () => {
    expect(texts('MIGUEL DIAZ-CANEL spoke; later Diaz-Canel added.')).toEqual([
      'MIGUEL DIAZ-CANEL',
      'Diaz-Canel',
    ]);
  });

  it('keeps case-sensitive aliases to their case and whole words', () => {
    expect(texts('The US said; thus us; USA; US.')).toEqual(['US', 'US']);
  });
});
