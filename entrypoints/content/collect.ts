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

/** Text under this element is not page text. (walkBlocks has its own copy of this test.) */
function isSkipped(el: Element): boolean {
  return SKIP.has(el.tagName) || el.hasAttribute('hidden');
}

/** The element starts a block of its own. (walkBlocks has its own copy of this test.) */
function isBlockElement(el: Element): boolean {
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

/** Node types, as constants (`Node.TEXT_NODE` is a property read on every node of the walk). */
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FRAGMENT_NODE = 11;

/**
 * A stack marker: the end of a block element or shadow root (the container around it is on a
 * stack of its own). Compared by identity: cheaper than a class test on every node of the walk.
 */
const CLOSE = {} as Node;

/**
 * Walks `root` in document order and yields blocks. `onShadowRoot` is told of every open shadow
 * root entered (for styles, hit-testing and observing). Every few hundred nodes the generator
 * yields `null`, so the caller can slice the walk.
 */
export function* walkBlocks(
  root: Node,
  onShadowRoot: (root: ShadowRoot) => void,
): Generator<Block | null, void, undefined> {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let container: Node = root.nodeType === Node.ELEMENT_NODE ? root : blockContainerOf(root);
  /** The block collected so far, if it has visible text; starts the next one. */
  const take = (): Block | null => {
    const block = nodes.length > 0 && /\S/.test(text) ? { container, nodes, starts, text } : null;
    if (nodes.length > 0) {
      nodes = [];
      starts = [];
      text = '';
    }
    return block;
  };
  // Each stack entry: a node to visit, or CLOSE, ending a block element; `outers` holds the
  // container to return to at each CLOSE.
  const stack: Node[] = [];
  const outers: Node[] = [];
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
    if (item === CLOSE) {
      const done = take();
      if (done) yield done;
      container = outers.pop() ?? root;
      continue;
    }
    const type = item.nodeType;
    if (type === TEXT_NODE) {
      const data = (item as Text).data;
      const length = data.length;
      if (length === 0 || length > MAX_NODE) continue;
      if (text.length + length > MAX_BLOCK && nodes.length > 0) {
        const done = take();
        if (done) yield done;
      }
      nodes.push(item as Text);
      starts.push(text.length);
      text += data;
      continue;
    }
    if (type === FRAGMENT_NODE) {
      const done = take();
      if (done) yield done;
      stack.push(CLOSE);
      outers.push(container);
      container = item;
      pushChildren(item);
      continue;
    }
    if (type !== ELEMENT_NODE) continue;
    // isSkipped and isBlockElement inlined, each property of the element read once, and the
    // attribute tests skipped for an element with no attributes (most inline markup).
    const el = item as Element;
    const tag = el.tagName;
    if (SKIP.has(tag)) continue;
    const attributes = el.hasAttributes();
    if (attributes && el.hasAttribute('hidden')) continue;
    const shadow = el.shadowRoot;
    if (BLOCKS.has(tag) || shadow !== null || (attributes && el.hasAttribute('contenteditable'))) {
      const done = take();
      if (done) yield done;
      stack.push(CLOSE);
      outers.push(container);
      container = el;
    }
    pushChildren(el);
    if (shadow) {
      onShadowRoot(shadow);
      stack.push(shadow);
    }
  }
  const last = take();
  if (last) yield last;
}
