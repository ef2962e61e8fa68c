import { useState } from 'preact/hooks';
import { formatPartialDate, isHttpUrl } from '@/lib/model';
import {
  applyFilter,
  STATEMENT_SORTS,
  type StatementItem,
  sortStatements,
} from '@/lib/review/filter';
import { EntityNotes } from '@/lib/ui/EntityNotes';
import { Filters } from '../notes/Filters';
import { filterOf, useParams } from '../notes/route';
import { useReviewIndex } from '../notes/use-review-index';
import './review-notes.css';

const PAGE_SIZE = 100;

function StatementRowView({ item }: { item: StatementItem }) {
  const { statement: s } = item;
  return (
    <article class="ledger-item">
      <p class="words">{s.kind === 'quote' ? <q>{s.words}</q> : s.words}</p>
      <p class="muted">
        <strong class="speaker">{item.speaker}</strong> · {formatPartialDate(s.said)}
        {s.medium && ` · ${s.medium}`}
        {s.kind === 'reported' && ' · reported speech'}
      </p>
      {item.claims.length > 0 && (
        <ul class="ledger-claims" aria-label="Claims">
          {item.claims.map((c) => (
            <li key={`${c.id}-${c.stance}`}>
              <span class={`stance-label stance-${c.stance}`}>{c.stance}</span> {c.gist}
            </li>
          ))}
        </ul>
      )}
      {item.sources.length > 0 && (
        <p class="muted">
          Read in{' '}
          {item.sources.map((src, i) => (
            <span key={`${src.outlet}-${i}`}>
              {i > 0 && ', '}
              {src.url && isHttpUrl(src.url) ? (
                <a href={src.url} target="_blank" rel="noopener noreferrer">
                  {src.outlet ?? src.title ?? 'source'}
                </a>
              ) : (
                <cite>{src.outlet ?? src.title ?? 'an unnamed source'}</cite>
              )}
            </span>
          ))}
        </p>
      )}
      <EntityNotes
        entityType="statement"
        entityId={s.id}
        subject={`${item.speaker}’s statement`}
        heading={false}
      />
    </article>
  );
}

/** The ledger: every statement Backstory knows, who said it, when, where it was read. */
export function StatementsView() {
  const index = useReviewIndex();
  const [params, update] = useParams();
  const [shown, setShown] = useState(PAGE_SIZE);
  if (index.status === 'loading') return <p role="status">Loading…</p>;
  if (index.status === 'error') return <p role="alert">Could not read the cache: {index.error}</p>;
  const items = sortStatements(
    applyFilter(index.value.statements, filterOf(params)),
    params.get('sort') ?? 'newest',
  );
  return (
    <section aria-labelledby="ledger-h">
      <h1 id="ledger-h">Statements</h1>
      <Filters
        index={index.value}
        params={params}
        update={update}
        sorts={STATEMENT_SORTS}
        section="statements"
      />
      {items.length === 0 ? (
        <p class="empty">No statement matches the search and filters.</p>
      ) : (
        <>
          <ul class="ledger">
            {items.slice(0, shown).map((i) => (
              <li key={i.statement.id}>
                <StatementRowView item={i} />
              </li>
            ))}
          </ul>
          {items.length > shown && (
            <button type="button" class="button" onClick={() => setShown(shown + PAGE_SIZE)}>
              Show more ({items.length - shown} left)
            </button>
          )}
        </>
      )}
    </section>
  );
}
