/**
 * Ambiguity resolution. An alias shared by several actors ("Castro": Fidel or Raúl) is settled
 * by the page's context, or left ambiguous — never guessed:
 * 1. only candidates named unambiguously somewhere on the page are considered (the story's
 *    actors); if none is, the mention stays ambiguous;
 * 2. if exactly one is, it is that one;
 * 3. otherwise the nearest unambiguous mention of a candidate before it, within `near` blocks
 *    ("Raúl Castro … Castro said"), else the nearest after it within `near` blocks, decides;
 * 4. otherwise it stays ambiguous.
 */
export interface Mention {
  /** Index of the block (paragraph) in document order. */
  block: number;
  candidates: readonly number[];
}

export function resolveMentions(mentions: readonly Mention[], near = 2): (number | null)[] {
  const present = new Set<number>();
  for (const m of mentions) {
    const only = m.candidates.length === 1 ? m.candidates[0] : undefined;
    if (only !== undefined) present.add(only);
  }
  return mentions.map((m, i) => {
    if (m.candidates.length === 1) return m.candidates[0] ?? null;
    const options = m.candidates.filter((c) => present.has(c));
    if (options.length === 0) return null;
    if (options.length === 1) return options[0] ?? null;
    for (let k = i - 1; k >= 0; k--) {
      const other = mentions[k];
      if (!other || other.block < m.block - near) break;
      const only = other.candidates.length === 1 ? other.candidates[0] : undefined;
      if (only !== undefined && options.includes(only)) return only;
    }
    for (let k = i + 1; k < mentions.length; k++) {
      const other = mentions[k];
      if (!other || other.block > m.block + near) break;
      const only = other.candidates.length === 1 ? other.candidates[0] : undefined;
      if (only !== undefined && options.includes(only)) return only;
    }
    return null;
  });
}
