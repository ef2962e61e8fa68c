import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import type { PackRecord, Subscription } from '@/lib/model';
import { exportPack } from '@/lib/packs/export';
import { removePack } from '@/lib/packs/remove';
import { MB } from '@/lib/packs/subscription';
import { describeSubscription } from '@/lib/packs/subscription-status';
import { useLive } from '@/lib/ui/use-live';
import { intervalLabel, SubscriptionFields } from './SubscribePanel';
import { download, errorText, plural } from './util';

const ORIGIN: Record<PackRecord['origin'], string> = {
  bundled: 'comes with Backstory',
  file: 'imported from a file',
  subscription: 'subscribed by address',
};

function SubscriptionStatus({ sub, pack }: { sub: Subscription; pack: PackRecord | undefined }) {
  const status = describeSubscription(sub, pack, new Date());
  return (
    <div class={`sub-status sub-${status.state}`} data-state={status.state}>
      <p class="sub-url">
        From{' '}
        <a href={sub.url} target="_blank" rel="noopener noreferrer">
          {sub.url}
        </a>
        , checked {intervalLabel(sub.intervalMinutes)}
        {sub.integrity ? ', integrity pinned' : ''}, up to {Math.round(sub.maxBytes / MB)} MB.
      </p>
      <p class="sub-headline" role={status.state === 'error' ? 'alert' : undefined}>
        {status.headline}
      </p>
      {status.inForce && <p>{status.inForce}</p>}
      <p class="muted">{status.next}</p>
    </div>
  );
}

function SubscriptionSettings({ sub }: { sub: Subscription }) {
  const [integrity, setIntegrity] = useState(sub.integrity ?? '');
  const [maxMb, setMaxMb] = useState(Math.round(sub.maxBytes / MB));
  const [interval, setIntervalMinutes] = useState(sub.intervalMinutes);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    const reply = await sendToBackground('subscriptions/update', {
      id: sub.id,
      integrity: integrity.trim(),
      maxBytes: Math.round(maxMb * MB),
      intervalMinutes: interval,
    });
    setMessage(reply.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: reply.error });
  };
  return (
    <details class="sub-settings">
      <summary>Subscription settings</summary>
      <form onSubmit={(e) => void save(e)}>
        <SubscriptionFields
          idPrefix={`set-${sub.id}`}
          integrity={integrity}
          maxMb={maxMb}
          interval={interval}
          onChange={(c) => {
            if (c.integrity !== undefined) setIntegrity(c.integrity);
            if (c.maxMb !== undefined) setMaxMb(c.maxMb);
            if (c.interval !== undefined) setIntervalMinutes(c.interval);
          }}
        />
        <div class="actions">
          <button type="submit">Save settings</button>
          {message && (
            <span role={message.ok ? 'status' : 'alert'} class={message.ok ? '' : 'error-text'}>
              {message.text}
            </span>
          )}
        </div>
      </form>
    </details>
  );
}

function PackItem({ pack, sub }: { pack: PackRecord | undefined; sub: Subscription | undefined }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = pack?.name ?? sub?.url ?? '';

  const act = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const refresh = () =>
    act('Checking…', async () => {
      if (!sub) return;
      const reply = await sendToBackground('subscriptions/refresh', { id: sub.id });
      if (!reply.ok) throw new Error(reply.error);
    });
  const exportIt = () =>
    act('Exporting…', async () => {
      if (!pack) return;
      const file = await exportPack(getDb(), { kind: 'pack', packId: pack.id });
      download(file.fileName, file.parts);
    });
  const remove = () =>
    act('Removing…', async () => {
      if (sub) {
        const reply = await sendToBackground('subscriptions/remove', {
          id: sub.id,
          removePack: true,
        });
        if (!reply.ok) throw new Error(reply.error);
      } else if (pack) {
        await removePack(getDb(), pack.id);
      }
    });

  return (
    <li class="pack" data-pack={pack?.id} data-subscription={sub?.id}>
      <h3>{title}</h3>
      {pack && (
        <>
          <p class="muted">
            Version {pack.version} · {ORIGIN[pack.origin]}
            {pack.publisher ? ` · ${pack.publisher}` : ''}
            {pack.license ? ` · ${pack.license}` : ''}
          </p>
          {pack.description && <p>{pack.description}</p>}
          <p>
            {plural(pack.counts.actors, 'actor')} · {plural(pack.counts.claims, 'claim')} ·{' '}
            {plural(pack.counts.statements, 'statement')} · {plural(pack.counts.events, 'event')}
          </p>
        </>
      )}
      {sub && <SubscriptionStatus sub={sub} pack={pack} />}
      <div class="actions">
        {sub && (
          <button type="button" disabled={busy !== null} onClick={() => void refresh()}>
            Refresh now
          </button>
        )}
        {pack && (
          <button type="button" disabled={busy !== null} onClick={() => void exportIt()}>
            Export
          </button>
        )}
        <button
          type="button"
          disabled={busy !== null}
          aria-expanded={confirming}
          onClick={() => setConfirming(!confirming)}
        >
          Remove…
        </button>
        {busy && <span role="status">{busy}</span>}
      </div>
      {confirming && (
        <fieldset class="confirm-remove">
          <legend>Remove “{title}”</legend>
          <p>
            {sub ? 'Stop following this address and remove' : 'Remove'} what “{title}” brought? Rows
            that other packs, pages you read or you yourself also provided stay.
          </p>
          <button
            type="button"
            class="danger"
            disabled={busy !== null}
            onClick={() => void remove().then(() => setConfirming(false))}
          >
            Remove
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </fieldset>
      )}
      {sub && <SubscriptionSettings sub={sub} />}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Loaded packs and subscriptions, with their status and what can be done with them. */
export function PackList() {
  const live = useLive(async () => {
    const db = getDb();
    const [packs, subs] = await Promise.all([db.packs.toArray(), db.subscriptions.toArray()]);
    return { packs, subs };
  }, []);
  if (live.status === 'loading') return <p role="status">Loading…</p>;
  if (live.status === 'error') {
    return <p role="alert">Could not read the cache: {live.error}</p>;
  }
  const { packs, subs } = live.value;
  const byPack = new Map(subs.flatMap((s) => (s.packId ? [[s.packId, s] as const] : [])));
  const waiting = subs.filter((s) => !s.packId || !packs.some((p) => p.id === s.packId));
  return (
    <section class="panel" aria-labelledby="packs-h">
      <h2 id="packs-h">Loaded packs and subscriptions</h2>
      {packs.length + waiting.length === 0 ? (
        <p class="empty">No packs are loaded.</p>
      ) : (
        <ul class="pack-list">
          {[...packs]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((p) => (
              <PackItem key={p.id} pack={p} sub={byPack.get(p.id)} />
            ))}
          {waiting.map((s) => (
            <PackItem key={s.id} pack={undefined} sub={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
