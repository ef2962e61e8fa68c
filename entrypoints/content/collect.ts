/**
 * Collects the page's rendered text as blocks: runs of consecutive text nodes under the same
 * block-level element, joined so a name split by inline markup ("<a>Miguel</a> Díaz-Canel")
 * is still one string, with the offset of each node kept to map matches back to the DOM.
 * Text that is not rendered as page text (script, style, template, textarea, title, SVG, …)
 * or that the user types into is skipped, and so are giant text nodes (MAX_NODE); open shadow
 * roots are entered. The walk is iterative
 * (no recursion on 5,000-deep pages) and a generator, so the caller can slice it.
 */
export interface Block {
  /** The block-level element (or shadow root) the text belongs to. */
  container: Node;
  nodes: Text[];
  /** Offset of each node's text in `text`. */
  starts: number[];
  text: string;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TITLE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'svg',
  'SVG',
  'MATH',
  'math',
  'HEAD',
  // Backstory's own UI (hover card, textarea badge) and fallback marks.
  'BACKSTORY-UI',
  'BACKSTORY-MARK',
]);

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'BUTTON',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Longest block text; a longer run of nodes is cut at node boundaries. */
export const MAX_BLOCK = 200_000;
/**
 * Text nodes longer than this are left alone. Chromium's CSS highlight painting costs time in
 * proportion to the length of a highlighted text node: with one range in a 5 MB node, each frame
 * took ~1.5 s on these machines (with no Backstory code running), so highlighting there would
 * freeze the page. Articles are made of paragraphs far shorter than this.
 */
export const MAX_NODE = 200_000;

export function isSkipped(el: Element): boolean {
  return SKIP.has(el.tagName) || el.hasAttribute('hidden');
}

export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(el.tagName) || el.shadowRoot !== null || el.hasAttribute('contenteditable');
}

/** The nearest block-level ancestor of a node (or the shadow root / document it lives in). */
export function blockContainerOf(node: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && isBlockElement(current as Element))
      return current;
    if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return current;
    current = current.parentNode;
  }
  return node.ownerDocument ?? document;
}

/** Whether a node is inside skipped content (checked upwards; for mutation targets). */
export function insideSkipped(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element)) return true;
  }
  return false;
}

/**
 * Walks `root` in document order and yields blocks. `onShadowRoot` is told of every open shadow
 * root entered (for styles, hit-testing and observing). `budget` is called every few hundred
 * nodes; it may suspend the walk (the generator yields `null`) so the caller can slice it.
 */
export function* walkBlocks(
  root: Node,
  onShadowRoot: (root: ShadowRoot) => void,
): Generator<Block | null, void, undefined> {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let container: Node = root.nodeType === Node.ELEMENT_NODE ? root : blockContainerOf(root);
  const flush = function* (): Generator<Block> {
    if (nodes.length > 0 && /\S/.test(text)) yield { container, nodes, starts, text };
    nodes = [];
    starts = [];
    text = '';
  };
  // Each stack entry: a node to visit, or a marker closing a block element.
  const stack: (Node | { close: Node; outer: Node })[] = [];
  const pushChildren = (parent: Node) => {
    for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
  };
  if (root.nodeType === Node.TEXT_NODE) stack.push(root);
  else {
    pushChildren(root);
    const shadow = (root as Element).shadowRoot;
    // Shadow content first, then the light children (most are slotted into it).
    if (shadow) {
      onShadowRoot(shadow);
      stack.push(shadow);
    }
  }
  let visited = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (++visited % 512 === 0) yield null;
    if ('close' in item) {
      yield* flush();
      container = item.outer;
      continue;
    }
    const node = item;
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      if (t.data.length === 0) continue;
      if (t.data.length > MAX_NODE) continue;
      if (text.length + t.data.length > MAX_BLOCK && nodes.length > 0) yield* flush();
      nodes.push(t);
      starts.push(text.length);
      text += t.data;
      continue;
    }
    if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      yield* flush();
      stack.push({ close: node, outer: container });
      container = node;
      pushChildren(node);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (isSkipped(el)) continue;
    if (isBlockElement(el)) {
      yield* flush();
      stack.push({ close: el, outer: container });
      container = el;
    }
    pushChildren(el);
    if (el.shadowRoot) {
      onShadowRoot(el.shadowRoot);
      stack.push(el.shadowRoot);
    }
  }
  yield* flush();
}
