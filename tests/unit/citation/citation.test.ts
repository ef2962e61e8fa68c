import { describe, expect, it } from 'vitest';
import {
  type CitationInput,
  citationMarkdown,
  citationText,
  escapeMarkdown,
  markdownUrl,
} from '@/lib/citation/citation';

const quote: CitationInput = {
  words: 'We have had exchange of messages,\n we have embassies.',
  kind: 'quote',
  speaker: 'Carlos Fernández de Cossío',
  role: 'Deputy Foreign Minister, Cuba',
  said: '2026-02-02',
  medium: 'Reuters interview',
  source: {
    outlet: 'Reuters',
    title: 'Cuba in communication with US',
    href: 'https://www.reuters.example/cuba#:~:text=exchange%20of%20messages',
  },
};

describe('citationText', () => {
  it('cites a quote with speaker, role, date, medium, outlet and a passage link', () => {
    expect(citationText(quote, 'en-GB')).toBe(
      '“We have had exchange of messages, we have embassies.” — Carlos Fernández de Cossío, ' +
        'Deputy Foreign Minister, Cuba, 2 February 2026 (Reuters interview). ' +
        'Reuters, “Cuba in communication with US”. ' +
        'https://www.reuters.example/cuba#:~:text=exchange%20of%20messages',
    );
  });

  it('cites reported speech without quotation marks', () => {
    const text = citationText(
      {
        words: 'Cuba is not holding talks with the United States.',
        kind: 'reported',
        speaker: 'Cuba',
        source: { outlet: 'Reuters', published: '2026-02-03' },
      },
      'en-GB',
    );
    expect(text).toBe(
      'Cuba, paraphrased: Cuba is not holding talks with the United States. Reuters, 3 February 2026.',
    );
  });

  it('leaves out what is not known and never links a non-http URL', () => {
    expect(
      citationText({
        words: 'no talks actually going on',
        kind: 'quote',
        speaker: 'unnamed senior U.S. official',
        source: { href: 'javascript:alert(1)' },
      }),
    ).toBe('“no talks actually going on” — unnamed senior U.S. official.');
  });
});

describe('citationMarkdown', () => {
  it('block-quotes a quote and links the source', () => {
    expect(citationMarkdown(quote, 'en-GB')).toBe(
      '> “We have had exchange of messages, we have embassies.”\n>\n' +
        '> — **Carlos Fernández de Cossío**, Deputy Foreign Minister, Cuba, 2 February 2026 ' +
        '(Reuters interview). [Reuters, “Cuba in communication with US”]' +
        '(https://www.reuters.example/cuba#:~:text=exchange%20of%20messages)',
    );
  });

  it('escapes page text that Markdown would read as markup', () => {
    const md = citationMarkdown({
      words: 'a *bold* [link](javascript:x) <img src=x>',
      kind: 'reported',
      speaker: 'Some_one',
      source: { outlet: 'Outlet', href: 'https://e.example/a (b)' },
    });
    expect(md).toBe(
      '**Some\\_one**, paraphrased: a \\*bold\\* \\[link\\](javascript:x) \\<img src=x\\>. ' +
        '[Outlet](https://e.example/a%20%28b%29)',
    );
  });

  it('escapes and encodes', () => {
    expect(escapeMarkdown('# a_b')).toBe('\\# a\\_b');
    expect(markdownUrl('https://x.example/(a)')).toBe('https://x.example/%28a%29');
  });
});

describe('citationInput', () => {
  it('takes the first source with a link, and the speaker’s role', async () => {
    const { citationInput } = await import('@/lib/citation/from-statement');
    const input = citationInput({
      statement: {
        id: 's',
        speakerId: 'a',
        words: 'There are no talks.',
        kind: 'reported',
        citations: [{ sourceId: 'x' }, { sourceId: 'y' }],
        provenance: ['user'],
        _sourceIds: ['x', 'y'],
        _saidKey: '0000-00-00',
      },
      speaker: { id: 'a', name: 'Ana', role: 'Minister' },
      sources: [
        { id: 'x', label: 'Paper' },
        { id: 'y', label: 'Wire', outlet: 'Wire', published: '2026', href: 'https://w.example/' },
      ],
    });
    expect(input).toEqual({
      words: 'There are no talks.',
      kind: 'reported',
      speaker: 'Ana',
      role: 'Minister',
      said: undefined,
      medium: undefined,
      source: { outlet: 'Wire', title: undefined, published: '2026', href: 'https://w.example/' },
    });
  });
});
