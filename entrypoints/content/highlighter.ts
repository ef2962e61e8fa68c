import { findSpans } from '@/lib/match/simple-matcher';
import type { Dictionary } from '@/lib/messaging';
import { collectTextNodes } from './collect';

export const ACTOR_HIGHLIGHT = 'backstory-actor';
export const FOCUS_HIGHLIGHT = 'backstory-focus';

export interface Hit {
  range: StaticRange;
  node: Text;
  start: number;
  end: number;
  actorId: string;
}

/**
 * Finds the dictionary's names in the page and paints them with the CSS Custom Highlight API.
 * StaticRange objects are used because live Ranges tax every DOM edit the page makes; the price
 * is that changed text must be re-scanned.
 */
export class Highlighter {
  hits: Hit[] = [];

  constructor(private readonly dictionary: Dictionary) {}

  scan(root: Node = document.body): Hit[] {
    const hits: Hit[] = [];
    for (const node of collectTextNodes(root)) {
      for (const span of findSpans(this.dictionary, node.data)) {
        const actor = this.dictionary.actors[span.actor];
        if (!actor) continue;
        hits.push({
          range: new StaticRange({
            startContainer: node,
            startOffset: span.start,
            endContainer: node,
            endOffset: span.end,
          }),
          node,
          start: span.start,
          end: span.end,
          actorId: actor[0],
        });
      }
    }
    this.hits = hits;
    return hits;
  }

  paint(): void {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    CSS.highlights.set(ACTOR_HIGHLIGHT, new Highlight(...this.hits.map((h) => h.range)));
  }

  /** The hit under a caret position, if any. */
  hitAt(node: Node, offset: number): Hit | undefined {
    return this.hits.find((h) => h.node === node && offset >= h.start && offset < h.end);
  }

  focus(hit: Hit): void {
    const live = document.createRange();
    live.setStart(hit.node, hit.start);
    live.setEnd(hit.node, hit.end);
    const rect = live.getBoundingClientRect();
    window.scrollTo({
      top: window.scrollY + rect.top - window.innerHeight / 3,
      behavior: 'instant',
    });
    if ('highlights' in CSS) CSS.highlights.set(FOCUS_HIGHLIGHT, new Highlight(hit.range));
  }

  clear(): void {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    CSS.highlights.delete(ACTOR_HIGHLIGHT);
    CSS.highlights.delete(FOCUS_HIGHLIGHT);
    this.hits = [];
  }
}
