/**
 * Ambiguity resolution. An alias shared by several actors ("Castro": Fidel or Raúl) is settled
 * by the page's context, or left ambiguous — never guessed:
 * 1. only candidates named unambiguously somewhere on the page are considered (the story's
 *    actors); if none is, the mention stays ambiguous;
 * 2. if exactly one is, it is that one;
 * 3. otherwise the last unambiguous mention of a candidate before it decides, if it is within
 *    `near` blocks ("Raúl Castro … Castro said"), or if it is the only candidate named before it
 *    at all (full name first, surname after, as news writing goes);
 * 4. otherwise the first unambiguous mention of a candidate after it within `near` blocks;
 * 5. otherwise it stays ambiguous.
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
  const unique = (m: Mention | undefined) =>
    m && m.candidates.length === 1 ? m.candidates[0] : undefined;
  return mentions.map((m, i) => {
    if (m.candidates.length === 1) return m.candidates[0] ?? null;
    const options = m.candidates.filter((c) => present.has(c));
    if (options.length === 0) return null;
    if (options.length === 1) return options[0] ?? null;
    const before = new Set<number>();
    let last: { actor: number; block: number } | undefined;
    for (let k = i - 1; k >= 0; k--) {
      const other = mentions[k];
      const only = unique(other);
      if (other && only !== undefined && options.includes(only)) {
        last ??= { actor: only, block: other.block };
        before.add(only);
      }
    }
    if (last && (last.block >= m.block - near || before.size === 1)) return last.actor;
    if (before.size === 0) {
      for (let k = i + 1; k < mentions.length; k++) {
        const other = mentions[k];
        if (!other || other.block > m.block + near) break;
        const only = unique(other);
        if (only !== undefined && options.includes(only)) return only;
      }
    }
    return null;
  });
}
