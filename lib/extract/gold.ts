import { z } from 'zod';
import type { Extraction } from './extract';
import type { ActorLookup } from './known-actors';
import type { KnownClaim } from './stance';

/**
 * The annotation format shared by the gold files and `npm run extract` (docs/extraction.md):
 * one object per article, every text a substring of the article.
 */
const Nullable = <T extends z.ZodType>(t: T) =>
  t
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const GoldArticle = z.object({
  article: z.string(),
  source: z
    .object({
      outlet: Nullable(z.string()),
      published: Nullable(z.string()),
      title: Nullable(z.string()),
    })
    .default({ outlet: null, published: null, title: null }),
  actors: z
    .array(z.object({ name: z.string(), kind: z.string(), mentions: z.array(z.string()) }))
    .default([]),
  statements: z
    .array(
      z.object({
        id: z.string(),
        speaker: z.string(),
        text: z.string(),
        kind: z.enum(['quote', 'reported']),
        medium: Nullable(z.string()),
        date: Nullable(z.string()),
      }),
    )
    .default([]),
  claims: z
    .array(
      z.object({
        id: z.string(),
        claimant: z.string(),
        gist: z.string(),
        evidence: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  relations: z
    .array(
      z.object({
        statement: z.string(),
        claim: z.string(),
        stance: z.enum(['denies', 'supports', 'qualifies']),
      }),
    )
    .default([]),
  events: z
    .array(
      z.object({ date: z.string(), text: z.string(), actors: z.array(z.string()).default([]) }),
    )
    .default([]),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

/** An extraction in the gold format, so the two compare directly. */
export function toGold(
  extraction: Extraction,
  article: string,
  lookup: ActorLookup,
  claims: readonly KnownClaim[],
): GoldArticle {
  const name = (id: string) =>
    lookup.get(id)?.name ?? extraction.candidates.find((c) => c.id === id)?.name ?? id;
  const sid = (i: number) => `s${i + 1}`;
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const usedClaims = [...new Set(extraction.links.map((l) => l.claimId))].filter((id) =>
    claimById.has(id),
  );
  const cid = new Map(usedClaims.map((id, i) => [id, `c${i + 1}`]));
  return {
    article,
    source: {
      outlet: extraction.source.outlet ?? null,
      published: extraction.source.published ?? null,
      title: extraction.source.title ?? null,
    },
    actors: extraction.actors.map((a) => ({ name: a.name, kind: a.kind, mentions: a.mentions })),
    statements: extraction.statements.map((s, i) => ({
      id: sid(i),
      speaker: 'actorId' in s.speaker ? name(s.speaker.actorId) : s.speaker.label,
      text: s.text,
      kind: s.kind,
      medium: s.medium ?? null,
      date: s.said ?? null,
    })),
    claims: usedClaims.map((id) => {
      const c = claimById.get(id)!;
      return {
        id: cid.get(id)!,
        claimant: name(c.claimantId),
        gist: c.gist,
        evidence: extraction.links
          .filter((l) => l.claimId === id && l.stance === 'states')
          .map((l) => sid(l.statement)),
      };
    }),
    relations: extraction.links
      .filter((l) => l.stance !== 'states' && cid.has(l.claimId))
      .map((l) => ({
        statement: sid(l.statement),
        claim: cid.get(l.claimId)!,
        stance: l.stance as 'denies' | 'supports' | 'qualifies',
      })),
    events: extraction.events.map((e) => ({
      date: e.date,
      text: e.text,
      actors: e.actorIds.map(name),
    })),
  };
}
