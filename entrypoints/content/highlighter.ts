import type { Block } from './collect';
import type { MarkPainter } from './mark-fallback';

/**
 * Highlight names, one per kind (styles in style.css; the same names inside shadow roots):
 * - `backstory-actor`: a known actor;
 * - `backstory-ambiguous`: an alias of several actors that the page did not settle;
 * - `backstory-claim`: a sentence that states, denies or reports a known claim;
 * - `backstory-claim-denied`: the same, for a claim that someone has denied;
 * - `backstory-focus`: the highlight reached with the keyboard or from the side panel.
 */
export const ACTOR_HIGHLIGHT = 'backstory-actor';
export const AMBIGUOUS_HIGHLIGHT = 'backstory-ambiguous';
export const CLAIM_HIGHLIGHT = 'backstory-claim';
export const DENIED_CLAIM_HIGHLIGHT = 'backstory-claim-denied';
export const FOCUS_HIGHLIGHT = 'backstory-focus';

const PRIORITY: Record<string, number> = {
  [FOCUS_HIGHLIGHT]: 4,
  [ACTOR_HIGHLIGHT]: 3,
  [AMBIGUOUS_HIGHLIGHT]: 2,
  [DENIED_CLAIM_HIGHLIGHT]: 1,
  [CLAIM_HIGHLIGHT]: 0,
};

export type HitKind = 'actor' | 'ambiguous' | 'claim';

export interface Hit {
  kind: HitKind;
  block: Block;
  /** Offsets in the block's text. */
  start: number;
  end: number;
  range: StaticRange;
  /** Actor ids (several for an ambiguous mention) or claim ids (best first). Shared: never changed in place. */
  ids: readonly string[];
  /** Dictionary indexes of the candidates, for re-resolving when the page grows. */
  candidates: number[];
  /** The highlight the range is painted under, if any. */
  painted: string | null;
  /** For claims: whether someone denied the (best) claim. */
  denied: boolean;
}

/**
 * The index in `block.nodes` of the node holding a position of the block's text, or -1 if the
 * DOM moved under the block. An end position on a node boundary belongs to the node before it.
 */
function nodeAt(block: Block, pos: number, end: boolean): number {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] ?? 0;
    if (end ? s < pos : s <= pos) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return -1;
  const offset = pos - (starts[lo] ?? 0);
  return offset < 0 || offset > node.data.length ? -1 : lo;
}

/** The node and offset of a position in a block's text. */
export function locate(block: Block, pos: number, end: boolean): [Text, number] | null {
  const i = nodeAt(block, pos, end);
  const node = block.nodes[i];
  return node ? [node, pos - (block.starts[i] ?? 0)] : null;
}

/**
 * One StaticRange init for every range: the constructor reads it and keeps nothing, so painting
 * a page's thousands of hits does not allocate one more object per hit for the collector.
 */
const NO_NODE = null as unknown as Node;
const init: StaticRangeInit = {
  startContainer: NO_NODE,
  startOffset: 0,
  endContainer: NO_NODE,
  endOffset: 0,
};

/** A StaticRange over [start, end) of a block, or null if the DOM moved under it. */
export function rangeOf(block: Block, start: number, end: number): StaticRange | null {
  const a = nodeAt(block, start, false);
  const b = nodeAt(block, end, true);
  const startNode = block.nodes[a];
  const endNode = block.nodes[b];
  if (!startNode || !endNode) return null;
  init.startContainer = startNode;
  init.startOffset = start - (block.starts[a] ?? 0);
  init.endContainer = endNode;
  init.endOffset = end - (block.starts[b] ?? 0);
  try {
    return new StaticRange(init);
  } catch {
    return null;
  } finally {
    // Not keeping the page's nodes alive.
    init.startContainer = NO_NODE;
    init.endContainer = NO_NODE;
  }
}

let supported: boolean | undefined;
/**
 * Whether the CSS Custom Highlight API exists here. Read once: a content script's isolated world
 * does not see the page's changes to its globals, and every paint asks.
 */
export const highlightsSupported = (): boolean =>
  (supported ??=
    typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function');

/**
 * Paints hits with the CSS Custom Highlight API. StaticRanges, because live Ranges tax every DOM
 * edit the page makes; the price is that changed text must be re-scanned (see watch.ts). The
 * highlights are registered once and ranges are added and removed as blocks are (re)scanned.
 */
export class Highlighter {
  private readonly highlights = new Map<string, Highlight>();
  /** Hits by block. */
  private readonly byBlock = new Map<Block, Hit[]>();
  /**
   * Hits by text node, for hit-testing: built at the first hit test rather than while the page
   * loads (most hits are never pointed at), then kept up to date.
   */
  private byNode: Map<Text, Hit[]> | null = null;
  private focused: Hit | null = null;
  /** Where the Highlight API is missing: `<backstory-mark>` wrapping (mark-fallback.ts). */
  fallback: MarkPainter | null = null;

  private highlight(name: string): Highlight | null {
    if (!highlightsSupported()) return null;
    let h = this.highlights.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = PRIORITY[name] ?? 0;
      this.highlights.set(name, h);
      CSS.highlights.set(name, h);
    }
    return h;
  }

  /** Paints (or re-paints) a hit under the name its kind calls for. */
  paint(hit: Hit): void {
    const name =
      hit.kind === 'actor'
        ? ACTOR_HIGHLIGHT
        : hit.kind === 'ambiguous'
          ? AMBIGUOUS_HIGHLIGHT
          : hit.denied
            ? DENIED_CLAIM_HIGHLIGHT
            : CLAIM_HIGHLIGHT;
    if (hit.painted === name) return;
    if (!highlightsSupported()) {
      this.fallback?.queue(hit);
      hit.painted = name;
      return;
    }
    if (hit.painted) this.highlights.get(hit.painted)?.delete(hit.range);
    this.highlight(name)?.add(hit.range);
    hit.painted = name;
  }

  /** Replaces the hits of a block. */
  setBlock(block: Block, hits: Hit[]): void {
    this.removeBlock(block);
    if (hits.length === 0) return;
    this.byBlock.set(block, hits);
    if (this.byNode) for (const hit of hits) indexHit(this.byNode, hit);
  }

  private nodeIndex(): Map<Text, Hit[]> {
    if (!this.byNode) {
      const index = new Map<Text, Hit[]>();
      for (const hits of this.byBlock.values()) for (const hit of hits) indexHit(index, hit);
      this.byNode = index;
    }
    return this.byNode;
  }

  removeBlock(block: Block): void {
    const hits = this.byBlock.get(block);
    if (!hits) return;
    this.byBlock.delete(block);
    for (const hit of hits) {
      if (hit.painted) this.highlights.get(hit.painted)?.delete(hit.range);
      hit.painted = null;
      if (this.byNode) unindexHit(this.byNode, hit);
      if (this.focused === hit) this.unfocus();
    }
  }

  hitsIn(block: Block): readonly Hit[] {
    return this.byBlock.get(block) ?? [];
  }

  /** Every hit, in no particular order. */
  *all(): Generator<Hit> {
    for (const hits of this.byBlock.values()) yield* hits;
  }

  /** The hit under a caret position: an actor before a claim sentence around it. */
  hitAt(node: Node, offset: number): Hit | undefined {
    const hits = this.nodeIndex().get(node as Text);
    if (!hits) return undefined;
    const inside = hits.filter((h) => {
      const r = h.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset < r.endOffset;
      return afterStart && beforeEnd;
    });
    return inside.find((h) => h.kind !== 'claim') ?? inside[0];
  }

  focus(hit: Hit): void {
    this.focused = hit;
    if (!highlightsSupported()) return;
    const h = this.highlight(FOCUS_HIGHLIGHT);
    h?.clear();
    h?.add(hit.range);
  }

  unfocus(): void {
    this.focused = null;
    this.highlights.get(FOCUS_HIGHLIGHT)?.clear();
  }

  get focusedHit(): Hit | null {
    return this.focused;
  }

  clear(): void {
    this.fallback?.clear();
    for (const name of highlightsSupported() ? this.highlights.keys() : []) {
      if (CSS.highlights.get(name) === this.highlights.get(name)) CSS.highlights.delete(name);
    }
    this.highlights.clear();
    this.byBlock.clear();
    this.byNode = null;
    this.focused = null;
  }
}

function indexHit(index: Map<Text, Hit[]>, hit: Hit): void {
  for (const node of nodesOf(hit)) {
    const list = index.get(node);
    if (list) list.push(hit);
    else index.set(node, [hit]);
  }
}

function unindexHit(index: Map<Text, Hit[]>, hit: Hit): void {
  for (const node of nodesOf(hit)) {
    const list = index.get(node)?.filter((h) => h !== hit);
    if (list && list.length > 0) index.set(node, list);
    else index.delete(node);
  }
}

function nodesOf(hit: Hit): Text[] {
  const { nodes } = hit.block;
  if (nodes.length === 1) return nodes;
  const first = nodes.indexOf(hit.range.startContainer as Text);
  const last = nodes.indexOf(hit.range.endContainer as Text);
  return first < 0 || last < 0 ? [] : nodes.slice(first, last + 1);
}
