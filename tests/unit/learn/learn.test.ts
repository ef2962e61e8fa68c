import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import starter from '@/assets/packs/starter.json';
import { getKnowledgeVersion, pageId, savePageCopy } from '@/lib/db';
import type { ArticleCopy } from '@/lib/extract/article-copy';
import { forgetPage } from '@/lib/learn/forget';
import { LEARN_MAX_CHARS, learnableText, learnFromCopy } from '@/lib/learn/learn-page';
import { reviewCandidate } from '@/lib/learn/review';
import { sourceIdOf } from '@/lib/learn/store';
import { loadPack } from '@/lib/packs/load';
import { dump, freshDb } from '../packs/helpers';

/** An article written for these tests about the reference story. */
const COPY: ArticleCopy = {
  url: 'https://news.example/cuba-talks',
  title: 'Havana says no talks are under way',
  outlet: 'News Example',
  published: '2026-02-03',
  detectedBy: 'json-ld',
  text: [
    'HAVANA, Feb 3 (News Example) - Cuba and the United States are not holding negotiations, a senior Cuban official said on Monday.',
    '“I think we’re going to make a deal with Cuba,” Trump told reporters at his Mar-a-Lago estate on Sunday.',
    'Port manager Elsa Brandvold said no tanker had arrived since January. Brandvold added that the cranes were idle.',
    'In March 1960, the French cargo ship La Coubre exploded in Havana’s port, killing about 100.',
  ].join('\n\n'),
};

async function withStarter() {
  const db = freshDb();
  const loaded = await loadPack(db, starter, 'bundled');
  expect(loaded.ok).toBe(true);
  return db;
}

async function capture(db: ReturnType<typeof freshDb>, copy = COPY) {
  const page = await savePageCopy(db, copy, { actorIds: [], claimIds: [] });
  const result = await learnFromCopy(db, page.id, copy, new Date('2026-02-03T12:00:00Z'));
  return { page, result };
}

describe('learning from a page', () => {
  it('stores the source, statements, links, events and candidates with the page’s provenance', async () => {
    const db = await withStarter();
    const { result } = await capture(db);
    const src = sourceIdOf(COPY.url);
    const mine = `page:${src}`;
    expect(result.sourceId).toBe(src);
    expect(await db.sources.get(src)).toMatchObject({
      outlet: 'News Example',
      published: '2026-02-03',
      provenance: [mine],
    });
    const cited = await db.statements.where('_sourceIds').equals(src).toArray();
    expect(cited.map((s) => s.words).sort()).toEqual(
      [
        'Cuba and the United States are not holding negotiations',
        'I think we’re going to make a deal with Cuba',
        'no tanker had arrived since January',
        'the cranes were idle',
      ].sort(),
    );
    expect(cited.every((s) => s.provenance.includes(mine))).toBe(true);
    const official = cited.find((s) => s.speakerLabel === 'unnamed senior Cuban official');
    expect(official?.said).toBe('2026-02-02');
    const denial = await db.links
      .where('statementId')
      .equals(official?.id ?? '')
      .toArray();
    expect(denial.map((l) => [l.claimId, l.stance, l.origin])).toEqual([
      ['starter/claim/us-cuba-talks', 'denies', 'extracted'],
    ]);
    const candidate = await db.actors.get('learned/actor/elsa-brandvold');
    expect(candidate).toMatchObject({ status: 'candidate', kind: 'person', provenance: [mine] });
    expect(await db.pages.get(pageId(COPY.url))).toMatchObject({ sourceId: src });
  });

  it('a statement Backstory already knows gains a citation, not a duplicate', async () => {
    const db = await withStarter();
    const before = await db.statements.count();
    await capture(db);
    const deal = await db.statements.get('starter/statement/trump-going-to-make-a-deal');
    expect(deal?.citations.map((c) => c.sourceId)).toContain(sourceIdOf(COPY.url));
    expect(deal?.provenance).toEqual(['pack:starter', `page:${sourceIdOf(COPY.url)}`]);
    expect(await db.statements.count()).toBe(before + 3);
  });

  it('a statement the pack already links to a claim is not linked to it a second time', async () => {
    const db = await withStarter();
    const copy: ArticleCopy = {
      ...COPY,
      url: 'https://news.example/highest-people',
      text: 'Trump told reporters at Mar-a-Lago on Sunday that Washington was “talking to the people from Cuba, the highest people in Cuba, to see what happens.”',
    };
    await capture(db, copy);
    const statementId = 'starter/statement/trump-highest-people-in-cuba';
    const links = await db.links.where('statementId').equals(statementId).toArray();
    // The page found the pack's link: it confirms it (its provenance), it does not add another.
    expect(links.map((l) => [l.id, l.claimId, l.stance])).toEqual([
      [
        'starter/link/us-cuba-talks/trump-highest-people-in-cuba',
        'starter/claim/us-cuba-talks',
        'states',
      ],
    ]);
    expect(links[0]?.provenance).toEqual(['pack:starter', `page:${sourceIdOf(copy.url)}`]);
  });

  it('the same event already known gains the source', async () => {
    const db = await withStarter();
    await capture(db);
    const coubre = await db.events.where('_dateKey').equals('1960-03-99').toArray();
    expect(coubre).toHaveLength(1);
    expect(coubre[0]?.sourceIds).toContain(sourceIdOf(COPY.url));
  });

  it('changes nothing that can be highlighted (the knowledge version stays)', async () => {
    const db = await withStarter();
    const version = await getKnowledgeVersion(db);
    await capture(db);
    expect(await getKnowledgeVersion(db)).toBe(version);
  });

  it('reading the same page twice leaves the cache as after the first time', async () => {
    const db = await withStarter();
    await capture(db);
    const once = await dump(db);
    await capture(db);
    const twice = await dump(db);
    expect({
      ...twice,
      pages: [],
      sources: twice.sources?.map((s) => ({ ...(s as object), retrievedAt: 0 })),
    }).toEqual({
      ...once,
      pages: [],
      sources: once.sources?.map((s) => ({ ...(s as object), retrievedAt: 0 })),
    });
  });
});

describe('a very long article', () => {
  it('is read up to the paragraph break before the limit, or at the limit', () => {
    expect(learnableText('short')).toBe('short');
    const para = 'x'.repeat(70_000);
    expect(learnableText(`${para}\n\n${para}`)).toBe(para);
    expect(learnableText('y'.repeat(LEARN_MAX_CHARS + 10))).toHaveLength(LEARN_MAX_CHARS);
    // Not between the halves of a surrogate pair.
    const emoji = `${'z'.repeat(LEARN_MAX_CHARS - 1)}😀 tail`;
    expect(learnableText(emoji)).toBe('z'.repeat(LEARN_MAX_CHARS - 1));
  });

  it('teaches only what its first part says; the reading copy keeps the whole text', async () => {
    const filler = Array.from(
      { length: 700 },
      (_, i) => `Paragraph ${i} of the report describes the harbour's cranes and its ledgers.`,
    ).join('\n\n');
    const late = 'Harbour master Ines Valdora said the pier would reopen in May.';
    const statementsOf = async (text: string) => {
      const db = await withStarter();
      const copy = { ...COPY, text };
      const { page } = await capture(db, copy);
      const rows = await db.statements.where('_sourceIds').equals(sourceIdOf(COPY.url)).toArray();
      return { words: rows.map((s) => s.words), stored: (await db.pages.get(page.id))?.text };
    };
    // Short, the last paragraph is read; past the limit, it is not.
    expect((await statementsOf([COPY.text, late].join('\n\n'))).words).toContain(
      'the pier would reopen in May',
    );
    const long = [COPY.text, filler, filler, late].join('\n\n');
    expect(long.length).toBeGreaterThan(LEARN_MAX_CHARS);
    const { words, stored } = await statementsOf(long);
    expect(words).toContain('Cuba and the United States are not holding negotiations');
    expect(words).not.toContain('the pier would reopen in May');
    expect(stored).toBe(long);
  });
});

describe('forgetting a page', () => {
  it('removes exactly what came from it', async () => {
    const db = await withStarter();
    const before = await dump(db);
    const { page } = await capture(db);
    const result = await forgetPage(db, page.id);
    expect(result?.deleted).toBeGreaterThan(5);
    expect(result?.updated).toBeGreaterThan(0);
    expect(await dump(db)).toEqual(before);
  });

  it('keeps what another page also taught', async () => {
    const db = await withStarter();
    const other: ArticleCopy = { ...COPY, url: 'https://other.example/a', outlet: 'Other Example' };
    await capture(db, other);
    const { page } = await capture(db);
    await forgetPage(db, page.id);
    const candidate = await db.actors.get('learned/actor/elsa-brandvold');
    expect(candidate?.provenance).toEqual([`page:${sourceIdOf(other.url)}`]);
    const idle = await db.statements.filter((s) => s.words === 'the cranes were idle').toArray();
    expect(idle).toHaveLength(1);
    expect(idle[0]?.citations.map((c) => c.sourceId)).toEqual([sourceIdOf(other.url)]);
  });

  it('says so when the page is not there', async () => {
    const db = freshDb();
    expect(await forgetPage(db, 'page/nothing')).toBeNull();
  });
});

describe('reviewing learned actors', () => {
  it('confirm: a known, highlighted actor owned by the user', async () => {
    const db = await withStarter();
    await capture(db);
    const version = await getKnowledgeVersion(db);
    await reviewCandidate(db, 'learned/actor/elsa-brandvold', { action: 'confirm' });
    const actor = await db.actors.get('learned/actor/elsa-brandvold');
    expect(actor?.status).toBeUndefined();
    expect(actor?.provenance).toContain('user');
    expect(await getKnowledgeVersion(db)).toBe(version + 1);
    await expect(
      reviewCandidate(db, 'learned/actor/elsa-brandvold', { action: 'reject' }),
    ).rejects.toThrow(/already been reviewed/);
  });

  it('reject: kept so it is not proposed again; its statements keep the name as written', async () => {
    const db = await withStarter();
    await capture(db);
    await reviewCandidate(db, 'learned/actor/elsa-brandvold', { action: 'reject' });
    expect((await db.actors.get('learned/actor/elsa-brandvold'))?.status).toBe('rejected');
    const idle = await db.statements.filter((s) => s.words === 'the cranes were idle').first();
    expect(idle?.speakerId).toBeUndefined();
    expect(idle?.speakerLabel).toBe('Elsa Brandvold');
    // Reading the page again does not bring the name back as a candidate.
    await capture(db);
    expect((await db.actors.get('learned/actor/elsa-brandvold'))?.status).toBe('rejected');
  });

  it('merge: the names become aliases of the chosen actor, the statements theirs', async () => {
    const db = await withStarter();
    await capture(db);
    await reviewCandidate(db, 'learned/actor/elsa-brandvold', {
      action: 'merge',
      into: 'starter/actor/jorge-pinon',
    });
    const target = await db.actors.get('starter/actor/jorge-pinon');
    expect(target?.aliases.map((a) => a.text)).toContain('Elsa Brandvold');
    expect(target?.provenance).toContain('user');
    expect((await db.actors.get('learned/actor/elsa-brandvold'))?.mergedInto).toBe(
      'starter/actor/jorge-pinon',
    );
    const idle = await db.statements.filter((s) => s.words === 'the cranes were idle').first();
    expect(idle?.speakerId).toBe('starter/actor/jorge-pinon');
    await expect(
      reviewCandidate(db, 'starter/actor/cuba', { action: 'merge', into: 'starter/actor/cuba' }),
    ).rejects.toThrow();
  });
});

describe('a pack built from saved articles', () => {
  it('loads into the cache', async () => {
    const { buildPack } = await import('@/lib/extract/to-pack');
    const { extractArticle } = await import('@/lib/extract/extract');
    const { createAliasLookup, knownActorsOf } = await import('@/lib/extract/known-actors');
    const lookup = createAliasLookup(
      knownActorsOf(starter.actors.map((a) => ({ ...a, provenance: ['pack:starter'] })) as never),
    );
    const claims = starter.claims.map((c) => ({
      id: c.id,
      gist: c.gist,
      claimantId: c.claimantId,
      keyPhrases: c.keyPhrases,
      topics: c.topics,
    }));
    const names = ['harbour-ledger-talks', 'civic-wire-rubio'];
    const articles = names.map((n) => {
      const text = readFileSync(`tests/fixtures/articles/${n}.html`, 'utf8').replace(
        /<[^>]+>/g,
        ' ',
      );
      return {
        name: n,
        extraction: extractArticle({ text: text.replace(/[ \t]+/g, ' ') }, { lookup, claims }),
      };
    });
    const pack = buildPack(articles, starter as never, {
      id: 'from-articles',
      name: 'From articles',
      version: '1',
    });
    const twice = pack.statements?.filter((s) => s.citations.length > 1) ?? [];
    expect(twice.length).toBeGreaterThan(0);
    const db = await withStarter();
    const loaded = await loadPack(db, pack, 'file');
    expect(loaded.ok).toBe(true);
  });
});

describe('forgetting a page with the user’s notes on it', () => {
  it('keeps the reading copy for the notes, and forgets what was learned', async () => {
    const db = await withStarter();
    const { page } = await capture(db);
    await db.notes.put({
      id: 'note/1',
      body: 'Check this',
      tags: [],
      target: {
        kind: 'selection',
        url: COPY.url,
        quote: { type: 'TextQuoteSelector', exact: 'the cranes were idle' },
      },
      createdAt: '2026-02-03T12:00:00.000Z',
      updatedAt: '2026-02-03T12:00:00.000Z',
      provenance: ['user'],
      _pageUrl: COPY.url,
    });
    await forgetPage(db, page.id);
    const kept = await db.pages.get(page.id);
    expect(kept?.text).toBe(COPY.text);
    expect(kept?.sourceId).toBeUndefined();
    expect(await db.sources.get(sourceIdOf(COPY.url))).toBeUndefined();
    expect(await db.notes.count()).toBe(1);
  });
});
