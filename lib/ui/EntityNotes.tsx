import { NoteButton } from '@/components/NoteButton';
import { getDb } from '../db';
import type { EntityTarget, Note } from '../model';
import { createNote, deleteNote, notesForEntity, updateNote } from '../notes/store';
import { parseTags } from '../notes/tags';
import { useLive } from './use-live';

const failure = (error: unknown) =>
  `The note was not saved: ${error instanceof Error ? error.message : String(error)}`;

/**
 * Notes on an actor, claim or statement, for any extension page (side panel, review): mount it
 * with one line, e.g. `<EntityNotes entityType="actor" entityId={actor.id} subject={actor.name} />`.
 * Reads and writes the notes table directly (extension pages share the database's origin) and
 * stays current through a live query.
 */
export function EntityNotes(props: {
  entityType: EntityTarget['entityType'];
  entityId: string;
  subject: string;
}) {
  const { entityType, entityId, subject } = props;
  const live = useLive(() => notesForEntity(getDb(), entityType, entityId), [entityType, entityId]);
  const notes: Note[] = live.status === 'ready' ? live.value : [];
  return (
    <section class="entity-notes-section" aria-label={`Your notes on ${subject}`}>
      {live.status === 'error' && (
        <p class="error" role="alert">
          Could not read your notes: {live.error}
        </p>
      )}
      <NoteButton
        subject={subject}
        notes={notes}
        onCreate={async (body, tags) => {
          try {
            await createNote(getDb(), {
              body,
              tags: parseTags(tags),
              target: { kind: 'entity', entityType, entityId },
            });
            return null;
          } catch (error) {
            return failure(error);
          }
        }}
        onUpdate={async (id, body, tags) => {
          try {
            await updateNote(getDb(), id, { body, tags });
            return null;
          } catch (error) {
            return failure(error);
          }
        }}
        onDelete={(id) => deleteNote(getDb(), id)}
      />
    </section>
  );
}
