import Dexie from 'dexie';
import { canonicalJson } from '../db/canonical';
import type { BackstoryDB } from '../db/database';
import { stripDerived } from '../db/rows';
import {
  type Contribution,
  fromPack,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PACK_TABLES,
  type PackCounts,
  type PackRecord,
  type PackTable,
  parsePartialDate,
  partialDateKey,
} from '../model';
import { tableOf } from './chunk';
import { type AnyRow, contentOf, remapActors } from './merge';
import { zeroCounts } from './remove';

/**
 * What to export:
 * - `everything`: every knowledge row with its provenance, the loaded packs and how shared rows
 *   merge: importing it into an empty database gives the same database back;
 * - `pack`: one pack as its author published it (its own ids and descriptions, even where its
 *   rows were merged with another pack's);
 * - `selection`: actors (with their statements, what those bear on, and their events), claims
 *   (with every statement linked to them), a timeline (events between two dates) — plus whatever
 *   those rows point to, so the file loads on its own. A new pack of its own.
 */
export type ExportRequest =
  | { kind: 'everything' }
  | { kind: 'pack'; packId: string }
  | {
      kind: 'selection';
      actorIds?: string[];
      claimIds?: string[];
      timeline?: { from?: string; to?: string };
      name?: string;
    };

export interface ExportResult {
  fileName: string;
  /** The JSON text in pieces, ready for a Blob. */
  parts: string[];
  counts: PackCounts;
}

const PAGE = 2000;

function stamp(now: Date) {
  const iso = now.toISOString();
  return {
    version: `${iso.slice(0, 10).replace(/-/g, '')}.${iso.slice(11, 19).replace(/:/g, '')}`,
    file: `${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, '')}`,
  };
}

/** Writes a pack as JSON text, one row per line, keys sorted, tables in the format's order. */
class PackWriter {
  readonly parts: string[] = [];
  readonly counts = zeroCounts();
  private first = true;

  constructor(header: Record<string, unknown>) {
    this.parts.push('{');
    for (const [key, value] of Object.entries(header)) {
      if (value === undefined) continue;
      this.field(`${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    }
  }

  private field(text: string) {
    this.parts.push(`${this.first ? '' : ','}\n  ${text}`);
    this.first = false;
  }

  async table(name: string, batches: AsyncIterable<Record<string, unknown>[]>) {
    this.field(`${JSON.stringify(name)}: [`);
    let n = 0;
    for await (const rows of batches) {
      for (const row of rows) {
        this.parts.push(`${n === 0 ? '' : ','}\n    ${canonicalJson(row)}`);
        n++;
      }
    }
    this.parts.push(n === 0 ? ']' : '\n  ]');
    if ((PACK_TABLES as readonly string[]).includes(name)) this.counts[name as PackTable] = n;
  }

  finish(): string[] {
    this.parts.push('\n}\n');
    return this.parts;
  }
}

/** Every row of a table in id order, a page at a time. */
async function* allRows(db: BackstoryDB, table: PackTable | 'contributions') {
  const store =
    table === 'contributions'
      ? (db.contributions as unknown as ReturnType<typeof tableOf>)
      : tableOf(db, table);
  let last: string | undefined;
  for (;;) {
    const batch =
      last === undefined
        ? await store.orderBy(':id').limit(PAGE).toArray()
        : await store.where(':id').above(last).limit(PAGE).toArray();
    if (batch.length === 0) return;
    yield batch.map((r) => stripDerived(r) as Record<string, unknown>);
    last = batch.at(-1)?.id;
  }
}

/** Some rows of a table by id, sorted, a page at a time, passed through `map`. */
async function* rowsById(
  db: BackstoryDB,
  table: PackTable,
  ids: Iterable<string>,
  map: (row: AnyRow) => Record<string, unknown>,
) {
  const sorted = [...new Set(ids)].sort();
  for (let at = 0; at < sorted.length; at += PAGE) {
    const rows = await tableOf(db, table).bulkGet(sorted.slice(at, at + PAGE));
    yield rows.flatMap((r) => (r ? [map(stripDerived(r) as AnyRow)] : []));
  }
}

export async function exportPack(
  db: BackstoryDB,
  request: ExportRequest,
  now: () => Date = () => new Date(),
): Promise<ExportResult> {
  if (request.kind === 'everything') return exportEverything(db, now());
  if (request.kind === 'pack') return exportOnePack(db, request.packId);
  return exportSelection(db, request, now());
}

async function exportEverything(db: BackstoryDB, when: Date): Promise<ExportResult> {
  const { version, file } = stamp(when);
  const packs = (await db.packs.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
  const writer = new PackWriter({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: 'backstory-export',
    name: 'Backstory export',
    version,
    description:
      'Everything Backstory knew, with where each row came from. Importing it restores it as it was.',
    createdAt: when.toISOString(),
    packs,
  });
  for (const table of PACK_TABLES) await writer.table(table, allRows(db, table));
  await writer.table('contributions', allRows(db, 'contributions'));
  return {
    fileName: `backstory-export-${file}.json`,
    parts: writer.finish(),
    counts: writer.counts,
  };
}

async function exportOnePack(db: BackstoryDB, packId: string): Promise<ExportResult> {
  const record: PackRecord | undefined = await db.packs.get(packId);
  if (!record) throw new Error(`No pack "${packId}" is loaded.`);
  const owner = fromPack(packId);
  const own = await db.contributions.where('owner').equals(owner).toArray();
  const byRow = new Map<string, Contribution>();
  const back = new Map<string, string>();
  for (const c of own) {
    byRow.set(`${c.table}|${c.rowId}`, c);
    if (c.table === 'actors' && c.incomingId !== c.rowId) back.set(c.rowId, c.incomingId);
  }
  const writer = new PackWriter({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: record.id,
    name: record.name,
    version: record.version,
    description: record.description,
    publisher: record.publisher,
    homepage: record.homepage,
    license: record.license,
  });
  for (const table of PACK_TABLES) {
    const ids = (await tableOf(db, table)
      .where('provenance')
      .equals(owner)
      .primaryKeys()) as string[];
    await writer.table(
      table,
      rowsById(db, table, ids, (row) => {
        const mine = byRow.get(`${table}|${row.id}`);
        return remapActors(table, mine ? { ...mine.row } : contentOf(row), back);
      }),
    );
  }
  return {
    fileName: `${record.id}-${record.version}.json`,
    parts: writer.finish(),
    counts: writer.counts,
  };
}

async function exportSelection(
  db: BackstoryDB,
  request: Extract<ExportRequest, { kind: 'selection' }>,
  when: Date,
): Promise<ExportResult> {
  const pick = await selectionClosure(db, request);
  const { version, file } = stamp(when);
  const writer = new PackWriter({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: `selection-${file}`,
    name: request.name?.trim() || 'Selection from Backstory',
    version: version.split('.')[0],
    createdAt: when.toISOString(),
  });
  for (const table of PACK_TABLES) {
    await writer.table(table, rowsById(db, table, pick[table], contentOf));
  }
  return {
    fileName: `backstory-selection-${file}.json`,
    parts: writer.finish(),
    counts: writer.counts,
  };
}

/** The rows of a selection and everything they point to. */
export async function selectionClosure(
  db: BackstoryDB,
  request: Extract<ExportRequest, { kind: 'selection' }>,
): Promise<Record<PackTable, Set<string>>> {
  const pick: Record<PackTable, Set<string>> = {
    sources: new Set(),
    actors: new Set(request.actorIds ?? []),
    claims: new Set(request.claimIds ?? []),
    statements: new Set(),
    links: new Set(),
    events: new Set(),
  };
  const add = (table: PackTable, ids: readonly unknown[]) => {
    for (const id of ids) if (typeof id === 'string') pick[table].add(id);
  };
  for (const actorId of request.actorIds ?? []) {
    add(
      'statements',
      await db.statements
        .where('[speakerId+_saidKey]')
        .between([actorId, Dexie.minKey], [actorId, Dexie.maxKey])
        .primaryKeys(),
    );
    add('events', await db.events.where('actorIds').equals(actorId).primaryKeys());
  }
  for (const claimId of request.claimIds ?? []) {
    const links = await db.links
      .where('[claimId+stance]')
      .between([claimId, Dexie.minKey], [claimId, Dexie.maxKey])
      .toArray();
    add(
      'links',
      links.map((l) => l.id),
    );
    add(
      'statements',
      links.map((l) => l.statementId),
    );
  }
  if (request.timeline) {
    const from = request.timeline.from ? startKey(request.timeline.from) : '';
    const to = request.timeline.to ? partialDateKey(request.timeline.to) : '\uffff';
    add('events', await db.events.where('_dateKey').between(from, to, true, true).primaryKeys());
  }
  // The statements' links, and the claims they bear on.
  const statementLinks = await db.links
    .where('statementId')
    .anyOf([...pick.statements])
    .toArray();
  add(
    'links',
    statementLinks.map((l) => l.id),
  );
  add(
    'claims',
    statementLinks.map((l) => l.claimId),
  );
  // Whatever the chosen rows point to.
  for (const s of await db.statements.bulkGet([...pick.statements])) {
    if (!s) continue;
    add('actors', [s.speakerId]);
    add(
      'sources',
      s.citations.map((c) => c.sourceId),
    );
  }
  for (const c of await db.claims.bulkGet([...pick.claims])) if (c) add('actors', [c.claimantId]);
  for (const e of await db.events.bulkGet([...pick.events])) {
    if (!e) continue;
    add('actors', e.actorIds);
    add('sources', e.sourceIds);
  }
  // Merged actors point to the actor they were merged into (which may point further).
  let frontier = [...pick.actors];
  while (frontier.length > 0) {
    const targets = (await db.actors.bulkGet(frontier)).flatMap((a) =>
      a?.mergedInto && !pick.actors.has(a.mergedInto) ? [a.mergedInto] : [],
    );
    add('actors', targets);
    frontier = targets;
  }
  return pick;
}

/** The smallest date key inside a partial date's period ("2026" → "2026-00-00"). */
function startKey(date: string): string {
  const p = parsePartialDate(date);
  if (!p) return '';
  const two = (n: number | undefined) => (n === undefined ? '00' : String(n).padStart(2, '0'));
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`;
}
