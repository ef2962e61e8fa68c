import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPack } from '@/lib/packs/load';
import { dump, freshDb, samplePack } from './helpers';

/** A valid pack with one value somewhere replaced by arbitrary JSON. */
function mutated(path: (string | number)[], value: unknown): unknown {
  const pack = JSON.parse(JSON.stringify(samplePack({ version: '2' }))) as Record<string, unknown>;
  let node: unknown = pack;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return pack;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node && typeof node === 'object')
    (node as Record<string | number, unknown>)[path.at(-1)!] = value;
  return pack;
}

const paths: (string | number)[][] = [
  ['id'],
  ['version'],
  ['format'],
  ['actors', 0, 'name'],
  ['actors', 0, 'kind'],
  ['actors', 0, 'aliases'],
  ['actors', 0, 'aliases', 0, 'text'],
  ['statements', 0, 'said'],
  ['statements', 1, 'speakerId'],
  ['statements', 0, 'citations'],
  ['claims', 0, 'claimantId'],
  ['links', 1, 'stance'],
  ['links', 0, 'confidence'],
  ['events', 0, 'date'],
  ['events', 0, 'actorIds'],
  ['sources', 0, 'url'],
];

describe('pack validation (properties)', () => {
  it('either loads a mutated pack or changes nothing, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.jsonValue({ maxDepth: 2 }),
        async (path, value) => {
          const db = freshDb();
          await loadPack(db, samplePack());
          const before = await dump(db);
          const outcome = await loadPack(db, mutated(path, value));
          if (!outcome.ok) {
            expect(outcome.error.length).toBeGreaterThan(0);
            expect(await dump(db)).toEqual(before);
          }
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000); // 150 database round trips: ~3.5 s alone, more when the suite runs in parallel

  it('refuses any non-pack JSON with a message and without writing', async () => {
    const db = freshDb();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const outcome = await loadPack(db, value);
        expect(outcome.ok).toBe(false);
        expect(await db.packs.count()).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
