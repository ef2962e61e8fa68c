import type { Block } from '@/entrypoints/content/collect';
import { type Hit, locate } from '@/entrypoints/content/highlighter';

/** A block over text nodes already in a document, as the walk collects it. */
export function blockOf(nodes: Text[]): Block {
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.data;
  }
  return { container: nodes[0]?.parentNode as Node, nodes, starts, text };
}

/**
 * An actor hit over the first `word` in a block. Its range is a plain object with a StaticRange's
 * four fields (the code under test reads only those).
 */
export function hitOver(block: Block, word: string, id: string): Hit {
  const start = block.text.indexOf(word);
  const end = start + word.length;
  const [startContainer, startOffset] = locate(block, start, false) ?? [];
  const [endContainer, endOffset] = locate(block, end, true) ?? [];
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
