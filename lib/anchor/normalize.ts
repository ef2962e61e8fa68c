/**
 * The "match view" of a text: what quote matching compares, with a map back to the original.
 * Pages and their reading copies differ in ways that are not edits: runs of whitespace (HTML
 * indentation versus paragraph breaks), curly versus straight quotes, dashes, soft hyphens, and
 * composed versus decomposed accents ("é" as one code point or as "e" + U+0301). The view folds
 * all of these, so an exact quote still matches exactly; case and letters are kept, so an
 * approximate match still measures real edits.
 */
export interface MatchView {
  text: string;
  /**
   * For each index of the view (and one past its end), the index in the original text where that
   * character's source begins. Non-decreasing, so it can be searched in both directions.
   */
  toOriginal: Uint32Array;
}

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02]);
const DASHES = new Set([
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d,
]);
/** Invisible characters a page may or may not carry: soft hyphen, zero-width space, word joiner, BOM. */
const DROPPED = new Set([0x00ad, 0x200b, 0x2060, 0xfeff]);
const MARK = /^\p{M}$/u;

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (SINGLE_QUOTES.has(code)) return "'";
  if (DOUBLE_QUOTES.has(code)) return '"';
  if (DASHES.has(code)) return '-';
  return ch;
}

/** The code point starting at `i` as a string (one or two code units). */
function codePointAt(text: string, i: number): string {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return text.slice(i, i + 2);
  }
  return text[i] ?? '';
}

export function matchView(text: string): MatchView {
  const out: string[] = [];
  // A view is at most as long as its text, except where NFC expands a cluster (rare): grow then.
  let map = new Uint32Array(text.length + 1);
  let n = 0;
  const put = (s: string, from: number, consecutive: boolean) => {
    if (n + s.length + 1 > map.length) {
      const bigger = new Uint32Array(Math.max(map.length * 2, n + s.length + 1));
      bigger.set(map);
      map = bigger;
    }
    out.push(s);
    for (let k = 0; k < s.length; k++) map[n + k] = consecutive ? from + k : from;
    n += s.length;
  };
  let lastWasSpace = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // The common case: a run of ASCII that needs no folding, copied in one slice.
    if (code < 0x80 && !isSpace(code)) {
      let j = i + 1;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c >= 0x80 || isSpace(c)) break;
        j += 1;
      }
      // A combining mark after the run belongs with its last letter.
      if (j < text.length && text.charCodeAt(j) >= 0x300 && MARK.test(codePointAt(text, j))) j -= 1;
      if (j > i) {
        put(text.slice(i, j), i, true);
        lastWasSpace = false;
        i = j;
        continue;
      }
    }
    if (DROPPED.has(code)) {
      i += 1;
      continue;
    }
    if (isSpace(code)) {
      if (!lastWasSpace) {
        put(' ', i, false);
        lastWasSpace = true;
      }
      i += 1;
      continue;
    }
    lastWasSpace = false;
    const nextCode = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (code < 0x300 && (nextCode < 0x300 || !MARK.test(codePointAt(text, i + 1)))) {
      put(foldChar(text[i] as string), i, false);
      i += 1;
      continue;
    }
    // A cluster: one code point and the combining marks after it, normalised together (NFC), so
    // decomposed and precomposed accents read the same. Every output character of the cluster
    // maps to the cluster's start: a match can never begin inside it.
    const start = i;
    let cluster = codePointAt(text, i);
    i += cluster.length;
    while (i < text.length) {
      const next = codePointAt(text, i);
      if (!MARK.test(next)) break;
      cluster += next;
      i += next.length;
    }
    let folded = '';
    for (const ch of cluster.normalize('NFC')) folded += foldChar(ch);
    put(folded, start, false);
  }
  map[n] = text.length;
  return { text: out.join(''), toOriginal: map.slice(0, n + 1) };
}

/** The first view index whose source starts at or after `original` (binary search). */
export function viewIndex(view: MatchView, original: number): number {
  let lo = 0;
  let hi = view.toOriginal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((view.toOriginal[mid] as number) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Folds a short string the same way (selectors' prefix, exact, suffix). */
export function foldForMatch(text: string): string {
  return matchView(text).text;
}
