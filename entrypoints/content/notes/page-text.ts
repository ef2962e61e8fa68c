/**
 * The page's text as one string, with the map between its offsets and the DOM's text nodes.
 * Selectors are built over it and notes are anchored in it. Only rendered text counts: the
 * contents of script, style, form fields, templates and the like are left out, and so is
 * Backstory's own interface.
 */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'title',
  'desc',
  'iframe',
  'object',
  'canvas',
]);

export const UI_TAG = 'backstory-notes-ui';

export class PageText {
  private readonly index = new Map<Text, number>();

  private constructor(
    readonly root: Node,
    readonly text: string,
    readonly nodes: Text[],
    readonly starts: number[],
  ) {
    for (const [i, n] of nodes.entries()) this.index.set(n, i);
  }

  static collect(root: Node = document.body): PageText {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const parts: string[] = [];
    let length = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          const name = (node as Element).localName;
          return SKIP.has(name) || name === UI_TAG
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP;
        }
        return (node as Text).data.length > 0 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      nodes.push(t);
      starts.push(length);
      parts.push(t.data);
      length += t.data.length;
    }
    return new PageText(root, parts.join(''), nodes, starts);
  }

  /**
   * The text offset of a DOM boundary point (a selection's start or end): inside a text node
   * it is exact; between elements it is the start of the next text that counts.
   */
  offsetOf(container: Node, offset: number): number {
    if (container.nodeType === Node.TEXT_NODE) {
      const i = this.index.get(container as Text);
      if (i !== undefined)
        return (this.starts[i] as number) + Math.min(offset, (container as Text).data.length);
    }
    let from: Node | null =
      container.nodeType === Node.TEXT_NODE ? null : (container.childNodes[offset] ?? null);
    if (!from) {
      // After the container's last child (or after a text node that does not count): the next
      // node in document order outside it.
      let n: Node | null = container;
      while (n && n !== this.root && !n.nextSibling) n = n.parentNode;
      from = n && n !== this.root ? n.nextSibling : null;
    }
    if (!from) return this.text.length;
    if (!this.root.contains(from))
      return from.compareDocumentPosition(this.root) & Node.DOCUMENT_POSITION_FOLLOWING
        ? 0
        : this.text.length;
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    walker.currentNode = from;
    for (let n: Node | null = from; n; n = walker.nextNode()) {
      const i = this.index.get(n as Text);
      if (i !== undefined) return this.starts[i] as number;
    }
    return this.text.length;
  }

  /** The last node whose text starts at or before `offset`. */
  private nodeAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A StaticRange over [start, end) of the text, or null when it is empty or out of range. */
  range(start: number, end: number): StaticRange | null {
    if (start >= end || end > this.text.length || this.nodes.length === 0) return null;
    const a = this.nodeAt(start);
    const b = this.nodeAt(end - 1);
    const startNode = this.nodes[a] as Text;
    const endNode = this.nodes[b] as Text;
    return new StaticRange({
      startContainer: startNode,
      startOffset: start - (this.starts[a] as number),
      endContainer: endNode,
      endOffset: end - (this.starts[b] as number),
    });
  }

  /** The text offset of a caret position (for hit-testing clicks), or null outside the text. */
  caretOffset(node: Node, offset: number): number | null {
    const i = node.nodeType === Node.TEXT_NODE ? this.index.get(node as Text) : undefined;
    return i === undefined ? null : (this.starts[i] as number) + offset;
  }
}

/** Whether a node is inside an editable field or Backstory's own interface. */
export function inEditableOrOwnUi(node: Node | null): boolean {
  const el = node && (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement);
  if (!el) return false;
  return (
    el.closest(`[contenteditable=""], [contenteditable="true"], textarea, input, ${UI_TAG}`) !==
    null
  );
}
