import { describe, expect, it } from 'vitest';
import { actorMentions, paragraphs } from '@/lib/review/marks';

describe('reading copy marks', () => {
  it('finds actor names on word boundaries, longest first, respecting case-sensitive names', () => {
    const text =
      'Miguel Díaz-Canel spoke. Díaz-Canel added. The US and USA; us too. Trumpet, Trump.';
    const marks = actorMentions(text, [
      { id: 'dc', names: [{ text: 'Díaz-Canel' }, { text: 'Miguel Díaz-Canel' }] },
      { id: 'us', names: [{ text: 'US', caseSensitive: true }] },
      { id: 'trump', names: [{ text: 'Trump' }] },
    ]);
    expect(marks.map((m) => [m.id, text.slice(m.start, m.end)])).toEqual([
      ['dc', 'Miguel Díaz-Canel'],
      ['dc', 'Díaz-Canel'],
      ['us', 'US'],
      ['trump', 'Trump'],
    ]);
  });

  it('cuts paragraphs at marks, a note spanning two paragraphs marked in both', () => {
    const text = 'One two three.\n\nFour five six.';
    const ps = paragraphs(text, [
      { start: 4, end: 21, kind: 'note', id: 'n1' },
      { start: 16, end: 20, kind: 'actor', id: 'a' },
    ]);
    expect(ps).toHaveLength(2);
    expect(ps[0]?.segments.map((s) => [s.text, s.noteIds, s.actorId])).toEqual([
      ['One ', [], undefined],
      ['two three.', ['n1'], undefined],
    ]);
    expect(ps[1]?.segments.map((s) => [s.text, s.noteIds, s.actorId])).toEqual([
      ['Four', ['n1'], 'a'],
      [' ', ['n1'], undefined],
      ['five six.', [], undefined],
    ]);
  });
});
