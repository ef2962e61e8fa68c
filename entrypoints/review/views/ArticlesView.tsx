import { formatPartialDate } from '@/lib/model';
import { applyFilter, PAGE_SORTS, sortPages } from '@/lib/review/filter';
import { Filters } from '../notes/Filters';
import { Reader } from '../notes/Reader';
import { filterOf, hrefFor, useParams } from '../notes/route';
import { useReviewIndex } from '../notes/use-review-index';
import './review-notes.css';

/** Cached reading copies of the articles read or noted, readable offline. */
export function ArticlesView() {
  const index = useReviewIndex();
  const [params, update] = useParams();
  const open = params.get('page');
  if (index.status === 'loading') return <p role="status">Loading…</p>;
  if (index.status === 'error') return <p role="alert">Could not read the cache: {index.error}</p>;
  if (open) {
    const item = index.value.pages.find((p) => p.page.id === open);
    return item ? (
      <Reader
        item={item}
        index={index.value}
        focusNote={params.get('note')}
        query={params.get('q') ?? ''}
      />
    ) : (
      <section>
        <h1>Article not found</h1>
        <p>This reading copy is no longer in the cache.</p>
        <p>
          <a href="#/articles">All articles</a>
        </p>
      </section>
    );
  }
  const items = sortPages(
    applyFilter(index.value.pages, filterOf(params)),
    params.get('sort') ?? 'visited',
  );
  return (
    <section aria-labelledby="articles-h">
      <h1 id="articles-h">Articles</h1>
      <Filters
        index={index.value}
        params={params}
        update={update}
        sorts={PAGE_SORTS}
        section="articles"
      />
      {index.value.pages.length === 0 ? (
        <p class="empty">
          No reading copies yet. Backstory keeps one for each article where it found something it
          knows, and for each page you take a note on.
        </p>
      ) : items.length === 0 ? (
        <p class="empty">No article matches the search and filters.</p>
      ) : (
        <ul class="article-list">
          {items.map(({ page, notes }) => {
            const keep = new URLSearchParams(params);
            keep.set('page', page.id);
            keep.delete('note');
            return (
              <li key={page.id} class="article-item">
                <h2 class="article-title">
                  <a href={hrefFor('articles', keep)}>{page.title}</a>
                </h2>
                <p class="muted">
                  {[page.outlet, page.author, page.published && formatPartialDate(page.published)]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p class="muted">
                  Read {formatPartialDate(page.visitedAt.slice(0, 10))}
                  {notes.length > 0 &&
                    ` · ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}`}
                  {page.foundActorIds.length > 0 && ` · ${page.foundActorIds.length} known actors`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
