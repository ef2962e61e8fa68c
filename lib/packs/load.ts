import type { Table } from 'dexie';
import { canonicalJson } from '../db/canonical';
import type { BackstoryDB } from '../db/database';
import { bumpKnowledgeVersion } from '../db/knowledge-version';
import { actorRow, eventRow, statementRow, stripDerived } from '../db/rows';
import { isQuotaError, STORAGE_FULL } from '../db/storage';
import {
  fromPack,
  isUserOwned,
  mergeProvenance,
  PACK_TABLES,
  Pack,
  type PackCounts,
  type PackRecord,
  type PackTable,
  type Provenance,
} from '../model';
import { describeZodIssues, type PackIssue, summariseIssues } from './errors';

export type LoadOutcome =
  | {
      ok: true;
      packId: string;
      version: string;
      /** Rows added, changed and left as they were, per table. */
      added: PackCounts;
      changed: PackCounts;
      unchanged: number;
      /** Rows the pack also describes but the user has edited: their content was kept. */
      keptUserRows: number;
      /** Rows of an earlier version of this pack that the new version no longer has. */
      removed: number;
    }
  | { ok: false; error: string; issues: PackIssue[] };

const zeroCounts = (): PackCounts => ({
  sources: 0,
  actors: 0,
  claims: 0,
  statements: 0,
  links: 0,
  events: 0,
});

type AnyRow = { id: string; provenance: Provenance[] } & Record<string, unknown>;
type IncomingRow = { id: string; provenance?: Provenance[] } & Record<string, unknown>;

function toRow(table: PackTable, row: AnyRow): AnyRow {
  switch (table) {
    case 'actors':
      return actorRow(row as never) as unknown as AnyRow;
    case 'statements':
      return statementRow(row as never) as unknown as AnyRow;
    case 'events':
      return eventRow(row as never) as unknown as AnyRow;
    default:
      return row;
  }
}

class PackReferenceError extends Error {
  constructor(readonly issues: PackIssue[]) {
    super(summariseIssues(issues));
  }
}

/** Checks that every id a pack row points to exists in the pack or in the database. */
async function checkReferences(db: BackstoryDB, pack: Pack): Promise<PackIssue[]> {
  const ids = {
    actors: new Set(pack.actors.map((r) => r.id)),
    sources: new Set(pack.sources.map((r) => r.id)),
    claims: new Set(pack.claims.map((r) => r.id)),
    statements: new Set(pack.statements.map((r) => r.id)),
  };
  const missing: { where: string; table: keyof typeof ids; id: string }[] = [];
  const need = (where: string, table: keyof typeof ids, id: string | undefined) => {
    if (id !== undefined && !ids[table].has(id)) missing.push({ where, table, id });
  };
  pack.statements.forEach((s, i) => {
    const at = `statements[${i}] (id "${s.id}")`;
    need(`${at} → speakerId`, 'actors', s.speakerId);
    s.citations.forEach((c, j) => {
      need(`${at} → citations[${j}].sourceId`, 'sources', c.sourceId);
    });
  });
  pack.claims.forEach((c, i) => {
    need(`claims[${i}] (id "${c.id}") → claimantId`, 'actors', c.claimantId);
  });
  pack.links.forEach((l, i) => {
    need(`links[${i}] (id "${l.id}") → claimId`, 'claims', l.claimId);
    need(`links[${i}] (id "${l.id}") → statementId`, 'statements', l.statementId);
  });
  pack.events.forEach((e, i) => {
    const at = `events[${i}] (id "${e.id}")`;
    e.actorIds.forEach((a, j) => {
      need(`${at} → actorIds[${j}]`, 'actors', a);
    });
    e.sourceIds.forEach((s, j) => {
      need(`${at} → sourceIds[${j}]`, 'sources', s);
    });
  });
  pack.actors.forEach((a, i) => {
    if (a.mergedInto) need(`actors[${i}] (id "${a.id}") → mergedInto`, 'actors', a.mergedInto);
  });
  if (missing.length === 0) return [];
  // What the pack does not define may already be in the database (a pack that extends another).
  const issues: PackIssue[] = [];
  for (const m of missing) {
    const exists = (await db[m.table].get(m.id)) !== undefined;
    if (!exists) {
      issues.push({ where: m.where, message: `no ${m.table.slice(0, -1)} with id "${m.id}"` });
    }
    if (issues.length >= 20) break;
  }
  return issues;
}

/**
 * Loads a pack into the database.
 *
 * - Validated before anything is written; a bad pack changes nothing and says which field of
 *   which record is wrong.
 * - One transaction: it all lands, or none of it does.
 * - Idempotent: rows whose content is unchanged are not rewritten, so loading a pack twice
 *   changes nothing (and wakes no live query).
 * - Never overwrites the user's work: a row the user has edited (provenance includes "user")
 *   keeps its content and only gains the pack's provenance.
 * - A newer version of a pack replaces that pack's rows: rows it no longer has lose the pack's
 *   provenance, and are deleted when no other provenance is left.
 */
export async function loadPack(
  db: BackstoryDB,
  input: unknown,
  origin: PackRecord['origin'] = 'file',
  now: () => Date = () => new Date(),
): Promise<LoadOutcome> {
  const parsed = Pack.safeParse(input);
  if (!parsed.success) {
    const issues = describeZodIssues(input, parsed.error);
    return { ok: false, error: `This pack is not valid:\n${summariseIssues(issues)}`, issues };
  }
  const pack = parsed.data;
  const own = fromPack(pack.id);
  const added = zeroCounts();
  const changed = zeroCounts();
  let unchanged = 0;
  let keptUserRows = 0;
  let removed = 0;

  try {
    await db.transaction('rw', [...db.knowledgeTables, db.packs, db.settings], async () => {
      const refIssues = await checkReferences(db, pack);
      if (refIssues.length > 0) throw new PackReferenceError(refIssues);

      for (const table of PACK_TABLES) {
        const store = db[table] as unknown as Table<AnyRow, string>;
        const incoming = pack[table] as unknown as IncomingRow[];
        const existing = await store.bulkGet(incoming.map((r) => r.id));
        const writes: AnyRow[] = [];
        incoming.forEach((row, i) => {
          const before = existing[i];
          const provenance = row.provenance ?? [own];
          if (!before) {
            writes.push(toRow(table, { ...row, provenance } as AnyRow));
            added[table]++;
            return;
          }
          let next: AnyRow;
          if (isUserOwned(before.provenance)) {
            keptUserRows++;
            next = {
              ...stripDerived(before),
              provenance: mergeProvenance(before.provenance, provenance),
            };
          } else {
            next = { ...row, provenance: mergeProvenance(before.provenance, provenance) } as AnyRow;
          }
          if (canonicalJson(next) === canonicalJson(stripDerived(before))) {
            unchanged++;
            return;
          }
          writes.push(toRow(table, next));
          changed[table]++;
        });
        if (writes.length > 0) await store.bulkPut(writes);

        // Rows an earlier version of this pack had and this one does not.
        const keep = new Set(incoming.map((r) => r.id));
        const stale = await store
          .where('provenance')
          .equals(own)
          .filter((r) => !keep.has(r.id))
          .toArray();
        for (const row of stale) {
          const rest = row.provenance.filter((p) => p !== own);
          if (rest.length === 0) await store.delete(row.id);
          else await store.put({ ...row, provenance: rest });
          removed++;
        }
      }

      const anyChange =
        Object.values(added).some((n) => n > 0) ||
        Object.values(changed).some((n) => n > 0) ||
        removed > 0;
      const previous = await db.packs.get(pack.id);
      if (anyChange || !previous || previous.version !== pack.version) {
        const record: PackRecord = {
          id: pack.id,
          name: pack.name,
          version: pack.version,
          loadedAt: now().toISOString(),
          counts: {
            sources: pack.sources.length,
            actors: pack.actors.length,
            claims: pack.claims.length,
            statements: pack.statements.length,
            links: pack.links.length,
            events: pack.events.length,
          },
          origin,
          ...(pack.description ? { description: pack.description } : {}),
          ...(pack.publisher ? { publisher: pack.publisher } : {}),
          ...(pack.homepage ? { homepage: pack.homepage } : {}),
          ...(pack.license ? { license: pack.license } : {}),
        };
        await db.packs.put(record);
      }
      if (anyChange) await bumpKnowledgeVersion(db);
    });
  } catch (error) {
    if (error instanceof PackReferenceError) {
      return {
        ok: false,
        error: `This pack points to records that do not exist:\n${error.message}`,
        issues: error.issues,
      };
    }
    if (isQuotaError(error)) {
      return { ok: false, error: `The pack could not be saved. ${STORAGE_FULL}`, issues: [] };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The pack could not be saved, and nothing was changed: ${message}`,
      issues: [],
    };
  }
  return {
    ok: true,
    packId: pack.id,
    version: pack.version,
    added,
    changed,
    unchanged,
    keptUserRows,
    removed,
  };
}
