import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BackstoryDB, getKnowledgeVersion } from '@/lib/db';
import {
  addSubscription,
  MB,
  refreshSubscription,
  retryDelayMinutes,
  sha256Integrity,
  subscriptionUrlProblem,
  updateSubscription,
} from '@/lib/packs/subscription';
import { dump, freshDb, samplePack } from './helpers';

const URL_ = 'https://packs.example/desk.json';
const T0 = new Date('2026-02-05T10:00:00Z');

interface Served {
  status?: number;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
}

/** A fetch that answers from a script and records the requests it saw. */
function server(script: (req: { headers: Headers }) => Served | Promise<Served>) {
  const seen: Headers[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push(headers);
    const s = await script({ headers });
    return new Response((s.body ?? null) as BodyInit | null, {
      status: s.status ?? 200,
      headers: s.headers ?? {},
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

async function setUp(integrity?: string) {
  const db = freshDb();
  const sub = await addSubscription(db, { url: URL_, ...(integrity ? { integrity } : {}) }, T0);
  return { db, id: sub.id };
}

async function knowledge(db: BackstoryDB) {
  const { subscriptions: _s, ...rest } = await dump(db);
  return rest;
}

const v1 = JSON.stringify(samplePack());
const v2 = JSON.stringify(samplePack({ version: '2', events: [] }));
const at = (minutes: number) => () => new Date(T0.getTime() + minutes * 60_000);

describe('subscriptions', () => {
  it('accepts https, and http only on this machine', () => {
    expect(subscriptionUrlProblem('https://packs.example/a.json')).toBeNull();
    expect(subscriptionUrlProblem('http://127.0.0.1:8080/a.json')).toBeNull();
    expect(subscriptionUrlProblem('http://localhost/a.json')).toBeNull();
    expect(subscriptionUrlProblem('http://packs.example/a.json')).toMatch(/https only/);
    expect(subscriptionUrlProblem('ftp://packs.example/a.json')).toMatch(/https only/);
    expect(subscriptionUrlProblem('https://me:secret@packs.example/')).toMatch(/password/);
    expect(subscriptionUrlProblem('not a url')).toMatch(/not a web address/);
  });

  it('loads, then asks conditionally: a 304 rewrites nothing', async () => {
    const { db, id } = await setUp();
    let mode: 'v1' | '304' = 'v1';
    const { fetch, seen } = server(() =>
      mode === 'v1'
        ? { body: v1, headers: { etag: '"a1"', 'last-modified': 'Wed, 04 Feb 2026 10:00:00 GMT' } }
        : { status: 304 },
    );
    const first = await refreshSubscription(db, id, { fetch, now: at(0) });
    expect(first).toMatchObject({
      packId: 'sample',
      etag: '"a1"',
      lastResult: 'updated',
      failures: 0,
    });
    expect(first.nextCheckAt).toBe(at(24 * 60)().toISOString());
    expect((await db.packs.get('sample'))?.origin).toBe('subscription');

    const before = await knowledge(db);
    const version = await getKnowledgeVersion(db);
    mode = '304';
    const second = await refreshSubscription(db, id, { fetch, now: at(60) });
    expect(seen[1]?.get('if-none-match')).toBe('"a1"');
    expect(seen[1]?.get('if-modified-since')).toBe('Wed, 04 Feb 2026 10:00:00 GMT');
    expect(second.lastResult).toBe('not-modified');
    expect(await knowledge(db)).toEqual(before);
    expect(await getKnowledgeVersion(db)).toBe(version);
  });

  it('a new version replaces the rows', async () => {
    const { db, id } = await setUp();
    let body = v1;
    const { fetch } = server(() => ({ body }));
    await refreshSubscription(db, id, { fetch, now: at(0) });
    expect(await db.events.count()).toBe(1);
    body = v2;
    const next = await refreshSubscription(db, id, { fetch, now: at(10) });
    expect(next.lastResult).toBe('updated');
    expect(await db.events.count()).toBe(0);
    expect((await db.packs.get('sample'))?.version).toBe('2');
  });

  const failures: [string, Served, string, RegExp][] = [
    ['500', { status: 500, body: 'oops' }, 'http', /The server answered 500/],
    ['404', { status: 404 }, 'http', /answered 404/],
    ['invalid JSON', { body: '{"format": "backstory-pack", "id": ' }, 'not-json', /not valid JSON/],
    [
      'a schema error',
      { body: v2.replace('"2026-02-02"', '"2026-02-31"') },
      'invalid',
      /statements\[1\] \(id "s\/st\/2"\) → said/,
    ],
    [
      'an announced size over the limit',
      { body: 'x', headers: { 'content-length': String(50 * MB) } },
      'too-large',
      /50 MB, larger than this subscription's 25 MB limit/,
    ],
    [
      'another pack',
      { body: JSON.stringify(samplePack({ id: 'intruder', version: '9' })) },
      'other-pack',
      /serves the pack "intruder", not "sample"/,
    ],
    [
      'an older version',
      { body: JSON.stringify(samplePack({ version: '0.9' })) },
      'older-version',
      /older than the version 1/,
    ],
  ];

  for (const [what, served, kind, message] of failures) {
    it(`after ${what}, the last good copy stays and the error is kept with the next retry`, async () => {
      const { db, id } = await setUp();
      let answer: Served = { body: v1 };
      const { fetch } = server(() => answer);
      await refreshSubscription(db, id, { fetch, now: at(0) });
      const before = await knowledge(db);
      answer = served;
      const failed = await refreshSubscription(db, id, { fetch, now: at(30) });
      expect(failed.error?.kind).toBe(kind);
      expect(failed.error?.message).toMatch(message);
      expect(failed.failures).toBe(1);
      expect(failed.nextCheckAt).toBe(at(35)().toISOString());
      expect(failed.lastResult).toBe('updated');
      expect(failed.lastSuccessAt).toBe(at(0)().toISOString());
      expect(await knowledge(db)).toEqual(before);
    });
  }

  it('stops a download that grows past the limit without announcing its size', async () => {
    const { db, id } = await setUp();
    await updateSubscription(db, id, { maxBytes: MB });
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        if (sent > 4 * MB) controller.close();
      },
    });
    const { fetch } = server(() => ({ body }));
    const failed = await refreshSubscription(db, id, { fetch, now: at(0) });
    expect(failed.error?.kind).toBe('too-large');
    expect(sent).toBeLessThan(2 * MB);
  });

  it('refuses a body whose sha256 does not match the integrity value', async () => {
    const good = await sha256Integrity(new TextEncoder().encode(v1));
    const { db, id } = await setUp(good);
    let body = v1;
    const { fetch } = server(() => ({ body }));
    const ok = await refreshSubscription(db, id, { fetch, now: at(0) });
    expect(ok.error).toBeUndefined();
    const before = await knowledge(db);
    body = v2;
    const failed = await refreshSubscription(db, id, { fetch, now: at(1) });
    expect(failed.error?.kind).toBe('integrity');
    expect(failed.error?.message).toContain(`expected ${good}`);
    expect(await knowledge(db)).toEqual(before);
  });

  it('times out a server that does not answer', async () => {
    const { db, id } = await setUp();
    const fetch = ((_u: string, init?: RequestInit) =>
      new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      })) as typeof globalThis.fetch;
    const failed = await refreshSubscription(db, id, { fetch, now: at(0), timeoutMs: 20 });
    expect(failed.error).toMatchObject({ kind: 'timeout' });
    expect(failed.error?.message).toMatch(/did not answer within/);
  });

  it('reports a network failure', async () => {
    const { db, id } = await setUp();
    const fetch = (() =>
      Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    const failed = await refreshSubscription(db, id, { fetch, now: at(0) });
    expect(failed.error).toMatchObject({ kind: 'network' });
    expect(failed.error?.message).toContain('Failed to fetch');
  });

  it('backs off: 5, 10, 20 minutes… never longer than the interval; a success resets it', async () => {
    expect([1, 2, 3, 4].map((f) => retryDelayMinutes(f, 24 * 60))).toEqual([5, 10, 20, 40]);
    expect(retryDelayMinutes(12, 60)).toBe(60);
    const { db, id } = await setUp();
    let answer: Served = { status: 503 };
    const { fetch } = server(() => answer);
    await refreshSubscription(db, id, { fetch, now: at(0) });
    const second = await refreshSubscription(db, id, { fetch, now: at(5) });
    expect(second.failures).toBe(2);
    expect(second.nextCheckAt).toBe(at(15)().toISOString());
    answer = { body: v1 };
    const ok = await refreshSubscription(db, id, { fetch, now: at(15) });
    expect(ok.failures).toBe(0);
    expect(ok.error).toBeUndefined();
  });

  it('follows a ClaimReview feed like a pack', async () => {
    const { db, id } = await setUp();
    const feed = readFileSync('tests/fixtures/claimreview/feed.json', 'utf8');
    const { fetch } = server(() => ({ body: feed, headers: { etag: '"f1"' } }));
    const done = await refreshSubscription(db, id, { fetch, now: at(0) });
    expect(done.error).toBeUndefined();
    expect(done.packId).toMatch(/^claimreview-packs\.example-/);
    expect(await db.claims.count()).toBe(1);
    const again = await refreshSubscription(db, id, { fetch, now: at(5) });
    expect(again.lastResult).toBe('unchanged');
  });

  it('refuses a second subscription to the same address and a bad integrity value', async () => {
    const { db } = await setUp();
    await expect(addSubscription(db, { url: URL_ })).rejects.toThrow(/already subscribe/);
    await expect(
      addSubscription(db, { url: 'https://packs.example/other.json', integrity: 'md5-abc' }),
    ).rejects.toThrow(/sha256-/);
  });
});
