import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Pack } from '@/lib/model';
import { claimReviewToPack, findClaimReviews, ratingStance } from '@/lib/packs/claimreview';
import { importPack } from '@/lib/packs/import';
import { loadPack } from '@/lib/packs/load';
import { textSource } from '@/lib/packs/source';
import { freshDb } from './helpers';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(`tests/fixtures/claimreview/${name}.json`, 'utf8'));

const convert = (doc: unknown) =>
  claimReviewToPack(doc, { id: 'claimreview-test', name: 'Test fact checks', linkOrigin: 'pack' });

function parts(doc: unknown) {
  const { pack, ...rest } = convert(doc);
  const valid = Pack.parse(pack);
  const actor = (id: string | undefined) => valid.actors.find((a) => a.id === id);
  const review = valid.statements.filter((s) => s.medium === 'fact-check rating');
  const stated = valid.statements.filter((s) => s.medium === undefined);
  const linkOf = (statementId: string) => valid.links.find((l) => l.statementId === statementId);
  return { pack: valid, actor, review, stated, linkOf, ...rest };
}

describe('ClaimReview mapping', () => {
  it('maps a single object: the claim, its claimant and the fact-checker’s rating, verbatim', () => {
    const { pack, actor, review, stated, linkOf, reviews } = parts(fixture('single'));
    expect(reviews).toBe(1);
    const [claim] = pack.claims;
    expect(claim?.gist).toBe('The United States is talking to the highest people in Cuba.');
    expect(claim?.firstStated).toBe('2026-02-01');
    expect(actor(claim?.claimantId)).toMatchObject({
      name: 'Donald Trump',
      kind: 'person',
      wikidata: 'Q22686',
    });
    // The claimant's statement of the claim, cited where it appeared.
    expect(stated).toHaveLength(1);
    expect(stated[0]).toMatchObject({ kind: 'reported', said: '2026-02-01' });
    const appearance = pack.sources.find((s) => s.id === stated[0]?.citations[0]?.sourceId);
    expect(appearance).toMatchObject({
      url: 'https://harbourledger.example/world/americas/cuba-us-messages-no-dialogue-2026-02-03/',
      outlet: 'Harbour Ledger',
    });
    expect(linkOf(stated[0]?.id ?? '')?.stance).toBe('states');
    // The fact-checker's statement: the rating's own words.
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      words: 'Unproven: no talks confirmed',
      kind: 'quote',
      said: '2026-02-04',
    });
    expect(actor(review[0]?.speakerId)).toMatchObject({ name: 'Lantern Check', kind: 'outlet' });
    const source = pack.sources.find((s) => s.id === review[0]?.citations[0]?.sourceId);
    expect(source).toMatchObject({
      url: 'https://lanterncheck.example/2026/02/04/talks-with-cuba',
      outlet: 'Lantern Check',
      title: 'Are the US and Cuba in high-level talks?',
      published: '2026-02-04',
    });
    // No plain support or denial in the rating: it qualifies the claim, with low confidence.
    expect(linkOf(review[0]?.id ?? '')).toMatchObject({ stance: 'qualifies', confidence: 0.5 });
  });

  it('maps an array, links clear ratings as denies or supports, skips what has no claimant', () => {
    const { pack, actor, review, linkOf, reviews, skipped, warnings } = parts(fixture('array'));
    expect(reviews).toBe(2);
    expect(skipped).toBe(1);
    expect(warnings).toEqual([
      'Skipped a ClaimReview whose claim names no claimant (itemReviewed.author).',
    ]);
    const byWords = (w: string) => review.find((s) => s.words === w);
    expect(linkOf(byWords('False')?.id ?? '')).toMatchObject({ stance: 'denies', confidence: 1 });
    expect(linkOf(byWords('TRUE.')?.id ?? '')).toMatchObject({ stance: 'supports', confidence: 1 });
    const port = pack.claims.find((c) => c.gist.startsWith('The night ferry'));
    expect(actor(port?.claimantId)).toMatchObject({ kind: 'government' });
    // One fact-checker, one actor.
    expect(pack.actors.filter((a) => a.name === 'Verity Desk')).toHaveLength(1);
    expect(pack.publisher).toBe('Verity Desk');
    expect(pack.version).toBe('20251202');
  });

  it('maps an @graph, following @id references to the claimant and the fact-checker', () => {
    const { pack, actor, review, stated, linkOf } = parts(fixture('graph'));
    expect(pack.claims).toHaveLength(1);
    expect(actor(pack.claims[0]?.claimantId)?.name).toBe('Mara Ellison');
    expect(actor(review[0]?.speakerId)?.name).toBe('Lantern Check');
    expect(review[0]?.words).toBe('Half true');
    expect(linkOf(review[0]?.id ?? '')?.stance).toBe('qualifies');
    // firstAppearance is where the claim was seen, and dates it.
    expect(stated[0]?.said).toBe('2026-01-10');
    const seen = pack.sources.find((s) => s.id === stated[0]?.citations[0]?.sourceId);
    expect(seen?.url).toBe('https://social.example/@maraellison/1122');
  });

  it('maps a DataFeed: items inside DataFeedItem and bare elements, one claim for both reviews', () => {
    const { pack, review, stated, linkOf } = parts(fixture('feed'));
    expect(pack.claims).toHaveLength(1);
    expect(review).toHaveLength(2);
    const pants = review.find((s) => s.words === 'Pants on Fire!');
    expect(linkOf(pants?.id ?? '')?.stance).toBe('denies');
    // A rating with a number only is described, never interpreted.
    const numeric = review.find((s) => s !== pants);
    expect(numeric).toMatchObject({ words: 'Rated 2 on a scale from 1 to 5', kind: 'reported' });
    expect(linkOf(numeric?.id ?? '')).toMatchObject({ stance: 'qualifies', confidence: 0.5 });
    // The claimant's statement gathers every place the claim appeared.
    expect(stated).toHaveLength(1);
    expect(stated[0]?.citations).toHaveLength(3);
  });

  it('finds ClaimReview however its type is written', () => {
    const doc = [
      { '@type': 'schema:ClaimReview' },
      { '@type': ['http://schema.org/ClaimReview'] },
      { '@type': 'https://schema.org/ClaimReview' },
      { '@type': 'Review' },
      { '@type': 'WebPage', mainEntity: { '@type': 'ClaimReview' } },
    ];
    expect(findClaimReviews(doc).reviews).toHaveLength(4);
  });

  it('turns only plain rating words into a stance', () => {
    expect(ratingStance('False')).toEqual({ stance: 'denies', clear: true });
    expect(ratingStance('  pants on FIRE! ')).toEqual({ stance: 'denies', clear: true });
    expect(ratingStance('Falso')).toEqual({ stance: 'denies', clear: true });
    expect(ratingStance('Correct')).toEqual({ stance: 'supports', clear: true });
    for (const unclear of [
      'Mostly false',
      'Half True',
      'Missing context',
      'Misleading',
      '',
      undefined,
    ]) {
      expect(ratingStance(unclear)).toEqual({ stance: 'qualifies', clear: false });
    }
  });

  it('imports a ClaimReview file like a pack; its claimant joins the starter pack’s actor', async () => {
    const db = freshDb();
    const starter: unknown = JSON.parse(readFileSync('assets/packs/starter.json', 'utf8'));
    await loadPack(db, starter, 'bundled');
    const trump = (await db.actors.toArray()).find((a) => a.name === 'Donald Trump');
    const outcome = await importPack(
      db,
      textSource(readFileSync('tests/fixtures/claimreview/single.json', 'utf8'), 'lantern.json'),
      { origin: 'file' },
    );
    expect(outcome.ok ? outcome.format : outcome.error).toBe('claimreview');
    if (!outcome.ok) return;
    expect(outcome.packId).toBe('claimreview-lantern');
    const claim = (await db.claims.toArray()).find((c) => c.id.startsWith('cr/'));
    expect(claim?.claimantId).toBe(trump?.id);
    expect((await db.actors.get(trump?.id ?? ''))?.provenance).toEqual([
      'pack:starter',
      'pack:claimreview-lantern',
    ]);
    const rating = (await db.statements.toArray()).find((s) => s.medium === 'fact-check rating');
    expect(rating?.words).toBe('Unproven: no talks confirmed');
    // Again: nothing changes.
    const again = await importPack(
      db,
      textSource(readFileSync('tests/fixtures/claimreview/single.json', 'utf8'), 'lantern.json'),
      { origin: 'file' },
    );
    expect(again.ok && Object.values(again.summary.added).every((n) => n === 0)).toBe(true);
  });

  it('says so when a JSON-LD file holds no ClaimReview', async () => {
    const db = freshDb();
    const outcome = await importPack(
      db,
      textSource(JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle' })),
      { origin: 'file' },
    );
    expect(!outcome.ok && outcome.error).toMatch(/no ClaimReview was found/);
  });
});
