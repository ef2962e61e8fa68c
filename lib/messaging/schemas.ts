import * as z from 'zod/mini';
// Direct imports, not the model index: content scripts load this file, and every schema the
// index pulls in is built at load time on the page's main thread.
import { ActorKind } from '../model/actor-kind';
import { HttpUrl, ID_PATTERN, Id, Line } from '../model/ids';

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

const isIndex = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function isSpan(span: unknown): boolean {
  if (!Array.isArray(span) || span.length !== 3) return false;
  const values: unknown = span[2];
  if (!isIndex(span[0]) || !isIndex(span[1]) || !Array.isArray(values)) return false;
  if (values.length < 1 || values.length > 50) return false;
  for (let i = 0; i < values.length; i++) if (!isIndex(values[i])) return false;
  return true;
}

function isSpanList(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!isSpan(list[i])) return false;
  return true;
}

/**
 * `z.array(BlockMatches)` written out by hand: the same rules (tests/unit/messaging/ check that
 * both accept exactly the same values), in one pass with no allocation. A page's matches arrive
 * in one reply of hundreds of spans, parsed on the page's main thread as its script starts,
 * when the schema's generic code has not been optimised yet: the schema took 5–15 ms there.
 */
export function isBlockMatchesList(value: unknown): value is BlockMatches[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const block: unknown = value[i];
    if (typeof block !== 'object' || block === null || Array.isArray(block)) return false;
    const { actors, claims } = block as { actors?: unknown; claims?: unknown };
    if (!isSpanList(actors) || !isSpanList(claims)) return false;
  }
  return true;
}

/** What a page needs to know about the entities its matches refer to, by dictionary index. */
export const MatchedEntities = z.object({
  actors: z.array(z.tuple([z.int().check(z.nonnegative()), Id, z.string(), ActorKind])),
  claims: z.array(
    z.tuple([z.int().check(z.nonnegative()), Id, z.string(), z.int().check(z.nonnegative())]),
  ),
});
export type MatchedEntities = z.infer<typeof MatchedEntities>;

const isId = (id: unknown) =>
  typeof id === 'string' && id.length >= 1 && id.length <= 200 && ID_PATTERN.test(id);
const ACTOR_KINDS = new Set<unknown>(ActorKind.options);

function isEntityList(list: unknown, lastOk: (value: unknown) => boolean): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const row: unknown = list[i];
    if (!Array.isArray(row) || row.length !== 4) return false;
    if (!isIndex(row[0]) || !isId(row[1]) || typeof row[2] !== 'string' || !lastOk(row[3])) {
      return false;
    }
  }
  return true;
}

/** `MatchedEntities` written out by hand, like `isBlockMatchesList` and for the same reason. */
export function isMatchedEntities(value: unknown): value is MatchedEntities {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { actors, claims } = value as { actors?: unknown; claims?: unknown };
  return isEntityList(actors, (k) => ACTOR_KINDS.has(k)) && isEntityList(claims, isIndex);
}

/** What the background answers to page/match. */
export interface MatchReply {
  version: number;
  blocks: BlockMatches[];
  entities: MatchedEntities;
}

/**
 * The page/match reply, `z.object({ version: z.int(), blocks: z.array(BlockMatches), entities:
 * MatchedEntities })` written out by hand like the checks it calls, so that nothing of zod's
 * generic code runs on the page's main thread for it (tests/unit/messaging/ check that both
 * accept the same values). Cold, on a reply of 300 spans: 1.9 ms through zod, 0.5 ms here.
 */
export function isMatchReply(value: unknown): value is MatchReply {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { version, blocks, entities } = value as Partial<Record<keyof MatchReply, unknown>>;
  return Number.isSafeInteger(version) && isBlockMatchesList(blocks) && isMatchedEntities(entities);
}

/** The page/match reply, checked by `isMatchReply`. */
export const MatchReply = z.custom<MatchReply>(isMatchReply, {
  error: 'expected the matches of each block and the entities they refer to',
});

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
