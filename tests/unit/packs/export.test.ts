import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BackstoryDB, canonicalJson, statementRow } from '@/lib/db';
import { Pack, type PackInput } from '@/lib/model';
import { exportPack } from '@/lib/packs/export';
import { importPack } from '@/lib/packs/import';
import { loadPack } from '@/lib/packs/load';
import { textSource } from '@/lib/packs/source';
import { dump, freshDb, samplePack } from './helpers';

/** Every table but settings (the user's preferences are not knowledge), canonical JSON. */
async function canonicalDump(db: BackstoryDB) {
  const { settings: _s, ...rest } = await dump(db);
  return canonicalJson(rest);
}

async function load(db: BackstoryDB, pack: unknown, origin: 'file' | 'bundled' = 'file') {
  const outcome = await loadPack(db, pack, origin, () => new Date('2026-02-05T10:00:00Z'));
  if (!outcome.ok) throw new Error(outcome.error);
}

const otherPack = (): PackInput => ({
  format: 'backstory-pack',
  formatVersion: 1,
  id: 'other',
  name: 'Other desk',
  version: '3',
  publisher: 'Civic Wire',
  sources: [{ id: 'o/src/1', outlet: 'Civic Wire', url: 'https://civicwire.example/a' }],
  actors: [
    {
      id: 'o/actor/ortiz',
      name: 'Ana Ortiz',
      kind: 'person',
      aliases: [{ text: 'Minister Ortiz' }],
    },
    { id: 'o/actor/trump', name: 'Donald Trump', kind: 'person', aliases: [], wikidata: 'Q22686' },
  ],
  statements: [
    {
      id: 'o/st/1',
      speakerId: 'o/actor/ortiz',
      words: 'Nothing to add.',
      kind: 'quote',
      said: '2026-02-02',
      citations: [{ sourceId: 'o/src/1' }],
    },
  ],
});

/** A database with the starter pack, a second pack merged into both, user edits and a page. */
async function populated(): Promise<BackstoryDB> {
  const db = freshDb();
  await load(db, JSON.parse(readFileSync('assets/packs/starter.json', 'utf8')), 'bundled');
  await load(db, samplePack());
  await load(db, otherPack());
  await db.actors.update('s/actor/b', {
    description: 'Edited by me.',
    provenance: ['pack:sample', 'user'],
  });
  await db.sources.put({
    id: 'page/src/1',
    url: 'https://harbourledger.example/x',
    outlet: 'Harbour Ledger',
    provenance: ['page:page/src/1'],
  });
  await db.statements.put(
    statementRow({
      id: 'page/st/1',
      speakerId: 's/actor/a',
      words: 'Read on a page.',
      kind: 'reported',
      citations: [{ sourceId: 'page/src/1' }],
      provenance: ['page:page/src/1'],
    }),
  );
  return db;
}

function text(parts: string[]) {
  return parts.join('');
}

describe('export', () => {
  it('export everything → wipe → import gives the identical database', async () => {
    const db = await populated();
    expect(await db.contributions.count()).toBeGreaterThan(0);
    const before = await canonicalDump(db);
    const file = await exportPack(
      db,
      { kind: 'everything' },
      () => new Date('2026-02-06T08:00:00Z'),
    );
    expect(file.fileName).toBe('backstory-export-2026-02-06-080000.json');
    await Promise.all(db.tables.map((t) => t.clear()));
    expect(await db.actors.count()).toBe(0);
    const outcome = await importPack(db, textSource(text(file.parts)), { origin: 'file' });
    expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    expect(await canonicalDump(db)).toBe(before);
    // And importing it again changes nothing.
    await importPack(db, textSource(text(file.parts)), { origin: 'file' });
    expect(await canonicalDump(db)).toBe(before);
  });

  it('exports one pack as its author published it, even where it was merged', async () => {
    const db = await populated();
    const file = await exportPack(db, { kind: 'pack', packId: 'other' });
    expect(file.fileName).toBe('other-3.json');
    const exported = Pack.parse(JSON.parse(text(file.parts)));
    const original = Pack.parse(otherPack());
    const sorted = (p: typeof original) =>
      canonicalJson({ ...p, actors: [...p.actors].sort((a, b) => (a.id < b.id ? -1 : 1)) });
    expect(sorted(exported)).toBe(sorted(original));
    expect(file.counts).toEqual({
      sources: 1,
      actors: 2,
      claims: 0,
      statements: 1,
      links: 0,
      events: 0,
    });
  });

  it('a pack exported and loaded elsewhere gives the same rows as the original', async () => {
    const db = await populated();
    const file = await exportPack(db, { kind: 'pack', packId: 'sample' });
    const a = freshDb();
    const b = freshDb();
    await load(a, JSON.parse(text(file.parts)));
    await load(b, samplePack());
    const rows = async (x: BackstoryDB) => {
      const { settings: _s, packs: _p, ...rest } = await dump(x);
      return rest;
    };
    const exported = await rows(a);
    const original = await rows(b);
    // The user's edit of Borealia is part of what this database holds for the pack.
    expect(exported.actors).toContainEqual(
      expect.objectContaining({ id: 's/actor/b', description: 'Edited by me.' }),
    );
    expect({ ...exported, actors: [] }).toEqual({ ...original, actors: [] });
  });

  it('exports a selection with everything it points to, as a pack that loads on its own', async () => {
    const db = await populated();
    const file = await exportPack(db, {
      kind: 'selection',
      actorIds: ['starter/actor/carlos-fernandez-de-cossio'],
      name: 'De Cossío',
    });
    const pack = Pack.parse(JSON.parse(text(file.parts)));
    expect(pack.name).toBe('De Cossío');
    expect(pack.statements.length).toBeGreaterThan(0);
    expect(pack.statements.every((s) => s.provenance === undefined)).toBe(true);
    const speakers = new Set(pack.statements.map((s) => s.speakerId));
    expect(speakers.has('starter/actor/carlos-fernandez-de-cossio')).toBe(true);
    const elsewhere = freshDb();
    const outcome = await loadPack(elsewhere, pack);
    expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
  });

  it('exports a claim with every statement linked to it', async () => {
    const db = await populated();
    const claim = (await db.claims.toArray()).find((c) => c.id.startsWith('starter/'));
    if (!claim) throw new Error('the starter pack has claims');
    const links = await db.links.where('claimId').equals(claim.id).toArray();
    const file = await exportPack(db, { kind: 'selection', claimIds: [claim.id] });
    const pack = Pack.parse(JSON.parse(text(file.parts)));
    const ids = new Set(pack.statements.map((s) => s.id));
    for (const l of links) expect(ids.has(l.statementId)).toBe(true);
    expect(await loadPack(freshDb(), pack)).toMatchObject({ ok: true });
  });

  it('exports a timeline between two dates', async () => {
    const db = await populated();
    const file = await exportPack(db, {
      kind: 'selection',
      timeline: { from: '1959', to: '1962' },
    });
    const pack = Pack.parse(JSON.parse(text(file.parts)));
    expect(pack.events.length).toBeGreaterThan(0);
    for (const e of pack.events) {
      expect(e.date >= '1959' && e.date < '1963').toBe(true);
    }
    expect(await loadPack(freshDb(), pack)).toMatchObject({ ok: true });
  });
});
