import { useEffect, useMemo } from 'preact/hooks';
import { anchorAll, displayQuote } from '@/lib/anchor';
import { textFragmentUrl } from '@/lib/citation/text-fragment';
import { formatPartialDate, isHttpUrl, type Note } from '@/lib/model';
import type { PageItem } from '@/lib/review/filter';
import type { ReviewIndex } from '@/lib/review/index-data';
import { actorMentions, type Mark, paragraphs } from '@/lib/review/marks';
import { hrefFor } from './route';

type SelectionNote = Note & { target: Extract<Note['target'], { kind: 'selection' }> };

/**
 * A cached reading copy, read offline: the article's text with the user's notes marked where
 * they are found in it and the actors Backstory knows marked as on the page; the notes listed
 * beside it, and those whose passage this copy does not contain listed as such.
 */
export function Reader(props: {
  item: PageItem;
  index: ReviewIndex;
  focusNote: string | null;
  query: string;
}) {
  const { page } = props.item;
  const notes = props.item.notes.filter((n): n is SelectionNote => n.target.kind === 'selection');
  const { paras, placed, orphans } = useMemo(() => {
    const anchored = anchorAll(
      page.text,
      notes.map((n) => ({ id: n.id, quote: n.target.quote })),
    );
    const marks: Mark[] = [];
    const placedIds = new Set<string>();
    for (const { target, anchor } of anchored) {
      if (!anchor) continue;
      placedIds.add(target.id);
      marks.push({ start: anchor.start, end: anchor.end, kind: 'note', id: target.id });
    }
    const actors = page.foundActorIds
      .map((id) => props.index.actors.get(id))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, names: [{ text: a.name }, ...a.aliases] }));
    marks.push(...actorMentions(page.text, actors));
    return {
      paras: paragraphs(page.text, marks),
      placed: notes.filter((n) => placedIds.has(n.id)),
      orphans: notes.filter((n) => !placedIds.has(n.id)),
    };
  }, [page, props.item.notes, props.index.actors]);

  useEffect(() => {
    if (!props.focusNote) return;
    const mark = document.querySelector<HTMLElement>(
      `[data-note~="${CSS.escape(props.focusNote)}"]`,
    );
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus();
  }, [props.focusNote, page.id]);

  const names = props.index.actors;
  const back = new URLSearchParams({ ...(props.query ? { q: props.query } : {}) });
  return (
    <article class="reader" aria-labelledby="reader-title">
      <p>
        <a href={hrefFor('articles', back)}>← All articles</a>
      </p>
      <header>
        <h1 id="reader-title">{page.title}</h1>
        <p class="muted">
          {[page.outlet, page.author, page.published && formatPartialDate(page.published)]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p class="muted">
          Reading copy kept {formatPartialDate(page.visitedAt.slice(0, 10))}.{' '}
          {isHttpUrl(page.url) && (
            <a href={page.url} target="_blank" rel="noopener noreferrer">
              Open the live page
            </a>
          )}
        </p>
      </header>
      <div class="reader-layout">
        <div class="reader-text">
          {paras.map((p) => (
            <p key={p.start}>
              {p.segments.map((s) => {
                let node = <>{s.text}</>;
                if (s.actorId)
                  node = (
                    <span class="actor-mark" title={names.get(s.actorId)?.name}>
                      {node}
                    </span>
                  );
                if (s.noteIds.length > 0)
                  node = (
                    <mark
                      class={`note-mark${props.focusNote && s.noteIds.includes(props.focusNote) ? ' focused' : ''}`}
                      data-note={s.noteIds.join(' ')}
                      tabIndex={-1}
                    >
                      {node}
                    </mark>
                  );
                return <span key={s.start}>{node}</span>;
              })}
            </p>
          ))}
        </div>
        <aside class="reader-notes" aria-label="Your notes on this article">
          <h2>Your notes</h2>
          {notes.length === 0 && <p class="empty">No notes on this article.</p>}
          <ul>
            {placed.map((n) => (
              <li key={n.id} class={n.id === props.focusNote ? 'focused' : ''}>
                <blockquote>{displayQuote(n.target.quote.exact)}</blockquote>
                {n.body && <p class="note-body">{n.body}</p>}
                <p class="note-actions">
                  <a href={hrefFor('articles', { page: page.id, note: n.id })}>Show in the text</a>
                  {isHttpUrl(page.url) && (
                    <a
                      href={textFragmentUrl(page.url, n.target.quote)}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      Live page
                    </a>
                  )}
                </p>
              </li>
            ))}
          </ul>
          {orphans.length > 0 && (
            <>
              <h3>Not found in this copy</h3>
              <ul>
                {orphans.map((n) => (
                  <li key={n.id} class="orphan">
                    <blockquote>{displayQuote(n.target.quote.exact)}</blockquote>
                    {n.body && <p class="note-body">{n.body}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </aside>
      </div>
    </article>
  );
}
