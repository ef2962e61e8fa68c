import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorsByAlias, getKnowledgeVersion, statementsBySpeaker } from '@/lib/db';
import { loadPack } from '@/lib/packs/load';
import { dump, freshDb, samplePack } from './helpers';

describe('loadPack', () => {
  it('loads a valid pack with provenance on every row', async () => {
    const db = freshDb();
    const outcome = await loadPack(db, samplePack());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.added).toEqual({
      sources: 1,
      actors: 2,
      claims: 1,
      statements: 2,
      links: 2,
      events: 1,
    });
    for (const table of db.knowledgeTables) {
      for (const row of await table.toArray()) expect(row.provenance).toEqual(['pack:sample']);
    }
    expect((await db.packs.get('sample'))?.version).toBe('1');
    expect(await getKnowledgeVersion(db)).toBe(1);
    expect((await actorsByAlias(db, 'ORTIZ')).map((a) => a.id)).toEqual(['s/actor/a']);
  });

  it('is idempotent: loading twice changes nothing', async () => {
    const db = freshDb();
    await loadPack(db, samplePack());
    const before = await dump(db);
    const again = await loadPack(db, samplePack());
    expect(again.ok && again.unchanged).toBe(9);
    expect(again.ok && Object.values(again.changed).every((n) => n === 0)).toBe(true);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a malformed pack, names the record and field, and changes nothing', async () => {
    const db = freshDb();
    await loadPack(db, samplePack());
    const before = await dump(db);
    const bad = samplePack({ version: '2' }) as { statements: Record<string, unknown>[] };
    const second = bad.statements[1];
    if (second) second.said = '2026-02-30';
    const outcome = await loadPack(db, bad);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]?.where).toBe('statements[1] (id "s/st/2") → said');
    expect(outcome.error).toContain('statements[1] (id "s/st/2") → said');
    expect(outcome.error).toContain('YYYY-MM-DD');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses dangling references without writing anything', async () => {
    const db = freshDb();
    const pack = samplePack();
    const first = pack.statements?.[0];
    if (first) first.speakerId = 's/actor/nobody';
    const outcome = await loadPack(db, pack);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toContain('statements[0] (id "s/st/1") → speakerId');
    expect(outcome.error).toContain('no actor with id "s/actor/nobody"');
    expect(await db.actors.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
  });

  it('never overwrites what the user wrote', async () => {
    const db = freshDb();
    await loadPack(db, samplePack());
    await db.actors.update('s/actor/a', {
      name: 'Ana M. Ortiz',
      provenance: ['pack:sample', 'user'],
    });
    const next = samplePack({ version: '2' });
    const actor = next.actors?.[0];
    if (actor) actor.name = 'Ana Ortiz Vega';
    const outcome = await loadPack(db, next);
    expect(outcome.ok && outcome.keptUserRows).toBe(1);
    const row = await db.actors.get('s/actor/a');
    expect(row?.name).toBe('Ana M. Ortiz');
    expect(row?.provenance).toEqual(['pack:sample', 'user']);
  });

  it('a new version replaces the pack rows and drops the ones it no longer has', async () => {
    const db = freshDb();
    await loadPack(db, samplePack());
    const next = samplePack({ version: '2', events: [] });
    const outcome = await loadPack(db, next);
    expect(outcome.ok && outcome.removed).toBe(1);
    expect(await db.events.count()).toBe(0);
    expect((await db.packs.get('sample'))?.version).toBe('2');
  });

  it('lists statements by speaker newest first', async () => {
    const db = freshDb();
    const pack = samplePack();
    pack.statements?.push({
      id: 's/st/3',
      speakerId: 's/actor/a',
      words: 'Later words',
      kind: 'quote',
      said: '2026-03',
      citations: [{ sourceId: 's/src/1' }],
    });
    pack.statements?.push({
      id: 's/st/4',
      speakerId: 's/actor/a',
      words: 'Undated words',
      kind: 'quote',
      citations: [{ sourceId: 's/src/1' }],
    });
    await loadPack(db, pack);
    const rows = await statementsBySpeaker(db, 's/actor/a');
    expect(rows.map((r) => r.id)).toEqual(['s/st/3', 's/st/1', 's/st/4']);
  });

  it('loads the bundled starter pack', async () => {
    const db = freshDb();
    const starter: unknown = JSON.parse(readFileSync('assets/packs/starter.json', 'utf8'));
    const outcome = await loadPack(db, starter, 'bundled');
    expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    expect(await db.events.count()).toBe(26);
    expect(await db.claims.count()).toBe(14);
    const diazCanel = await actorsByAlias(db, 'Diaz-Canel');
    expect(diazCanel.map((a) => a.name)).toEqual(['Miguel Díaz-Canel']);
  });
});
