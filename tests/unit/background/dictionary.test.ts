import { afterEach, describe, expect, it } from 'vitest';
import {
  currentEngine,
  forgetKnowledgeVersion,
  matchTexts,
  warmEngine,
} from '@/entrypoints/background/dictionary';
import type { Dictionary } from '@/lib/messaging/schemas';
import { loadPack } from '@/lib/packs/load';
import { freshDb, samplePack } from '../packs/helpers';

const COMPILED_KEY = 'dictionary:compiled';

afterEach(() => forgetKnowledgeVersion());

/** A database with the sample pack at a knowledge version no other test uses. */
async function dbAt(version: number) {
  const db = freshDb();
  const loaded = await loadPack(db, samplePack(), 'file');
  if (!loaded.ok) throw new Error(loaded.error);
  await db.settings.put({ key: 'knowledgeVersion', value: version });
  return db;
}

const names = (engine: Awaited<ReturnType<typeof currentEngine>>, text: string) =>
  engine
    .scan(text)
    .actors.map(([s, e, values]) => [
      text.slice(s, e),
      values.map((v) => engine.dictionary.actors[v]?.[1]),
    ]);

/** The stored dictionary of `version`: one actor, `name`, and nothing else. */
const only = (version: number, name: string): Dictionary => ({
  version,
  actors: [['made/up', name, 'person']],
  aliases: { keys: [name.toLowerCase()], actors: [0], cased: [''] },
  claims: [],
  claimPhrases: [],
  claimTopics: [],
  claimActors: [],
  claimQuotes: [],
});

describe('the compiled dictionary kept in the database', () => {
  it('is built from the stored row when its version and format are current', async () => {
    const db = await dbAt(9001);
    // A row that differs from what compiling the pack gives: only the row can match "Zorblax".
    const stored: Dictionary = {
      version: 9001,
      actors: [['made/up', 'Zorblax Quux', 'person']],
      aliases: { keys: ['zorblax'], actors: [0], cased: [''] },
      claims: [],
      claimPhrases: [],
      claimTopics: [],
      claimActors: [],
      claimQuotes: [],
    };
    await db.settings.put({ key: COMPILED_KEY, value: stored });
    const engine = await currentEngine(db);
    expect(names(engine, 'ZORBLAX spoke.')).toEqual([['ZORBLAX', ['Zorblax Quux']]]);
    db.close();
  });

  /**
   * Stores a row of the database's version with `aliases` in a shape this version does not
   * build from; returns the engine the background then gives, and the row it keeps.
   */
  async function withStoredAliases(version: number, aliases: unknown) {
    const db = await dbAt(version);
    await db.settings.put({
      key: COMPILED_KEY,
      value: { version, actors: [['made/up', 'Zorblax Quux', 'person']], aliases, claims: [] },
    });
    const engine = await currentEngine(db);
    const row = (await db.settings.get(COMPILED_KEY))?.value as Dictionary;
    db.close();
    // Compiled from the pack: the stored row's only actor is not in it.
    expect(names(engine, 'Zorblax spoke.')).toEqual([]);
    expect(engine.dictionary.actors.length).toBeGreaterThan(1);
    return row;
  }

  it('is compiled again, and replaced, when it has the older one-array-per-alias format', async () => {
    const row = await withStoredAliases(9002, [['zorblax', 0, '']]);
    expect(row.version).toBe(9002);
    expect(row.aliases.keys.length).toBe(row.aliases.actors.length);
    expect(row.aliases.keys.length).toBe(row.aliases.cased.length);
    expect(row.aliases.keys.length).toBeGreaterThan(0);
  });

  it('is compiled again when its columns differ in length', async () => {
    const row = await withStoredAliases(9003, { keys: ['zorblax'], actors: [], cased: [''] });
    expect(row.aliases.keys.length).toBe(row.aliases.actors.length);
  });
});

describe('matching page texts (page/match)', () => {
  const found = (r: Awaited<ReturnType<typeof matchTexts>>) =>
    r.blocks.map((b) => b.actors.map(([, , v]) => r.engine.dictionary.actors[v[0] ?? -1]?.[1]));

  it('answers with the engine of the current version, also when it moved after the last build', async () => {
    const db = await dbAt(9101);
    await db.settings.put({ key: COMPILED_KEY, value: only(9101, 'Zorblax') });
    const texts = ['Zorblax and Quuxley met.', 'Nothing here.'];
    const first = await matchTexts(db, texts);
    expect(first.engine.version).toBe(9101);
    expect(found(first)).toEqual([['Zorblax'], []]);

    // The version moves while the old engine is still built: the texts are scanned with the old
    // one while the version is read, and again with the new one, whose answer is the one given.
    await db.settings.put({ key: 'knowledgeVersion', value: 9102 });
    await db.settings.put({ key: COMPILED_KEY, value: only(9102, 'Quuxley') });
    forgetKnowledgeVersion();
    const second = await matchTexts(db, texts);
    expect(second.engine.version).toBe(9102);
    expect(found(second)).toEqual([['Quuxley'], []]);
    db.close();
  });
});

describe('building the engine ahead of a page (a tab begins loading)', () => {
  it('builds the current engine, so the page that asks next finds it built', async () => {
    const db = await dbAt(9201);
    await db.settings.put({ key: COMPILED_KEY, value: only(9201, 'Zorblax') });
    // Paused everywhere: nothing is built (else the engine below would be Zorblax's).
    await warmEngine(db, async () => true);
    await db.settings.put({ key: COMPILED_KEY, value: only(9201, 'Quuxley') });
    await warmEngine(db, async () => false);
    // The row changes again at the same version: the engine already built is the one used.
    await db.settings.put({ key: COMPILED_KEY, value: only(9201, 'Zorblax') });
    const engine = await currentEngine(db);
    expect(names(engine, 'Quuxley and Zorblax met.')).toEqual([['Quuxley', ['Quuxley']]]);
    db.close();
  });

  it("never throws: a failure is left for the page's own request to report", async () => {
    const db = await dbAt(9202);
    db.close();
    await expect(warmEngine(db, async () => false)).resolves.toBeUndefined();
    await expect(
      warmEngine(db, () => Promise.reject(new Error('settings unreadable'))),
    ).resolves.toBeUndefined();
  });
});
