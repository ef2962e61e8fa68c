import * as z from 'zod/mini';
import { ActorKind } from '../model/actor-kind';
import { HttpUrl, Id } from '../model/ids';
import { EntityRef } from './schemas';

/**
 * The schemas of what pages send and what the background keeps about them: the texts and matches
 * of page/match, the page's report, the tab state and the panel's targets. The background and the
 * panel check these; the content script never does, and does not load this module (it checks its
 * replies with ./schemas.ts, whose schemas it builds only when it needs one).
 */

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

/** A search the panel is asked to run (the context menu on a selection), kept in session storage. */
export const PanelSearch = z.object({
  query: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  at: z.number(),
});
export type PanelSearch = z.infer<typeof PanelSearch>;
export const PANEL_SEARCH_KEY = 'panel:search';
