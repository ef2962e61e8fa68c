import { z } from 'zod';
import { HttpUrl, Id, IsoDateTime, Line } from './ids';
import { Provenance } from './provenance';

/** The knowledge tables a pack carries, in the order a pack lists them. */
export const PACK_TABLES = [
  'sources',
  'actors',
  'claims',
  'statements',
  'links',
  'events',
] as const;
export type PackTable = (typeof PACK_TABLES)[number];
export const PackTableName = z.enum(PACK_TABLES);

/** A number per knowledge table. */
export const PackCounts = z.object({
  sources: z.number().int().nonnegative(),
  actors: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  statements: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});
export type PackCounts = z.infer<typeof PackCounts>;

/**
 * One pack's description of a row that more than one pack describes: the same id in two packs,
 * or two packs' actors merged because they share a Wikidata id or a canonical name and kind.
 * The stored row is the merge of its contributions in `seq` order, so removing or updating one
 * pack recomputes the row from what the others said. A contribution whose `incomingId` differs
 * from `rowId` also remembers the merge, so the next version of the pack maps to the same row.
 */
export const Contribution = z.object({
  /** `${owner}|${table}|${incomingId}` */
  id: z.string().min(1).max(700),
  owner: Provenance,
  table: PackTableName,
  /** The stored row this contribution is part of. */
  rowId: Id,
  /** The id the owner gave the row (differs from rowId for a merged actor). */
  incomingId: Id,
  /** Merge order: lower first (the first description of a field wins, lists are unions). */
  seq: z.number().int().nonnegative(),
  /** The row as the owner describes it, ids already mapped, without provenance. */
  row: z.record(z.string(), z.unknown()),
});
export type Contribution = z.infer<typeof Contribution>;

export const contributionId = (owner: string, table: PackTable, incomingId: string) =>
  `${owner}|${table}|${incomingId}`;

/** Why a subscription refresh did not bring a new copy. */
export const SubscriptionErrorKind = z.enum([
  'network',
  'timeout',
  'http',
  'too-large',
  'integrity',
  'not-json',
  'invalid',
  'references',
  'older-version',
  'other-pack',
  'storage',
  'address',
]);
export type SubscriptionErrorKind = z.infer<typeof SubscriptionErrorKind>;

/** A SRI-style sha256 value: `sha256-` and 44 characters of base64. */
export const Integrity = z.string().regex(/^sha256-[A-Za-z0-9+/]{43}=$/, {
  message: 'expected sha256- followed by 44 characters of base64 (as in Subresource Integrity)',
});

/** A pack (or ClaimReview feed) followed by URL, refreshed on a schedule. */
export const Subscription = z.object({
  id: z.string().min(1).max(100),
  url: HttpUrl,
  /** The pack this address serves, fixed by the first good copy. */
  packId: z.string().max(100).optional(),
  /** Expected sha256 of the body; a body that does not match is refused. */
  integrity: Integrity.optional(),
  maxBytes: z.number().int().positive(),
  intervalMinutes: z.number().int().positive(),
  /** The page that offered this pack with <link rel="alternate">, if it came from one. */
  offeredBy: z.optional(HttpUrl),
  createdAt: IsoDateTime,
  etag: z.string().max(1000).optional(),
  lastModified: z.string().max(200).optional(),
  /** When the last refresh started and finished, and the last one that brought a good copy. */
  checkingSince: z.optional(IsoDateTime),
  lastCheckedAt: z.optional(IsoDateTime),
  lastSuccessAt: z.optional(IsoDateTime),
  /** What the last successful check found. */
  lastResult: z.enum(['updated', 'unchanged', 'not-modified']).optional(),
  /** The last failure; cleared by the next success. */
  error: z
    .object({ kind: SubscriptionErrorKind, message: z.string().max(4000), at: IsoDateTime })
    .optional(),
  /** Failures in a row, for backoff. */
  failures: z.number().int().nonnegative(),
  nextCheckAt: IsoDateTime,
});
export type Subscription = z.infer<typeof Subscription>;

/**
 * A pack import in progress, one per owner: written in the same transaction as each chunk, so an
 * interrupted import knows where it stopped and can resume, or be rolled back if it was the
 * pack's first load.
 */
export const ImportJournal = z.object({
  owner: Provenance,
  packId: z.string().max(100),
  name: Line(200),
  version: z.string().max(100),
  /** A hash of the rows in file order: resuming needs the same content. */
  fingerprint: z.string().max(100),
  /** The pack had no earlier version: discarding the import removes what it wrote. */
  fresh: z.boolean(),
  origin: z.enum(['bundled', 'file', 'subscription']),
  /** Rows (of every table, in file order) written so far, and in all. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  added: PackCounts,
  changed: PackCounts,
  unchanged: PackCounts,
  keptUserRows: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Until then (ms since epoch), another import of this pack waits; after, it may take over. */
  leaseUntil: z.number(),
  runId: z.string().max(100),
  fileName: z.string().max(500).optional(),
  sourceUrl: z.optional(HttpUrl),
});
export type ImportJournal = z.infer<typeof ImportJournal>;
