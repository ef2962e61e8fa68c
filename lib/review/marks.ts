/**
 * Marks in a reading copy: where the user's notes are and where known actors are named, cut into
 * paragraphs and segments that a view renders as text (never as HTML).
 */
export interface Mark {
  start: number;
  end: number;
  kind: 'note' | 'actor';
  id: string;
}

export interface Segment {
  text: string;
  start: number;
  noteIds: string[];
  actorId: string | undefined;
}

export interface Paragraph {
  start: number;
  segments: Segment[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the given actors are named in a text, on word boundaries, longest name first where two
 * overlap. Case-insensitive except for names marked case-sensitive ("US").
 */
export function actorMentions(
  text: string,
  actors: { id: string; names: { text: string; caseSensitive?: boolean | undefined }[] }[],
): Mark[] {
  const found: Mark[] = [];
  for (const actor of actors) {
    for (const name of actor.names) {
      const t = name.text.trim();
      if (t.length < 2) continue;
      const re = new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`,
        name.caseSensitive ? 'gu' : 'giu',
      );
      for (const m of text.matchAll(re)) {
        const start = m.index ?? 0;
        found.push({ start, end: start + m[0].length, kind: 'actor', id: actor.id });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  let reach = -1;
  for (const m of found) {
    if (m.start >= reach) {
      out.push(m);
      reach = m.end;
    }
  }
  return out;
}

/** The text's paragraphs (separated by blank lines), each cut at every mark boundary. */
export function paragraphs(text: string, marks: Mark[]): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  const spans: [number, number][] = [];
  for (const m of text.matchAll(re)) {
    spans.push([start, m.index ?? 0]);
    start = (m.index ?? 0) + m[0].length;
  }
  spans.push([start, text.length]);
  for (const [pStart, pEnd] of spans) {
    if (pStart >= pEnd) continue;
    const inside = marks.filter((m) => m.end > pStart && m.start < pEnd);
    const cuts = new Set([pStart, pEnd]);
    for (const m of inside) {
      cuts.add(Math.max(pStart, m.start));
      cuts.add(Math.min(pEnd, m.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i] as number;
      const b = points[i + 1] as number;
      const covering = inside.filter((m) => m.start <= a && m.end >= b);
      segments.push({
        text: text.slice(a, b),
        start: a,
        noteIds: covering.filter((m) => m.kind === 'note').map((m) => m.id),
        actorId: covering.find((m) => m.kind === 'actor')?.id,
      });
    }
    out.push({ start: pStart, segments });
  }
  return out;
}
