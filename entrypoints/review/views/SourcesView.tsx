import { getDb } from '@/lib/db';
import { formatPartialDate } from '@/lib/model';
import { useLive } from '@/lib/ui/use-live';

/** The packs Backstory has loaded, with what each brought. */
export function SourcesView() {
  const packs = useLive(() => getDb().packs.toArray(), []);
  return (
    <section aria-labelledby="sources-h">
      <h1 id="sources-h">Sources of knowledge</h1>
      {packs.status === 'loading' && <p role="status">Loading…</p>}
      {packs.status === 'error' && <p role="alert">Could not read the cache: {packs.error}</p>}
      {packs.status === 'ready' && packs.value.length === 0 && (
        <p class="empty">No packs are loaded.</p>
      )}
      {packs.status === 'ready' && packs.value.length > 0 && (
        <ul class="pack-list">
          {packs.value.map((p) => (
            <li key={p.id}>
              <h2>{p.name}</h2>
              <p>
                Version {p.version} · {p.origin} · loaded{' '}
                {formatPartialDate(p.loadedAt.slice(0, 10))}
              </p>
              <p>
                {p.counts.actors} actors · {p.counts.claims} claims · {p.counts.statements}{' '}
                statements · {p.counts.events} events
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
