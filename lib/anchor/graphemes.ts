/**
 * Grapheme boundaries, so a note never starts or ends inside a user-perceived character: not
 * between the two halves of a surrogate pair (emoji), before a combining mark, or inside an emoji
 * ZWJ sequence or a flag. Only a small window around the offset is segmented: graphemes are local.
 */
const WINDOW = 64;

type Segmenter = { segment(text: string): Iterable<{ index: number }> };

let segmenter: Segmenter | null | undefined;

function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (Intl as { Segmenter?: new (l?: string, o?: object) => Segmenter }).Segmenter;
    segmenter = Ctor ? new Ctor(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

const MARK_OR_JOINER = /^(?:\p{M}|\u200D|[\uFE00-\uFE0F])$/u;

/** Without Intl.Segmenter: step back over low surrogates, marks, joiners and variation selectors. */
function fallbackBoundaryBefore(text: string, i: number): number {
  let j = i;
  while (j > 0) {
    const code = text.charCodeAt(j);
    const prev = text.charCodeAt(j - 1);
    const lowSurrogate = code >= 0xdc00 && code <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff;
    const cp = String.fromCodePoint(text.codePointAt(j) ?? 0);
    const joinedToPrev = MARK_OR_JOINER.test(cp) || prev === 0x200d;
    if (!lowSurrogate && !joinedToPrev) break;
    j -= 1;
  }
  return j;
}

/** Every grapheme boundary inside [from, to] of `text`, found by segmenting a window. */
function boundaries(text: string, from: number, to: number): number[] | null {
  const seg = getSegmenter();
  if (!seg) return null;
  const start = Math.max(0, from);
  const window = text.slice(start, Math.min(text.length, to));
  const out: number[] = [];
  for (const s of seg.segment(window)) out.push(start + s.index);
  out.push(start + window.length);
  return out;
}

/** The grapheme boundary at or before `i`. */
export function boundaryAtOrBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= text.length) return text.length;
  const b = boundaries(text, i - WINDOW, i + WINDOW);
  if (!b) return fallbackBoundaryBefore(text, i);
  let best = Math.max(0, i - WINDOW);
  for (const x of b) if (x <= i) best = x;
  return best;
}

/** The grapheme boundary at or after `i`. */
export function boundaryAtOrAfter(text: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= text.length) return text.length;
  const b = boundaries(text, i - WINDOW, i + WINDOW);
  if (!b) {
    let j = i;
    while (j < text.length && fallbackBoundaryBefore(text, j) !== j) j += 1;
    return j;
  }
  for (const x of b) if (x >= i) return x;
  return text.length;
}
