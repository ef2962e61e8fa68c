import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  BackstoryDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  withSearchFields,
} from '@/lib/db';

/**
 * Every released schema version, oldest first. When version N+1 is added to BackstoryDB, add
 * its schema here, write tests/fixtures/db/v<N+1>.json with scripts/make-db-fixture.ts, and
 * give the older fixtures an `expect` function below if the upgrade transforms rows.
 */
const HISTORY: Record<number, Record<string, string>> = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
};

/**
 * How an upgrade changes the rows of an older version, applied once per later version.
 * Version 2 adds the derived search fields (`_words`, `_actorDates`) and changes nothing else.
 */
const UPGRADES: Record<number, (table: string, row: object) => object> = {
  2: (table, row) => withSearchFields(table, row),
  // Version 3 only adds tables (contributions, subscriptions, imports): rows are unchanged.
  // Version 4 only drops an index (statements by `_saidKey` alone): rows are unchanged.
};

function expectedAfterUpgrade(fromVersion: number, table: string, row: object): object {
  let out = row;
  for (const [version, upgrade] of Object.entries(UPGRADES)) {
    if (Number(version) > fromVersion) out = upgrade(table, out);
  }
  return out;
}

interface Fixture {
  version: number;
  tables: Record<string, unknown[]>;
}

const fixtures = readdirSync('tests/fixtures/db')
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(`tests/fixtures/db/${f}`, 'utf8')) as Fixture);

/** Writes a fixture with the schema of its own version, as that release of Backstory would. */
async function writeOldDatabase(name: string, fixture: Fixture) {
  const schema = HISTORY[fixture.version];
  if (!schema) throw new Error(`No schema recorded for version ${fixture.version}`);
  const old = new Dexie(name);
  old.version(fixture.version).stores(schema);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables))
      await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('database migrations', () => {
  it('has a fixture for every released version', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(Object.keys(HISTORY).map(Number).sort());
    expect(new BackstoryDB('probe').verno).toBe(Math.max(...Object.keys(HISTORY).map(Number)));
  });

  for (const fixture of fixtures) {
    it(`opens a version ${fixture.version} database with no row lost`, async () => {
      const name = `migration-v${fixture.version}`;
      await writeOldDatabase(name, fixture);
      const db = new BackstoryDB(name);
      await db.open();
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const now = await db.table(table).toArray();
        const expected = (rows as object[]).map((r) =>
          expectedAfterUpgrade(fixture.version, table, r),
        );
        expect(now, table).toEqual(expected);
      }
      db.close();
    });
  }
});
