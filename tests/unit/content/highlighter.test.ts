// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Block } from '@/entrypoints/content/collect';
import { Highlighter } from '@/entrypoints/content/highlighter';
import { blockOf, hitOver } from './hits';

/** A paragraph of the given text nodes, added to the document, as a block. */
function blockWith(parts: string[]): Block {
  const p = document.createElement('p');
  const nodes = parts.map((t) => document.createTextNode(t));
  p.append(...nodes);
  document.body.append(p);
  return blockOf(nodes);
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
