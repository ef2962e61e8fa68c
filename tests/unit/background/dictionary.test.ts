import { afterEach, describe, expect, it } from 'vitest';
import { currentEngine, forgetKnowledgeVersion } from '@/entrypoints/background/dictionary';
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
