import type { Hit } from './highlighter';

/**
 * Painting where the CSS Custom Highlight API is missing: hits are wrapped in
 * `<backstory-mark>` elements — the only case where Backstory changes the page's DOM. Only blocks
 * in (or near) the viewport are wrapped, a batch per animation frame, and everything is
 * unwrapped on clear. Both supported browsers have the API (Chrome ≥ 116, Firefox ≥ 140); this
 * keeps older or stripped-down engines working.
 */
export const MARK_TAG = 'backstory-mark';
const PER_FRAME = 200;

export class MarkPainter {
  private readonly waiting = new Map<Element, Hit[]>();
  private readonly ready: Hit[] = [];
  private readonly marks = new Set<HTMLElement>();
  /** What each of our marks shows. A page can add `<backstory-mark>` elements or change their
   * attributes: only the marks made here, with what they were made for, are trusted. */
  private readonly hits = new WeakMap<Element, Hit>();
  private observer: IntersectionObserver | null = null;
  private frame = 0;

  /** `mutate` runs DOM changes with the page watcher paused, so they do not trigger re-scans. */
  constructor(private readonly mutate: (change: () => void) => void) {}

  queue(hit: Hit): void {
    const container = hit.block.container;
    const element =
      container.nodeType === Node.ELEMENT_NODE
        ? (container as Element)
        : ((container as ShadowRoot).host ?? null);
    if (!element) return;
    this.observer ??= new IntersectionObserver((entries) => this.onVisible(entries), {
      rootMargin: '50% 0px',
    });
    const list = this.waiting.get(element);
    if (list) list.push(hit);
    else {
      this.waiting.set(element, [hit]);
      this.observer.observe(element);
    }
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const hits = this.waiting.get(entry.target);
      this.waiting.delete(entry.target);
      this.observer?.unobserve(entry.target);
      if (hits) this.ready.push(...hits);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.frame || this.ready.length === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      // A batch never splits one text node's hits: wrapping shortens the node it cuts.
      const batch: Hit[] = [];
      while (this.ready.length > 0) {
        const next = this.ready[0] as Hit;
        const last = batch.at(-1);
        if (batch.length >= PER_FRAME && last?.range.startContainer !== next.range.startContainer)
          break;
        batch.push(next);
        this.ready.shift();
      }
      this.mutate(() => wrapAll(batch, this.marks, (mark, hit) => this.hits.set(mark, hit)));
      this.schedule();
    });
  }

  /** The hit one of our own marks shows; undefined for anything else (a page's imitation). */
  hitOf(element: Element): Hit | undefined {
    return this.marks.has(element as HTMLElement) ? this.hits.get(element) : undefined;
  }

  /** Removes every mark and puts the page's text back as it was. */
  clear(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.observer?.disconnect();
    this.observer = null;
    this.waiting.clear();
    this.ready.length = 0;
    const marks = [...this.marks];
    this.marks.clear();
    this.mutate(() => unwrapAll(marks));
  }
}

/** Wraps single-node hits, last first in each node, so earlier offsets stay valid. */
export function wrapAll(
  hits: Hit[],
  marks: Set<HTMLElement>,
  onMark?: (mark: HTMLElement, hit: Hit) => void,
): void {
  const byNode = new Map<Text, Hit[]>();
  for (const hit of hits) {
    const { startContainer, endContainer } = hit.range;
    if (startContainer !== endContainer || startContainer.nodeType !== Node.TEXT_NODE) continue;
    const list = byNode.get(startContainer as Text) ?? [];
    list.push(hit);
    byNode.set(startContainer as Text, list);
  }
  for (const [node, list] of byNode) {
    list.sort((a, b) => b.range.startOffset - a.range.startOffset);
    for (const hit of list) {
      const { startOffset, endOffset } = hit.range;
      if (!node.isConnected || endOffset > node.data.length) continue;
      const tail = node.splitText(startOffset);
      tail.splitText(endOffset - startOffset);
      const mark = document.createElement(MARK_TAG);
      mark.dataset.kind = hit.kind;
      mark.dataset.id = hit.ids[0] ?? '';
      if (hit.denied) mark.dataset.denied = '';
      tail.replaceWith(mark);
      mark.append(tail);
      marks.add(mark);
      onMark?.(mark, hit);
    }
  }
}

/** Puts marked text back as it was: the marks' text returns to its parent, merged. */
export function unwrapAll(marks: Iterable<HTMLElement>): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parent.normalize();
  }
}
