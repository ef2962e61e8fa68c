// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { unwrapAll, wrapAll } from '@/entrypoints/content/mark-fallback';
import { blockOf, hitOver } from './hits';

/** A hit over `word` in a one-node block. */
const hitIn = (node: Text, word: string, id: string) => hitOver(blockOf([node]), word, id);

describe('mark fallback', () => {
  it('wraps every hit of a node in backstory-mark and restores the text exactly', () => {
    document.body.innerHTML = '<p id="p">Trump spoke with Díaz-Canel about Cuba.</p>';
    const p = document.getElementById('p') as HTMLElement;
    const node = p.firstChild as Text;
    const before = p.innerHTML;
    const marks = new Set<HTMLElement>();
    wrapAll(
      [
        hitIn(node, 'Trump', 'a/trump'),
        hitIn(node, 'Díaz-Canel', 'a/dc'),
        hitIn(node, 'Cuba', 'a/cuba'),
      ],
      marks,
    );
    expect(
      [...p.querySelectorAll('backstory-mark')].map((m) => [
        m.textContent,
        (m as HTMLElement).dataset.id,
      ]),
    ).toEqual([
      ['Trump', 'a/trump'],
      ['Díaz-Canel', 'a/dc'],
      ['Cuba', 'a/cuba'],
    ]);
    expect(p.textContent).toBe('Trump spoke with Díaz-Canel about Cuba.');
    unwrapAll(marks);
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes.length).toBe(1);
  });
});
