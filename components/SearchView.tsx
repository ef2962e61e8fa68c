import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PanelSearchResult } from '@/lib/search/search-panel';
import { KIND_LABEL } from './ActorView';
import { usePanelActions } from './panel-context';
import { StatementCard } from './StatementCard';
import { Timeline } from './Timeline';

export interface SearchViewProps {
  query: string;
  onQuery: (query: string) => void;
  /** The results for `query` (absent while none are ready). */
  result: PanelSearchResult | undefined;
  /** Status or error shown in place of results. */
  status?: ComponentChildren;
  /** Put the caret in the search field when the view opens. */
  autoFocus: boolean;
}

function countLabel(total: { count: number; more: boolean }, shown: number) {
  if (total.more) return `${shown} shown, more in the cache`;
  return total.count > shown ? `${shown} of ${total.count}` : String(total.count);
}

function Group(props: {
  id: string;
  title: string;
  total: { count: number; more: boolean };
  shown: number;
  children: ComponentChildren;
}) {
  if (props.shown === 0) return null;
  return (
    <section aria-labelledby={props.id} class="result-group">
      <h2 id={props.id}>
        {props.title} <span class="count">{countLabel(props.total, props.shown)}</span>
      </h2>
      {props.children}
    </section>
  );
}

/** What a search found, in one sentence for screen readers. */
function summary(r: PanelSearchResult): string {
  const parts = [
    [r.actors.length, 'actor', 'actors'],
    [r.claims.length, 'claim', 'claims'],
    [r.statements.length, 'statement', 'statements'],
    [r.events.length, 'event', 'events'],
  ] as const;
  const found = parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return found.length ? `Found ${found.join(', ')}.` : 'Nothing found.';
}

/** Search over everything in the cache; accents, capitals and punctuation do not matter. */
export function SearchView({ query, onQuery, result, status, autoFocus }: SearchViewProps) {
  const panel = usePanelActions();
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const r = result;
  const nothing =
    r &&
    r.actors.length + r.claims.length + r.statements.length + r.events.length === 0 &&
    !r.onlyStopWords;
  return (
    <div class="view search-view">
      <h1 class="visually-hidden">Search</h1>
      <search class="search-form">
        <form onSubmit={(e) => e.preventDefault()}>
          <label for="search-input">Search actors, claims, statements and events</label>
          <input
            id="search-input"
            ref={input}
            type="search"
            value={query}
            autoComplete="off"
            spellcheck={false}
            placeholder="e.g. Diaz Canel, talks, 1962"
            onInput={(e) => onQuery(e.currentTarget.value)}
          />
        </form>
      </search>
      {query.trim() === '' && (
        <p class="hint">
          Everything is searched in this browser’s cache, with the network off too. Accents and
          capitals do not matter: “diaz canel” finds Díaz-Canel.
        </p>
      )}
      {status}
      {r && query.trim() !== '' && (
        <div class="results">
          <p class="visually-hidden" role="status">
            {summary(r)}
          </p>
          {r.onlyStopWords && (
            <p class="empty">“{r.query}” is too common to search for: add a more specific word.</p>
          )}
          {nothing && <p class="empty">Nothing in the cache matches “{r.query}”.</p>}
          <Group id="r-actors" title="Actors" total={r.totals.actors} shown={r.actors.length}>
            <ul class="result-list">
              {r.actors.map((a) => (
                <li key={a.id}>
                  <button type="button" class="link-button" onClick={() => panel.openActor(a.id)}>
                    {a.name}
                  </button>{' '}
                  <span class="muted">
                    {KIND_LABEL[a.kind]}
                    {a.status === 'candidate' ? ', not yet confirmed' : ''}
                  </span>
                  {a.description && <p class="result-detail">{a.description}</p>}
                </li>
              ))}
            </ul>
          </Group>
          <Group id="r-claims" title="Claims" total={r.totals.claims} shown={r.claims.length}>
            <ul class="result-list">
              {r.claims.map(({ claim, claimant }) => (
                <li key={claim.id}>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => panel.openClaim(claim.id)}
                  >
                    {claim.gist}
                  </button>
                  {claimant && <p class="result-detail">Put forward by {claimant}</p>}
                </li>
              ))}
            </ul>
          </Group>
          <Group
            id="r-statements"
            title="Statements"
            total={r.totals.statements}
            shown={r.statements.length}
          >
            <ul class="statement-list">
              {r.statements.map((s) => (
                <li key={s.statement.id}>
                  <StatementCard info={s} />
                </li>
              ))}
            </ul>
          </Group>
          <Group id="r-events" title="Events" total={r.totals.events} shown={r.events.length}>
            <Timeline events={r.events} level={3} idPrefix="r-events" />
          </Group>
        </div>
      )}
    </div>
  );
}
