import { applyFilter, type ReviewFilter } from '@/lib/review/filter';
import type { ReviewIndex } from '@/lib/review/index-data';
import { filterOf, filterParams, hrefFor } from './route';

interface Props {
  index: ReviewIndex;
  params: URLSearchParams;
  update: (change: Record<string, string | undefined>) => void;
  /** This section's sort options. */
  sorts: Record<string, string>;
  section: 'notes' | 'articles' | 'statements';
}

const SECTION_LABEL = {
  notes: ['note', 'notes'],
  articles: ['article', 'articles'],
  statements: ['statement', 'statements'],
} as const;
const label = (s: keyof typeof SECTION_LABEL, n: number) =>
  `${n} ${SECTION_LABEL[s][n === 1 ? 0 : 1]}`;

/**
 * Search, filters and sort, shared by the Notes, Articles and Statements sections. The search
 * and filters travel with the address from one section to another; the counts say what each
 * section holds for them.
 */
export function Filters({ index, params, update, sorts, section }: Props) {
  const filter: ReviewFilter = filterOf(params);
  const active = Object.keys(filter).length > 0;
  const counts = {
    notes: applyFilter(index.notes, filter).length,
    articles: applyFilter(index.pages, filter).length,
    statements: applyFilter(index.statements, filter).length,
  };
  const actors = [...index.actors.values()]
    .filter((a) => a.status !== 'rejected' && !a.mergedInto)
    .sort((a, b) => a.name.localeCompare(b.name));
  const claims = [...index.claims.values()].sort((a, b) => a.gist.localeCompare(b.gist));
  const select = (key: string, label: string, options: [string, string][]) => (
    <label class="filter">
      <span>{label}</span>
      <select
        value={params.get(key) ?? ''}
        onChange={(e) => update({ [key]: e.currentTarget.value })}
      >
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <search class="review-filters" aria-label="Search and filters">
      <label class="filter search">
        <span>Search notes, articles and statements</span>
        <input
          type="search"
          value={params.get('q') ?? ''}
          placeholder="Words to find (accents and case ignored)"
          onInput={(e) => update({ q: e.currentTarget.value })}
        />
      </label>
      <div class="filter-row">
        {select(
          'actor',
          'Actor',
          actors.map((a) => [a.id, a.name]),
        )}
        {select(
          'claim',
          'Claim',
          claims.map((c) => [c.id, c.gist.length > 70 ? `${c.gist.slice(0, 69)}…` : c.gist]),
        )}
        {select(
          'outlet',
          'Outlet',
          index.outlets.map((o) => [o, o]),
        )}
        {select(
          'tag',
          'Tag',
          index.tags.map((t) => [t, t]),
        )}
        <label class="filter">
          <span>From</span>
          <input
            type="date"
            value={params.get('from') ?? ''}
            onChange={(e) => update({ from: e.currentTarget.value })}
          />
        </label>
        <label class="filter">
          <span>To</span>
          <input
            type="date"
            value={params.get('to') ?? ''}
            onChange={(e) => update({ to: e.currentTarget.value })}
          />
        </label>
        <label class="filter">
          <span>Sort</span>
          <select
            value={params.get('sort') ?? Object.keys(sorts)[0]}
            onChange={(e) => update({ sort: e.currentTarget.value })}
          >
            {Object.entries(sorts).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="filter-summary" role="status">
        {(['notes', 'articles', 'statements'] as const).map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            {s === section ? (
              <strong>{label(s, counts[s])}</strong>
            ) : (
              <a href={hrefFor(s, filterParams(params))}>{label(s, counts[s])}</a>
            )}
          </span>
        ))}
        {active && (
          <>
            {' · '}
            <button
              type="button"
              class="link-button"
              onClick={() =>
                update({
                  q: undefined,
                  actor: undefined,
                  claim: undefined,
                  outlet: undefined,
                  tag: undefined,
                  from: undefined,
                  to: undefined,
                })
              }
            >
              Clear search and filters
            </button>
          </>
        )}
      </p>
    </search>
  );
}
