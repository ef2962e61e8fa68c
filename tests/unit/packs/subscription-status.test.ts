import { describe, expect, it } from 'vitest';
import type { PackRecord, Subscription } from '@/lib/model';
import { describeSubscription } from '@/lib/packs/subscription-status';

const NOW = new Date('2026-02-05T12:00:00Z');
const base: Subscription = {
  id: 'sub-1',
  url: 'https://packs.example/desk.json',
  maxBytes: 25 * 1024 * 1024,
  intervalMinutes: 1440,
  createdAt: '2026-02-01T10:00:00.000Z',
  failures: 0,
  nextCheckAt: '2026-02-06T11:00:00.000Z',
};
const pack: PackRecord = {
  id: 'desk',
  name: 'Desk',
  version: '2',
  loadedAt: '2026-02-05T11:00:00.000Z',
  counts: { sources: 0, actors: 1, claims: 0, statements: 0, links: 0, events: 0 },
  origin: 'subscription',
};

describe('describeSubscription', () => {
  it('says when it was checked, what it found, and when it checks next', () => {
    const s = describeSubscription(
      { ...base, lastCheckedAt: '2026-02-05T11:58:00.000Z', lastResult: 'not-modified' },
      pack,
      NOW,
      'en',
    );
    expect(s.state).toBe('ok');
    expect(s.headline).toBe('Up to date: checked 2 minutes ago, not modified since the last copy.');
    expect(s.inForce).toMatch(/^In force: version 2, loaded /);
    expect(s.next).toMatch(/^Next check: .*2026/);
  });

  it('after a failure: the error, the last good copy, and the retry', () => {
    const s = describeSubscription(
      {
        ...base,
        failures: 2,
        error: {
          kind: 'http',
          message: 'The server answered 500.',
          at: '2026-02-05T11:59:40.000Z',
        },
      },
      pack,
      NOW,
      'en',
    );
    expect(s.state).toBe('error');
    expect(s.headline).toBe('Last update failed just now: The server answered 500.');
    expect(s.inForce).toMatch(/The last good copy stays in force: version 2/);
    expect(s.next).toMatch(/retry 3, waiting longer after each failure/);
  });

  it('before any good copy, and while checking', () => {
    const failed = describeSubscription(
      { ...base, failures: 1, error: { kind: 'network', message: 'x', at: NOW.toISOString() } },
      undefined,
      NOW,
      'en',
    );
    expect(failed.inForce).toBe('Nothing from this address is loaded yet.');
    const checking = describeSubscription({ ...base, checkingSince: NOW.toISOString() }, pack, NOW);
    expect(checking.state).toBe('checking');
    expect(describeSubscription(base, undefined, NOW).headline).toBe('Not checked yet.');
  });
});
