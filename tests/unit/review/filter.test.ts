import { describe, expect, it } from 'vitest';
import { noteRow } from '@/lib/db';
import { loadPack } from '@/lib/packs/load';
import { applyFilter, sortNotes, sortStatements } from '@/lib/review/filter';
import { buildReviewIndex, readReviewRows } from '@/lib/review/index-data';
import { NOTES, PAGES } from '../notes/sample-notes';
import { freshDb, samplePack } from '../packs/helpers';

async function index() {
  const db = freshDb();
  const outcome = await loadPack(db, samplePack(), 'file');
  if (!outcome.ok) throw new Error(outcome.error);
  await db.notes.bulkAdd(
    [
      ...NOTES,
      {
        ...(NOTES[3] as (typeof NOTES)[number]),
        id: 'note/s1',
        body: 'On the denial.',
        tags: ['denial'],
        target: { kind: 'entity' as const, entityType: 'statement' as const, entityId: 's/st/2' },
      },
    ].map(noteRow),
  );
  await db.pages.bulkAdd([
    { ...(PAGES[0] as (typeof PAGES)[number]), foundActorIds: ['s/actor/a'] },
  ]);
  return buildReviewIndex(await readReviewRows(db));
}

const ids = (items: { note: { id: string } }[]) => items.map((i) => i.note.id).sort();

describe('review search and filters', () => {
  it('searches notes case- and accent-insensitively, every word required', async () => {
    const ix = await index();
    expect(ids(applyFilter(ix.notes, { q: 'COSSIO dialogue' }))).toEqual(['note/a1']);
    expect(ids(applyFilter(ix.notes, { q: 'cossío' }))).toEqual(['note/a1']);
    // The quote, the article's title and the outlet are searched too.
    expect(ids(applyFilter(ix.notes, { q: 'serious meaningful' }))).toEqual(['note/a2']);
    expect(ids(applyFilter(ix.notes, { q: 'harbour ledger' }))).toEqual(['note/a1', 'note/a2']);
    expect(applyFilter(ix.notes, { q: 'cossio embargo' })).toEqual([]);
  });

  it('searches articles in their text and statements in their words and speakers', async () => {
    const ix = await index();
    expect(applyFilter(ix.pages, { q: 'READING copy' })).toHaveLength(1);
    expect(
      applyFilter(ix.statements, { q: 'ana ortiz talking' }).map((s) => s.statement.id),
    ).toEqual(['s/st/1']);
    // A statement is found by the notes on it.
    expect(applyFilter(ix.statements, { q: 'on the denial' }).map((s) => s.statement.id)).toEqual([
      's/st/2',
    ]);
  });

  it('filters by actor, claim, outlet, tag and date range', async () => {
    const ix = await index();
    // Notes on an article where the actor was found, and notes on the actor's statements.
    expect(ids(applyFilter(ix.notes, { actor: 's/actor/a' }))).toEqual(['note/a1', 'note/a2']);
    expect(ids(applyFilter(ix.notes, { actor: 's/actor/b' }))).toEqual(['note/s1']);
    expect(ids(applyFilter(ix.notes, { claim: 's/claim/1' }))).toEqual(['note/s1']);
    expect(ids(applyFilter(ix.notes, { outlet: 'harbour LEDGER' }))).toEqual([
      'note/a1',
      'note/a2',
      'note/s1',
    ]);
    expect(ids(applyFilter(ix.notes, { tag: 'Talks' }))).toEqual(['note/a1']);
    expect(ids(applyFilter(ix.notes, { from: '2026-02-06', to: '2026-02-06' }))).toEqual([
      'note/b1',
      'note/e1',
      'note/e2',
      'note/s1',
    ]);
    // Partial dates count for the whole period they name.
    expect(
      applyFilter(ix.statements, { from: '2026-02-02', to: '2026-02-02' }).map(
        (s) => s.statement.id,
      ),
    ).toEqual(['s/st/2']);
    expect(applyFilter(ix.statements, { tag: 'denial' }).map((s) => s.statement.id)).toEqual([
      's/st/2',
    ]);
  });

  it('sorts notes and statements', async () => {
    const ix = await index();
    expect(sortNotes(ix.notes, 'newest')[0]?.note.id).toBe('note/e2');
    expect(sortNotes(ix.notes, 'oldest')[0]?.note.id).toBe('note/a1');
    expect(sortStatements(ix.statements, 'oldest').map((s) => s.statement.id)).toEqual([
      's/st/1',
      's/st/2',
    ]);
    expect(sortStatements(ix.statements, 'newest').map((s) => s.statement.id)).toEqual([
      's/st/2',
      's/st/1',
    ]);
    expect(sortStatements(ix.statements, 'speaker').map((s) => s.speaker)).toEqual([
      'Ana Ortiz',
      'Borealia',
    ]);
  });
});
