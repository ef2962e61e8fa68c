import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasMode, commonWordList, isCommonWord } from '@/lib/match/alias-rule';
import { foldPair } from '@/lib/match/normalize';
import { charClass, PUNCT, SPACE, WORD } from '@/lib/match/tokens';
import { dictionary, engine } from './starter';

const actorName = (i: number) => dictionary.actors[i]?.[1];
const claimId = (i: number) => dictionary.claims[i]?.[0];

const common = new Set(commonWordList());

function actorsIn(text: string) {
  return engine.scan(text).actors.map(([s, e, c]) => [text.slice(s, e), c.map(actorName)]);
}

describe('the common-word rule', () => {
  it('matches aliases made of common words only with their capitals, or not at all', () => {
    expect(aliasMode('Trump')).toBe('capitals');
    expect(aliasMode('White House')).toBe('capitals');
    expect(aliasMode('Secretary of State')).toBe('capitals');
    expect(aliasMode('us')).toBe('skip');
    expect(aliasMode('wasp network')).toBe('skip');
    expect(aliasMode('CIA')).toBe('capitals');
    expect(aliasMode('Havana')).toBe('insensitive');
    expect(aliasMode('Díaz-Canel')).toBe('insensitive');
    expect(aliasMode('X')).toBe('skip');
    expect(aliasMode('Havana', true)).toBe('capitals');
  });

  it('looks words up by their exact text', () => {
    for (const word of ['house', 'of', 'the', 'state', 'OK']) expect(isCommonWord(word)).toBe(true);
    for (const word of ['havana', 'diaz', 'House', 'hous', 'houses0', '', 'ok'])
      expect(isCommonWord(word)).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (word) => {
        expect(isCommonWord(word)).toBe(common.has(word));
      }),
      { numRuns: 2000 },
    );
  });

  it('recognises every word of the list (its lookup has no false negatives)', () => {
    const missed = commonWordList()
      .filter((w) => /^[a-z0-9]{2,}$/.test(w))
      .filter((w) => aliasMode(`${w[0]?.toUpperCase()}${w.slice(1)}`) !== 'capitals');
    expect(missed).toEqual([]);
  });

  it('decides as the rule is written, for ASCII and accented aliases alike', () => {
    // The rule spelled out plainly, word list and all; the compiler takes shortcuts.
    const reference = (text: string, caseSensitive: boolean) => {
      const [folded, cased] = foldPair(text);
      const units = [...folded];
      const visible = units.filter((u) => ![SPACE, PUNCT].includes(charClass(u, 0))).length;
      if (visible <= 1) return 'skip';
      const words: string[] = [];
      let word = '';
      for (const u of [...units, ' ']) {
        if (charClass(u, 0) === WORD) word += u;
        else if (word) {
          words.push(word);
          word = '';
        }
      }
      if (words.length > 0 && words.every((w) => w.length === 1 || common.has(w)))
        return cased === folded ? 'skip' : 'capitals';
      const acronym = /^[\p{Lu}\p{N}.]{2,9}$/u.test(cased) && folded.replace(/\./g, '').length <= 5;
      return acronym || caseSensitive ? 'capitals' : 'insensitive';
    };
    const piece = fc.constantFrom(
      'the',
      'White',
      'house',
      'US',
      'C.I.A.',
      'x',
      'Díaz',
      'Łukasz',
      'Canel',
      'havana',
      '2026',
      '9',
      ' ',
      '  ',
      '\t',
      '-',
      "'",
      '.',
      'é',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, caseSensitive) => {
        const text = pieces.join('');
        expect(aliasMode(text, caseSensitive)).toBe(reference(text, caseSensitive));
      }),
      { numRuns: 2000 },
    );
  });

  it('is applied when the dictionary is compiled', () => {
    expect(actorsIn('a trump card, a white house, and us')).toEqual([]);
    expect(actorsIn('TRUMP and the White House')).toEqual([
      ['TRUMP', ['Donald Trump']],
      ['White House', ['Trump administration']],
    ]);
  });
});

describe('PageEngine', () => {
  it('finds accent-less and surname-only forms, longest first', () => {
    expect(actorsIn('Miguel Diaz-Canel met Díaz-Canel and DIAZ CANEL.')).toEqual([
      ['Miguel Diaz-Canel', ['Miguel Díaz-Canel']],
      ['Díaz-Canel', ['Miguel Díaz-Canel']],
      ['DIAZ CANEL', ['Miguel Díaz-Canel']],
    ]);
  });

  it('reports a shared alias with every candidate', () => {
    expect(actorsIn('Castro spoke.')).toEqual([['Castro', ['Fidel Castro', 'Raúl Castro']]]);
  });

  it('finds sentences that state or deny a known claim', () => {
    const text =
      'The weather was mild. Trump said the United States was talking to the highest people in ' +
      'Cuba. Díaz-Canel said there were no talks with the U.S. government. Tourism grew.';
    const claims = engine
      .scan(text)
      .claims.map(([s, e, ids]) => [text.slice(s, e), ids.map(claimId)]);
    expect(claims.map(([sentence]) => sentence)).toEqual([
      'Trump said the United States was talking to the highest people in Cuba.',
      'Díaz-Canel said there were no talks with the U.S. government.',
    ]);
    expect(claims[0]?.[1]).toContain('starter/claim/us-cuba-talks');
    expect(claims[1]?.[1]).toContain('starter/claim/us-cuba-talks');
  });

  it('marks claims that someone denied', () => {
    const talks = dictionary.claims.find(([id]) => id === 'starter/claim/us-cuba-talks');
    expect(talks?.[3]).toBeGreaterThan(0);
  });

  it('does not split sentences at abbreviations', () => {
    const text = 'On Feb. 1 the U.S. President said Mexico would stop sending oil to Cuba. Next.';
    const [first] = engine.scan(text).claims;
    expect(first && text.slice(first[0], first[1])).toBe(
      'On Feb. 1 the U.S. President said Mexico would stop sending oil to Cuba.',
    );
  });

  it('lists the names of what a scan found', () => {
    const blocks = [engine.scan('Rubio and Maduro')];
    const names = engine.entitiesOf(blocks).actors.map(([, , name]) => name);
    expect(names.sort()).toEqual(['Marco Rubio', 'Nicolás Maduro']);
  });
});
