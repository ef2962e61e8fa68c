import { describe, expect, it } from 'vitest';
import starter from '@/assets/packs/starter.json';
import { loadPack } from '@/lib/packs/load';
import { search } from '@/lib/search/search';
import { freshDb, samplePack } from '../packs/helpers';

async function starterDb() {
  const db = freshDb();
  const outcome = await loadPack(db, starter, 'bundled');
  if (!outcome.ok) throw new Error(outcome.error);
  return db;
}

describe('search', () => {
  it('finds an actor without accents, in any case, by word prefix', async () => {
    const db = await starterDb();
    for (const q of ['Diaz Canel', 'díaz-canel', 'DIAZ CAN', 'canel']) {
      const r = await search(db, q);
      expect(r.hits.actors[0]?.row.id, q).toBe('starter/actor/miguel-diaz-canel');
    }
  });

  it('ranks an actor whose name or alias is typed in full first', async () => {
    const db = await starterDb();
    const r = await search(db, 'Castro');
    const ids = r.hits.actors.map((h) => h.row.id);
    expect(ids).toContain('starter/actor/fidel-castro');
    expect(ids).toContain('starter/actor/raul-castro');
    const cossio = await search(db, "Cuba's deputy foreign minister");
    expect(cossio.hits.actors[0]?.row.id).toBe('starter/actor/carlos-fernandez-de-cossio');
  });

  it('finds claims, statements and events', async () => {
    const db = await starterDb();
    const r = await search(db, 'table of dialogue');
    expect(r.hits.claims.map((h) => h.row.id)).toContain(
      'starter/claim/messages-but-no-formal-dialogue',
    );
    expect(r.hits.statements.map((h) => h.row.id)).toContain(
      'starter/statement/fernandez-de-cossio-table-of-dialogue',
    );
    const events = await search(db, 'coubre');
    expect(events.hits.events.map((h) => h.row.id)).toEqual(['starter/event/1960-03-la-coubre']);
    expect(events.totals.events).toEqual({ count: 1, more: false });
  });

  it('needs every word: a word matching nothing empties the result', async () => {
    const db = await starterDb();
    const r = await search(db, 'Díaz-Canel zzzzqx');
    expect(Object.values(r.hits).every((h) => h.length === 0)).toBe(true);
  });

  it('lists statements newest first and events oldest first on equal scores', async () => {
    const db = await starterDb();
    const r = await search(db, 'dialogue');
    const said = r.hits.statements.map((h) => h.row._saidKey);
    const scores = r.hits.statements.map((h) => h.score);
    for (let i = 1; i < said.length; i++) {
      if (scores[i] === scores[i - 1]) expect(said[i - 1]! >= said[i]!).toBe(true);
    }
  });

  it('says when a query has nothing specific to look for', async () => {
    const db = await starterDb();
    const r = await search(db, 'the of');
    expect(r.onlyStopWords).toBe(true);
    expect(r.hits.actors).toEqual([]);
  });

  it('hides rejected and merged actors, and sees new rows at once', async () => {
    const db = freshDb();
    await loadPack(
      db,
      samplePack({
        actors: [
          { id: 's/actor/a', name: 'Ana Ortiz', kind: 'person', aliases: [] },
          { id: 's/actor/b', name: 'Borealia', kind: 'country', aliases: [] },
          {
            id: 's/actor/c',
            name: 'Ana Ortiz Vega',
            kind: 'person',
            aliases: [],
            status: 'rejected',
          },
        ],
      }),
    );
    expect((await search(db, 'ortiz')).hits.actors.map((h) => h.row.id)).toEqual(['s/actor/a']);
    await db.actors.update('s/actor/a', { name: 'Ana Ortiz Luna' });
    expect((await search(db, 'luna')).hits.actors.map((h) => h.row.id)).toEqual(['s/actor/a']);
  });

  it('stays correct when a word is too common to read in full', async () => {
    const db = freshDb();
    await loadPack(db, samplePack());
    const rows = Array.from({ length: 3500 }, (_, i) => ({
      id: `bulk/${i}`,
      speakerId: 's/actor/a',
      words: i === 3499 ? 'common word and a rare needle' : `common word number ${i}`,
      kind: 'reported' as const,
      citations: [{ sourceId: 's/src/1' }],
      provenance: ['user'],
      _sourceIds: ['s/src/1'],
      _saidKey: '0000-00-00',
    }));
    await db.statements.bulkPut(rows);
    const common = await search(db, 'common');
    expect(common.hits.statements).toHaveLength(10);
    expect(common.totals.statements.more).toBe(true);
    const both = await search(db, 'common needle');
    expect(both.hits.statements.map((h) => h.row.id)).toEqual(['bulk/3499']);
    expect(both.totals.statements).toEqual({ count: 1, more: false });
  });
});
