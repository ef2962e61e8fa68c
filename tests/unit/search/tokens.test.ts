import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens } from '@/lib/search/tokens';

describe('search tokens', () => {
  it('folds case, accents and punctuation into words', () => {
    expect(searchTokens('Miguel Díaz-Canel')).toEqual(['miguel', 'diaz', 'canel']);
    expect(searchTokens('“DÍAZ–CANEL”, Cuba’s president')).toEqual([
      'diaz',
      'canel',
      'cuba',
      'president',
    ]);
  });

  it('drops stop words and one-letter words, keeps each word once, joins several texts', () => {
    expect(searchTokens('The talks of the talks', 'a U.S. talk')).toEqual(['talks', 'talk']);
    expect(searchTokens(undefined, 'Patria o muerte')).toEqual(['patria', 'muerte']);
  });

  it('keeps numbers', () => {
    expect(searchTokens('Flight 455 in 1976')).toEqual(['flight', '455', '1976']);
  });

  it('caps the number of words per row', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect(searchTokens(text)).toHaveLength(400);
  });

  it('reads a query the same way, and says when it has only stop words', () => {
    expect(queryTokens('Diaz Canel')).toEqual({ tokens: ['diaz', 'canel'], onlyStopWords: false });
    expect(queryTokens('díaz  díaz')).toEqual({ tokens: ['diaz'], onlyStopWords: false });
    expect(queryTokens('the')).toEqual({ tokens: [], onlyStopWords: true });
    expect(queryTokens('  ')).toEqual({ tokens: [], onlyStopWords: false });
  });
});

describe('query terms', () => {
  it('matches whole words, and the last word as a prefix once it has three letters', async () => {
    const { queryTerms } = await import('@/lib/search/tokens');
    expect(queryTerms('Diaz Can').terms).toEqual([
      { text: 'diaz', prefix: false },
      { text: 'can', prefix: true },
    ]);
    expect(queryTerms('ma').terms).toEqual([{ text: 'ma', prefix: false }]);
    // A trailing space means the word is finished.
    expect(queryTerms('castro ').terms).toEqual([{ text: 'castro', prefix: false }]);
  });
});
