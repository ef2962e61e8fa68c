import { describe, expect, it } from 'vitest';
import { actorsByAlias, type BackstoryDB, getKnowledgeVersion } from '@/lib/db';
import type { PackInput } from '@/lib/model';
import { checkPack, importPack } from '@/lib/packs/import';
import { loadPack } from '@/lib/packs/load';
import { removePack } from '@/lib/packs/remove';
import { textSource, valueSource } from '@/lib/packs/source';
import { dump, freshDb, samplePack } from './helpers';

/** The tables merge rules are about: knowledge rows and contributions. */
async function knowledge(db: BackstoryDB) {
  const all = await dump(db);
  const { packs: _p, settings: _s, subscriptions: _u, imports: _i, ...rest } = all;
  return rest;
}

async function load(db: BackstoryDB, pack: PackInput) {
  const outcome = await loadPack(db, pack);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

/** A second pack describing Ana Ortiz under its own id, with a statement of hers. */
function otherPack(overrides: Partial<PackInput> = {}): PackInput {
  return {
    format: 'backstory-pack',
    formatVersion: 1,
    id: 'other',
    name: 'Other desk',
    version: '1',
    sources: [{ id: 'o/src/1', outlet: 'Civic Wire' }],
    actors: [
      {
        id: 'o/actor/ortiz',
        name: 'ANA ORTIZ',
        kind: 'person',
        aliases: [{ text: 'Minister Ortiz', kind: 'title' }],
        description: 'Foreign minister of Borealia.',
      },
    ],
    statements: [
      {
        id: 'o/st/1',
        speakerId: 'o/actor/ortiz',
        words: 'Nothing to add.',
        kind: 'quote',
        citations: [{ sourceId: 'o/src/1' }],
      },
    ],
    ...overrides,
  };
}

describe('merge rules', () => {
  it('re-importing the same pack is a no-op: no row, record or version moves', async () => {
    const db = freshDb();
    await load(db, samplePack());
    const before = await dump(db);
    const version = await getKnowledgeVersion(db);
    const again = await load(db, samplePack());
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.changed).every((n) => n === 0)).toBe(true);
    expect(await dump(db)).toEqual(before);
    expect(await getKnowledgeVersion(db)).toBe(version);
  });

  it('a newer version replaces its own rows and leaves other packs and the user alone', async () => {
    const db = freshDb();
    await load(db, samplePack());
    await load(
      db,
      otherPack({
        id: 'third',
        actors: [],
        statements: [],
        sources: [{ id: 't/src', outlet: 'T' }],
      }),
    );
    await db.events.put({
      id: 'user/ev/1',
      date: '2026-02-04',
      text: 'My own note of an event.',
      actorIds: ['s/actor/a'],
      sourceIds: [],
      provenance: ['user'],
      _dateKey: '2026-02-04',
    });
    const next = samplePack({ version: '2', events: [] });
    const statement = next.statements?.[0];
    if (statement) statement.words = 'We are talking, and will keep talking';
    const outcome = await load(db, next);
    expect(outcome.changed.statements).toBe(1);
    expect(outcome.removed).toBe(1);
    expect((await db.statements.get('s/st/1'))?.words).toBe(
      'We are talking, and will keep talking',
    );
    expect(await db.events.get('s/ev/1')).toBeUndefined();
    expect((await db.events.get('user/ev/1'))?.text).toBe('My own note of an event.');
    expect((await db.sources.get('t/src'))?.provenance).toEqual(['pack:third']);
  });

  it('refuses an older version than the one loaded, changing nothing', async () => {
    const db = freshDb();
    await load(db, samplePack({ version: '2.1' }));
    const before = await dump(db);
    const outcome = await loadPack(db, samplePack({ version: '2.0.9' }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/older than the version 2\.1/);
    expect(await dump(db)).toEqual(before);
  });

  it('removing a pack removes exactly its rows', async () => {
    const alone = freshDb();
    await load(alone, samplePack());
    const both = freshDb();
    await load(both, samplePack());
    await load(both, otherPack());
    expect(await both.actors.count()).toBe(2);
    await removePack(both, 'other');
    expect(await knowledge(both)).toEqual(await knowledge(alone));
    expect(await both.packs.get('other')).toBeUndefined();
  });

  it('merges actors of two packs with the same canonical name and kind, with both provenances', async () => {
    const db = freshDb();
    await load(db, samplePack());
    const outcome = await load(db, otherPack());
    expect(outcome.merged).toBe(1);
    const ana = await db.actors.get('s/actor/a');
    expect(ana?.provenance).toEqual(['pack:sample', 'pack:other']);
    expect(ana?.name).toBe('Ana Ortiz');
    expect(ana?.description).toBe('Foreign minister of Borealia.');
    expect(ana?.aliases.map((a) => a.text)).toEqual(['Ortiz', 'Minister Ortiz']);
    expect(await db.actors.get('o/actor/ortiz')).toBeUndefined();
    // The other pack's statement points to the merged actor.
    expect((await db.statements.get('o/st/1'))?.speakerId).toBe('s/actor/a');
    expect((await actorsByAlias(db, 'minister ortiz')).map((a) => a.id)).toEqual(['s/actor/a']);
    // Re-importing the merged pack is still a no-op.
    const before = await dump(db);
    await load(db, otherPack());
    expect(await dump(db)).toEqual(before);
  });

  it('merges by Wikidata id even when the names differ, and not when the ids conflict', async () => {
    const db = freshDb();
    const a = samplePack();
    const first = a.actors?.[0];
    if (first) first.wikidata = 'Q42';
    await load(db, a);
    const b = otherPack();
    const other = b.actors?.[0];
    if (other) {
      other.name = 'Ana María Ortiz Vega';
      other.wikidata = 'Q42';
    }
    await load(db, b);
    const ana = await db.actors.get('s/actor/a');
    expect(ana?.provenance).toEqual(['pack:sample', 'pack:other']);
    expect(ana?.aliases.map((x) => x.text)).toContain('Ana María Ortiz Vega');

    const db2 = freshDb();
    await load(db2, a);
    const c = otherPack();
    const conflicting = c.actors?.[0];
    if (conflicting) conflicting.wikidata = 'Q43';
    await load(db2, c);
    expect(await db2.actors.count()).toBe(3);
  });

  it('does not merge actors of the same name but another kind', async () => {
    const db = freshDb();
    await load(db, samplePack());
    const b = otherPack();
    const other = b.actors?.[0];
    if (other) other.kind = 'organization';
    await load(db, b);
    expect(await db.actors.get('o/actor/ortiz')).toBeDefined();
    expect((await db.actors.get('s/actor/a'))?.provenance).toEqual(['pack:sample']);
  });

  it('a merged actor returns exactly to either pack’s description when the other goes', async () => {
    const onlySample = freshDb();
    await load(onlySample, samplePack());
    const db = freshDb();
    await load(db, samplePack());
    await load(db, otherPack());
    await removePack(db, 'other');
    expect(await knowledge(db)).toEqual(await knowledge(onlySample));

    const db2 = freshDb();
    await load(db2, samplePack());
    await load(db2, otherPack());
    await removePack(db2, 'sample');
    const ana = await db2.actors.get('s/actor/a');
    expect(ana?.provenance).toEqual(['pack:other']);
    expect(ana?.name).toBe('ANA ORTIZ');
    expect(ana?.aliases.map((x) => x.text)).toEqual(['Minister Ortiz']);
    expect((await db2.statements.get('o/st/1'))?.speakerId).toBe('s/actor/a');
    expect(await db2.statements.count()).toBe(1);
  });

  it('a new version of the merged pack updates its part of the actor only', async () => {
    const db = freshDb();
    await load(db, samplePack());
    await load(db, otherPack());
    const next = otherPack({ version: '2' });
    const other = next.actors?.[0];
    if (other) other.aliases = [{ text: 'the minister', kind: 'title' }];
    await load(db, next);
    const ana = await db.actors.get('s/actor/a');
    expect(ana?.aliases.map((x) => x.text)).toEqual(['Ortiz', 'the minister']);
    expect(ana?.provenance).toEqual(['pack:sample', 'pack:other']);
    // Version 3 no longer describes her: the actor is the first pack's again.
    await load(db, otherPack({ version: '3', actors: [], statements: [] }));
    const after = await db.actors.get('s/actor/a');
    expect(after?.aliases.map((x) => x.text)).toEqual(['Ortiz']);
    expect(after?.provenance).toEqual(['pack:sample']);
    expect(await db.contributions.count()).toBe(0);
  });

  it('two packs giving the same id describe one row, merged in load order', async () => {
    const db = freshDb();
    await load(db, samplePack());
    const extension = otherPack({
      id: 'extension',
      actors: [
        {
          id: 's/actor/b',
          name: 'Borealia',
          kind: 'country',
          aliases: [{ text: 'the northern republic', kind: 'metonym' }],
        },
      ],
      statements: [],
    });
    await load(db, extension);
    const borealia = await db.actors.get('s/actor/b');
    expect(borealia?.aliases.map((a) => a.text)).toEqual(['the northern republic']);
    expect(borealia?.provenance).toEqual(['pack:sample', 'pack:extension']);
    await removePack(db, 'extension');
    expect((await db.actors.get('s/actor/b'))?.aliases).toEqual([]);
  });

  it('rows the user edited survive a pack update and the pack’s removal', async () => {
    const db = freshDb();
    await load(db, samplePack());
    await db.claims.update('s/claim/1', {
      gist: 'Ana Ortiz says talks with Borealia are under way.',
      provenance: ['pack:sample', 'user'],
    });
    const next = samplePack({ version: '2' });
    const claim = next.claims?.[0];
    if (claim) claim.gist = 'A rewritten gist.';
    const outcome = await load(db, next);
    expect(outcome.keptUserRows).toBe(1);
    expect((await db.claims.get('s/claim/1'))?.gist).toBe(
      'Ana Ortiz says talks with Borealia are under way.',
    );
    await removePack(db, 'sample');
    const kept = await db.claims.get('s/claim/1');
    expect(kept?.gist).toBe('Ana Ortiz says talks with Borealia are under way.');
    expect(kept?.provenance).toEqual(['user']);
    expect(await db.statements.count()).toBe(0);
  });

  it('a streamed file and the same pack in memory give the same database', async () => {
    const fromText = freshDb();
    const fromValue = freshDb();
    const pack = samplePack();
    const now = () => new Date('2026-02-05T10:00:00Z');
    const a = await importPack(fromText, textSource(JSON.stringify(pack, null, 2)), {
      origin: 'file',
      now,
      chunkRows: 1,
    });
    const b = await importPack(fromValue, valueSource(pack), { origin: 'file', now });
    expect(a.ok && b.ok).toBe(true);
    expect(await dump(fromText)).toEqual(await dump(fromValue));
  });

  it('previews new, changed and unchanged rows without writing', async () => {
    const db = freshDb();
    await load(db, samplePack());
    const before = await dump(db);
    const next = samplePack({ version: '2' });
    next.actors?.push({ id: 's/actor/c', name: 'Carla Ruiz', kind: 'person', aliases: [] });
    const first = next.actors?.[0];
    if (first) first.description = 'A minister.';
    const checked = await checkPack(db, valueSource(next), { origin: 'file' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.checked.preview.added.actors).toBe(1);
    expect(checked.checked.preview.changed.actors).toBe(1);
    expect(checked.checked.preview.unchanged.actors).toBe(1);
    expect(checked.checked.preview.unchanged.statements).toBe(2);
    expect(checked.checked.previous?.version).toBe('1');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a pack that uses an id twice', async () => {
    const db = freshDb();
    const pack = samplePack();
    pack.events?.push({ id: 's/ev/1', date: '1960', text: 'Again.', actorIds: [], sourceIds: [] });
    const outcome = await loadPack(db, pack);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toContain('events[1] (id "s/ev/1"): this id is used twice');
  });

  it('accepts references to rows another pack already loaded', async () => {
    const db = freshDb();
    await load(db, samplePack());
    const extension = otherPack({
      id: 'extension',
      actors: [],
      statements: [
        {
          id: 'e/st/1',
          speakerId: 's/actor/b',
          words: 'Still no talks.',
          kind: 'reported',
          citations: [{ sourceId: 's/src/1' }],
        },
      ],
    });
    const outcome = await loadPack(db, extension);
    expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
  });
});
