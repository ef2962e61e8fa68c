import { type BackstoryDB, noteRow } from '../db';
import { Note } from '../model';
import { hypothesisAnnotationsIn, hypothesisToNote } from './hypothesis';
import { parseTags } from './tags';
import { annotationsIn, annotationToNote } from './web-annotation';

export interface ImportOutcome {
  format: 'W3C Web Annotation' | 'Hypothesis';
  added: number;
  alreadyThere: number;
  /** Why some annotations were not imported, with how many each. */
  skipped: { reason: string; count: number }[];
}

const MAX_FILE = 50 * 1024 * 1024;

/**
 * Reads a W3C Web Annotation JSON-LD document or a Hypothesis export and adds its annotations as
 * notes. Every note is validated before anything is written; notes already present (same id) are
 * left as they are, so importing the same file twice adds nothing. Throws with a clear message
 * when the file is not one of the two formats.
 */
export async function importNotesFile(
  db: BackstoryDB,
  text: string,
  now: Date = new Date(),
): Promise<ImportOutcome> {
  if (text.length > MAX_FILE) throw new Error('The file is too large to import (over 50 MB).');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON. Choose a W3C Web Annotation or Hypothesis export.');
  }
  const at = now.toISOString();
  const hypothesis = hypothesisAnnotationsIn(doc);
  const w3c = hypothesis ? null : annotationsIn(doc);
  if (!hypothesis && !w3c)
    throw new Error('This file is neither W3C Web Annotations (JSON-LD) nor a Hypothesis export.');
  const format: ImportOutcome['format'] = hypothesis ? 'Hypothesis' : 'W3C Web Annotation';
  const raw = (hypothesis ?? w3c) as unknown[];
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const notes: Note[] = [];
  for (const item of raw) {
    const draft = hypothesis ? hypothesisToNote(item, at) : annotationToNote(item, at);
    if ('skip' in draft) {
      skip(draft.skip);
      continue;
    }
    const d = draft.note as { tags: string[] };
    const parsed = Note.safeParse({ ...d, tags: parseTags(d.tags) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skip(`invalid ${issue?.path.join('.') || 'note'}: ${issue?.message ?? 'unknown problem'}`);
      continue;
    }
    notes.push(parsed.data);
  }
  const unique = [...new Map(notes.map((n) => [n.id, n])).values()];
  const existing = await db.notes.bulkGet(unique.map((n) => n.id));
  const fresh = unique.filter((_, i) => existing[i] === undefined);
  await db.notes.bulkAdd(fresh.map(noteRow));
  return {
    format,
    added: fresh.length,
    alreadyThere: unique.length - fresh.length + (notes.length - unique.length),
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
  };
}

export function describeImport(o: ImportOutcome): string {
  const parts = [
    `Imported ${o.added} ${o.added === 1 ? 'note' : 'notes'} from a ${o.format} file.`,
  ];
  if (o.alreadyThere > 0) parts.push(`${o.alreadyThere} already there, left as they were.`);
  for (const s of o.skipped) parts.push(`${s.count} skipped: ${s.reason}.`);
  return parts.join(' ');
}
