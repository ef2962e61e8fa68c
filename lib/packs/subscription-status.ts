import type { PackRecord, Subscription } from '../model';

export interface SubscriptionStatus {
  state: 'checking' | 'error' | 'ok' | 'pending';
  /** One line: what happened last. */
  headline: string;
  /** What is in force now (after a failure: the last good copy). */
  inForce: string | null;
  /** When the next check is. */
  next: string;
}

const time = (iso: string, locale?: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

function ago(iso: string, now: Date, locale?: string): string {
  const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 1) return 'just now';
  if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}

const RESULT: Record<NonNullable<Subscription['lastResult']>, string> = {
  updated: 'a new copy was loaded',
  unchanged: 'the copy had not changed',
  'not-modified': 'not modified since the last copy',
};

/** How a subscription stands, in words for the review page. */
export function describeSubscription(
  sub: Subscription,
  pack: PackRecord | undefined,
  now: Date,
  locale?: string,
): SubscriptionStatus {
  const inForce = pack
    ? `In force: version ${pack.version}, loaded ${time(pack.loadedAt, locale)}.`
    : null;
  const next = `Next check: ${time(sub.nextCheckAt, locale)}${
    sub.failures > 0 ? ` (retry ${sub.failures + 1}, waiting longer after each failure)` : ''
  }.`;
  if (sub.checkingSince) {
    return { state: 'checking', headline: 'Checking now…', inForce, next };
  }
  if (sub.error) {
    return {
      state: 'error',
      headline: `Last update failed ${ago(sub.error.at, now, locale)}: ${sub.error.message}`,
      inForce: pack
        ? `The last good copy stays in force: version ${pack.version}, loaded ${time(pack.loadedAt, locale)}.`
        : 'Nothing from this address is loaded yet.',
      next,
    };
  }
  if (sub.lastCheckedAt && sub.lastResult) {
    return {
      state: 'ok',
      headline: `Up to date: checked ${ago(sub.lastCheckedAt, now, locale)}, ${RESULT[sub.lastResult]}.`,
      inForce,
      next,
    };
  }
  return { state: 'pending', headline: 'Not checked yet.', inForce, next };
}
