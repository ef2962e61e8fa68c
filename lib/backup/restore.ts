import { z } from 'zod';
import {
  actorRow,
  type BackstoryDB,
  bumpKnowledgeVersion,
  eventRow,
  getKnowledgeVersion,
  noteRow,
  statementRow,
  stripDerived,
} from '../db';
import {
  Actor,
  Claim,
  ClaimLink,
  Contribution,
  Event,
  ImportJournal,
  Note,
  PackRecord,
  Page,
  Source,
  Statement,
  Subscription,
} from '../model';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type OnProgress } from './backup';

/**
 * Restoring a backup replaces the whole database. Nothing is replaced until the whole file has
 * been read and every row validated against the model; the replacement is one transaction, so a
 * failure half-way leaves the database as it was.
 */
const Header = z.object({
  format: z.literal(BACKUP_FORMAT, { message: 'This file is not a Backstory backup.' }),
  formatVersion: z.number().int().min(1).max(BACKUP_FORMAT_VERSION, {
    message: 'This backup was made by a newer Backstory. Update the extension to restore it.',
  }),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

const SettingRow = z.object({ key: z.string().min(1).max(200), value: z.unknown() });

/** Each table's row schema, and how its derived index fields are rebuilt. */
const TABLES: Record<string, { schema: z.core.$ZodType; derive: (row: never) => unknown }> = {
  actors: { schema: Actor, derive: actorRow },
  sources: { schema: Source, derive: (r) => r },
  statements: { schema: Statement, derive: statementRow },
  claims: { schema: Claim, derive: (r) => r },
  links: { schema: ClaimLink, derive: (r) => r },
  events: { schema: Event, derive: eventRow },
  notes: { schema: Note, derive: noteRow },
  pages: { schema: Page, derive: (r) => r },
  packs: { schema: PackRecord, derive: (r) => r },
  settings: { schema: SettingRow, derive: (r) => r },
  contributions: { schema: Contribution, derive: (r) => r },
  subscriptions: { schema: Subscription, derive: (r) => r },
  imports: { schema: ImportJournal, derive: (r) => r },
};

export interface ValidatedBackup {
  createdAt: string;
  counts: Record<string, number>;
  rows: Record<string, unknown[]>;
}

export class BackupError extends Error {}

/** Reads and validates a backup file; throws a BackupError that says what is wrong. */
export function validateBackup(
  db: BackstoryDB,
  text: string,
  onProgress: OnProgress = () => {},
): ValidatedBackup {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a Backstory backup (it is not JSON).');
  }
  const header = Header.safeParse(doc);
  if (!header.success) {
    const issue = header.error.issues[0];
    const message = issue?.message ?? 'unknown problem';
    throw new BackupError(
      message.startsWith('This') ? message : `This file is not a Backstory backup: ${message}.`,
    );
  }
  const { tables, schemaVersion, createdAt } = header.data;
  if (schemaVersion > db.verno)
    throw new BackupError(
      'This backup was made by a newer Backstory. Update the extension to restore it.',
    );
  const known = new Set(db.tables.map((t) => t.name));
  for (const name of Object.keys(tables))
    if (!known.has(name) || !TABLES[name])
      throw new BackupError(`Unknown table "${name}" in the backup.`);

  const total = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  const problems: string[] = [];
  const rows: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const [name, list] of Object.entries(tables)) {
    const spec = TABLES[name] as (typeof TABLES)[string];
    // Each table's own primary key (settings: key, imports: owner, the rest: id).
    const keyField = String(db.table(name).schema.primKey.keyPath);
    const seen = new Set<unknown>();
    const out: unknown[] = [];
    for (const [i, raw] of list.entries()) {
      const row = raw && typeof raw === 'object' ? stripDerived(raw as object) : raw;
      const parsed = z.safeParse(spec.schema, row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push(
          `${name} row ${i + 1}: ${issue?.path.join('.') || 'row'} — ${issue?.message}`,
        );
      } else {
        const key = (row as Record<string, unknown>)[keyField];
        if (seen.has(key))
          problems.push(`${name} row ${i + 1}: the id ${String(key)} appears twice`);
        seen.add(key);
        out.push(spec.derive(row as never));
      }
      if (problems.length >= 5) break;
      done += 1;
      if (done % 500 === 0) onProgress({ done, total, step: `checking ${name}` });
    }
    if (problems.length >= 5) break;
    rows[name] = out;
    counts[name] = out.length;
  }
  if (problems.length > 0)
    throw new BackupError(
      `The backup did not pass its checks; nothing was changed. ${problems.join('; ')}.`,
    );
  onProgress({ done: total, total, step: 'checked' });
  return { createdAt, counts, rows };
}

/** Replaces every table with the backup's rows, in one transaction. */
export async function restoreBackup(
  db: BackstoryDB,
  backup: ValidatedBackup,
  onProgress: OnProgress = () => {},
): Promise<void> {
  const total = Object.values(backup.rows).reduce((n, r) => n + r.length, 0);
  let done = 0;
  await db.transaction('rw', db.tables, async () => {
    const before = await getKnowledgeVersion(db);
    for (const table of db.tables) {
      await table.clear();
      const list = backup.rows[table.name] ?? [];
      for (let i = 0; i < list.length; i += 500) {
        await table.bulkAdd(list.slice(i, i + 500));
        done += Math.min(500, list.length - i);
        onProgress({ done, total, step: `restoring ${table.name}` });
      }
    }
    // What can be highlighted changed: move the knowledge version past both the old and the
    // restored one, so the background and every open page rebuild their dictionary.
    const restored = await getKnowledgeVersion(db);
    if (restored <= before) await db.settings.put({ key: 'knowledgeVersion', value: before });
    await bumpKnowledgeVersion(db);
  });
  onProgress({ done: total, total, step: 'done' });
}
