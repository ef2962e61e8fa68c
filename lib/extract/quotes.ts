/**
 * Quotations in running text: curly and straight double quotes, single quotes (told apart from
 * apostrophes), guillemets, quotes inside quotes, and quotes continued across paragraphs (the
 * news convention: no closing mark at the end of the paragraph, an opening mark at the start of
 * the next).
 */
export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when it was left open). */
  close: number;
  /** The quoted words, marks excluded. */
  innerStart: number;
  innerEnd: number;
  mark: 'double' | 'single' | 'guillemet';
  /** 0 for an outermost quote, 1 for a quote inside it, … */
  depth: number;
  /** Left open at the end of its paragraph, and the next paragraph opens a quote again. */
  continues: boolean;
  /** Opens the paragraph that continues a quote left open in the previous paragraph. */
  continued: boolean;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const OPENERS_BEFORE = /[\s([{—–\-/"“‘'«]/;

type Kind = Quote['mark'];
interface Open {
  at: number;
  mark: Kind;
  char: string;
}

/** Quotes of one paragraph `[from, to)` of `text`. */
function paragraphQuotes(text: string, from: number, to: number): Quote[] {
  const out: Quote[] = [];
  const stack: Open[] = [];
  const close = (at: number, end: number) => {
    const o = stack.pop();
    if (!o) return;
    out.push({
      open: o.at,
      close: end,
      innerStart: o.at + 1,
      innerEnd: at,
      mark: o.mark,
      depth: stack.length,
      continues: false,
      continued: false,
    });
  };
  const openOf = (mark: Kind) => stack.findLastIndex((o) => o.mark === mark);
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    switch (c) {
      case '“':
        stack.push({ at: i, mark: 'double', char: c });
        break;
      case '”':
        if (openOf('double') >= 0) {
          while (stack.length > 0 && stack.at(-1)?.mark !== 'double') stack.pop();
          close(i, i + 1);
        }
        break;
      case '«':
        stack.push({ at: i, mark: 'guillemet', char: c });
        break;
      case '»':
        if (openOf('guillemet') >= 0) {
          while (stack.length > 0 && stack.at(-1)?.mark !== 'guillemet') stack.pop();
          close(i, i + 1);
        }
        break;
      case '"': {
        const open = openOf('double');
        const looksOpening = (prev === undefined || OPENERS_BEFORE.test(prev)) && !isSpace(next);
        if (open >= 0 && stack[open]?.char === '"' && !looksOpening) {
          while (stack.length > 0 && stack.at(-1)?.char !== '"') stack.pop();
          close(i, i + 1);
        } else if (looksOpening) {
          stack.push({ at: i, mark: 'double', char: c });
        } else if (open >= 0) {
          while (stack.length > 0 && stack.at(-1)?.mark !== 'double') stack.pop();
          close(i, i + 1);
        }
        break;
      }
      case '‘':
      case "'":
      case '’': {
        // Between two letters it is an apostrophe (Cuba’s, we’re, rock 'n' roll aside).
        if (isLetter(prev) && isLetter(next)) break;
        const open = openOf('single');
        const opening =
          c === '‘' || (c === "'" && (prev === undefined || OPENERS_BEFORE.test(prev)));
        if (opening && isLetter(next) !== false && !isSpace(next)) {
          stack.push({ at: i, mark: 'single', char: c });
        } else if (open >= 0 && !isLetter(next)) {
          while (stack.length > 0 && stack.at(-1)?.mark !== 'single') stack.pop();
          close(i, i + 1);
        }
        // Otherwise an apostrophe after a plural ("the Cubans’ view") or a stray mark.
        break;
      }
    }
  }
  // Quotes left open run to the end of the paragraph.
  while (stack.length > 0) {
    let end = to;
    while (end > from && /\s/.test(text[end - 1] as string)) end--;
    const o = stack[stack.length - 1] as Open;
    // A single "quote" left open is usually an apostrophe ('90s, o'clock): drop it.
    if (o.mark === 'single') {
      stack.pop();
      continue;
    }
    close(end, end);
    const last = out[out.length - 1];
    if (last) last.continues = true;
  }
  return out.sort((a, b) => a.open - b.open);
}

/**
 * Every quotation in the text, paragraph by paragraph (`paragraphs` are [start, end) ranges).
 * A quote left open at a paragraph end whose next paragraph opens with a quote mark is marked
 * `continues`, and that next quote `continued`.
 */
export function findQuotes(text: string, paragraphs: readonly [number, number][]): Quote[] {
  const all: Quote[][] = paragraphs.map(([a, b]) => paragraphQuotes(text, a, b));
  for (let p = 0; p < all.length; p++) {
    const here = all[p] as Quote[];
    const open = here.find((q) => q.continues && q.depth === 0);
    if (!open) continue;
    const next = all[p + 1];
    const nextPara = paragraphs[p + 1];
    const first = next?.[0];
    if (first && nextPara && first.depth === 0 && first.open === firstNonSpace(text, nextPara[0])) {
      first.continued = true;
    } else {
      open.continues = false;
    }
  }
  return all.flat();
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** Outermost quotes only. */
export const topLevel = (quotes: readonly Quote[]) => quotes.filter((q) => q.depth === 0);

/** Number of words inside a quote. */
export function quoteWordCount(text: string, q: Quote): number {
  return text
    .slice(q.innerStart, q.innerEnd)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * The quoted words as a statement's text: outer marks and final punctuation left out (a final
 * question or exclamation mark is part of the words), as the gold annotations write them.
 */
export function quoteText(text: string, q: Quote): { start: number; end: number } {
  let start = q.innerStart;
  let end = q.innerEnd;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /[\s,.;:]/.test(text[end - 1] as string)) {
    // Keep an ellipsis that is part of the words.
    if (text.slice(end - 3, end) === '...') break;
    end--;
  }
  return { start, end };
}
