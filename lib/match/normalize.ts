/**
 * Normalisation with an offset map: the text the matcher compares, and the way back to the page.
 *
 * Per code point: compatibility decomposition (NFKD), combining marks dropped ("Díaz" → "Diaz"),
 * typographic variants unified (’ ‘ ʼ → ', “ ” « » → ", ‐ – — − → -), invisible characters
 * dropped (soft hyphen, zero-width characters, bidi controls), every run of whitespace (including
 * no-break and thin spaces) collapsed to one space. `folded` is that text lower-cased, `cased` the
 * same text with its case kept (for aliases that must match with their capitals), read back
 * through the map on demand (`casedCodeAt`); both have the same length.
 *
 * `map[i]` is the UTF-16 offset in the original of the code point that produced normalised unit
 * `i`; `map[length]` is the original length. A span [s, e) of the normalised text maps back to
 * [map[s], map[e]): it ends where the next normalised character starts, so dropped marks and
 * invisible characters after the last letter stay inside the highlighted original text.
 */
export interface Normalised {
  folded: string;
  map: Int32Array;
  /** The original text. */
  source: string;
}

/** Code points that need more than NFKD and mark stripping. */
const EXTRA: Record<number, string> = {
  223: 'ss', // ß
  7838: 'SS', // ẞ
  248: 'o', // ø
  216: 'O',
  322: 'l', // ł
  321: 'L',
  273: 'd', // đ
  272: 'D',
  305: 'i', // dotless ı
  962: 'σ', // final sigma folds like sigma
};

const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u02BB\u0060\u00B4\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C-\u201F\u2033\u00AB\u00BB\uFF02]/g;
/** Dropped: soft hyphen, zero-width and joiner characters, bidi controls, BOM, variation selectors. */
const INVISIBLE_RANGES: [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe0fff],
];
export const isInvisible = (cp: number) => INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
const SPACE = /^\s$/;
const MARKS = /\p{M}/gu;

const CASED_FOLD = new Map<number, string>();
const LOWER_FOLD = new Map<number, string>();

/** The normalised form of one non-ASCII code point: [cased, folded], equal lengths. */
function foldCodePoint(cp: number): void {
  const ch = String.fromCodePoint(cp);
  let cased: string;
  // A lone surrogate is U+FFFD, as decoding the text from UTF-16 reads it.
  if (cp >= 0xd800 && cp <= 0xdfff) cased = '\ufffd';
  else if (isInvisible(cp)) cased = '';
  else if (SPACE.test(ch)) cased = ' ';
  else {
    cased = (EXTRA[cp] ?? ch.normalize('NFKD'))
      .replace(MARKS, '')
      .replace(DASHES, '-')
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(/\s+/g, ' ');
    // A lone combining mark decomposes to nothing; a mark with a space (U+00B4 → " ́") to a space.
    if (cased === ' ' && !SPACE.test(ch) && ch.normalize('NFKD') !== ' ') cased = '';
  }
  let folded = '';
  for (const c of cased) {
    const lower = c.toLowerCase();
    folded += lower.length === c.length ? lower : c;
  }
  CASED_FOLD.set(cp, cased);
  LOWER_FOLD.set(cp, folded);
}

const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

const decoder = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le');

/** The units [from, to) as a string. Between two runs there are mostly one or two (a "í", a "’"). */
function unitsToString(units: Uint16Array, from: number, to: number): string {
  const length = to - from;
  if (length === 1) return String.fromCharCode(units[from] as number);
  if (length === 2) return String.fromCharCode(units[from] as number, units[from + 1] as number);
  if (decoder) return decoder.decode(units.subarray(from, to));
  let out = '';
  for (let i = from; i < to; i += 8192) {
    out += String.fromCharCode(...units.subarray(i, Math.min(to, i + 8192)));
  }
  return out;
}

/**
 * A run of printable ASCII with single spaces inside: normalised, it is itself lower-cased, one
 * unit for one unit. Most of a page's text is such runs; they are copied with native string
 * operations instead of unit by unit, which matters most before the engine's code is optimised
 * (the first page a worker or a tab scans).
 */
const ASCII_RUN = /[\x21-\x7e]+(?: [\x21-\x7e]+)*/y;

/** IDENTITY[i] === i: a run's slice of it is its offset map. Grown on demand, never shrunk. */
let IDENTITY = new Int32Array(0);
function identity(upTo: number): Int32Array {
  if (IDENTITY.length < upTo) {
    const next = new Int32Array(Math.max(upTo, IDENTITY.length * 2, 4096));
    for (let i = 0; i < next.length; i++) next[i] = i;
    IDENTITY = next;
  }
  return IDENTITY;
}

/** Normalises `text`; see the module comment. Linear in the text. */
export function normalise(text: string): Normalised {
  const n = text.length;
  const ident = identity(n + 1);
  // Lower-cased once, natively; its slices are the runs' folded text. Lower-casing is context-free
  // on ASCII, but a few other characters lower to two units ("İ"): then each run is lower-cased.
  const lowered = text.toLowerCase();
  const lower = lowered.length === n ? lowered : null;
  let capacity = n + 16;
  let folded: Uint16Array = new Uint16Array(capacity);
  let map: Int32Array = new Int32Array(capacity + 1);
  /** Folded text, as pieces: runs (native lower-casing) and units written to `folded`. */
  const pieces: string[] = [];
  /** Units of `folded` not yet flushed into `pieces`, starting at `pending`. */
  let pending = 0;
  let len = 0;
  let lastSpace = true; // leading whitespace is dropped
  for (let i = 0; i < n; ) {
    const unit = text.charCodeAt(i);
    if (unit > 32 && unit < 127) {
      ASCII_RUN.lastIndex = i;
      if (ASCII_RUN.test(text)) {
        const j = ASCII_RUN.lastIndex;
        if (len + (j - i) + 8 >= capacity)
          [folded, map, capacity] = grow(folded, map, len + (j - i));
        if (len > pending) pieces.push(unitsToString(folded, pending, len));
        pieces.push(lower ? lower.slice(i, j) : text.slice(i, j).toLowerCase());
        map.set(ident.subarray(i, j), len);
        len += j - i;
        pending = len;
        lastSpace = false;
        i = j;
        continue;
      }
    }
    if (unit < 128) {
      if (unit === 32 || (unit >= 9 && unit <= 13)) {
        if (!lastSpace) {
          folded[len] = 32;
          map[len++] = i;
          lastSpace = true;
        }
      } else {
        folded[len] = unit >= 65 && unit <= 90 ? unit + 32 : unit;
        map[len++] = i;
        lastSpace = false;
      }
      i++;
      if (len + 8 >= capacity) [folded, map, capacity] = grow(folded, map, len);
      continue;
    }
    const cp = text.codePointAt(i) ?? unit;
    let f = LOWER_FOLD.get(cp);
    if (f === undefined) {
      foldCodePoint(cp);
      f = LOWER_FOLD.get(cp) ?? '';
    }
    if (f === ' ') {
      if (!lastSpace) {
        folded[len] = 32;
        map[len++] = i;
        lastSpace = true;
      }
    } else if (f.length > 0) {
      if (len + f.length + 8 >= capacity) [folded, map, capacity] = grow(folded, map, len);
      for (let k = 0; k < f.length; k++) {
        folded[len] = f.charCodeAt(k);
        map[len++] = i;
      }
      lastSpace = false;
    }
    i += cp > 0xffff ? 2 : 1;
    if (len + 8 >= capacity) [folded, map, capacity] = grow(folded, map, len);
  }
  if (len > pending) pieces.push(unitsToString(folded, pending, len));
  map[len] = n;
  return {
    folded: pieces.length === 1 ? (pieces[0] as string) : pieces.join(''),
    map: map.subarray(0, len + 1),
    source: text,
  };
}

/** Larger buffers, keeping the first `len` units; room for at least `needed` units. */
function grow(
  folded: Uint16Array,
  map: Int32Array,
  needed: number,
): [Uint16Array, Int32Array, number] {
  const len = Math.min(needed, folded.length);
  const capacity = Math.max(folded.length * 2, needed + 64);
  const f = new Uint16Array(capacity);
  f.set(folded.subarray(0, len));
  const m = new Int32Array(capacity + 1);
  m.set(map.subarray(0, len));
  return [f, m, capacity];
}

/**
 * The cased normalised unit at `i` (the folded text with its case kept), read back from the
 * original through the map. Only case-sensitive patterns need it, so it is not built eagerly.
 */
export function casedCodeAt(norm: Normalised, i: number): number {
  const at = norm.map[i] ?? 0;
  const unit = norm.source.charCodeAt(at);
  // A tab or a line break was collapsed into the space at `i`.
  if (unit < 128) return isAsciiSpace(unit) ? 32 : unit;
  const cp = norm.source.codePointAt(at) ?? unit;
  if (!CASED_FOLD.has(cp)) foldCodePoint(cp);
  const cased = CASED_FOLD.get(cp) ?? '';
  let k = 0;
  while (i - k - 1 >= 0 && norm.map[i - k - 1] === at) k++;
  return cased.charCodeAt(k);
}

/** Any UTF-16 unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;
/** Whether a string is plain ASCII: what the native fast paths may handle. */
export const isAscii = (text: string) => !NON_ASCII.test(text);
/** Runs of the ASCII whitespace normalisation collapses (space, tab, line breaks, \v, \f). */
const ASCII_SPACES = /[\t\n\v\f\r ]+/g;

/** The whole cased normalised text (for tests and tools). */
export function casedText(norm: Normalised): string {
  let out = '';
  for (let i = 0; i < norm.folded.length; i++) out += String.fromCharCode(casedCodeAt(norm, i));
  return out;
}

/**
 * The normalised forms of a short string (an alias, a key phrase) without the offset map:
 * [folded, cased], trimmed. Equal to `normalise(text)` trimmed, and much cheaper for short strings.
 */
export function foldPair(text: string): [string, string] {
  return foldPairByTable(text) ?? foldPairGeneral(text);
}

/**
 * What one BMP unit folds to when its cased form is a single visible ASCII unit ("í" → "i",
 * "Ł" → "L", "’" → "'"): that unit; 1 when it is anything else (a space, nothing, several units,
 * a surrogate); 0 while not yet looked up. Filled on demand from the fold cache.
 */
const UNIT_FOLD = new Uint16Array(0x10000);
/** Scratch for `foldPairByTable`: the cased units of one short string. */
const SCRATCH = new Uint16Array(256);

function unitFold(unit: number): number {
  let to = UNIT_FOLD[unit] as number;
  if (to === 0) {
    const surrogate = unit >= 0xd800 && unit <= 0xdfff;
    if (!surrogate && !CASED_FOLD.has(unit)) foldCodePoint(unit);
    const cased = surrogate ? '' : (CASED_FOLD.get(unit) ?? '');
    const c = cased.length === 1 ? cased.charCodeAt(0) : 0;
    to = c > 32 && c < 127 ? c : 1;
    UNIT_FOLD[unit] = to;
  }
  return to;
}

/**
 * `foldPair` for the common alias: short, single spaces, and every non-ASCII unit folding to one
 * visible ASCII unit (Latin letters with accents, typographic quotes and dashes). One pass with a
 * table lookup per unit; null when the text needs the general path.
 */
function foldPairByTable(text: string): [string, string] | null {
  const n = text.length;
  if (n > SCRATCH.length) return null;
  let replaced = false;
  let lastSpace = true;
  for (let i = 0; i < n; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 128) {
      unit = unitFold(unit);
      if (unit === 1) return null;
      replaced = true;
      lastSpace = false;
    } else if (unit === 32 || (unit >= 9 && unit <= 13)) {
      // Leading, repeated or non-space whitespace: the general path collapses it.
      if (lastSpace || unit !== 32) return null;
      lastSpace = true;
    } else lastSpace = false;
    SCRATCH[i] = unit;
  }
  if (lastSpace) return null; // empty, or trailing space
  const cased = replaced
    ? String.fromCharCode.apply(null, SCRATCH.subarray(0, n) as unknown as number[])
    : text;
  return [cased.toLowerCase(), cased];
}

function foldPairGeneral(text: string): [string, string] {
  // One pass over the units: plain ASCII is kept as it is, each non-ASCII code point is replaced
  // by its cased form, and whitespace is collapsed only if some needs it. When the result is plain
  // ASCII (most aliases, "Díaz" and "Łukasz" included), lower-casing it gives the folded form.
  let replaced = '';
  let from = 0;
  let collapse = false;
  let ascii = true;
  let lastSpace = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      if (unit === 32 || (unit >= 9 && unit <= 13)) {
        if (lastSpace || unit !== 32) collapse = true;
        lastSpace = true;
      } else lastSpace = false;
      continue;
    }
    const cp = text.codePointAt(i) ?? unit;
    if (!CASED_FOLD.has(cp)) foldCodePoint(cp);
    const cased = CASED_FOLD.get(cp) ?? '';
    if (cased.length === 0 || cased.includes(' ')) collapse = true;
    if (ascii && !isAscii(cased)) ascii = false;
    replaced += text.slice(from, i) + cased;
    lastSpace = false;
    if (cp > 0xffff) i++;
    from = i + 1;
  }
  if (!ascii) return foldPairByUnit(text);
  let cased = from === 0 ? text : replaced + text.slice(from);
  if (collapse || lastSpace) cased = cased.replace(ASCII_SPACES, ' ').trim();
  return [cased.toLowerCase(), cased];
}

/** `foldPair` code point by code point: for text whose cased form is not plain ASCII. */
function foldPairByUnit(text: string): [string, string] {
  let folded = '';
  let cased = '';
  let lastSpace = true;
  let pendingSpace = false;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let c: string;
    let f: string;
    let width = 1;
    if (unit < 128) {
      if (isAsciiSpace(unit)) {
        if (!lastSpace) pendingSpace = true;
        lastSpace = true;
        i++;
        continue;
      }
      c = text[i] ?? '';
      f = String.fromCharCode(unit >= 65 && unit <= 90 ? unit + 32 : unit);
    } else {
      const cp = text.codePointAt(i) ?? unit;
      width = cp > 0xffff ? 2 : 1;
      if (!CASED_FOLD.has(cp)) foldCodePoint(cp);
      c = CASED_FOLD.get(cp) ?? '';
      f = LOWER_FOLD.get(cp) ?? '';
      if (c === ' ') {
        if (!lastSpace) pendingSpace = true;
        lastSpace = true;
        i += width;
        continue;
      }
    }
    i += width;
    if (c.length === 0) continue;
    if (pendingSpace) {
      folded += ' ';
      cased += ' ';
      pendingSpace = false;
    }
    folded += f;
    cased += c;
    lastSpace = false;
  }
  return [folded, cased];
}

/** The folded form of a short string (an alias or a key phrase), trimmed. */
export function foldText(text: string): string {
  return foldPair(text)[0];
}

/** Whether normalised offset `i` starts a code point's output (not inside an expansion). */
export function atCodePointStart(map: Int32Array, i: number): boolean {
  return i === 0 || i >= map.length - 1 || map[i] !== map[i - 1];
}

/**
 * The original end offset of normalised span end `e`: where the next normalised character starts
 * (so combining marks stay inside), less any invisible characters just before it (a bidi mark or
 * a zero-width space after a name is not part of it).
 */
export function originalEnd(norm: Normalised, start: number, e: number): number {
  let end = norm.map[e] ?? norm.source.length;
  while (end > start) {
    const unit = norm.source.charCodeAt(end - 1);
    if (unit < 128 || !isInvisible(unit)) break;
    end--;
  }
  return end;
}
