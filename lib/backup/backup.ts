import type { Table } from 'dexie';
import type { BackstoryDB } from '../db';

/**
 * The whole database as one file: every table, every row exactly as stored. Written in pages of
 * rows (by primary key, so each page costs the same however large the table), reporting progress,
 * and assembled as a Blob from parts so no single giant string is built. All of it is read in one
 * read-only transaction: the file is the database at one moment, and what other contexts write
 * meanwhile (learning from an open tab, a subscription, a compiled dictionary) waits for it.
 */
export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_FORMAT_VERSION = 1;
const PAGE = 500;

export interface Progress {
  done: number;
  total: number;
  /** What is being worked on, for display ("notes"). */
  step: string;
}

export type OnProgress = (p: Progress) => void;

/** The page of a table's rows after the key `after` (from the first row when undefined). */
function pageAfter(table: Table, after: unknown): Promise<unknown[]> {
  const from = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
  return from.limit(PAGE).toArray();
}

/** The backup as JSON text parts (joined, they are one JSON document). */
export async function backupParts(
  db: BackstoryDB,
  onProgress: OnProgress = () => {},
  now: Date = new Date(),
): Promise<string[]> {
  const tables = [...db.tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  // Only the database's own requests are awaited inside: anything else would end the
  // transaction early.
  return db.transaction('r', tables, () => readAll(db, tables, onProgress, now));
}

async function readAll(
  db: BackstoryDB,
  tables: Table[],
  onProgress: OnProgress,
  now: Date,
): Promise<string[]> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t.name] = await t.count();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: db.verno,
    createdAt: now.toISOString(),
    counts,
  };
  const parts = [`${JSON.stringify(header).slice(0, -1)},"tables":{`];
  let done = 0;
  onProgress({ done, total, step: 'starting' });
  for (const [i, table] of tables.entries()) {
    parts.push(`${i > 0 ? ',' : ''}\n${JSON.stringify(table.name)}:[`);
    const keyPath = table.schema.primKey.keyPath as string;
    let written = 0;
    // A loop of plain awaits, not an async generator: Dexie keeps the transaction across the
    // first, not the second.
    for (let rows = await pageAfter(table, undefined); rows.length > 0; ) {
      parts.push(
        rows.map((r, k) => `${written + k > 0 ? ',' : ''}\n${JSON.stringify(r)}`).join(''),
      );
      written += rows.length;
      done += rows.length;
      onProgress({ done, total, step: table.name });
      if (rows.length < PAGE) break;
      rows = await pageAfter(table, (rows[rows.length - 1] as Record<string, unknown>)[keyPath]);
    }
    parts.push(']');
  }
  parts.push('\n}}\n');
  return parts;
}

export async function backupBlob(db: BackstoryDB, onProgress?: OnProgress): Promise<Blob> {
  return new Blob(await backupParts(db, onProgress), { type: 'application/json' });
}
