import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BackstoryDB, stripDerived } from '@/lib/db';
import type { PackInput } from '@/lib/model';

let counter = 0;

/** A fresh, empty database on its own fake IndexedDB. */
export function freshDb(): BackstoryDB {
  counter += 1;
  return new BackstoryDB(`test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every row of every table, derived fields dropped, sorted by id: for exact comparisons. */
export async function dump(db: BackstoryDB) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as object[];
    out[table.name] = rows
      .map((r) => stripDerived(r))
      .sort((a, b) =>
        JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0,
      );
  }
  return out;
}

/** A small valid pack to start tests from. */
export function samplePack(overrides: Partial<PackInput> = {}): PackInput {
  return {
    format: 'backstory-pack',
    formatVersion: 1,
    id: 'sample',
    name: 'Sample',
    version: '1',
    sources: [
      { id: 's/src/1', outlet: 'Harbour Ledger', title: 'A story', published: '2026-02-03' },
    ],
    actors: [
      {
        id: 's/actor/a',
        name: 'Ana Ortiz',
        kind: 'person',
        aliases: [{ text: 'Ortiz', kind: 'short' }],
      },
      { id: 's/actor/b', name: 'Borealia', kind: 'country', aliases: [] },
    ],
    claims: [
      { id: 's/claim/1', claimantId: 's/actor/a', gist: 'Borealia and Ana Ortiz are in talks.' },
    ],
    statements: [
      {
        id: 's/st/1',
        speakerId: 's/actor/a',
        words: 'We are talking',
        kind: 'quote',
        said: '2026-02-01',
        citations: [{ sourceId: 's/src/1' }],
      },
      {
        id: 's/st/2',
        speakerId: 's/actor/b',
        words: 'There are no talks.',
        kind: 'reported',
        said: '2026-02-02',
        citations: [{ sourceId: 's/src/1' }],
      },
    ],
    links: [
      {
        id: 's/link/1',
        claimId: 's/claim/1',
        statementId: 's/st/1',
        stance: 'states',
        origin: 'pack',
        confidence: 1,
      },
      {
        id: 's/link/2',
        claimId: 's/claim/1',
        statementId: 's/st/2',
        stance: 'denies',
        origin: 'pack',
        confidence: 1,
      },
    ],
    events: [
      {
        id: 's/ev/1',
        date: '1959-01',
        text: 'A revolution.',
        actorIds: ['s/actor/b'],
        sourceIds: [],
      },
    ],
    ...overrides,
  };
}
