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
  const out: (number | null)[] = new Array(mentions.length).fill(null);
  /** The candidates of each shared mention that the page names; filled in the forward pass. */
  const optionsOf = new Map<number, number[]>();
  /** Shared mentions with no candidate named before them: step 4 looks after them. */
  const lookAfter: number[] = [];
  // Forward: the latest unambiguous mention of each actor so far (linear in the mentions; the
  // same answers as scanning back from each shared mention, which was quadratic on a page that
  // repeats a shared alias thousands of times).
  const lastSeen = new Map<number, { index: number; block: number }>();
  mentions.forEach((m, i) => {
    if (m.candidates.length === 1) {
      const actor = m.candidates[0] ?? null;
      out[i] = actor;
      if (actor !== null) lastSeen.set(actor, { index: i, block: m.block });
      return;
    }
    const options = m.candidates.filter((c) => present.has(c));
    if (options.length === 0) return;
    if (options.length === 1) {
      out[i] = options[0] ?? null;
      return;
    }
    let before = 0;
    let last: { actor: number; index: number; block: number } | undefined;
    for (const c of options) {
      const seen = lastSeen.get(c);
      if (!seen) continue;
      before++;
      if (!last || seen.index > last.index) last = { actor: c, ...seen };
    }
    if (last && (last.block >= m.block - near || before === 1)) out[i] = last.actor;
    else if (before === 0) {
      optionsOf.set(i, options);
      lookAfter.push(i);
    }
  });
  // Backward, for those: the first unambiguous mention of a candidate after it, within `near`
  // blocks (mentions are in document order, so blocks never decrease).
  const nextSeen = new Map<number, { index: number; block: number }>();
  let pending = lookAfter.length - 1;
  for (let i = mentions.length - 1; i >= 0 && pending >= 0; i--) {
    if (lookAfter[pending] === i) {
      const m = mentions[i] as Mention;
      let first: { actor: number; index: number; block: number } | undefined;
      for (const c of optionsOf.get(i) ?? []) {
        const seen = nextSeen.get(c);
        if (seen && (!first || seen.index < first.index)) first = { actor: c, ...seen };
      }
      if (first && first.block <= m.block + near) out[i] = first.actor;
      pending--;
    }
    const m = mentions[i];
    const only = m && m.candidates.length === 1 ? m.candidates[0] : undefined;
    if (only !== undefined) nextSeen.set(only, { index: i, block: m?.block ?? 0 });
  }
  return out;
}
