import { useState } from 'preact/hooks';
import { sendToBackground } from '@/lib/messaging';
import {
  DEFAULT_INTERVAL_MINUTES,
  DEFAULT_MAX_BYTES,
  INTERVALS_MINUTES,
  MB,
  subscriptionUrlProblem,
} from '@/lib/packs/subscription';

export const intervalLabel = (minutes: number) =>
  minutes % (24 * 60) === 0
    ? minutes === 24 * 60
      ? 'every day'
      : minutes === 7 * 24 * 60
        ? 'every week'
        : `every ${minutes / (24 * 60)} days`
    : minutes === 60
      ? 'every hour'
      : `every ${minutes / 60} hours`;

/** The fields shared by "subscribe" and a subscription's settings. */
export function SubscriptionFields(props: {
  idPrefix: string;
  integrity: string;
  maxMb: number;
  interval: number;
  onChange: (change: { integrity?: string; maxMb?: number; interval?: number }) => void;
}) {
  const { idPrefix, integrity, maxMb, interval, onChange } = props;
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-integrity`}>Integrity (optional)</label>
        <input
          id={`${idPrefix}-integrity`}
          type="text"
          spellcheck={false}
          placeholder="sha256-…"
          value={integrity}
          aria-describedby={`${idPrefix}-integrity-help`}
          onInput={(e) => onChange({ integrity: e.currentTarget.value })}
        />
        <p id={`${idPrefix}-integrity-help`} class="help">
          The file’s SHA-256 as in Subresource Integrity. A file that does not match is refused.
        </p>
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`${idPrefix}-max`}>Size limit (MB)</label>
          <input
            id={`${idPrefix}-max`}
            type="number"
            min={1}
            max={200}
            value={maxMb}
            onInput={(e) => onChange({ maxMb: Number(e.currentTarget.value) })}
          />
        </div>
        <div class="field">
          <label for={`${idPrefix}-interval`}>Check for updates</label>
          <select
            id={`${idPrefix}-interval`}
            value={String(interval)}
            onChange={(e) => onChange({ interval: Number(e.currentTarget.value) })}
          >
            {INTERVALS_MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {intervalLabel(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}

/** Subscribe to a pack (or a ClaimReview feed) by its address. */
export function SubscribePanel({ offered }: { offered?: { url: string; from?: string } }) {
  const [url, setUrl] = useState(offered?.url ?? '');
  const [integrity, setIntegrity] = useState('');
  const [maxMb, setMaxMb] = useState(DEFAULT_MAX_BYTES / MB);
  const [interval, setIntervalMinutes] = useState<number>(DEFAULT_INTERVAL_MINUTES);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'error'; message: string }
    | { kind: 'done'; message: string }
  >({ kind: 'idle' });

  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = subscriptionUrlProblem(url.trim());
    if (problem) {
      setState({ kind: 'error', message: problem });
      return;
    }
    setState({ kind: 'busy' });
    const reply = await sendToBackground('subscriptions/add', {
      url: url.trim(),
      ...(integrity.trim() ? { integrity: integrity.trim() } : {}),
      maxBytes: Math.round(maxMb * MB),
      intervalMinutes: interval,
      ...(offered?.from && offered.url === url.trim() ? { offeredBy: offered.from } : {}),
    });
    if (!reply.ok) {
      setState({ kind: 'error', message: reply.error });
      return;
    }
    const sub = reply.value;
    setState(
      sub.error
        ? {
            kind: 'error',
            message: `Subscribed, but the first download failed: ${sub.error.message} It will be tried again; see the list below.`,
          }
        : { kind: 'done', message: `Subscribed to ${sub.url}.` },
    );
    if (!sub.error) setUrl('');
  };

  return (
    <section class="panel" aria-labelledby="subscribe-h">
      <h2 id="subscribe-h">Subscribe by address</h2>
      {offered && (
        <p class="offer-note">
          {offered.from ? `The page ${offered.from} offers this pack.` : 'A page offers this pack.'}{' '}
          Nothing is fetched until you subscribe.
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="sub-url">Address of the pack or fact-check feed</label>
          <input
            id="sub-url"
            type="url"
            required
            spellcheck={false}
            placeholder="https://…/pack.json"
            value={url}
            aria-describedby="sub-url-help"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <p id="sub-url-help" class="help">
            Backstory fetches it over https (http only on localhost), keeps the last good copy, and
            checks for updates on a schedule. Nothing else leaves your browser.
          </p>
        </div>
        <SubscriptionFields
          idPrefix="sub"
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
          <button type="submit" class="primary" disabled={state.kind === 'busy'}>
            {state.kind === 'busy' ? 'Subscribing…' : 'Subscribe'}
          </button>
        </div>
      </form>
      <div aria-live="polite">{state.kind === 'done' && <p role="status">{state.message}</p>}</div>
      {state.kind === 'error' && (
        <p class="error-box" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
