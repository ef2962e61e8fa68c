import { describe, expect, it } from 'vitest';
import { backupParts, type Progress } from '@/lib/backup/backup';
import { BackupError, restoreBackup, validateBackup } from '@/lib/backup/restore';
import { BackstoryDB, getKnowledgeVersion, noteRow } from '@/lib/db';
import { loadPack } from '@/lib/packs/load';
import { updateSettings } from '@/lib/settings/settings';
import { NOTES, PAGES } from '../notes/sample-notes';
import { freshDb, samplePack } from '../packs/helpers';

/** Every row of every table exactly as stored (derived fields included), sorted by key. */
async function raw(db: ReturnType<typeof freshDb>) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

async function filledDb() {
  const db = freshDb();
  const outcome = await loadPack(db, samplePack(), 'file', () => new Date('2026-02-05T10:00:00Z'));
  if (!outcome.ok) throw new Error(outcome.error);
  await db.notes.bulkAdd(NOTES.map(noteRow));
  await db.pages.bulkAdd(PAGES);
  await updateSettings(db, { disabledSites: ['blocked.example'] });
  // The tables of schema version 3: a second pack describing an actor of the first (a
  // contribution each), its subscription, and two imports in progress (keyed by owner).
  const second = await loadPack(
    db,
    samplePack({
      id: 'second',
      name: 'Second',
      sources: [],
      actors: [{ id: 'x/actor/a', name: 'Ana Ortiz', kind: 'person', aliases: [] }],
      claims: [],
      statements: [],
      links: [],
      events: [],
    }),
    'subscription',
    () => new Date('2026-02-05T11:00:00Z'),
  );
  if (!second.ok) throw new Error(second.error);
  await db.subscriptions.add({
    id: 'sub-second',
    url: 'https://packs.example/second.json',
    packId: 'second',
    maxBytes: 25 * 1024 * 1024,
    intervalMinutes: 1440,
    createdAt: '2026-02-05T11:00:00.000Z',
    failures: 0,
    nextCheckAt: '2026-02-06T11:00:00.000Z',
  });
  const counts = { sources: 0, actors: 0, claims: 0, statements: 0, links: 0, events: 0 };
  for (const owner of ['pack:third', 'pack:fourth'] as const) {
    await db.imports.add({
      owner,
      packId: owner.slice(5),
      name: owner,
      version: '1',
      fingerprint: 'f',
      fresh: true,
      origin: 'file',
      done: 10,
      total: 20,
      added: { ...counts, actors: 10 },
      changed: counts,
      unchanged: counts,
      keptUserRows: 0,
      merged: 0,
      startedAt: '2026-02-05T12:00:00.000Z',
      updatedAt: '2026-02-05T12:00:01.000Z',
      leaseUntil: 0,
      runId: `run-${owner}`,
    });
  }
  // Enough notes to span several pages of the backup writer.
  await db.notes.bulkAdd(
    Array.from({ length: 1200 }, (_, i) =>
      noteRow({
        ...(NOTES[3] as (typeof NOTES)[number]),
        id: `note/bulk-${String(i).padStart(4, '0')}`,
      }),
    ),
  );
  return db;
}

describe('backup and restore', () => {
  it('round-trips the whole database exactly, reporting progress', async () => {
    const source = await filledDb();
    const before = await raw(source);
    for (const table of ['contributions', 'subscriptions', 'imports'])
      expect(before[table]?.length, table).toBeGreaterThan(0);
    expect(before.imports).toHaveLength(2);
    const progress: Progress[] = [];
    const text = (await backupParts(source, (p) => progress.push(p))).join('');
    expect(JSON.parse(text).format).toBe('backstory-backup');
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)?.total });
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );

    const target = freshDb();
    await target.notes.add(
      noteRow({ ...(NOTES[0] as (typeof NOTES)[number]), id: 'note/will-be-replaced' }),
    );
    const restoring: Progress[] = [];
    const checked = validateBackup(target, text, (p) => restoring.push(p));
    await restoreBackup(target, checked, (p) => restoring.push(p));
    const after = await raw(target);
    // Exactly the same rows, except the knowledge counter, which a restore moves forward so
    // that every dictionary built from the old data is rebuilt.
    const counter = (rows: unknown[]) =>
      (rows as { key: string }[]).filter((r) => r.key !== 'knowledgeVersion');
    expect({ ...after, settings: counter(after.settings ?? []) }).toEqual({
      ...before,
      settings: counter(before.settings ?? []),
    });
    expect(await getKnowledgeVersion(target)).toBeGreaterThan(await getKnowledgeVersion(source));
    expect(restoring.at(-1)?.step).toBe('done');
  });

  it('is one consistent snapshot while other contexts write', async () => {
    // Learning from an open tab, a subscription refresh or a compiled dictionary can write while
    // the backup is read: the file must hold the database as it was at one moment, not tables
    // read before a write mixed with tables read after it.
    const db = await filledDb();
    const before = await raw(db);
    // Another context: a connection of its own to the same database.
    const other = new BackstoryDB(db.name, db._options);
    await other.open();
    let written: Promise<unknown> | undefined;
    const parts = await backupParts(db, (p) => {
      if (p.step !== 'actors' || written) return;
      // While the backup is past the actors and before the notes: a note and an actor at once.
      written = other.transaction('rw', [other.actors, other.notes], async () => {
        await other.notes.add(
          noteRow({ ...(NOTES[0] as (typeof NOTES)[number]), id: 'note/late' }),
        );
        await other.actors.add({ ...(before.actors?.[0] as object), id: 'x/actor/late' } as never);
      });
    });
    await written;
    const doc = JSON.parse(parts.join('')) as {
      counts: Record<string, number>;
      tables: Record<string, unknown[]>;
    };
    expect(doc.tables).toEqual(before);
    for (const [table, rows] of Object.entries(doc.tables))
      expect(doc.counts[table], table).toBe(rows.length);
    // The write was not lost: it waited for the backup's read.
    expect(await db.notes.get('note/late')).toBeDefined();
    expect(await db.actors.get('x/actor/late')).toBeDefined();
    other.close();
  });

  it('validates the whole file before replacing anything', async () => {
    const source = await filledDb();
    const doc = JSON.parse((await backupParts(source)).join(''));
    doc.tables.notes[1].target.url = 'javascript:alert(1)';
    const target = await filledDb();
    const before = await raw(target);
    expect(() => validateBackup(target, JSON.stringify(doc))).toThrow(
      /nothing was changed.*notes row 2: target\.url/,
    );
    expect(await raw(target)).toEqual(before);
  });

  it('refuses other files, newer formats, unknown tables and duplicate ids with a clear message', async () => {
    const db = freshDb();
    const base = JSON.parse((await backupParts(await filledDb())).join(''));
    const cases: [unknown, RegExp][] = [
      ['{', /not JSON/],
      [{ format: 'backstory-pack' }, /not a Backstory backup/],
      [{ ...base, formatVersion: 2 }, /newer Backstory/],
      [{ ...base, schemaVersion: 99 }, /newer Backstory/],
      [{ ...base, tables: { ...base.tables, secrets: [] } }, /Unknown table "secrets"/],
      [
        {
          ...base,
          tables: { ...base.tables, actors: [base.tables.actors[0], base.tables.actors[0]] },
        },
        /appears twice/,
      ],
    ];
    for (const [doc, message] of cases) {
      const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
      expect(() => validateBackup(db, text)).toThrow(BackupError);
      expect(() => validateBackup(db, text)).toThrow(message);
    }
  });
});
