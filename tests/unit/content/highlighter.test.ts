// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Block } from '@/entrypoints/content/collect';
import { Highlighter, type Hit } from '@/entrypoints/content/highlighter';

/** A block of one or two text nodes, and a hit over `word` in it. */
function blockWith(parts: string[]): Block {
  const p = document.createElement('p');
  const nodes = parts.map((t) => document.createTextNode(t));
  for (const n of nodes) p.append(n);
  document.body.append(p);
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.data;
  }
  return { container: p, nodes, starts, text };
}

function hitOver(block: Block, word: string, id: string): Hit {
  const start = block.text.indexOf(word);
  const end = start + word.length;
  const locate = (pos: number, isEnd: boolean) => {
    let i = block.starts.length - 1;
    while (i > 0 && (isEnd ? (block.starts[i] ?? 0) >= pos : (block.starts[i] ?? 0) > pos)) i--;
    return [block.nodes[i] as Text, pos - (block.starts[i] ?? 0)] as const;
  };
  const [startContainer, startOffset] = locate(start, false);
  const [endContainer, endOffset] = locate(end, true);
  const range = { startContainer, startOffset, endContainer, endOffset } as unknown as StaticRange;
  return {
    kind: 'actor',
    block,
    start,
    end,
    range,
    ids: [id],
    candidates: [0],
    painted: null,
    denied: false,
  };
}

describe('Highlighter hit-testing', () => {
  it('finds hits by text node whether the index is built before or after they are set', () => {
    const h = new Highlighter();
    const a = blockWith(['Ana Ortiz spoke.']);
    const b = blockWith(['Then ', 'Borealia', ' answered.']);
    const removedEarly = blockWith(['Ortiz again.']);
    h.setBlock(a, [hitOver(a, 'Ortiz', 'ortiz')]);
    h.setBlock(removedEarly, [hitOver(removedEarly, 'Ortiz', 'ortiz')]);
    // Removed before anything asked for a hit test: the index, built later, does not have it.
    h.removeBlock(removedEarly);
    expect(h.hitAt(a.nodes[0] as Text, 5)?.ids).toEqual(['ortiz']);
    expect(h.hitAt(a.nodes[0] as Text, 0)).toBeUndefined();
    expect(h.hitAt(removedEarly.nodes[0] as Text, 1)).toBeUndefined();

    // Set and removed after the index exists: kept up to date.
    h.setBlock(b, [hitOver(b, 'Borealia', 'borealia')]);
    expect(h.hitAt(b.nodes[1] as Text, 3)?.ids).toEqual(['borealia']);
    h.removeBlock(a);
    expect(h.hitAt(a.nodes[0] as Text, 5)).toBeUndefined();
    expect(h.hitAt(b.nodes[1] as Text, 0)?.ids).toEqual(['borealia']);

    // Cleared, then used again.
    h.clear();
    expect(h.hitAt(b.nodes[1] as Text, 0)).toBeUndefined();
    h.setBlock(a, [hitOver(a, 'Ana Ortiz', 'ortiz')]);
    expect(h.hitAt(a.nodes[0] as Text, 0)?.ids).toEqual(['ortiz']);
  });
});
