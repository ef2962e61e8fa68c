import { z } from 'zod';
import type { BackstoryDB } from '../db/database';
import { Integrity, type Subscription, type SubscriptionErrorKind } from '../model';
import type { ImportFailureKind } from './check';
import { shortHash } from './hash';
import { importPack } from './import';
import { bytesSource } from './source';

export const MB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 25 * MB;
export const LARGEST_MAX_BYTES = 200 * MB;
export const DEFAULT_INTERVAL_MINUTES = 24 * 60;
export const INTERVALS_MINUTES = [60, 6 * 60, 12 * 60, 24 * 60, 7 * 24 * 60] as const;
export const FETCH_TIMEOUT_MS = 60_000;
/** The first retry after a failure; each further failure doubles it, up to the interval. */
export const FIRST_RETRY_MINUTES = 5;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether Backstory may fetch packs from an address: https anywhere, http only on this machine
 * (for testing and for people serving packs locally), never with credentials in the URL.
 * Returns the reason it may not, or null.
 */
export function subscriptionUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'This is not a web address.';
  }
  if (url.username || url.password)
    return 'Addresses with a user name or password are not accepted.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return null;
  if (url.protocol === 'http:') {
    return 'Packs are fetched over https only (plain http is accepted for localhost, for testing).';
  }
  return 'Packs are fetched over https only.';
}

export const SubscriptionInput = z.object({
  url: z.string().trim().max(4096),
  integrity: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(Integrity.optional())
    .optional(),
  maxBytes: z.number().int().min(MB).max(LARGEST_MAX_BYTES).optional(),
  intervalMinutes: z
    .number()
    .int()
    .min(15)
    .max(30 * 24 * 60)
    .optional(),
  offeredBy: z.string().max(4096).optional(),
});
export type SubscriptionInput = z.input<typeof SubscriptionInput>;

export const subscriptionId = (url: string) => `sub-${shortHash(url)}`;

/** Adds a subscription (due at once); refuses a bad address or one already followed. */
export async function addSubscription(
  db: BackstoryDB,
  input: SubscriptionInput,
  now: Date = new Date(),
): Promise<Subscription> {
  const parsed = SubscriptionInput.safeParse(input);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  }
  const { url, integrity, maxBytes, intervalMinutes, offeredBy } = parsed.data;
  const problem = subscriptionUrlProblem(url);
  if (problem) throw new Error(problem);
  const normalized = new URL(url).href;
  if (await db.subscriptions.where('url').equals(normalized).first()) {
    throw new Error('You already subscribe to this address.');
  }
  const subscription: Subscription = {
    id: subscriptionId(normalized),
    url: normalized,
    maxBytes: maxBytes ?? DEFAULT_MAX_BYTES,
    intervalMinutes: intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
    createdAt: now.toISOString(),
    failures: 0,
    nextCheckAt: now.toISOString(),
    ...(integrity ? { integrity } : {}),
    ...(offeredBy && subscriptionUrlProblem(offeredBy) === null ? { offeredBy } : {}),
  };
  await db.subscriptions.add(subscription);
  return subscription;
}

/** Changes how a subscription is checked (the integrity value, the size limit, the interval). */
export async function updateSubscription(
  db: BackstoryDB,
  id: string,
  change: Pick<SubscriptionInput, 'integrity' | 'maxBytes' | 'intervalMinutes'>,
): Promise<Subscription> {
  const parsed = SubscriptionInput.pick({
    integrity: true,
    maxBytes: true,
    intervalMinutes: true,
  }).safeParse(change);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return db.transaction('rw', db.subscriptions, async () => {
    const current = await db.subscriptions.get(id);
    if (!current) throw new Error('This subscription no longer exists.');
    const { integrity, ...rest } = current;
    const next: Subscription = {
      ...rest,
      ...(parsed.data.maxBytes !== undefined ? { maxBytes: parsed.data.maxBytes } : {}),
      ...(parsed.data.intervalMinutes !== undefined
        ? { intervalMinutes: parsed.data.intervalMinutes }
        : {}),
      ...('integrity' in change
        ? parsed.data.integrity
          ? { integrity: parsed.data.integrity }
          : {}
        : integrity
          ? { integrity }
          : {}),
    };
    await db.subscriptions.put(next);
    return next;
  });
}

/** Minutes to wait after `failures` failures in a row: 5, 10, 20… never more than the interval. */
export function retryDelayMinutes(failures: number, intervalMinutes: number): number {
  const backoff = FIRST_RETRY_MINUTES * 2 ** Math.max(0, failures - 1);
  return Math.min(backoff, intervalMinutes, 24 * 60);
}

class RefreshError extends Error {
  constructor(
    readonly kind: SubscriptionErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function formatBytes(n: number): string {
  if (n >= MB) return `${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}

async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new RefreshError(
        'too-large',
        `The file is larger than this subscription's ${formatBytes(max)} limit; the download was stopped.`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function sha256Integrity(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return `sha256-${btoa(binary)}`;
}

const IMPORT_KINDS: Record<ImportFailureKind, SubscriptionErrorKind> = {
  'not-json': 'not-json',
  invalid: 'invalid',
  references: 'references',
  'older-version': 'older-version',
  'other-pack': 'other-pack',
  busy: 'storage',
  changed: 'storage',
  aborted: 'storage',
  storage: 'storage',
};

export interface RefreshDeps {
  fetch: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/**
 * Fetches a subscription's address and loads what it serves, if it is new and good.
 * Conditional (If-None-Match / If-Modified-Since), bounded in time and size, checked against the
 * integrity value, validated before anything is written. On any failure the last good copy stays
 * in force, the error is recorded in words, and the next try is scheduled with backoff.
 */
export async function refreshSubscription(
  db: BackstoryDB,
  id: string,
  deps: RefreshDeps,
): Promise<Subscription> {
  const now = deps.now ?? (() => new Date());
  const sub = await db.subscriptions.get(id);
  if (!sub) throw new Error('This subscription no longer exists.');
  await db.subscriptions.update(id, { checkingSince: now().toISOString() });
  let etag = sub.etag;
  let lastModified = sub.lastModified;
  let packId = sub.packId;
  let result: Subscription['lastResult'];
  let error: Subscription['error'];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    const problem = subscriptionUrlProblem(sub.url);
    if (problem) throw new RefreshError('address', problem);
    // Validators only make sense while the copy they describe is still loaded.
    const loaded = sub.packId ? await db.packs.get(sub.packId) : undefined;
    const headers: Record<string, string> = {
      accept:
        'application/vnd.backstory.pack+json, application/json;q=0.9, application/ld+json;q=0.8',
    };
    if (loaded && sub.etag) headers['if-none-match'] = sub.etag;
    if (loaded && sub.lastModified) headers['if-modified-since'] = sub.lastModified;
    let response: Response;
    try {
      response = await deps.fetch(sub.url, {
        headers,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (e) {
      if (controller.signal.aborted) throw timeoutError(deps.timeoutMs);
      throw new RefreshError(
        'network',
        `The address could not be reached (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
    const landed = response.url ? subscriptionUrlProblem(response.url) : null;
    if (landed)
      throw new RefreshError(
        'address',
        `The server redirected to an address that is not allowed: ${landed}`,
      );
    if (response.status === 304) {
      result = 'not-modified';
    } else {
      if (!response.ok) {
        throw new RefreshError(
          'http',
          `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        );
      }
      const announced = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(announced) && announced > sub.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new RefreshError(
          'too-large',
          `The file is ${formatBytes(announced)}, larger than this subscription's ${formatBytes(sub.maxBytes)} limit; it was not downloaded.`,
        );
      }
      let bytes: Uint8Array;
      try {
        bytes = await readLimited(response.body, sub.maxBytes);
      } catch (e) {
        if (e instanceof RefreshError) throw e;
        if (controller.signal.aborted) throw timeoutError(deps.timeoutMs);
        throw new RefreshError('network', `The download broke off (${String(e)}).`);
      }
      clearTimeout(timer);
      if (sub.integrity) {
        const actual = await sha256Integrity(bytes);
        if (actual !== sub.integrity) {
          throw new RefreshError(
            'integrity',
            `The file does not match its integrity value: expected ${sub.integrity}, got ${actual}. It may have been altered; it was not loaded.`,
          );
        }
      }
      const host = new URL(sub.url).host;
      const outcome = await importPack(db, bytesSource(bytes, sub.url), {
        origin: 'subscription',
        sourceUrl: sub.url,
        preview: false,
        ...(sub.packId ? { expectPackId: sub.packId } : {}),
        claimReview: {
          id:
            sub.packId ??
            `claimreview-${host.replace(/[^A-Za-z0-9.-]/g, '-')}-${shortHash(sub.url)}`,
          name: `Fact checks from ${host}`,
        },
        now,
      });
      if (!outcome.ok) throw new RefreshError(IMPORT_KINDS[outcome.kind], outcome.error);
      packId = outcome.packId;
      const s = outcome.summary;
      const moved = [s.added, s.changed, s.removed].some((c) =>
        Object.values(c).some((n) => n > 0),
      );
      result = moved ? 'updated' : 'unchanged';
      etag = response.headers.get('etag') ?? undefined;
      lastModified = response.headers.get('last-modified') ?? undefined;
    }
  } catch (e) {
    error =
      e instanceof RefreshError
        ? { kind: e.kind, message: e.message, at: now().toISOString() }
        : {
            kind: 'storage',
            message: `The refresh failed: ${e instanceof Error ? e.message : String(e)}`,
            at: now().toISOString(),
          };
  } finally {
    clearTimeout(timer);
  }

  const at = now();
  return db.transaction('rw', db.subscriptions, async () => {
    const current = await db.subscriptions.get(id);
    if (!current) throw new Error('This subscription was removed while it was being refreshed.');
    const { checkingSince: _c, error: _e, etag: _t, lastModified: _l, ...rest } = current;
    const failures = error ? current.failures + 1 : 0;
    const delay = error
      ? retryDelayMinutes(failures, current.intervalMinutes)
      : current.intervalMinutes;
    const next: Subscription = {
      ...rest,
      failures,
      lastCheckedAt: at.toISOString(),
      nextCheckAt: new Date(at.getTime() + delay * 60_000).toISOString(),
      ...(packId ? { packId } : {}),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      ...(error ? { error } : { lastSuccessAt: at.toISOString(), lastResult: result }),
    };
    await db.subscriptions.put(next);
    return next;
  });
}

function timeoutError(ms = FETCH_TIMEOUT_MS) {
  return new RefreshError(
    'timeout',
    `The server did not answer within ${Math.round(ms / 1000)} seconds.`,
  );
}

/** Subscriptions due for a refresh, soonest first. */
export async function dueSubscriptions(db: BackstoryDB, now: Date): Promise<Subscription[]> {
  const all = await db.subscriptions.toArray();
  return all
    .filter((s) => s.nextCheckAt <= now.toISOString())
    .sort((a, b) => (a.nextCheckAt < b.nextCheckAt ? -1 : 1));
}

/** When the next subscription is due, or null if there are none. */
export async function nextDue(db: BackstoryDB): Promise<Date | null> {
  const all = await db.subscriptions.toArray();
  if (all.length === 0) return null;
  const soonest = all.map((s) => s.nextCheckAt).sort()[0];
  return soonest ? new Date(soonest) : null;
}
