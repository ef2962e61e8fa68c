import { canonicalJson } from '../db/canonical';
import type { ActorRow, BackstoryDB } from '../db/database';
import { actorRow, eventRow, statementRow, stripDerived } from '../db/rows';
import { foldKey } from '../match/fold';
import type { Contribution, PackTable, Provenance } from '../model';

/** A row of any knowledge table, as the import code handles it. */
export type AnyRow = { id: string; provenance: Provenance[] } & Record<string, unknown>;
export type IncomingRow = { id: string; provenance?: Provenance[] } & Record<string, unknown>;

/** Adds the derived index fields of a table before a row is written. */
export function toStored(table: PackTable, row: AnyRow): AnyRow {
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

/** The content of a row: no derived fields, no provenance. */
export function contentOf(row: Record<string, unknown>): Record<string, unknown> {
  const { provenance: _p, ...rest } = stripDerived(row);
  return rest;
}

export const sameContent = (a: object, b: object) => canonicalJson(a) === canonicalJson(b);

type KeyOf = (value: unknown) => string;
const textKey: KeyOf = (v) => foldKey(String(v));
const idKey: KeyOf = (v) => String(v);
const jsonKey: KeyOf = (v) => canonicalJson(v);
const aliasKey: KeyOf = (v) => {
  const a = v as { text: string; caseSensitive?: boolean };
  return a.caseSensitive ? `=${a.text}` : foldKey(a.text);
};

/** The list fields of each table: merged as unions (first occurrence kept), keyed like this. */
const LIST_FIELDS: Partial<Record<PackTable, Record<string, KeyOf>>> = {
  actors: { aliases: aliasKey, roles: jsonKey },
  statements: { citations: jsonKey },
  claims: { keyPhrases: textKey, topics: textKey },
  events: { actorIds: idKey, sourceIds: idKey },
};

const LIST_LIMITS: Record<string, number> = {
  aliases: 500,
  roles: 100,
  citations: 1000,
  keyPhrases: 100,
  topics: 50,
  actorIds: 200,
  sourceIds: 1000,
};

function union(a: unknown[], b: unknown[], key: KeyOf, limit: number): unknown[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const item of b) {
    if (out.length >= limit) break;
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/**
 * Merges several descriptions of one row, in order. A single-valued field takes the first
 * description that has it; a list (aliases, roles, citations, key phrases, topics, actors and
 * sources of an event) is the union of all, first occurrence kept. For actors, another
 * description's name becomes an alias, and the actor is known as soon as one description says so.
 */
export function mergeRows(
  table: PackTable,
  rows: readonly Record<string, unknown>[],
): Record<string, unknown> {
  const [first, ...rest] = rows;
  if (!first) throw new Error('mergeRows needs at least one row');
  const lists = LIST_FIELDS[table] ?? {};
  const out: Record<string, unknown> = { ...first };
  for (const row of rest) {
    for (const [field, value] of Object.entries(row)) {
      if (value === undefined) continue;
      const key = lists[field];
      if (key && Array.isArray(value)) {
        out[field] = union(
          (out[field] as unknown[] | undefined) ?? [],
          value,
          key,
          LIST_LIMITS[field] ?? 1000,
        );
      } else if (out[field] === undefined) {
        out[field] = value;
      }
    }
  }
  if (table === 'actors') {
    const names = rows.map((r) => r.name).filter((n): n is string => typeof n === 'string');
    const extra = names
      .filter((n) => foldKey(n) !== foldKey(String(out.name)))
      .map((text) => ({ text, kind: 'name' as const }));
    if (extra.length > 0) {
      out.aliases = union((out.aliases as unknown[]) ?? [], extra, aliasKey, 500);
    }
    const known = rows.some((r) => r.status === undefined || r.status === 'known');
    if (known && out.status === 'candidate') delete out.status;
  }
  return out;
}

/** Orders contributions for merging: by seq, then id, so the result never depends on reads. */
export function mergeContributions(
  table: PackTable,
  contributions: readonly Contribution[],
): Record<string, unknown> {
  const sorted = [...contributions].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  return mergeRows(
    table,
    sorted.map((c) => c.row),
  );
}

/** Rewrites the actor references of a row through a map of incoming id → stored id. */
export function remapActors<T extends Record<string, unknown>>(
  table: PackTable,
  row: T,
  map: ReadonlyMap<string, string>,
): T {
  if (map.size === 0) return row;
  const to = (id: unknown) => (typeof id === 'string' ? (map.get(id) ?? id) : id);
  switch (table) {
    case 'actors':
      return {
        ...row,
        id: to(row.id),
        ...(row.mergedInto !== undefined ? { mergedInto: to(row.mergedInto) } : {}),
      };
    case 'statements':
      return row.speakerId !== undefined ? { ...row, speakerId: to(row.speakerId) } : row;
    case 'claims':
      return { ...row, claimantId: to(row.claimantId) };
    case 'events':
      return { ...row, actorIds: (row.actorIds as unknown[]).map(to) };
    default:
      return row;
  }
}

/** Can an existing actor take in another pack's description of the same actor? */
function eligibleTarget(candidate: ActorRow, owner: Provenance, packIds: ReadonlySet<string>) {
  return (
    candidate.status !== 'rejected' &&
    candidate.mergedInto === undefined &&
    !candidate.provenance.includes(owner) &&
    !packIds.has(candidate.id)
  );
}

export interface ActorLike {
  id: string;
  name: string;
  kind: string;
  wikidata?: string | undefined;
}

/**
 * Finds, for actors a pack brings under new ids, an actor already stored that is the same one:
 * the same Wikidata id, or the same canonical name (folded: case, accents) and kind with no
 * conflicting Wikidata id. Only actors that other sources brought are candidates; the pack's own
 * rows never are. Returns incoming id → stored id.
 */
export async function matchActors(
  db: BackstoryDB,
  actors: readonly ActorLike[],
  owner: Provenance,
  packIds: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (actors.length === 0) return found;
  const wikis = [...new Set(actors.flatMap((a) => (a.wikidata ? [a.wikidata] : [])))];
  const names = [...new Set(actors.map((a) => foldKey(a.name)))];
  const [byWiki, byName] = await Promise.all([
    wikis.length > 0 ? db.actors.where('wikidata').anyOf(wikis).toArray() : [],
    db.actors.where('_aliasKeys').anyOf(names).toArray(),
  ]);
  const wikiIndex = new Map<string, ActorRow[]>();
  for (const c of byWiki) {
    if (!c.wikidata || !eligibleTarget(c, owner, packIds)) continue;
    wikiIndex.set(c.wikidata, [...(wikiIndex.get(c.wikidata) ?? []), c]);
  }
  const nameIndex = new Map<string, ActorRow[]>();
  for (const c of byName) {
    if (!eligibleTarget(c, owner, packIds)) continue;
    const key = `${c.kind}|${foldKey(c.name)}`;
    nameIndex.set(key, [...(nameIndex.get(key) ?? []), c]);
  }
  const byId = (a: ActorRow, b: ActorRow) => (a.id < b.id ? -1 : 1);
  for (const actor of actors) {
    const wiki = actor.wikidata ? (wikiIndex.get(actor.wikidata) ?? []).sort(byId)[0] : undefined;
    const named = (nameIndex.get(`${actor.kind}|${foldKey(actor.name)}`) ?? [])
      .filter((c) => !(c.wikidata && actor.wikidata && c.wikidata !== actor.wikidata))
      .sort(byId)[0];
    const target = wiki ?? named;
    if (target && target.id !== actor.id) found.set(actor.id, target.id);
  }
  return found;
}
