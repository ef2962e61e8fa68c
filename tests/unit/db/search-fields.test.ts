import { describe, expect, it } from 'vitest';
import { actorRow, eventRow, withSearchFields } from '@/lib/db';
import { freshDb } from '../packs/helpers';

const actor = actorRow({
  id: 'a/1',
  name: 'Miguel Díaz-Canel',
  kind: 'person',
  aliases: [{ text: 'Cuban President', kind: 'title' }],
  roles: [{ title: 'First Secretary' }],
  provenance: ['user'],
});

describe('search fields', () => {
  it('are derived on add, put, update and modify', async () => {
    const db = freshDb();
    await db.actors.add(actor);
    expect((await db.actors.get('a/1'))?._words).toEqual([
      'miguel',
      'diaz',
      'canel',
      'cuban',
      'president',
      'first',
      'secretary',
    ]);
    await db.actors.put({ ...actor, name: 'Raúl Castro', aliases: [], roles: [] });
    expect((await db.actors.get('a/1'))?._words).toEqual(['raul', 'castro']);
    await db.actors.update('a/1', { name: 'Fidel Castro' });
    expect((await db.actors.get('a/1'))?._words).toEqual(['fidel', 'castro']);
    await db.actors
      .where('id')
      .equals('a/1')
      .modify((a) => {
        a.name = 'Alan Gross';
      });
    expect(await db.actors.where('_words').equals('gross').primaryKeys()).toEqual(['a/1']);
    expect(await db.actors.where('_words').equals('castro').count()).toBe(0);
  });

  it('index claims by gist, key phrases and topics, and events by actor and date', async () => {
    const db = freshDb();
    await db.claims.add({
      id: 'c/1',
      claimantId: 'a/1',
      gist: 'Talks are under way.',
      keyPhrases: ['highest people'],
      topics: ['negotiations'],
      provenance: ['user'],
    });
    expect((await db.claims.get('c/1'))?._words).toEqual([
      'talks',
      'under',
      'way',
      'highest',
      'people',
      'negotiations',
    ]);
    await db.events.add(
      eventRow({
        id: 'e/1',
        date: '1962-10',
        text: 'Missile crisis.',
        actorIds: ['a/1', 'a/2', 'a/1'],
        sourceIds: [],
        provenance: ['user'],
      }),
    );
    expect((await db.events.get('e/1'))?._actorDates).toEqual(['a/1 1962-10-99', 'a/2 1962-10-99']);
  });

  it('leave other tables alone', () => {
    const row = { key: 'x', value: 1 };
    expect(withSearchFields('settings', row)).toBe(row);
  });
});
