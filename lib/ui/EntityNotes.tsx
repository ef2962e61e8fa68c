import { NoteButton } from '@/components/NoteButton';
import { getDb } from '../db';
import type { EntityTarget, Note } from '../model';
import { createNote, deleteNote, notesForEntity, updateNote } from '../notes/store';
import { parseTags } from '../notes/tags';
import { useLive } from './use-live';

async function subjectOf(type: EntityTarget['entityType'], id: string): Promise<string> {
  const db = getDb();
  if (type === 'actor') return (await db.actors.get(id))?.name ?? 'this actor';
  if (type === 'claim') return (await db.claims.get(id))?.gist ?? 'this claim';
  if (type === 'event') return (await db.events.get(id))?.text ?? 'this event';
  const s = await db.statements.get(id);
  const speaker = s?.speakerId ? (await db.actors.get(s.speakerId))?.name : s?.speakerLabel;
  return speaker ? `${speaker}’s statement` : 'this statement';
}

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
  /** What it is, in words; read from the cache when not given. */
  subject?: string;
  /** Whether to show the "Your notes" heading (off inside lists). */
  heading?: boolean;
}) {
  const { entityType, entityId } = props;
  const live = useLive(() => notesForEntity(getDb(), entityType, entityId), [entityType, entityId]);
  const named = useLive(
    async () => props.subject ?? (await subjectOf(entityType, entityId)),
    [entityType, entityId, props.subject],
  );
  const subject = (named.status === 'ready' && named.value) || 'this';
  const notes: Note[] = live.status === 'ready' ? live.value : [];
  return (
    <section class="entity-notes-section" aria-label={`Your notes on ${subject}`}>
      {props.heading !== false && <h2 class="entity-notes-heading">Your notes</h2>}
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
