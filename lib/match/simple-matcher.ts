import type { Dictionary } from '../messaging/schemas';

/**
 * The first, simple matcher: finds every alias of the dictionary in a text, on word boundaries,
 * case- and accent-insensitive (unless the alias is case-sensitive), longest match first.
 * Cost grows with aliases × text; the real engine (lib/match) replaces it for large dictionaries.
 */
export interface Span {
  start: number;
  end: number;
  actor: number;
}

/** Folds one UTF-16 unit at a time so offsets in the folded text equal offsets in the original. */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out +=
      base.length === ch.length
        ? base
        : ch.toLowerCase().length === ch.length
          ? ch.toLowerCase()
          : ch;
  }
  return out.replace(/[\u2018\u2019]/g, "'").replace(/[\u2010-\u2015]/g, '-');
}

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD.test(c);

export function findSpans(dictionary: Dictionary, text: string): Span[] {
  const folded = foldSameLength(text);
  const found: Span[] = [];
  for (const [alias, actor, caseSensitive] of dictionary.aliases) {
    const needle = caseSensitive ? alias : foldSameLength(alias);
    const hay = caseSensitive ? text : folded;
    if (needle.length === 0) continue;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + needle.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      found.push({ start: at, end, actor });
    }
  }
  // Longest first, then leftmost; drop anything overlapping an accepted span.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Span[] = [];
  for (const span of found) {
    if (!taken.some((t) => span.start < t.end && t.start < span.end)) taken.push(span);
  }
  return taken.sort((a, b) => a.start - b.start);
}
