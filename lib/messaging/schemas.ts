import * as z from 'zod/mini';
// Direct imports, not the model index: content scripts load this file, and every schema the
// index pulls in is built at load time on the page's main thread.
import { ActorKind } from '../model/actor-kind';
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
 * Indexes refer to positions in `actors` and `claims`. A type, not a schema: it never crosses a
 * message; the stored copy is checked by the background (isCurrentFormat) and rebuilt otherwise.
 */
export interface Dictionary {
  version: number;
  /** Actors that can be highlighted: [id, display name, kind]. */
  actors: [id: string, name: string, kind: ActorKind][];
  /**
   * Surface forms after the common-word rule (lib/match/alias-rule.ts), already normalised
   * (lib/match/normalize.ts), in three columns of equal length (one array per field, not one
   * small array per alias: 100,000 aliases are three objects to allocate, store and collect).
   */
  aliases: {
    /** The folded key. */
    keys: string[];
    /** Index into `actors`. */
    actors: number[];
    /** The cased key if the alias must match with its capitals, else ''. */
    cased: string[];
  };
  /** Claims: [id, gist, claimant's index into `actors` or -1, number of denials]. */
  claims: [id: string, gist: string, claimant: number, denials: number][];
  /** Key phrases that signal a claim: [text, claim index]. */
  claimPhrases: [text: string, claim: number][];
  /** Topic words of a claim: [text, claim index]. */
  claimTopics: [text: string, claim: number][];
  /** Actors with a statement linked to a claim (claimant included): [claim index, actor index]. */
  claimActors: [claim: number, actor: number][];
  /** The words of statements linked to a claim (for similarity): [words, claim index]. */
  claimQuotes: [words: string, claim: number][];
}

/** One block of page text sent for matching. */
export const MatchText = z.string().check(z.maxLength(600_000));

/** An actor mention: [start, end, candidate actor indexes (several: an ambiguous alias)]. */
export const ActorSpan = z.tuple([
  z.int().check(z.nonnegative()),
  z.int().check(z.nonnegative()),
  z.array(z.int().check(z.nonnegative())).check(z.minLength(1), z.maxLength(50)),
]);
/** A sentence that states, denies or reports claims: [start, end, claim indexes, best first]. */
export const ClaimSpan = z.tuple([
  z.int().check(z.nonnegative()),
  z.int().check(z.nonnegative()),
  z.array(z.int().check(z.nonnegative())).check(z.minLength(1), z.maxLength(50)),
]);

export const BlockMatches = z.object({
  actors: z.array(ActorSpan),
  claims: z.array(ClaimSpan),
});
export type BlockMatches = z.infer<typeof BlockMatches>;

/** What a page needs to know about the entities its matches refer to, by dictionary index. */
export const MatchedEntities = z.object({
  actors: z.array(z.tuple([z.int().check(z.nonnegative()), Id, z.string(), ActorKind])),
  claims: z.array(
    z.tuple([z.int().check(z.nonnegative()), Id, z.string(), z.int().check(z.nonnegative())]),
  ),
});
export type MatchedEntities = z.infer<typeof MatchedEntities>;

export const FoundEntity = z.object({
  id: Id,
  name: z.string().check(z.maxLength(500)),
  count: z.int().check(z.nonnegative()),
});
export type FoundEntity = z.infer<typeof FoundEntity>;

/** An alias on the page that names several actors and that the page's context did not settle. */
export const AmbiguousMention = z.object({
  text: z.string().check(z.maxLength(200)),
  candidates: z.array(Id).check(z.minLength(2), z.maxLength(50)),
  count: z.int().check(z.nonnegative()),
});
export type AmbiguousMention = z.infer<typeof AmbiguousMention>;

/** What a content script reports about its page. */
export const PageReport = z.object({
  url: HttpUrl,
  title: z.string().check(z.maxLength(2000)),
  status: z.enum(['active', 'paused', 'disabled']),
  actors: z.array(FoundEntity).check(z.maxLength(10_000)),
  claims: z.array(FoundEntity).check(z.maxLength(10_000)),
  /** Mentions that could be one of several actors (see lib/match/resolve.ts). */
  ambiguous: z.optional(z.array(AmbiguousMention).check(z.maxLength(1000))),
});
export type PageReport = z.infer<typeof PageReport>;

/** What the panel shows under "On this page" for a tab. */
export const TabState = z.extend(PageReport, {
  tabId: z.int(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

/** What the panel was asked to show, and for which tab. */
export const PanelTarget = z.object({
  target: EntityRef,
  tabId: z.optional(z.int()),
  at: z.number(),
});
export type PanelTarget = z.infer<typeof PanelTarget>;

export const Empty = z.strictObject({});

export const ActorCard = z.object({
  id: Id,
  name: Line(200),
  kind: ActorKind,
  role: z.optional(z.string()),
  statements: z.int().check(z.nonnegative()),
  claims: z.int().check(z.nonnegative()),
  deniedBy: z.int().check(z.nonnegative()),
});
export type ActorCard = z.infer<typeof ActorCard>;

/** The hover card of a claim: its gist, who put it forward, and the stances linked to it. */
export const ClaimCard = z.object({
  id: Id,
  kind: z.literal('claim'),
  gist: Line(500),
  claimant: z.optional(z.string().check(z.maxLength(200))),
  statements: z.int().check(z.nonnegative()),
  supports: z.int().check(z.nonnegative()),
  denials: z.int().check(z.nonnegative()),
  qualifies: z.int().check(z.nonnegative()),
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
  query: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  at: z.number(),
});
export type PanelSearch = z.infer<typeof PanelSearch>;
export const PANEL_SEARCH_KEY = 'panel:search';
