import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sameEvent, sameStatement } from '@/lib/extract/dedup';
import { extractArticle } from '@/lib/extract/extract';
import { GoldArticle, toGold } from '@/lib/extract/gold';
import { createAliasLookup, knownActorsOf } from '@/lib/extract/known-actors';
import { overlap, prf, scoreArticle } from '@/lib/extract/score';
import { Pack } from '@/lib/model';

describe('deduplication across sources', () => {
  it('the same quote, an excerpt of it, and a reported version with shifted tenses', () => {
    const q = {
      words: 'We have had exchange of messages, but no dialogue.',
      kind: 'quote' as const,
    };
    expect(
      sameStatement(q, {
        words: '“we have had exchange of messages, but no dialogue”',
        kind: 'quote',
      }),
    ).toBe(true);
    expect(sameStatement(q, { words: 'We have had exchange of messages', kind: 'quote' })).toBe(
      true,
    );
    expect(sameStatement(q, { words: 'we have had', kind: 'quote' })).toBe(false);
    expect(
      sameStatement(
        { words: 'Mexico will stop sending oil to Cuba.', kind: 'reported' },
        { words: 'Mexico would stop sending oil to Cuba', kind: 'reported' },
      ),
    ).toBe(true);
    expect(
      sameStatement(
        { words: 'Mexico will stop sending oil to Cuba.', kind: 'reported' },
        { words: 'Mexico will keep sending oil to Cuba for a year', kind: 'reported' },
      ),
    ).toBe(false);
  });

  it('the same event needs the same date and shared words or actors', () => {
    const a = {
      date: '2026-01-03',
      text: 'U.S. forces captured Nicolás Maduro in a raid on Caracas',
      actorIds: ['us', 'maduro'],
    };
    expect(
      sameEvent(a, {
        date: '2026-01-03',
        text: 'a raid in which American forces captured Nicolas Maduro',
        actorIds: ['maduro', 'us'],
      }),
    ).toBe(true);
    expect(sameEvent(a, { ...a, date: '2026-01-04' })).toBe(false);
    expect(
      sameEvent(a, { date: '2026-01-03', text: 'A rally was held in Havana', actorIds: ['cuba'] }),
    ).toBe(false);
  });
});

describe('scoring', () => {
  it('computes precision, recall and F1', () => {
    expect(prf(3, 1, 2)).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('measures overlap as a share of each text', () => {
    const text = 'He said the talks had failed badly last week.';
    expect(overlap(text, 'the talks had failed', 'the talks had failed badly last week')).toEqual([
      1,
      20 / 36,
    ]);
    expect(overlap(text, 'the talks', 'last week')).toEqual([0, 0]);
  });

  it('matches statements by speaker and overlap, links through the matched statements', () => {
    const text = 'Title\nOrtiz said there were no talks. Veit said talks were going well.';
    const gold = GoldArticle.parse({
      article: 'a.txt',
      actors: [{ name: 'Ana Ortiz', kind: 'person', mentions: ['Ortiz'] }],
      statements: [
        { id: 's1', speaker: 'Ana Ortiz', text: 'there were no talks', kind: 'reported' },
        { id: 's2', speaker: 'Karl Veit', text: 'talks were going well', kind: 'reported' },
      ],
      claims: [
        { id: 'c1', claimant: 'Karl Veit', gist: 'Talks are going well.', evidence: ['s2'] },
      ],
      relations: [{ statement: 's1', claim: 'c1', stance: 'denies' }],
    });
    const found = GoldArticle.parse({
      article: 'a.txt',
      actors: [{ name: 'Ana Ortiz', kind: 'person', mentions: ['Ortiz', 'Veit'] }],
      statements: [
        { id: 's9', speaker: 'ana ortiz', text: 'there were no talks', kind: 'reported' },
        { id: 's8', speaker: 'Ana Ortiz', text: 'talks were going well', kind: 'reported' },
      ],
      claims: [{ id: 'k', claimant: 'Karl Veit', gist: 'Talks are going well.', evidence: [] }],
      relations: [{ statement: 's9', claim: 'k', stance: 'denies' }],
    });
    const s = scoreArticle(text, gold, found);
    expect(s.mentions).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(s.statements).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.denials).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.evidence).toMatchObject({ tp: 0, fn: 1 });
  });

  it('counts unnamed speakers as the same speaker', () => {
    const text = 'Title\nA senior official said no deal was near.';
    const base = { article: 'a.txt' };
    const gold = GoldArticle.parse({
      ...base,
      statements: [
        {
          id: 's1',
          speaker: 'unnamed senior official',
          text: 'no deal was near',
          kind: 'reported',
        },
      ],
    });
    const found = GoldArticle.parse({
      ...base,
      statements: [
        { id: 's1', speaker: 'unnamed official', text: 'no deal was near', kind: 'reported' },
      ],
    });
    expect(scoreArticle(text, gold, found).statements.f1).toBe(1);
  });
});

describe('the held-out articles (golden files)', () => {
  const dir = 'tests/fixtures/extract';
  const known = Pack.parse(JSON.parse(readFileSync(`${dir}/known.json`, 'utf8')));
  const lookup = createAliasLookup(
    knownActorsOf(known.actors.map((a) => ({ ...a, provenance: a.provenance ?? ['pack:t'] }))),
  );
  const claims = known.claims.map((c) => ({
    id: c.id,
    gist: c.gist,
    claimantId: c.claimantId,
    keyPhrases: c.keyPhrases ?? [],
    topics: c.topics ?? [],
  }));
  const articles = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('every article has its gold annotations, and every text in them is in the article', () => {
    expect(articles.length).toBeGreaterThanOrEqual(3);
    for (const a of articles) {
      const text = readFileSync(`${dir}/${a}`, 'utf8');
      const gold = GoldArticle.parse(
        JSON.parse(readFileSync(`${dir}/gold/${a.replace('.txt', '.json')}`, 'utf8')),
      );
      for (const s of [...gold.statements, ...gold.events]) expect(text).toContain(s.text);
      for (const m of gold.actors.flatMap((x) => x.mentions)) expect(text).toContain(m);
    }
  });

  it('extraction in the gold format scores on them', () => {
    for (const a of articles) {
      const text = readFileSync(`${dir}/${a}`, 'utf8');
      const gold = GoldArticle.parse(
        JSON.parse(readFileSync(`${dir}/gold/${a.replace('.txt', '.json')}`, 'utf8')),
      );
      const extraction = extractArticle({ text }, { lookup, claims });
      const found = GoldArticle.parse(toGold(extraction, a, lookup, claims));
      const s = scoreArticle(extraction.text, gold, found);
      expect(s.statements.f1, a).toBeGreaterThan(0.85);
      expect(s.events.f1, a).toBeGreaterThan(0.85);
      expect(s.mentions.f1, a).toBeGreaterThan(0.75);
    }
  });
});
