import {
  type BackstoryDB,
  type NoteRow,
  noteRow,
  notesByPage,
  stripDerived,
  withStorageCheck,
} from '../db';
import { type EntityTarget, Note, USER } from '../model';
import { parseTags } from './tags';

export { parseTags };

/**
 * The notes' one write path, used by the background (notes taken on a page) and by the extension
 * pages (notes on actors, claims and statements; edits; deletes; imports). Every note is validated
 * with the model's schema before it is stored.
 */
export interface NoteDraft {
  body: string;
  tags: string[];
  target: Note['target'];
}

export const newNoteId = () => `note/${crypto.randomUUID()}`;

export async function createNote(
  db: BackstoryDB,
  draft: NoteDraft,
  now: Date = new Date(),
): Promise<Note> {
  const at = now.toISOString();
  const note = Note.parse({
    id: newNoteId(),
    body: draft.body.trim(),
    tags: parseTags(draft.tags),
    target: draft.target,
    createdAt: at,
    updatedAt: at,
    provenance: [USER],
  });
  await withStorageCheck(() => db.notes.add(noteRow(note)));
  return note;
}

/** Changes a note's body and tags; returns the stored note, or undefined if it is gone. */
export async function updateNote(
  db: BackstoryDB,
  id: string,
  change: { body: string; tags: string[] | string },
  now: Date = new Date(),
): Promise<Note | undefined> {
  return withStorageCheck(() => updateNoteIn(db, id, change, now));
}

function updateNoteIn(
  db: BackstoryDB,
  id: string,
  change: { body: string; tags: string[] | string },
  now: Date,
): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const row = await db.notes.get(id);
    if (!row) return undefined;
    const note = Note.parse({
      ...stripDerived(row),
      body: change.body.trim(),
      tags: parseTags(change.tags),
      updatedAt: now.toISOString(),
    });
    await db.notes.put(noteRow(note));
    return note;
  });
}

export async function deleteNote(db: BackstoryDB, id: string): Promise<void> {
  await db.notes.delete(id);
}

export async function notesForPage(db: BackstoryDB, url: string): Promise<Note[]> {
  return (await notesByPage(db, url)).map((r) => stripDerived(r) as Note);
}

/** Notes on one actor, claim or statement, newest first. */
export async function notesForEntity(
  db: BackstoryDB,
  entityType: EntityTarget['entityType'],
  entityId: string,
): Promise<NoteRow[]> {
  // Entity notes have no page URL: the _pageUrl index holds '' for all of them.
  const rows = await db.notes.where('_pageUrl').equals('').toArray();
  return rows
    .filter(
      (r) =>
        r.target.kind === 'entity' &&
        r.target.entityType === entityType &&
        r.target.entityId === entityId,
    )
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}
