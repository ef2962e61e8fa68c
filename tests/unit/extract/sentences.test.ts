import { describe, expect, it } from 'vitest';
import { buildDoc } from '@/lib/extract/document';
import { findQuotes, topLevel } from '@/lib/extract/quotes';

const sentences = (text: string) => {
  const doc = buildDoc({ text: `A headline for the test article\n${text}` });
  return doc.sentences.slice(1).map((s) => doc.text.slice(s.start, s.end));
};

describe('sentences', () => {
  it('survives news abbreviations', () => {
    expect(
      sentences('The U.S. Navy sailed on Feb. 3 past St. Clair island. Gen. Ruiz watched.'),
    ).toEqual(['The U.S. Navy sailed on Feb. 3 past St. Clair island.', 'Gen. Ruiz watched.']);
    expect(sentences('Mr. Hale met Dr. Sato on Jan. 12, 2026. They talked.')).toEqual([
      'Mr. Hale met Dr. Sato on Jan. 12, 2026.',
      'They talked.',
    ]);
    expect(sentences('John F. Kennedy signed it. Nothing changed.')).toEqual([
      'John F. Kennedy signed it.',
      'Nothing changed.',
    ]);
  });

  it('ends a sentence after an initialism only before a sentence start', () => {
    expect(
      sentences('Talks stalled in the U.S. The minister left. U.S. officials stayed.'),
    ).toEqual(['Talks stalled in the U.S.', 'The minister left.', 'U.S. officials stayed.']);
  });

  it('keeps a quote of several sentences with its attribution', () => {
    expect(
      sentences('“We tried. We failed. Can we try again?” Ortiz told reporters. Then she left.'),
    ).toEqual(['“We tried. We failed. Can we try again?” Ortiz told reporters.', 'Then she left.']);
  });

  it('ends a sentence whose last words are a quoted fragment', () => {
    expect(sentences('He said there was no ‘formal dialogue.’ However, messages flowed.')).toEqual([
      'He said there was no ‘formal dialogue.’',
      'However, messages flowed.',
    ]);
  });

  it('does not end a sentence at an ellipsis inside a quote', () => {
    expect(sentences('“The plan … is failing,” she said.')).toEqual([
      '“The plan … is failing,” she said.',
    ]);
  });
});

describe('quotes', () => {
  const quotes = (text: string) => {
    const doc = buildDoc({ text: `A headline for the test article\n${text}` });
    return topLevel(doc.quotes).map((q) => doc.text.slice(q.innerStart, q.innerEnd));
  };

  it('finds curly, straight and single quotes, not apostrophes', () => {
    expect(
      quotes('“One,” he said. "Two," she said. Borealia’s view is ‘three.’ The Lindʼs dog.'),
    ).toEqual(['One,', 'Two,', 'three.']);
  });

  it('keeps a quote inside a quote inside its outer quote', () => {
    const doc = buildDoc({
      text: 'Title of the quoted test\n“They told us ‘never again’ twice,” she said.',
    });
    expect(topLevel(doc.quotes).map((q) => doc.text.slice(q.innerStart, q.innerEnd))).toEqual([
      'They told us ‘never again’ twice,',
    ]);
    expect(doc.quotes.filter((q) => q.depth === 1)).toHaveLength(1);
  });

  it('marks a quote continued into the next paragraph', () => {
    const text =
      '“We will wait. We will not wait forever.\n“If they want a deal, they know what to do.”';
    const all = findQuotes(text, [
      [0, 39],
      [40, text.length],
    ]);
    expect(all[0]?.continues).toBe(true);
    expect(all[1]?.continued).toBe(true);
  });
});
