import type { Table } from 'dexie';
import Dexie from 'dexie';
import type { BackstoryDB } from '../db/database';
import { stripDerived } from '../db/rows';
import {
  type Contribution,
  contributionId,
  isUserOwned,
  mergeProvenance,
  type PackTable,
  type Provenance,
} from '../model';
import {
  type AnyRow,
  contentOf,
  type IncomingRow,
  mergeContributions,
  remapActors,
  sameContent,
  toStored,
} from './merge';

/** What one import knows while it plans or writes its chunks. */
export interface ChunkContext {
  db: BackstoryDB;
  owner: Provenance;
  /** Incoming actor id → stored actor id, for actors merged into another pack's actor. */
  actorMap: Map<string, string>;
  /** `${table}|${rowId}` of rows that have contributions (rows several packs describe). */
  shared: Set<string>;
  /** The owner's contributions when the import started. */
  own: Contribution[];
  nextSeq: () => number;
}

export interface ChunkResult {
  added: number;
  changed: number;
  unchanged: number;
  keptUserRows: number;
  merged: number;
  puts: AnyRow[];
  contributionPuts: Contribution[];
  contributionDeletes: string[];
}

export const sharedKey = (table: PackTable, rowId: string) => `${table}|${rowId}`;

export function tableOf(db: BackstoryDB, table: PackTable): Table<AnyRow, string> {
  return db[table] as unknown as Table<AnyRow, string>;
}

/** The contributions of some rows of a table, grouped by row. */
export async function contributionsOf(
  ctx: Pick<ChunkContext, 'db' | 'shared'>,
  table: PackTable,
  rowIds: readonly string[],
): Promise<Map<string, Contribution[]>> {
  const wanted = rowIds.filter((id) => ctx.shared.has(sharedKey(table, id)));
  const byRow = new Map<string, Contribution[]>();
  if (wanted.length === 0) return byRow;
  const rows = await ctx.db.contributions
    .where('[table+rowId]')
    .anyOf(wanted.map((id) => [table, id]))
    .toArray();
  for (const c of rows) byRow.set(c.rowId, [...(byRow.get(c.rowId) ?? []), c]);
  return byRow;
}

/**
 * The stored rows among some ids. The keys in the ids' range are read first, in one request,
 * and only the rows that exist are fetched: a new pack (most imports) then costs one read per
 * chunk instead of one per row.
 */
async function storedRows(
  store: Table<AnyRow, string>,
  ids: readonly string[],
): Promise<Map<string, AnyRow>> {
  const out = new Map<string, AnyRow>();
  if (ids.length === 0) return out;
  let min = ids[0] as string;
  let max = min;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const inRange = (await store
    .where(':id')
    .between(min, max, true, true)
    .primaryKeys()) as string[];
  const wanted = new Set(ids);
  const present = inRange.filter((k) => wanted.has(k));
  if (present.length === 0) return out;
  const rows = await store.bulkGet(present);
  rows.forEach((row, i) => {
    if (row) out.set(present[i] as string, row);
  });
  return out;
}

/**
 * Works out what loading some rows of one table means for the database: which rows are new,
 * changed or unchanged, and what to write. It only reads; the caller writes `puts` and the
 * contribution changes (inside its transaction when importing, not at all for a preview).
 *
 * - A row only this pack describes takes the pack's content (a new version replaces it).
 * - A row the user edited (provenance `user`) keeps its content and only gains provenance.
 * - A row several packs describe (the same id, or an actor merged by Wikidata id or name) is the
 *   merge of their contributions, each kept apart so that any one can later change or go.
 * - Rows that carry their own provenance (a full export) are restored with it.
 */
export async function planChunk(
  ctx: ChunkContext,
  table: PackTable,
  incoming: readonly IncomingRow[],
): Promise<ChunkResult> {
  const result: ChunkResult = {
    added: 0,
    changed: 0,
    unchanged: 0,
    keptUserRows: 0,
    merged: 0,
    puts: [],
    contributionPuts: [],
    contributionDeletes: [],
  };
  const mapped = incoming.map((row) => remapActors(table, row, ctx.actorMap));
  const targets = [...new Set(mapped.map((r) => r.id))];
  const current = new Map<string, AnyRow | undefined>();
  const stored = await storedRows(tableOf(ctx.db, table), targets);
  for (const id of targets) {
    const row = stored.get(id);
    current.set(id, row ? (stripDerived(row) as AnyRow) : undefined);
  }
  const contributions = await contributionsOf(ctx, table, targets);
  const writes = new Map<string, AnyRow>();
  const contributionWrites = new Map<string, Contribution>();

  incoming.forEach((raw, i) => {
    const row = mapped[i] as IncomingRow;
    const target = row.id;
    const before = current.get(target);
    const { provenance: explicit, ...content } = row;
    let next: AnyRow;
    if (explicit !== undefined) {
      if (!before) next = { ...content, id: target, provenance: explicit };
      else if (isUserOwned(before.provenance)) {
        next = { ...before, provenance: mergeProvenance(before.provenance, explicit) };
      } else {
        next = { ...content, id: target, provenance: mergeProvenance(before.provenance, explicit) };
      }
    } else if (!before) {
      next = { ...content, id: target, provenance: [ctx.owner] };
    } else {
      const provenance = mergeProvenance(before.provenance, [ctx.owner]);
      const rowContributions = contributions.get(target) ?? [];
      const otherPacks = before.provenance.filter((p) => p !== ctx.owner && p.startsWith('pack:'));
      const isMerge = raw.id !== target;
      const shared = rowContributions.length > 0 || isMerge || otherPacks.length > 0;
      if (shared) {
        if (rowContributions.length === 0) {
          // The row becomes shared: what it says now is the description of those already there.
          const baseOwner = otherPacks[0] ?? before.provenance.find((p) => p !== ctx.owner);
          if (baseOwner) {
            const base: Contribution = {
              id: contributionId(baseOwner, table, target),
              owner: baseOwner,
              table,
              rowId: target,
              incomingId: target,
              seq: ctx.nextSeq(),
              row: contentOf(before),
            };
            rowContributions.push(base);
            contributionWrites.set(base.id, base);
          }
        }
        const id = contributionId(ctx.owner, table, raw.id);
        const mine = rowContributions.find((c) => c.id === id);
        const contribution: Contribution = {
          id,
          owner: ctx.owner,
          table,
          rowId: target,
          incomingId: raw.id,
          seq: mine?.seq ?? ctx.nextSeq(),
          row: content,
        };
        if (!mine || !sameContent(mine, contribution)) {
          contributionWrites.set(id, contribution);
          const at = rowContributions.indexOf(mine as Contribution);
          if (at >= 0) rowContributions[at] = contribution;
          else rowContributions.push(contribution);
        }
        contributions.set(target, rowContributions);
        ctx.shared.add(sharedKey(table, target));
        if (isMerge) result.merged++;
        next = isUserOwned(before.provenance)
          ? { ...before, provenance }
          : ({
              ...mergeContributions(table, rowContributions),
              id: target,
              provenance,
            } as AnyRow);
      } else if (isUserOwned(before.provenance)) {
        next = { ...before, provenance };
      } else {
        next = { ...content, id: target, provenance };
      }
    }
    if (before && isUserOwned(before.provenance)) result.keptUserRows++;
    if (!before) result.added++;
    else if (sameContent(next, before)) {
      result.unchanged++;
      return;
    } else result.changed++;
    current.set(target, next);
    writes.set(target, next);
  });

  for (const [, row] of writes) result.puts.push(toStored(table, row));
  result.contributionPuts = [...contributionWrites.values()];
  return result;
}

/**
 * Dexie binds operations to a transaction through its own promises; awaiting anything else inside
 * a transaction can silently move later operations out of it. The write paths check they are
 * still inside theirs, so such a mistake fails loudly instead of losing atomicity.
 */
export function assertInTransaction(where: string) {
  if (!Dexie.currentTransaction) throw new Error(`${where} ran outside its transaction`);
}

/** Writes what planChunk decided (call inside a transaction over the table and contributions). */
export async function applyChunk(db: BackstoryDB, table: PackTable, result: ChunkResult) {
  assertInTransaction('applyChunk');
  if (result.puts.length > 0) await tableOf(db, table).bulkPut(result.puts);
  if (result.contributionPuts.length > 0) await db.contributions.bulkPut(result.contributionPuts);
  if (result.contributionDeletes.length > 0) {
    await db.contributions.bulkDelete(result.contributionDeletes);
  }
}
