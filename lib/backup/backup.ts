import type { Table } from 'dexie';
import type { BackstoryDB } from '../db';

/**
 * The whole database as one file: every table, every row exactly as stored. Written in pages of
 * rows (by primary key, so each page costs the same however large the table), reporting progress,
 * and assembled as a Blob from parts so no single giant string is built.
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

async function* pages(table: Table): AsyncGenerator<unknown[]> {
  let rows = await table.orderBy(':id').limit(PAGE).toArray();
  while (rows.length > 0) {
    yield rows;
    if (rows.length < PAGE) return;
    const keyPath = table.schema.primKey.keyPath as string;
    const last = (rows[rows.length - 1] as Record<string, unknown>)[keyPath];
    rows = await table.where(':id').above(last).limit(PAGE).toArray();
  }
}

/** The backup as JSON text parts (joined, they are one JSON document). */
export async function backupParts(
  db: BackstoryDB,
  onProgress: OnProgress = () => {},
  now: Date = new Date(),
): Promise<string[]> {
  const tables = [...db.tables].sort((a, b) => (a.name < b.name ? -1 : 1));
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
    let written = 0;
    for await (const rows of pages(table)) {
      parts.push(
        rows.map((r, k) => `${written + k > 0 ? ',' : ''}\n${JSON.stringify(r)}`).join(''),
      );
      written += rows.length;
      done += rows.length;
      onProgress({ done, total, step: table.name });
    }
    parts.push(']');
  }
  parts.push('\n}}\n');
  return parts;
}

export async function backupBlob(db: BackstoryDB, onProgress?: OnProgress): Promise<Blob> {
  return new Blob(await backupParts(db, onProgress), { type: 'application/json' });
}
