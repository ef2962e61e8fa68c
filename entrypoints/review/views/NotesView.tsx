import { useEffect, useState } from 'preact/hooks';
import { NoteEditor } from '@/components/NoteEditor';
import { displayQuote } from '@/lib/anchor';
import { textFragmentUrl } from '@/lib/citation/text-fragment';
import { getDb } from '@/lib/db';
import { formatPartialDate, isHttpUrl } from '@/lib/model';
import { deleteNote, updateNote } from '@/lib/notes/store';
import { applyFilter, NOTE_SORTS, type NoteItem, sortNotes } from '@/lib/review/filter';
import { Filters } from '../notes/Filters';
import { filterOf, hrefFor, useParams } from '../notes/route';
import { useReviewIndex } from '../notes/use-review-index';
import './review-notes.css';

const ENTITY_LABEL = { actor: 'Actor', claim: 'Claim', statement: 'Statement', event: 'Event' };

function NoteCard({ item, focused }: { item: NoteItem; focused: boolean }) {
  const { note, page } = item;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sel = note.target.kind === 'selection' ? note.target : null;
  const live = sel && isHttpUrl(sel.url) ? textFragmentUrl(sel.url, sel.quote) : null;
  return (
    <article class={`note-card${focused ? ' focused' : ''}`} id={`note-${note.id}`} tabIndex={-1}>
      {sel ? (
        <>
          <p class="note-source">
            {page?.title ?? sel.title ?? sel.url}
            {page?.outlet && <span class="muted"> · {page.outlet}</span>}
            {page?.published && <span class="muted"> · {formatPartialDate(page.published)}</span>}
          </p>
          <blockquote class="note-quote">{displayQuote(sel.quote.exact)}</blockquote>
        </>
      ) : (
        note.target.kind === 'entity' && (
          <p class="note-source">
            <span class="muted">{ENTITY_LABEL[note.target.entityType]}: </span>
            {item.subject ?? 'no longer in the cache'}
          </p>
        )
      )}
      {editing ? (
        <NoteEditor
          initialBody={note.body}
          initialTags={note.tags}
          saveLabel="Save changes"
          onCancel={() => setEditing(false)}
          onSave={async (body, tags) => {
            try {
              await updateNote(getDb(), note.id, { body, tags });
              setEditing(false);
              return null;
            } catch (error) {
              return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
            }
          }}
        />
      ) : (
        <>
          {note.body ? <p class="note-body">{note.body}</p> : <p class="empty">No text.</p>}
          <p class="note-meta">
            Noted {formatPartialDate(note.createdAt.slice(0, 10))}
            {note.tags.length > 0 && ` · Tags: ${note.tags.join(', ')}`}
          </p>
          <p class="note-actions">
            {sel && page && (
              <a href={hrefFor('articles', { page: page.id, note: note.id })}>
                Open in the reading copy
              </a>
            )}
            {live && (
              <a href={live} target="_blank" rel="noopener noreferrer">
                Open the live page at the passage
              </a>
            )}
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            {confirming ? (
              <button
                type="button"
                class="link-button danger"
                onClick={() => void deleteNote(getDb(), note.id)}
              >
                Really delete this note?
              </button>
            ) : (
              <button type="button" class="link-button" onClick={() => setConfirming(true)}>
                Delete
              </button>
            )}
          </p>
        </>
      )}
    </article>
  );
}

/** The user's notes: on passages of articles and on actors, claims and statements. */
export function NotesView() {
  const index = useReviewIndex();
  const [params, update] = useParams();
  const focus = params.get('note');
  useEffect(() => {
    if (!focus || index.status !== 'ready') return;
    const el = document.getElementById(`note-${focus}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focus, index.status]);
  return (
    <section aria-labelledby="notes-h">
      <h1 id="notes-h">Notes</h1>
      {index.status === 'loading' && <p role="status">Loading…</p>}
      {index.status === 'error' && <p role="alert">Could not read the cache: {index.error}</p>}
      {index.status === 'ready' && (
        <>
          <Filters
            index={index.value}
            params={params}
            update={update}
            sorts={NOTE_SORTS}
            section="notes"
          />
          {index.value.notes.length === 0 ? (
            <p class="empty">
              No notes yet. Select text on a news page and choose “Add note” (or press Alt+Shift+N),
              or add a note on an actor or a claim in the side panel.
            </p>
          ) : (
            <NoteList
              items={sortNotes(
                applyFilter(index.value.notes, filterOf(params)),
                params.get('sort') ?? 'newest',
              )}
              focus={focus}
            />
          )}
        </>
      )}
    </section>
  );
}

function NoteList({ items, focus }: { items: NoteItem[]; focus: string | null }) {
  if (items.length === 0) return <p class="empty">No note matches the search and filters.</p>;
  return (
    <ul class="note-list">
      {items.map((i) => (
        <li key={i.note.id}>
          <NoteCard item={i} focused={i.note.id === focus} />
        </li>
      ))}
    </ul>
  );
}
