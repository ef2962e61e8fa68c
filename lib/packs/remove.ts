import type { BackstoryDB } from '../db/database';
import { bumpKnowledgeVersion } from '../db/knowledge-version';
import { stripDerived } from '../db/rows';
import {
  type Contribution,
  fromPack,
  isUserOwned,
  PACK_TABLES,
  type PackCounts,
  type PackTable,
  type Provenance,
} from '../model';
import { type ChunkContext, contributionsOf, sharedKey, tableOf } from './chunk';
import { type AnyRow, contentOf, mergeContributions, toStored } from './merge';

export const CHUNK_ROWS = 2500;

export const zeroCounts = (): PackCounts => ({
  sources: 0,
  actors: 0,
  claims: 0,
  statements: 0,
  links: 0,
  events: 0,
});

/** Set when the user removes the bundled starter pack, so an update does not bring it back. */
export const STARTER_REMOVED_KEY = 'starterPackRemoved';

/** Every `${table}|${rowId}` that has contributions: small, as few rows are shared. */
export async function loadSharedKeys(db: BackstoryDB): Promise<Set<string>> {
  const keys = (await db.contributions.orderBy('[table+rowId]').keys()) as unknown as [
    PackTable,
    string,
  ][];
  return new Set(keys.map(([table, rowId]) => sharedKey(table, rowId)));
}

/**
 * Takes an owner's provenance off rows: every row of the owner when `keep` is null (removing a
 * pack), or the rows a new version no longer has. A row left with no provenance is deleted; a
 * row other packs also describe is recomputed from their contributions; a row the user edited
 * keeps its content. One transaction per chunk; running it again finishes what an interrupted
 * run left.
 */
export interface KeepSet {
  /** Stored ids the new version has, by table. */
  targets: Record<PackTable, ReadonlySet<string>>;
  /** Ids as the new version gives them (they differ for merged actors), by table. */
  incoming: Record<PackTable, ReadonlySet<string>>;
}

export async function dropOwner(
  db: BackstoryDB,
  owner: Provenance,
  keep: KeepSet | null,
  options: {
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
    /** What an import already read: the shared rows and the owner's contributions. */
    known?: { shared: Set<string>; own: Contribution[] };
  } = {},
): Promise<PackCounts> {
  const removed = zeroCounts();
  const ctx: Pick<ChunkContext, 'db' | 'shared'> = {
    db,
    shared: options.known?.shared ?? (await loadSharedKeys(db)),
  };
  const stale: Record<PackTable, string[]> = {
    sources: [],
    actors: [],
    claims: [],
    statements: [],
    links: [],
    events: [],
  };
  let total = 0;
  for (const table of PACK_TABLES) {
    const ids = (await tableOf(db, table)
      .where('provenance')
      .equals(owner)
      .primaryKeys()) as string[];
    const kept = keep?.targets[table];
    stale[table] = kept ? ids.filter((id) => !kept.has(id)) : ids;
    total += stale[table].length;
  }
  // Contributions of this owner the new version no longer makes (a merge it no longer has).
  const ownContributions =
    options.known?.own ?? (await db.contributions.where('owner').equals(owner).toArray());
  const droppedContributions = keep
    ? ownContributions.filter(
        (c) => keep.targets[c.table].has(c.rowId) && !keep.incoming[c.table].has(c.incomingId),
      )
    : [];

  let done = 0;
  for (const table of PACK_TABLES) {
    const ids = stale[table];
    for (let at = 0; at < ids.length; at += CHUNK_ROWS) {
      options.signal?.throwIfAborted();
      const chunk = ids.slice(at, at + CHUNK_ROWS);
      await db.transaction('rw', [tableOf(db, table), db.contributions], async () => {
        const rows = await tableOf(db, table).bulkGet(chunk);
        const byRow = await contributionsOf(ctx, table, chunk);
        const puts: AnyRow[] = [];
        const deletes: string[] = [];
        const contributionDeletes: string[] = [];
        rows.forEach((stored, i) => {
          const id = chunk[i] as string;
          if (!stored) return;
          const row = stripDerived(stored) as AnyRow;
          const all = byRow.get(id) ?? [];
          const mine = all.filter((c) => c.owner === owner);
          const rest = all.filter((c) => c.owner !== owner);
          const provenance = row.provenance.filter((p) => p !== owner);
          contributionDeletes.push(...mine.map((c) => c.id));
          if (provenance.length === 0) {
            deletes.push(id);
            contributionDeletes.push(...rest.map((c) => c.id));
            removed[table]++;
            return;
          }
          const next = recompute(table, row, rest, provenance, contributionDeletes);
          puts.push(toStored(table, next));
          removed[table]++;
        });
        if (deletes.length > 0) await tableOf(db, table).bulkDelete(deletes);
        if (puts.length > 0) await tableOf(db, table).bulkPut(puts);
        if (contributionDeletes.length > 0) await db.contributions.bulkDelete(contributionDeletes);
      });
      done += chunk.length;
      options.onProgress?.(done, total);
    }
  }

  // A kept row that lost one of this owner's merges: recompute it without that contribution.
  for (const c of droppedContributions) {
    await db.transaction('rw', [tableOf(db, c.table), db.contributions], async () => {
      const stored = await tableOf(db, c.table).get(c.rowId);
      await db.contributions.delete(c.id);
      if (!stored) return;
      const rest = (await db.contributions
        .where('[table+rowId]')
        .equals([c.table, c.rowId])
        .toArray()) as Contribution[];
      const row = stripDerived(stored) as AnyRow;
      const deletes: string[] = [];
      const next = recompute(c.table, row, rest, row.provenance, deletes);
      if (deletes.length > 0) await db.contributions.bulkDelete(deletes);
      await tableOf(db, c.table).put(toStored(c.table, next));
    });
  }
  return removed;
}

/**
 * A row after some contributions went: the merge of those left (unless the user edited it).
 * When one contribution is left and it is not a merge (same id), the row is no longer shared and
 * the contribution is dropped too.
 */
function recompute(
  table: PackTable,
  row: AnyRow,
  rest: Contribution[],
  provenance: Provenance[],
  contributionDeletes: string[],
): AnyRow {
  let content: Record<string, unknown> = contentOf(row);
  if (rest.length > 0 && !isUserOwned(provenance)) content = mergeContributions(table, rest);
  const [only] = rest;
  if (rest.length === 1 && only && only.incomingId === only.rowId) {
    contributionDeletes.push(only.id);
  }
  return { ...content, id: row.id, provenance } as AnyRow;
}

/**
 * Removes a pack: exactly the rows it brought (rows that other packs, pages or the user also
 * provided stay, recomputed without it), its record, its contributions and any unfinished import.
 */
export async function removePack(
  db: BackstoryDB,
  packId: string,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<PackCounts> {
  const owner = fromPack(packId);
  const record = await db.packs.get(packId);
  const removed = await dropOwner(db, owner, null, options);
  await db.transaction('rw', [db.packs, db.imports, db.contributions, db.settings], async () => {
    await db.contributions.where('owner').equals(owner).delete();
    await db.imports.delete(owner);
    await db.packs.delete(packId);
    if (record?.origin === 'bundled') {
      await db.settings.put({ key: STARTER_REMOVED_KEY, value: true });
    }
    await bumpKnowledgeVersion(db);
  });
  return removed;
}
