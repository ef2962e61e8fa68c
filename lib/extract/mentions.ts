import type { ArticleDoc } from './document';
import type { ActorHit, ActorLookup } from './known-actors';

/** A known actor named in the text. */
export interface Mention {
  start: number;
  end: number;
  actorId: string;
  aliasKind: ActorHit['aliasKind'];
}

/** "in Havana", "the capital Havana", "near Washington": a place, not the government. */
const PLACE_BEFORE =
  /\b(?:in|at|near|inside|outside|around|across|throughout|capital|city|streets of|outskirts of|suburbs of|port of|downtown)\s+$/i;

/**
 * Known actors named in an article. A metonym ("Havana" for Cuba's government) counts only where
 * it stands for the actor: not after "in"/"at", not in a dateline. A surface form shared by two
 * actors ("Castro") goes to the one last named in full, or, failing that, the one named in full
 * next.
 */
export function findMentions(doc: ArticleDoc, lookup: ActorLookup): Mention[] {
  const { text } = doc;
  const hits = lookup.find(text).filter((h) => {
    if (h.aliasKind !== 'metonym') return true;
    if (doc.datelineEnd !== undefined && h.start < doc.datelineEnd) return false;
    const before = text.slice(Math.max(0, h.start - 30), h.start);
    if (PLACE_BEFORE.test(before)) return false;
    // An all-capitals place opening a paragraph is a dateline ("HAVANA —").
    const lineStart = text.lastIndexOf('\n', h.start) + 1;
    const written = text.slice(h.start, h.end);
    if (lineStart === h.start && written === written.toUpperCase()) return false;
    return true;
  });
  // Photo credits in captions are not mentions: "(Photo by … /AP)".
  const credits: [number, number][] = [];
  for (const p of doc.paragraphs) {
    if (p.kind !== 'caption') continue;
    const line = text.slice(p.start, p.end);
    const re = /\([^()]*\)\s*$|(?:Photo|Image|Credit)s?:[^.]*$/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      credits.push([p.start + m.index, p.start + m.index + m[0].length]);
    }
  }
  const kept = hits.filter((h) => !credits.some(([a, b]) => h.start >= a && h.end <= b));

  const out: Mention[] = [];
  const lastSeen = new Map<string, number>();
  kept.forEach((h, i) => {
    let id = h.ids[0] as string;
    if (h.ids.length > 1) {
      const seen = h.ids
        .map((candidate) => ({ candidate, at: lastSeen.get(candidate) ?? -1 }))
        .sort((a, b) => b.at - a.at);
      if (seen[0] && seen[0].at >= 0) id = seen[0].candidate;
      else {
        const ahead = kept
          .slice(i + 1)
          .find((k) => k.ids.length === 1 && h.ids.includes(k.ids[0] as string));
        if (ahead) id = ahead.ids[0] as string;
      }
    }
    if (h.ids.length === 1 || h.aliasKind === 'canonical' || h.aliasKind === 'name') {
      lastSeen.set(id, h.start);
    } else {
      lastSeen.set(id, Math.max(lastSeen.get(id) ?? -1, h.start));
    }
    out.push({ start: h.start, end: h.end, actorId: id, aliasKind: h.aliasKind });
  });
  return out;
}
