import * as z from 'zod/mini';
// Direct imports, not the model index: the content script loads this file. Each schema here is a
// builder and a constant (lib/model/once.ts): the content script builds a schema only when a
// reply needs it, and checks the replies on the way to its highlights by hand (the `is…`
// functions below, which apply the schemas' exact rules). The schemas it never checks are in
// ./page-schemas.ts, which it does not load.
import { ACTOR_KINDS, type ActorKind, actorKindSchema } from '../model/actor-kind';
import { ID_PATTERN, idSchema, Line } from '../model/ids';
import { once } from '../model/once';
import type { BlockMatches, MatchedEntities } from './page-schemas';

/** Something the panel can show. */
export const entityRefSchema = once(() =>
  z.object({ kind: z.enum(['actor', 'claim']), id: idSchema() }),
);
export const EntityRef = /* @__PURE__ */ entityRefSchema();
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

/**
 * An object as zod's object schemas take one (not null, not an array), its fields read as
 * unknown: the first test of every check written by hand here and in ./content-protocol.ts.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
    if (!isRecord(block) || !isSpanList(block.actors) || !isSpanList(block.claims)) return false;
  }
  return true;
}

const isId = (id: unknown) =>
  typeof id === 'string' && id.length >= 1 && id.length <= 200 && ID_PATTERN.test(id);
const ACTOR_KIND_SET = new Set<unknown>(ACTOR_KINDS);

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
  if (!isRecord(value)) return false;
  const { actors, claims } = value;
  return isEntityList(actors, (k) => ACTOR_KIND_SET.has(k)) && isEntityList(claims, isIndex);
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
  if (!isRecord(value)) return false;
  const { version, blocks, entities } = value;
  return Number.isSafeInteger(version) && isBlockMatchesList(blocks) && isMatchedEntities(entities);
}

/** The page/match reply, checked by `isMatchReply`. */
export const matchReplySchema = once(() =>
  z.custom<MatchReply>(isMatchReply, {
    error: 'expected the matches of each block and the entities they refer to',
  }),
);

export const emptySchema = once(() => z.strictObject({}));
export const Empty = /* @__PURE__ */ emptySchema();

/** `Empty` written out by hand: an object with no enumerable key, as zod checks it (`for…in`). */
export function isEmpty(value: unknown): value is Record<string, never> {
  if (!isRecord(value)) return false;
  for (const _key in value) return false;
  return true;
}

export const actorCardSchema = once(() =>
  z.object({
    id: idSchema(),
    name: Line(200),
    kind: actorKindSchema(),
    role: z.optional(z.string()),
    statements: z.int().check(z.nonnegative()),
    claims: z.int().check(z.nonnegative()),
    deniedBy: z.int().check(z.nonnegative()),
  }),
);
export type ActorCard = z.infer<ReturnType<typeof actorCardSchema>>;

/** The hover card of a claim: its gist, who put it forward, and the stances linked to it. */
export const claimCardSchema = once(() =>
  z.object({
    id: idSchema(),
    kind: z.literal('claim'),
    gist: Line(500),
    claimant: z.optional(z.string().check(z.maxLength(200))),
    statements: z.int().check(z.nonnegative()),
    supports: z.int().check(z.nonnegative()),
    denials: z.int().check(z.nonnegative()),
    qualifies: z.int().check(z.nonnegative()),
  }),
);
export type ClaimCard = z.infer<ReturnType<typeof claimCardSchema>>;

const PAGE_REASONS = ['active', 'paused', 'disabled', 'unsupported'] as const;

/** What the content script may do on its page. */
export const pageConfigSchema = once(() =>
  z.object({
    highlight: z.boolean(),
    learn: z.boolean(),
    reason: z.enum(PAGE_REASONS),
  }),
);
export type PageConfig = z.infer<ReturnType<typeof pageConfigSchema>>;

/**
 * `PageConfig` written out by hand: the content script checks this reply before it may paint,
 * and would otherwise build zod's first schema of the page for it (tests/unit/messaging/ check
 * that both accept the same values).
 */
export function isPageConfig(value: unknown): value is PageConfig {
  if (!isRecord(value)) return false;
  const { highlight, learn, reason } = value;
  return (
    typeof highlight === 'boolean' &&
    typeof learn === 'boolean' &&
    (PAGE_REASONS as readonly unknown[]).includes(reason)
  );
}
