import './notes.css';
import { useState } from 'preact/hooks';
import type { Note } from '@/lib/model';
import { NoteEditor } from './NoteEditor';

export interface NoteButtonProps {
  /** What the notes are about, for labels ("Donald Trump"). */
  subject: string;
  notes: Note[];
  onCreate: (body: string, tags: string) => Promise<string | null>;
  onUpdate: (id: string, body: string, tags: string) => Promise<string | null>;
  onDelete: (id: string) => Promise<void>;
}

/**
 * The user's notes on an actor, claim or statement: the notes already taken, an "Add note"
 * button that opens an editor, and edit/delete on each. Presentational: the caller stores.
 */
export function NoteButton(props: NoteButtonProps) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div class="note-button">
      {props.notes.length > 0 && (
        <ul class="entity-notes" aria-label={`Your notes on ${props.subject}`}>
          {props.notes.map((n) => (
            <li key={n.id} class="entity-note">
              {editing === n.id ? (
                <NoteEditor
                  initialBody={n.body}
                  initialTags={n.tags}
                  saveLabel="Save changes"
                  onCancel={() => setEditing(null)}
                  onSave={async (body, tags) => {
                    const problem = await props.onUpdate(n.id, body, tags);
                    if (!problem) setEditing(null);
                    return problem;
                  }}
                />
              ) : (
                <>
                  {n.body ? <p class="note-body">{n.body}</p> : <p class="empty">No text.</p>}
                  {n.tags.length > 0 && <p class="note-tags">Tags: {n.tags.join(', ')}</p>}
                  <p class="note-actions">
                    <button type="button" class="link-button" onClick={() => setEditing(n.id)}>
                      Edit
                    </button>
                    {confirming === n.id ? (
                      <button
                        type="button"
                        class="link-button danger"
                        onClick={() => {
                          setConfirming(null);
                          void props.onDelete(n.id);
                        }}
                      >
                        Really delete?
                      </button>
                    ) : (
                      <button type="button" class="link-button" onClick={() => setConfirming(n.id)}>
                        Delete
                      </button>
                    )}
                  </p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing === 'new' ? (
        <NoteEditor
          onCancel={() => setEditing(null)}
          onSave={async (body, tags) => {
            const problem = await props.onCreate(body, tags);
            if (!problem) setEditing(null);
            return problem;
          }}
        />
      ) : (
        <button
          type="button"
          class="button"
          aria-label={`Add note on ${props.subject}`}
          onClick={() => setEditing('new')}
        >
          Add note
        </button>
      )}
    </div>
  );
}
