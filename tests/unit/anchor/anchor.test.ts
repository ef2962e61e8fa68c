import { describe, expect, it } from 'vitest';
import { anchorAll, anchorQuote, describeSelection, displayQuote } from '@/lib/anchor';

const PAGE = [
  'HAVANA, Feb 3 - Havana and Washington have been trading messages, a senior Cuban official',
  'said on Monday. “We have had exchange of messages, we have embassies, we have had',
  'communications, but we can not say we have had a table of dialogue,” de Cossio said.',
  'Trump struck a very different note on Sunday at Mar-a-Lago.',
].join('\n');

function select(text: string, passage: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`"${passage}" not in text`);
  const selectors = describeSelection(text, at, at + passage.length);
  if (!selectors) throw new Error('no selectors');
  return { at, ...selectors };
}

const found = (text: string, a: { start: number; end: number } | null) =>
  a ? text.slice(a.start, a.end) : null;

describe('describeSelection', () => {
  it('records the exact words, 32 visible characters of context each side and the position', () => {
    const s = select(PAGE, 'table of dialogue');
    expect(s.quote.exact).toBe('table of dialogue');
    expect(s.quote.prefix).toBe('communications, but we can not say we have had a '.slice(-32));
    expect(s.quote.suffix).toBe(',” de Cossio said.\nTrump struck ');
    expect(s.quote.prefix).toHaveLength(32);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start: s.at, end: s.at + 17 });
  });

  it('trims whitespace around the selection and refuses a blank one', () => {
    const at = PAGE.indexOf('Trump struck');
    const s = describeSelection(PAGE, at - 1, at + 5);
    expect(s?.quote.exact).toBe('Trump');
    expect(describeSelection(PAGE, at - 1, at)).toBeNull();
    expect(describeSelection(PAGE, 5, 5)).toBeNull();
  });

  it('counts a run of whitespace once in the context', () => {
    const text = 'The first paragraph ends right here.\n\n        \n     Second paragraph';
    const s = select(text, 'Second');
    expect(s.quote.prefix).toBe('irst paragraph ends right here.\n\n        \n     ');
    expect(s.quote.prefix?.replace(/\s+/g, ' ')).toHaveLength(32);
  });

  it('never cuts an emoji or a letter with combining marks in half', () => {
    const text = 'Before 👩‍👩‍👧 family e\u0301te\u0301 after';
    const family = text.indexOf('👩');
    // A selection that starts inside the ZWJ sequence and ends after the first "e" widens.
    const s = describeSelection(text, family + 3, text.indexOf('e\u0301te') + 1);
    expect(s?.quote.exact).toBe('👩‍👩‍👧 family e\u0301');
    const ctx = describeSelection(text, text.indexOf('after'), text.length);
    expect(ctx?.quote.prefix?.startsWith('\uDC69')).toBe(false);
  });

  it('collapses whitespace for display', () => {
    expect(displayQuote('  a \n\n  b\tc ')).toBe('a b c');
  });
});

describe('anchorQuote', () => {
  it('finds an unchanged passage by its position', () => {
    const s = select(PAGE, 'table of dialogue');
    const a = anchorQuote(PAGE, s);
    expect(a).toMatchObject({ method: 'position', start: s.at, end: s.at + 17, score: 1 });
  });

  it('finds a shifted passage by its exact quote', () => {
    const s = select(PAGE, 'we have embassies');
    const shifted = `An editor's note added at the top of the story.\n\n${PAGE}`;
    const a = anchorQuote(shifted, s);
    expect(a?.method).toBe('quote');
    expect(found(shifted, a)).toBe('we have embassies');
    expect(a?.start).toBe(s.at + 49);
  });

  it('finds an edited passage with an approximate match', () => {
    const s = select(PAGE, 'but we can not say we have had a table of dialogue');
    const edited = PAGE.replace('can not', 'cannot').replace('a senior Cuban', 'a Cuban');
    const a = anchorQuote(edited, s);
    expect(a?.method).toBe('fuzzy');
    expect(found(edited, a)).toBe('but we cannot say we have had a table of dialogue');
    expect(a?.score).toBeGreaterThan(0.9);
  });

  it('tolerates edits in the context around an unchanged quote', () => {
    const s = select(PAGE, 'a table of dialogue');
    const edited = `Preface.\n${PAGE.replace('de Cossio said', 'the minister said').replace('communications, but', 'calls, yet')}`;
    expect(found(edited, anchorQuote(edited, s))).toBe('a table of dialogue');
  });

  it('returns null when the passage is gone (an orphan), without matching something else', () => {
    const s = select(PAGE, 'but we can not say we have had a table of dialogue');
    const removed = PAGE.split('\n')
      .filter((line) => !line.includes('table of dialogue'))
      .join('\n');
    expect(anchorQuote(removed, s)).toBeNull();
    // A short quote never matches approximately.
    const short = select(PAGE, 'Sunday');
    expect(anchorQuote(PAGE.replace('Sunday', 'Sundae'), short)).toBeNull();
  });

  it('tells repeated quotes apart by their prefix and suffix', () => {
    const text = [
      'The minister said: we have had messages. Then the minister said it again.',
      'The president said: we have had messages. Then he stopped.',
      'A spokesman said: we have had messages. Nobody asked more.',
    ].join(' ');
    const second = select(text, 'we have had messages', 1);
    const third = select(text, 'we have had messages', 2);
    // Without positions, only the context can tell them apart.
    const noPos = (s: typeof second) => ({ quote: s.quote });
    expect(anchorQuote(text, noPos(second))?.start).toBe(second.at);
    expect(anchorQuote(text, noPos(third))?.start).toBe(third.at);
    // Shifted text: the position is stale, the context still decides.
    const shifted = `Update: more below. ${text}`;
    expect(anchorQuote(shifted, second)?.start).toBe(second.at + 20);
  });

  it('prefers the occurrence nearest the old position when contexts are alike', () => {
    const text = 'x ab ab ab ab ab y';
    const s = describeSelection(text, 8, 10);
    expect(s?.quote.exact).toBe('ab');
    const moved = `z${text}`;
    expect(anchorQuote(moved, s as NonNullable<typeof s>)?.start).toBe(9);
  });

  it('matches across whitespace, quote style and accent composition differences', () => {
    const live =
      'He said: “we can not say\n      we have had a table of dialogue,” and left. Díaz-Canel';
    const s = select(live, 'say\n      we have had a table of dialogue,”');
    // The reading copy collapses whitespace, straightens quotes and decomposes the accent.
    const copy =
      'He said: "we can not say we have had a table of dialogue," and left. Di\u0301az-Canel';
    const a = anchorQuote(copy, { quote: s.quote });
    expect(found(copy, a)).toBe('say we have had a table of dialogue,"');
    const name = select(live, 'Díaz-Canel');
    expect(found(copy, anchorQuote(copy, { quote: name.quote }))).toBe('Di\u0301az-Canel');
  });

  it('handles emoji and combining marks in the text before and inside the passage', () => {
    const text = 'Crowd 🇨🇺🇺🇸 cheered 👩🏽‍💻; Cafe\u0301 owner said “no talks”, then 😀 left.';
    const s = select(text, 'Cafe\u0301 owner said “no talks”');
    // Insert emoji before the passage: positions shift by surrogate pairs.
    const changed = `🎉🎉 ${text}`;
    const a = anchorQuote(changed, s);
    expect(found(changed, a)).toBe('Cafe\u0301 owner said “no talks”');
    // A precomposed é in the page still matches the decomposed quote.
    const composed = changed.replace('Cafe\u0301', 'Café');
    expect(found(composed, anchorQuote(composed, s))).toBe('Café owner said “no talks”');
    // An approximate match never ends inside an emoji: here the skin tone changed.
    const coder = 'We met the coder 👩🏽‍💻 today at noon.';
    const e = select(coder, 'met the coder 👩🏽‍💻');
    const edited = coder.replace('👩🏽‍💻', '👩🏿‍💻');
    const fuzzy = anchorQuote(edited, { quote: e.quote });
    expect(fuzzy?.method).toBe('fuzzy');
    expect(found(edited, fuzzy)).toBe('met the coder 👩🏿‍💻');
  });

  it('anchors many notes in one text', () => {
    const a = select(PAGE, 'table of dialogue');
    const missing = {
      quote: { type: 'TextQuoteSelector' as const, exact: 'a passage that is not on this page' },
    };
    const out = anchorAll(PAGE, [a, missing]);
    expect(found(PAGE, out[0]?.anchor ?? null)).toBe('table of dialogue');
    expect(out[1]?.anchor).toBeNull();
  });
});
