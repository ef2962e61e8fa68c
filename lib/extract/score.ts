import { foldKey } from '../match/fold';
import type { GoldArticle } from './gold';

/**
 * Scores an extraction against gold annotations of the same article (docs/extraction.md):
 * - actor mentions: (actor, surface form) pairs;
 * - statements: the right speaker, and text overlapping the gold span by at least half of each
 *   (half of the gold span and half of the extracted one, so a whole paragraph never matches);
 * - stance links: (statement, claim, stance), the statement matched as above, the claim by gist;
 * - events: the same date, and text overlapping as for statements.
 */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export const sumPrf = (scores: readonly PRF[]) =>
  prf(
    scores.reduce((n, s) => n + s.tp, 0),
    scores.reduce((n, s) => n + s.fp, 0),
    scores.reduce((n, s) => n + s.fn, 0),
  );

export interface ArticleScore {
  article: string;
  mentions: PRF;
  statements: PRF;
  links: PRF;
  denials: PRF;
  evidence: PRF;
  events: PRF;
  /** Among matched statements: same kind, same date (both absent counts), medium given when gold gives one. */
  agreement: { matched: number; kind: number; date: number };
  /** What did not match, for reading. */
  misses: {
    statements: string[];
    extraStatements: string[];
    events: string[];
    extraEvents: string[];
    mentions: string[];
    extraMentions: string[];
    links: string[];
    extraLinks: string[];
  };
}

/** Every place a string occurs in the text. */
function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  if (!s) return out;
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) out.push(at);
  return out;
}

/** The overlap of two texts placed in the article, as a share of each: [of a, of b]. */
export function overlap(text: string, a: string, b: string): [number, number] {
  let best = 0;
  const pa = occurrences(text, a);
  const pb = occurrences(text, b);
  for (const x of pa) {
    for (const y of pb) {
      const inter = Math.min(x + a.length, y + b.length) - Math.max(x, y);
      if (inter > best) best = inter;
    }
  }
  if (best === 0) {
    // Texts that are not found verbatim (a continued quote joined across paragraphs) still
    // match when one contains the other.
    if (a && b && (a.includes(b) || b.includes(a))) best = Math.min(a.length, b.length);
  }
  return [a.length ? best / a.length : 0, b.length ? best / b.length : 0];
}

const spansMatch = (text: string, gold: string, found: string) => {
  const [g, f] = overlap(text, gold, found);
  return g >= 0.5 && f >= 0.5;
};

const sameSpeaker = (a: string, b: string) => {
  const fa = foldKey(a);
  const fb = foldKey(b);
  return fa === fb || (fa.startsWith('unnamed') && fb.startsWith('unnamed'));
};

/** One-to-one matching, best overlap first. */
function matchPairs<G, F>(
  gold: readonly G[],
  found: readonly F[],
  ok: (g: G, f: F) => boolean,
  score: (g: G, f: F) => number,
): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => {
    found.forEach((f, j) => {
      if (ok(g, f)) pairs.push([i, j, score(g, f)]);
    });
  });
  pairs.sort((a, b) => b[2] - a[2]);
  const byGold = new Map<number, number>();
  const usedFound = new Set<number>();
  for (const [i, j] of pairs) {
    if (byGold.has(i) || usedFound.has(j)) continue;
    byGold.set(i, j);
    usedFound.add(j);
  }
  return byGold;
}

export function scoreArticle(text: string, gold: GoldArticle, found: GoldArticle): ArticleScore {
  const misses: ArticleScore['misses'] = {
    statements: [],
    extraStatements: [],
    events: [],
    extraEvents: [],
    mentions: [],
    extraMentions: [],
    links: [],
    extraLinks: [],
  };
  // Mentions.
  const pairs = (a: GoldArticle) =>
    new Set(a.actors.flatMap((x) => x.mentions.map((m) => `${foldKey(x.name)}\u0000${m}`)));
  const gm = pairs(gold);
  const fm = pairs(found);
  let mtp = 0;
  for (const p of fm) if (gm.has(p)) mtp++;
  for (const p of gm) if (!fm.has(p)) misses.mentions.push(p.replace('\u0000', ' → '));
  for (const p of fm) if (!gm.has(p)) misses.extraMentions.push(p.replace('\u0000', ' → '));
  const mentions = prf(mtp, fm.size - mtp, gm.size - mtp);

  // Statements.
  const sMatch = matchPairs(
    gold.statements,
    found.statements,
    (g, f) => sameSpeaker(g.speaker, f.speaker) && spansMatch(text, g.text, f.text),
    (g, f) => Math.min(...overlap(text, g.text, f.text)),
  );
  const statements = prf(
    sMatch.size,
    found.statements.length - sMatch.size,
    gold.statements.length - sMatch.size,
  );
  const goldOf = new Map<string, string>();
  let kind = 0;
  let date = 0;
  for (const [i, j] of sMatch) {
    const g = gold.statements[i]!;
    const f = found.statements[j]!;
    goldOf.set(f.id, g.id);
    if (g.kind === f.kind) kind++;
    if (g.date === f.date) date++;
  }
  gold.statements.forEach((g, i) => {
    if (!sMatch.has(i)) misses.statements.push(`${g.speaker}: ${g.text}`);
  });
  const matchedFound = new Set(sMatch.values());
  found.statements.forEach((f, j) => {
    if (!matchedFound.has(j)) misses.extraStatements.push(`${f.speaker}: ${f.text}`);
  });

  // Stance links and evidence, claims compared by gist.
  const gist = (a: GoldArticle, id: string) =>
    foldKey(a.claims.find((c) => c.id === id)?.gist ?? id);
  const goldLinks = new Set(
    gold.relations.map((r) => `${r.statement}|${gist(gold, r.claim)}|${r.stance}`),
  );
  const foundLinks = found.relations.map((r) => ({
    key: `${goldOf.get(r.statement) ?? `?${r.statement}`}|${gist(found, r.claim)}|${r.stance}`,
    stance: r.stance,
  }));
  const linkScore = (filter: (stance: string) => boolean) => {
    const g = [...goldLinks].filter((k) => filter(k.split('|')[2] ?? ''));
    const f = foundLinks.filter((l) => filter(l.stance));
    const tp = new Set(f.filter((l) => goldLinks.has(l.key)).map((l) => l.key)).size;
    return prf(tp, f.length - tp, g.length - tp);
  };
  const links = linkScore(() => true);
  const denials = linkScore((s) => s === 'denies');
  for (const k of goldLinks) if (!foundLinks.some((l) => l.key === k)) misses.links.push(k);
  for (const l of foundLinks) if (!goldLinks.has(l.key)) misses.extraLinks.push(l.key);
  const evidenceKeys = (a: GoldArticle, map: (id: string) => string | undefined) =>
    new Set(
      a.claims.flatMap((c) => c.evidence.map((s) => `${map(s) ?? `?${s}`}|${foldKey(c.gist)}`)),
    );
  const ge = evidenceKeys(gold, (s) => s);
  const fe = evidenceKeys(found, (s) => goldOf.get(s));
  let etp = 0;
  for (const k of fe) if (ge.has(k)) etp++;
  const evidence = prf(etp, fe.size - etp, ge.size - etp);

  // Events.
  const eMatch = matchPairs(
    gold.events,
    found.events,
    (g, f) => g.date === f.date && spansMatch(text, g.text, f.text),
    (g, f) => Math.min(...overlap(text, g.text, f.text)),
  );
  const events = prf(
    eMatch.size,
    found.events.length - eMatch.size,
    gold.events.length - eMatch.size,
  );
  gold.events.forEach((g, i) => {
    if (!eMatch.has(i)) misses.events.push(`${g.date}: ${g.text}`);
  });
  const matchedEvents = new Set(eMatch.values());
  found.events.forEach((f, j) => {
    if (!matchedEvents.has(j)) misses.extraEvents.push(`${f.date}: ${f.text}`);
  });

  return {
    article: gold.article,
    mentions,
    statements,
    links,
    denials,
    evidence,
    events,
    agreement: { matched: sMatch.size, kind, date },
    misses,
  };
}
