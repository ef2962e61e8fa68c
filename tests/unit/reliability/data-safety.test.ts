import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import starter from '@/assets/packs/starter.json';
import { noteHandlers } from '@/entrypoints/background/notes';
import {
  type BackstoryDB,
  isQuotaError,
  STORAGE_FULL,
  STORAGE_FULL_IMPORT,
  savePageCopy,
} from '@/lib/db';
import type { ArticleCopy } from '@/lib/extract/article-copy';
import { learnFromCopy } from '@/lib/learn/learn-page';
import { PACK_TABLES } from '@/lib/model';
import { updateNote } from '@/lib/notes/store';
import { loadPack } from '@/lib/packs/load';
import { dump, freshDb, samplePack } from '../packs/helpers';
import { recordFaults } from './record';

/**
 * Data safety: a full storage (QuotaExceededError) in the middle of learning fails with a clear
 * message and leaves the database exactly as it was; in the middle of loading a pack (written in
 * chunks) it fails with a clear message, loses nothing, and loading again finishes the import;
 * learning two pages and loading a pack at the same time loses no write.
 */

const NOW = new Date('2026-02-03T12:00:00Z');

/**
 * A Dexie middleware that lets `allowed` writes through, then fails the next one the way a full
 * disk does (a DOMException named QuotaExceededError), mid-transaction.
 */
function quotaFault() {
  const state = { allowed: Number.POSITIVE_INFINITY, writes: 0, injected: 0 };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'quota-fault',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (req.type === 'add' || req.type === 'put') {
              state.writes += 1;
              if (state.writes > state.allowed) {
                state.injected += 1;
                return Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                );
              }
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  return {
    state,
    middleware,
    /** Fails the write after the next `n`. */
    failAfter(n: number) {
      state.allowed = n;
      state.writes = 0;
      state.injected = 0;
    },
    off() {
      state.allowed = Number.POSITIVE_INFINITY;
    },
  };
}

async function starterDb(fault?: ReturnType<typeof quotaFault>): Promise<BackstoryDB> {
  const db = freshDb();
  if (fault) db.use(fault.middleware);
  const loaded = await loadPack(db, starter, 'bundled', () => NOW);
  expect(loaded.ok).toBe(true);
  return db;
}

/** Rows of `before` missing or different in `after`, and rows `after` gained. */
function rowDifferences(before: Record<string, unknown[]>, after: Record<string, unknown[]>) {
  let n = 0;
  for (const table of Object.keys(before)) {
    const a = new Set((before[table] ?? []).map((r) => JSON.stringify(r)));
    const b = new Set((after[table] ?? []).map((r) => JSON.stringify(r)));
    for (const r of a) if (!b.has(r)) n++;
    for (const r of b) if (!a.has(r)) n++;
  }
  return n;
}
const rowCount = (d: Record<string, unknown[]>) =>
  Object.values(d).reduce((n, rows) => n + rows.length, 0);

const ARTICLE_A: ArticleCopy = {
  url: 'https://news.example/havana-talks',
  title: 'Havana says no talks are under way',
  outlet: 'News Example',
  published: '2026-02-03',
  detectedBy: 'json-ld',
  text: [
    'HAVANA, Feb 3 (News Example) - Cuba and the United States are not holding negotiations, a senior Cuban official said on Monday.',
    '“I think we’re going to make a deal with Cuba,” Trump told reporters at his Mar-a-Lago estate on Sunday.',
    'Port manager Elsa Brandvold said no tanker had arrived since January. Brandvold added that the cranes were idle.',
    'In March 1960, the French cargo ship La Coubre exploded in Havana’s port, killing about 100.',
  ].join('\n\n'),
};

const ARTICLE_B: ArticleCopy = {
  url: 'https://other.example/rubio-briefing',
  title: 'Rubio briefs reporters on Cuba',
  outlet: 'Other Example',
  published: '2026-02-04',
  detectedBy: 'json-ld',
  text: [
    'WASHINGTON, Feb 4 (Other Example) - Marco Rubio said on Tuesday that the United States would keep its pressure on Havana.',
    '“We are not going to lift the sanctions,” Rubio told reporters at the State Department.',
    'Harbour pilot Tomas Ekdahl said the port had been quiet for weeks.',
    'In October 1962, the Cuban Missile Crisis brought the two countries to the brink.',
  ].join('\n\n'),
};

describe('a full storage (QuotaExceededError) mid-transaction', () => {
  it('during learning: a clear message, and the database exactly as before, at every write', async () => {
    const fault = quotaFault();
    const db = await starterDb(fault);
    const page = await savePageCopy(db, ARTICLE_A, { actorIds: [], claimIds: [] }, NOW);
    const before = await dump(db);
    let faults = 0;
    let rowsChecked = 0;
    let rowsLost = 0;
    // Fail the 1st write, then the 2nd, … until learning needs fewer writes than allowed.
    for (let allowed = 0; ; allowed++) {
      fault.failAfter(allowed);
      const outcome = await learnFromCopy(db, page.id, ARTICLE_A, NOW).then(
        () => null,
        (error: unknown) => error as Error,
      );
      if (fault.state.injected === 0) {
        expect(outcome).toBeNull();
        break;
      }
      faults += 1;
      expect(outcome?.name).toBe('StorageFullError');
      expect(outcome?.message).toBe(STORAGE_FULL);
      expect(outcome?.message).toMatch(/storage .* is full/);
      fault.off();
      const after = await dump(db);
      rowsChecked += rowCount(after);
      rowsLost += rowDifferences(before, after);
      expect(after).toEqual(before);
    }
    // The faults covered every write of the page's learning (source, candidates, statements,
    // links, events, the page's source id) and the last run, with room, learned it all.
    expect(faults).toBeGreaterThanOrEqual(8);
    expect(await dump(db)).not.toEqual(before);
    expect(
      await db.statements
        .where('_sourceIds')
        .anyOf([
          ...new Set(
            (await db.sources.toArray()).filter((s) => s.url === ARTICLE_A.url).map((s) => s.id),
          ),
        ])
        .count(),
    ).toBeGreaterThan(0);
    recordFaults('quota-learning', {
      scenario: 'storage full at each write of learning from a page',
      faultsInjected: faults,
      rowsChecked,
      rowsLost,
    });
  });

  it('during pack loading: a clear message, nothing lost, and importing again finishes it, at every write', async () => {
    // Packs are written in chunks (lib/packs/import.ts), not in one transaction: a full storage
    // stops the import part way and keeps what it wrote, owned by the import. What must hold at
    // every write: the message says so, no row the database had is lost, and importing the same
    // pack again once there is room ends exactly where an uninterrupted import does.
    const pack = samplePack();
    const reference = await starterDb();
    expect((await loadPack(reference, pack, 'file', () => NOW)).ok).toBe(true);
    const expected = await dump(reference);
    let faults = 0;
    let rowsChecked = 0;
    let rowsLost = 0;
    for (let allowed = 0; ; allowed++) {
      const fault = quotaFault();
      const db = await starterDb(fault);
      const before = await dump(db);
      fault.failAfter(allowed);
      const outcome = await loadPack(db, pack, 'file', () => NOW);
      if (fault.state.injected === 0) {
        expect(outcome.ok).toBe(true);
        expect(await dump(db)).toEqual(expected);
        break;
      }
      faults += 1;
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toBe(STORAGE_FULL_IMPORT);
      fault.off();
      const after = await dump(db);
      for (const table of PACK_TABLES) {
        const kept = new Set((after[table] as { id: string }[]).map((r) => r.id));
        for (const row of before[table] as { id: string }[]) {
          rowsChecked += 1;
          if (!kept.has(row.id)) rowsLost += 1;
        }
      }
      const resumed = await loadPack(db, pack, 'file', () => NOW);
      expect(resumed.ok).toBe(true);
      const final = await dump(db);
      rowsLost += rowDifferences(expected, final);
      expect(final).toEqual(expected);
    }
    expect(rowsLost).toBe(0);
    // The journal, each table's rows, the pack record and the knowledge version.
    expect(faults).toBeGreaterThanOrEqual(7);
    recordFaults('quota-pack-load', {
      scenario: 'storage full at each write of loading a pack, then loading it again',
      faultsInjected: faults,
      rowsChecked,
      rowsLost,
    });
  });

  it('for notes: a note that does not fit says so and keeps nothing; a reading copy that does not fit does not cost the note', async () => {
    const fault = quotaFault();
    const db = freshDb();
    db.use(fault.middleware);
    // The background's reader, faked: the page's HTML reads as ARTICLE_A.
    const handlers = noteHandlers(
      async () => db,
      async () => ARTICLE_A,
    );
    const request = {
      body: 'Check the port figures',
      tags: ['port'],
      target: {
        kind: 'selection' as const,
        url: ARTICLE_A.url,
        quote: { type: 'TextQuoteSelector' as const, exact: 'not holding negotiations' },
      },
      html: '<html><body><article><p>The article.</p></article></body></html>',
    };
    const sender = { url: ARTICLE_A.url, tab: { id: 3, incognito: false } } as never;

    // Nothing fits: the note is refused with the storage-full message, and nothing is written.
    let faults = 0;
    let rowsChecked = 0;
    fault.failAfter(0);
    await expect(handlers['notes/create'](request, sender)).rejects.toThrow(STORAGE_FULL);
    faults += fault.state.injected;
    expect(await db.notes.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);

    // The note fits, its reading copy does not: the note is kept and the reply says the copy
    // was not; no half-written copy is left.
    fault.failAfter(1);
    const reply = await handlers['notes/create'](request, sender);
    faults += fault.state.injected;
    expect(reply.note.body).toBe('Check the port figures');
    expect(reply.warning).toMatch(/Note saved\. The page's reading copy was not kept: .* full/);
    expect(await db.notes.count()).toBe(1);
    expect(await db.pages.count()).toBe(0);

    // An edit that does not fit leaves the note as it was.
    fault.failAfter(0);
    await expect(updateNote(db, reply.note.id, { body: 'Changed', tags: [] }, NOW)).rejects.toThrow(
      STORAGE_FULL,
    );
    faults += fault.state.injected;
    fault.off();
    const kept = await db.notes.toArray();
    rowsChecked += kept.length + (await db.pages.count());
    const rowsLost = kept.filter((n) => n.body !== 'Check the port figures').length;
    expect(kept.map((n) => n.body)).toEqual(['Check the port figures']);
    expect(faults).toBe(3);
    recordFaults('quota-notes', {
      scenario: 'storage full while taking a note, keeping its reading copy, editing it',
      faultsInjected: faults,
      rowsChecked,
      rowsLost,
    });
  });

  it('recognises quota errors however Dexie wraps them', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(
      isQuotaError({ name: 'DatabaseClosedError', inner: { name: 'AbortError', inner: quota } }),
    ).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});

describe('concurrent writers', () => {
  it('two pages learned at once and a pack loaded meanwhile lose no write', async () => {
    const db = await starterDb();
    const reference = await starterDb();
    const pages = [];
    for (const d of [db, reference]) {
      pages.push(
        await savePageCopy(d, ARTICLE_A, { actorIds: [], claimIds: [] }, NOW),
        await savePageCopy(d, ARTICLE_B, { actorIds: [], claimIds: [] }, NOW),
      );
    }
    const [pageA, pageB] = pages as unknown as [{ id: string }, { id: string }];
    // At once, as two tabs and the review page's importer would.
    const [a, b, loaded] = await Promise.all([
      learnFromCopy(db, pageA.id, ARTICLE_A, NOW),
      learnFromCopy(db, pageB.id, ARTICLE_B, NOW),
      loadPack(db, samplePack(), 'file', () => NOW),
    ]);
    expect(loaded.ok).toBe(true);
    // One after the other, on a twin database.
    const ra = await learnFromCopy(reference, pageA.id, ARTICLE_A, NOW);
    const rb = await learnFromCopy(reference, pageB.id, ARTICLE_B, NOW);
    expect((await loadPack(reference, samplePack(), 'file', () => NOW)).ok).toBe(true);

    expect(a.statements.added + a.statements.cited).toBeGreaterThan(0);
    expect(b.statements.added + b.statements.cited).toBeGreaterThan(0);
    expect([a, b]).toEqual([ra, rb]);
    // Every row written one after the other is there after writing at once, with the same
    // content: nothing was lost or overwritten by a concurrent writer.
    const expected = await dump(reference);
    const actual = await dump(db);
    const lost = rowDifferences(expected, actual);
    expect(actual).toEqual(expected);
    for (const source of [a.sourceId, b.sourceId]) {
      expect(await db.sources.get(source)).toBeDefined();
      expect(await db.statements.where('_sourceIds').equals(source).count()).toBeGreaterThan(0);
    }
    for (const table of ['sources', 'actors', 'claims', 'statements', 'links', 'events'] as const)
      for (const row of samplePack()[table] ?? [])
        expect(await db[table].get(row.id)).toBeDefined();
    recordFaults('concurrency', {
      scenario: 'two pages learned and a pack loaded at once',
      faultsInjected: 0,
      rowsChecked: rowCount(actual),
      rowsLost: lost,
    });
  });
});
