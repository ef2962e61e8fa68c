/**
 * Writes tests/fixtures/db/v<N>.json: every table of a database at the current schema version,
 * filled with a small sample (a pack, a note, a cached page, settings), rows exactly as stored.
 * Run it once when a schema version is released; the migration test then opens that data with
 * every later version. Usage: npx tsx scripts/make-db-fixture.ts
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackstoryDB, noteRow } from '../lib/db';
import { loadPack } from '../lib/packs/load';
import { updateSettings } from '../lib/settings/settings';
import { samplePack } from '../tests/unit/packs/helpers';

const db = new BackstoryDB('fixture');
const outcome = await loadPack(db, samplePack(), 'file', () => new Date('2026-02-05T10:00:00Z'));
if (!outcome.ok) throw new Error(outcome.error);
await db.notes.add(
  noteRow({
    id: 'note/1',
    body: 'Compare with the Feb. 2 interview.',
    tags: ['talks'],
    target: {
      kind: 'selection',
      url: 'https://harbourledger.example/2026/02/03/cuba',
      title: 'Cuba in contact with US',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'table of dialogue',
        prefix: 'say we have had a ',
        suffix: '',
      },
      position: { type: 'TextPositionSelector', start: 120, end: 137 },
    },
    createdAt: '2026-02-05T10:00:00.000Z',
    updatedAt: '2026-02-05T10:00:00.000Z',
    provenance: ['user'],
  }),
);
await db.pages.add({
  id: 'page/1',
  url: 'https://harbourledger.example/2026/02/03/cuba',
  title: 'Cuba in contact with US',
  outlet: 'Harbour Ledger',
  published: '2026-02-03',
  text: 'HAVANA, Feb 3 (Harbour Ledger) - A short reading copy.',
  foundActorIds: ['s/actor/a'],
  foundClaimIds: [],
  visitedAt: '2026-02-05T10:00:00.000Z',
});
await updateSettings(db, { disabledSites: ['blocked.example'] });
// Version 3: a second pack describing an actor of the first (a contribution each), and a
// subscription.
const second = await loadPack(
  db,
  samplePack({
    id: 'second',
    name: 'Second',
    sources: [],
    actors: [
      { id: 'x/actor/a', name: 'Ana Ortiz', kind: 'person', aliases: [{ text: 'A. Ortiz' }] },
    ],
    claims: [],
    statements: [],
    links: [],
    events: [],
  }),
  'subscription',
  () => new Date('2026-02-05T11:00:00Z'),
);
if (!second.ok) throw new Error(second.error);
await db.subscriptions.add({
  id: 'sub-second',
  url: 'https://packs.example/second.json',
  packId: 'second',
  maxBytes: 25 * 1024 * 1024,
  intervalMinutes: 1440,
  createdAt: '2026-02-05T11:00:00.000Z',
  etag: '"v1"',
  lastCheckedAt: '2026-02-05T11:00:00.000Z',
  lastSuccessAt: '2026-02-05T11:00:00.000Z',
  lastResult: 'updated',
  failures: 0,
  nextCheckAt: '2026-02-06T11:00:00.000Z',
});
// An import stopped half-way (its journal, keyed by owner).
const none = { sources: 0, actors: 0, claims: 0, statements: 0, links: 0, events: 0 };
await db.imports.add({
  owner: 'pack:third',
  packId: 'third',
  name: 'Third',
  version: '1',
  fingerprint: 'sha256-0',
  fresh: true,
  origin: 'file',
  done: 2500,
  total: 6000,
  added: { ...none, actors: 2500 },
  changed: none,
  unchanged: none,
  keptUserRows: 0,
  merged: 0,
  startedAt: '2026-02-05T12:00:00.000Z',
  updatedAt: '2026-02-05T12:00:02.000Z',
  leaseUntil: 0,
  runId: 'run-1',
  fileName: 'third.json',
});

const tables: Record<string, unknown[]> = {};
for (const table of db.tables) tables[table.name] = await table.toArray();
const out = resolve(import.meta.dirname, `../tests/fixtures/db/v${db.verno}.json`);
writeFileSync(out, `${JSON.stringify({ version: db.verno, tables }, null, 2)}\n`);
console.log(`Wrote ${out}`);
