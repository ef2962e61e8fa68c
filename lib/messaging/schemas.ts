import { z } from 'zod';
// Direct imports, not the model index: content scripts load this file, and every schema the
// index pulls in is built at load time on the page's main thread.
import { ActorKind } from '../model/actor';
import { HttpUrl, Id, Line } from '../model/ids';

/** Something the panel can show. */
export const EntityRef = z.object({ kind: z.enum(['actor', 'claim']), id: Id });
export type EntityRef = z.infer<typeof EntityRef>;

/** Whether a dictionary's alias columns have one entry per alias each. */
export const aliasColumnsAligned = (a: { keys: unknown[]; actors: unknown[]; cased: unknown[] }) =>
  a.actors.length === a.keys.length && a.cased.length === a.keys.length;

/**
 * The page dictionary in its compact serialisable form, compiled by the background once per
 * knowledge version (entrypoints/background/dictionary.ts). The background matches pages with it
 * (lib/match/engine.ts); pages receive only what they found, never the dictionary or the database.
 * Indexes refer to positions in `actors` and `claims`.
 */
export const Dictionary = z.object({
  version: z.number().int().nonnegative(),
  /** Actors that can be highlighted: [id, display name, kind]. */
  actors: z.array(z.tuple([Id, z.string(), ActorKind])),
  /**
   * Surface forms after the common-word rule (lib/match/alias-rule.ts), already normalised
   * (lib/match/normalize.ts), in three columns of equal length (one array per field, not one
   * small array per alias: 100,000 aliases are three objects to allocate, store and collect).
   */
  aliases: z
    .object({
      /** The folded key. */
      keys: z.array(z.string()),
      /** Index into `actors`. */
      actors: z.array(z.number().int().nonnegative()),
      /** The cased key if the alias must match with its capitals, else ''. */
      cased: z.array(z.string()),
    })
    .refine(aliasColumnsAligned, { message: 'alias columns differ in length' }),
  /** Claims: [id, gist, claimant's index into `actors` or -1, number of denials]. */
  claims: z
    .array(z.tuple([Id, z.string(), z.number().int().min(-1), z.number().int().nonnegative()]))
    .default([]),
  /** Key phrases that signal a claim: [text, claim index]. */
  claimPhrases: z.array(z.tuple([z.string(), z.number().int().nonnegative()])).default([]),
  /** Topic words of a claim: [text, claim index]. */
  claimTopics: z.array(z.tuple([z.string(), z.number().int().nonnegative()])).default([]),
  /** Actors with a statement linked to a claim (claimant included): [claim index, actor index]. */
  claimActors: z
    .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
    .default([]),
  /** The words of statements linked to a claim (for similarity): [words, claim index]. */
  claimQuotes: z.array(z.tuple([z.string(), z.number().int().nonnegative()])).default([]),
});
export type Dictionary = z.infer<typeof Dictionary>;

/** One block of page text sent for matching. */
export const MatchText = z.string().max(600_000);

/** An actor mention: [start, end, candidate actor indexes (several: an ambiguous alias)]. */
export const ActorSpan = z.tuple([
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.array(z.number().int().nonnegative()).min(1).max(50),
]);
/** A sentence that states, denies or reports claims: [start, end, claim indexes, best first]. */
export const ClaimSpan = z.tuple([
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.array(z.number().int().nonnegative()).min(1).max(50),
]);

export const BlockMatches = z.object({
  actors: z.array(ActorSpan),
  claims: z.array(ClaimSpan),
});
export type BlockMatches = z.infer<typeof BlockMatches>;

/** What a page needs to know about the entities its matches refer to, by dictionary index. */
export const MatchedEntities = z.object({
  actors: z.array(z.tuple([z.number().int().nonnegative(), Id, z.string(), ActorKind])),
  claims: z.array(
    z.tuple([z.number().int().nonnegative(), Id, z.string(), z.number().int().nonnegative()]),
  ),
});
export type MatchedEntities = z.infer<typeof MatchedEntities>;

export const FoundEntity = z.object({
  id: Id,
  name: z.string().max(500),
  count: z.number().int().nonnegative(),
});
export type FoundEntity = z.infer<typeof FoundEntity>;

/** An alias on the page that names several actors and that the page's context did not settle. */
export const AmbiguousMention = z.object({
  text: z.string().max(200),
  candidates: z.array(Id).min(2).max(50),
  count: z.number().int().nonnegative(),
});
export type AmbiguousMention = z.infer<typeof AmbiguousMention>;

/** What a content script reports about its page. */
export const PageReport = z.object({
  url: HttpUrl,
  title: z.string().max(2000),
  status: z.enum(['active', 'paused', 'disabled']),
  actors: z.array(FoundEntity).max(10_000),
  claims: z.array(FoundEntity).max(10_000),
  /** Mentions that could be one of several actors (see lib/match/resolve.ts). */
  ambiguous: z.array(AmbiguousMention).max(1000).optional(),
});
export type PageReport = z.infer<typeof PageReport>;

/** What the panel shows under "On this page" for a tab. */
export const TabState = PageReport.extend({
  tabId: z.number().int(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

/** What the panel was asked to show, and for which tab. */
export const PanelTarget = z.object({
  target: EntityRef,
  tabId: z.number().int().optional(),
  at: z.number(),
});
export type PanelTarget = z.infer<typeof PanelTarget>;

export const Empty = z.object({}).strict();

export const ActorCard = z.object({
  id: Id,
  name: Line(200),
  kind: ActorKind,
  role: z.string().optional(),
  statements: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  deniedBy: z.number().int().nonnegative(),
});
export type ActorCard = z.infer<typeof ActorCard>;

/** The hover card of a claim: its gist, who put it forward, and the stances linked to it. */
export const ClaimCard = z.object({
  id: Id,
  kind: z.literal('claim'),
  gist: Line(500),
  claimant: z.string().max(200).optional(),
  statements: z.number().int().nonnegative(),
  supports: z.number().int().nonnegative(),
  denials: z.number().int().nonnegative(),
  qualifies: z.number().int().nonnegative(),
});
export type ClaimCard = z.infer<typeof ClaimCard>;

/** What the content script may do on its page. */
export const PageConfig = z.object({
  highlight: z.boolean(),
  learn: z.boolean(),
  reason: z.enum(['active', 'paused', 'disabled', 'unsupported']),
});
export type PageConfig = z.infer<typeof PageConfig>;

/** A search the panel is asked to run (the context menu on a selection), kept in session storage. */
export const PanelSearch = z.object({
  query: z.string().trim().min(1).max(500),
  at: z.number(),
});
export type PanelSearch = z.infer<typeof PanelSearch>;
export const PANEL_SEARCH_KEY = 'panel:search';
