import {
  type Actor,
  type Claim,
  type ClaimLink,
  type Event,
  linkId,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type PackInput,
  type Source,
  type Statement,
  stableHash,
} from '../model';
import { comparableWords, sameEvent, sameStatement } from './dedup';
import type { Extraction } from './extract';

/**
 * A context pack from extractions of several articles: one Source per article, the statements
 * (the same words read in two articles become one statement with two citations), the stance
 * links, the events (merged the same way), the known actors and claims they refer to, and the
 * new names as candidate actors for the pack's reader to review.
 */
export interface PackArticle {
  /** A stable name for the article (its file name). */
  name: string;
  url?: string;
  extraction: Extraction;
}

/** A row of the pack of known actors and claims (its provenance may be left out). */
type Known<T extends { provenance: unknown }> = Omit<T, 'provenance'> & {
  provenance?: T['provenance'];
};

/** A copied row belongs to the new pack: loading it adds that pack to the row's provenance. */
function copyRow<T extends { provenance?: unknown }>(row: T): Omit<T, 'provenance'> {
  const { provenance: _p, ...rest } = row;
  return rest;
}

export interface PackMeta {
  id: string;
  name: string;
  version: string;
  description?: string;
  createdAt?: string;
}

const slug = (s: string) =>
  comparableWords(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'x';

const oneLine = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);

export function buildPack(
  articles: readonly PackArticle[],
  known: { actors: readonly Known<Actor>[]; claims: readonly Known<Claim>[] },
  meta: PackMeta,
): PackInput {
  const sources: Source[] = [];
  const statements: Statement[] = [];
  const links = new Map<string, ClaimLink>();
  const events: Event[] = [];
  const candidates = new Map<string, Actor>();
  const usedActors = new Set<string>();
  const usedClaims = new Set<string>();
  const provenance = [`pack:${meta.id}`];

  for (const article of articles) {
    const x = article.extraction;
    const sourceId = `${meta.id}/source/${slug(article.name)}`;
    sources.push({
      id: sourceId,
      ...(article.url ? { url: article.url } : {}),
      ...(x.source.outlet ? { outlet: oneLine(x.source.outlet, 200) } : {}),
      ...(x.source.title ? { title: oneLine(x.source.title, 500) } : {}),
      ...(x.source.author ? { author: oneLine(x.source.author, 300) } : {}),
      ...(x.source.published ? { published: x.source.published } : {}),
      provenance,
    });
    for (const c of x.candidates) {
      const existing = candidates.get(c.id);
      if (existing) {
        for (const a of c.aliases)
          if (!existing.aliases.some((e) => e.text === a.text)) existing.aliases.push(a);
      } else {
        candidates.set(c.id, {
          id: c.id,
          name: oneLine(c.name, 200),
          kind: c.kind,
          aliases: [...c.aliases],
          status: 'candidate',
          provenance,
        });
      }
    }
    const storedIds = x.statements.map((s) => {
      const speakerId = 'actorId' in s.speaker ? s.speaker.actorId : undefined;
      const speakerLabel = 'label' in s.speaker ? s.speaker.label : undefined;
      const citation = { sourceId, selector: s.selector };
      const match = statements.find(
        (t) =>
          t.speakerId === speakerId &&
          t.speakerLabel === speakerLabel &&
          sameStatement(t, { words: s.words, kind: s.kind }),
      );
      if (match) {
        if (!match.citations.some((c) => c.sourceId === sourceId)) match.citations.push(citation);
        return match.id;
      }
      if (speakerId) usedActors.add(speakerId);
      const id = `${meta.id}/statement/${stableHash(`${speakerId ?? speakerLabel}|${comparableWords(s.words)}`)}`;
      statements.push({
        id,
        ...(speakerId ? { speakerId } : {}),
        ...(speakerLabel ? { speakerLabel: oneLine(speakerLabel, 300) } : {}),
        words: s.words.trim().slice(0, 5000),
        kind: s.kind,
        ...(s.medium ? { medium: oneLine(s.medium, 300) } : {}),
        ...(s.said ? { said: s.said } : {}),
        citations: [citation],
        confidence: s.confidence,
        provenance,
      });
      return id;
    });
    for (const l of x.links) {
      const statementId = storedIds[l.statement];
      if (!statementId || !known.claims.some((c) => c.id === l.claimId)) continue;
      const id = linkId(l.claimId, statementId);
      if (links.has(id)) continue;
      usedClaims.add(l.claimId);
      links.set(id, {
        id,
        claimId: l.claimId,
        statementId,
        stance: l.stance,
        origin: 'extracted',
        confidence: l.confidence,
        provenance,
      });
    }
    for (const e of x.events) {
      const text = oneLine(e.text, 1000);
      const match = events.find((o) => sameEvent(o, { date: e.date, text, actorIds: e.actorIds }));
      if (match) {
        if (!match.sourceIds.includes(sourceId)) match.sourceIds.push(sourceId);
        continue;
      }
      for (const a of e.actorIds) usedActors.add(a);
      events.push({
        id: `${meta.id}/event/${stableHash(`${e.date}|${comparableWords(text)}`)}`,
        date: e.date,
        text,
        actorIds: [...e.actorIds],
        sourceIds: [sourceId],
        provenance,
      });
    }
  }
  const claims = known.claims.filter((c) => usedClaims.has(c.id)).map(copyRow);
  for (const c of claims) usedActors.add(c.claimantId);
  const actors = [
    ...known.actors.filter((a) => usedActors.has(a.id) && !candidates.has(a.id)).map(copyRow),
    ...[...candidates.values()].filter(
      (c) => usedActors.has(c.id) || statements.some((s) => s.speakerId === c.id),
    ),
  ];
  const present = new Set(actors.map((a) => a.id));
  for (const e of events) e.actorIds = e.actorIds.filter((id) => present.has(id));
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: meta.id,
    name: meta.name,
    version: meta.version,
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.createdAt ? { createdAt: meta.createdAt } : {}),
    sources,
    actors,
    claims,
    statements,
    links: [...links.values()],
    events,
  };
}
