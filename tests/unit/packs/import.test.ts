import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackInput } from '@/lib/model';
import { discardImport, type ImportProgress, importPack } from '@/lib/packs/import';
import { runningImports } from '@/lib/packs/import-lock';
import { bytesSource, type PackSource, textSource } from '@/lib/packs/source';
import { dump, freshDb } from './helpers';

/** A pack of `n` actors and `n` statements, enough rows for several chunks. */
function bigPack(n: number, version = '1'): PackInput {
  return {
    format: 'backstory-pack',
    formatVersion: 1,
    id: 'big',
    name: 'Big',
    version,
    sources: [{ id: 'b/src', outlet: 'Wire' }],
    actors: Array.from({ length: n }, (_, i) => ({
      id: `b/actor/${i}`,
      name: `Person Number${i}`,
      kind: 'person' as const,
      aliases: [],
    })),
    statements: Array.from({ length: n }, (_, i) => ({
      id: `b/st/${i}`,
      speakerId: `b/actor/${i}`,
      words: `Statement ${i} in version ${version}`,
      kind: 'quote' as const,
      said: '2026-02-01',
      citations: [{ sourceId: 'b/src' }],
    })),
  };
}

const NOW = () => new Date('2026-02-05T10:00:00Z');

/** Aborts an import after its n-th chunk is written. */
function abortAfter(chunks: number) {
  const controller = new AbortController();
  let seen = 0;
  return {
    signal: controller.signal,
    onProgress: (p: ImportProgress) => {
      if (p.phase === 'writing' && p.done > 0 && ++seen >= chunks) controller.abort();
    },
  };
}

describe('chunked import', () => {
  it('writes in chunks and reports progress that only moves forward', async () => {
    const db = freshDb();
    const seen: ImportProgress[] = [];
    const outcome = await importPack(db, textSource(JSON.stringify(bigPack(40))), {
      origin: 'file',
      chunkRows: 7,
      onProgress: (p) => seen.push(p),
    });
    expect(outcome.ok).toBe(true);
    const writing = seen.filter((p) => p.phase === 'writing').map((p) => p.done);
    expect(writing.length).toBeGreaterThan(10);
    expect(writing).toEqual([...writing].sort((a, b) => a - b));
    expect(writing.at(-1)).toBe(81);
    expect(seen.some((p) => p.phase === 'checking')).toBe(true);
    expect(await db.statements.count()).toBe(40);
    expect(await db.imports.count()).toBe(0);
  });

  it('an interrupted import resumes where it stopped and ends like an uninterrupted one', async () => {
    const clean = freshDb();
    await importPack(clean, textSource(JSON.stringify(bigPack(30))), {
      origin: 'file',
      chunkRows: 5,
      now: NOW,
    });

    const db = freshDb();
    const source = textSource(JSON.stringify(bigPack(30)));
    const stopped = await importPack(db, source, {
      origin: 'file',
      chunkRows: 5,
      now: NOW,
      ...abortAfter(3),
    });
    expect(stopped.ok).toBe(false);
    if (stopped.ok) return;
    expect(stopped.kind).toBe('aborted');
    const journal = await db.imports.get('pack:big');
    // 1 source, then two chunks of 5 actors.
    expect(journal?.done).toBe(11);
    expect(journal?.fresh).toBe(true);
    // Nothing is announced until the end: no pack record yet.
    expect(await db.packs.get('big')).toBeUndefined();

    const resumed = await importPack(db, source, { origin: 'file', chunkRows: 5, now: NOW });
    expect(resumed.ok && resumed.resumed).toBe(true);
    expect(await dump(db)).toEqual(await dump(clean));
  });

  it('the first load of a pack, interrupted, can be rolled back to nothing', async () => {
    const db = freshDb();
    const before = await dump(db);
    await importPack(db, textSource(JSON.stringify(bigPack(30))), {
      origin: 'file',
      chunkRows: 5,
      ...abortAfter(4),
    });
    expect(await db.actors.count()).toBeGreaterThan(0);
    expect(await discardImport(db, 'pack:big')).toBe(true);
    expect(await dump(db)).toEqual(before);
  });

  it('an update that stops half-way is finished by importing it again', async () => {
    const db = freshDb();
    await importPack(db, textSource(JSON.stringify(bigPack(20))), { origin: 'file', now: NOW });
    const v2 = textSource(JSON.stringify(bigPack(20, '2')));
    await importPack(db, v2, { origin: 'file', chunkRows: 4, now: NOW, ...abortAfter(2) });
    expect((await db.imports.get('pack:big'))?.fresh).toBe(false);
    expect((await db.packs.get('big'))?.version).toBe('1');
    const done = await importPack(db, v2, { origin: 'file', chunkRows: 4, now: NOW });
    expect(done.ok).toBe(true);
    expect((await db.packs.get('big'))?.version).toBe('2');
    expect((await db.statements.get('b/st/19'))?.words).toBe('Statement 19 in version 2');
  });

  it('does not run two imports of one pack at once', async () => {
    const db = freshDb();
    await db.imports.put({
      owner: 'pack:big',
      packId: 'big',
      name: 'Big',
      version: '1',
      fingerprint: 'x',
      fresh: true,
      origin: 'file',
      done: 0,
      total: 10,
      added: { sources: 0, actors: 0, claims: 0, statements: 0, links: 0, events: 0 },
      changed: { sources: 0, actors: 0, claims: 0, statements: 0, links: 0, events: 0 },
      unchanged: { sources: 0, actors: 0, claims: 0, statements: 0, links: 0, events: 0 },
      keptUserRows: 0,
      merged: 0,
      startedAt: NOW().toISOString(),
      updatedAt: NOW().toISOString(),
      leaseUntil: Date.now() + 60_000,
      runId: 'other-run',
    });
    const outcome = await importPack(db, textSource(JSON.stringify(bigPack(3))), {
      origin: 'file',
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.kind).toBe('busy');
  });

  it('stops, keeping what it wrote, when the file changes between its two reads', async () => {
    const db = freshDb();
    const first = new TextEncoder().encode(JSON.stringify(bigPack(10)));
    const second = new TextEncoder().encode(JSON.stringify(bigPack(11)));
    let reads = 0;
    const source: PackSource = {
      kind: 'bytes',
      size: first.byteLength,
      open: () => {
        reads++;
        const bytes = reads === 1 ? first : second;
        const s = bytesSource(bytes);
        return s.kind === 'bytes' ? s.open() : new ReadableStream();
      },
    };
    const outcome = await importPack(db, source, { origin: 'file', chunkRows: 4 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.kind).toBe('changed');
      expect(outcome.error).toMatch(/changed while it was being imported/);
    }
    expect(await db.packs.count()).toBe(0);
  });

  it('says where a file is not valid JSON, and writes nothing', async () => {
    const db = freshDb();
    const text = JSON.stringify(bigPack(2), null, 1).replace(
      '"Person Number1"',
      '"Person Number1",',
    );
    const outcome = await importPack(db, textSource(text), { origin: 'file' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.kind).toBe('not-json');
    expect(outcome.error).toMatch(/not valid JSON: Invalid JSON in actors\[1\].*line \d+/);
    expect(await db.actors.count()).toBe(0);
  });

  it('refuses a file that is not a pack, and text that is not UTF-8', async () => {
    const db = freshDb();
    const other = await importPack(db, textSource('{"hello": "world"}'), { origin: 'file' });
    expect(!other.ok && other.error).toMatch(/not a Backstory pack/);
    const latin1 = bytesSource(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    const bad = await importPack(db, latin1, { origin: 'file' });
    expect(!bad.ok && bad.error).toMatch(/not UTF-8/);
  });
});

/** A LockManager as browsers have it, for one context: enough for `ifAvailable` and `query`. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    request: async (
      name: string,
      _options: { ifAvailable: boolean },
      callback: (lock: { name: string } | null) => Promise<unknown>,
    ) => {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
    query: async () => ({
      held: [...held].map((name) => ({ name, mode: 'exclusive', clientId: 'test' })),
      pending: [],
    }),
  };
}

describe('an import whose page or worker went away', () => {
  /** A journal left the way a closed review page or a stopped worker leaves it: lease unexpired. */
  async function killedMidImport() {
    const db = freshDb();
    const source = textSource(JSON.stringify(bigPack(30)));
    const stopped = await importPack(db, source, {
      origin: 'file',
      chunkRows: 5,
      now: NOW,
      ...abortAfter(3),
    });
    expect(stopped.ok).toBe(false);
    await db.imports.update('pack:big', { leaseUntil: Date.now() + 60_000 });
    return { db, source };
  }

  afterEach(() => vi.unstubAllGlobals());

  it('with Web Locks, is resumed at once: the lock died with its context, the lease does not matter', async () => {
    const { db, source } = await killedMidImport();
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    expect(await runningImports()).toEqual(new Set());
    let runningDuring: Set<string> | undefined;
    const resumed = await importPack(db, source, {
      origin: 'file',
      chunkRows: 5,
      now: NOW,
      onProgress: (p) => {
        if (p.phase !== 'writing') return;
        void runningImports().then((r) => {
          runningDuring ??= r;
        });
      },
    });
    expect(resumed.ok && resumed.resumed).toBe(true);
    expect(runningDuring).toEqual(new Set(['pack:big']));
    expect(await db.imports.count()).toBe(0);
    expect(await db.statements.count()).toBe(30);
  });

  it('with Web Locks, an import another context is running is busy, and cannot be discarded', async () => {
    const { db, source } = await killedMidImport();
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    locks.held.add('backstory-import:pack:big');
    const outcome = await importPack(db, source, { origin: 'file', chunkRows: 5, now: NOW });
    expect(!outcome.ok && outcome.kind).toBe('busy');
    await expect(discardImport(db, 'pack:big')).rejects.toThrow(/still running/);
    locks.held.clear();
    expect(await discardImport(db, 'pack:big')).toBe(true);
    expect(await db.statements.count()).toBe(0);
  });

  it('without Web Locks, the unexpired lease keeps it busy until it runs out', async () => {
    const { db, source } = await killedMidImport();
    const outcome = await importPack(db, source, { origin: 'file', chunkRows: 5, now: NOW });
    expect(!outcome.ok && outcome.kind).toBe('busy');
    expect(await runningImports()).toBeUndefined();
  });
});
