import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { readArticle } from '../../lib/extract/article';
import { extractArticle } from '../../lib/extract/extract';
import { createAliasLookup, type KnownActor } from '../../lib/extract/known-actors';
import { loadKnown } from '../lib/articles';
import { type BenchModule, type BenchResult, median, round } from '../lib/bench-kit';

/**
 * Learning from an article, measured in Node (the extraction is pure text code; in the extension
 * it runs in the background, off the page's critical path). Side by side: the reading copy
 * (Readability on the same page), which reader modes already pay for every article, and the
 * extraction with a dictionary of 20,000 extra actors, to show that looking names up does not
 * grow with the number of aliases.
 */
const PAGES = [
  'harbour-ledger-talks',
  'meridian-post-denial',
  'civic-wire-rubio',
  'atlas-review-timeline',
];
const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/articles');

function time(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function manyActors(n: number): KnownActor[] {
  const out: KnownActor[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      id: `bench/actor/${i}`,
      name: `Person${i} Surname${i}`,
      kind: 'person',
      aliases: [{ text: `Surname${i}`, kind: 'short', caseSensitive: true }],
    });
  }
  return out;
}

const bench: BenchModule = {
  name: 'extraction',
  async run({ runs }) {
    const known = loadKnown();
    const big = createAliasLookup([...known.lookup.all(), ...manyActors(20_000)]);
    const results: BenchResult[] = [];
    const totals = { readability: [] as number[], extract: [] as number[], big: [] as number[] };
    let chars = 0;
    for (const name of PAGES) {
      const html = readFileSync(`${FIXTURES}/${name}.html`, 'utf8');
      const copy = readArticle(
        parseHTML(html).document as unknown as Document,
        'http://127.0.0.1/a.html',
      );
      if (!copy) continue;
      chars += copy.text.length;
      const input = {
        text: copy.text,
        title: copy.title,
        ...(copy.published ? { published: copy.published } : {}),
      };
      totals.readability.push(
        median(
          time(
            () =>
              readArticle(
                parseHTML(html).document as unknown as Document,
                'http://127.0.0.1/a.html',
              ),
            runs,
          ),
        ),
      );
      totals.extract.push(
        median(
          time(() => extractArticle(input, { lookup: known.lookup, claims: known.claims }), runs),
        ),
      );
      totals.big.push(
        median(time(() => extractArticle(input, { lookup: big, claims: known.claims }), runs)),
      );
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const per = (xs: number[]) => round(sum(xs) / xs.length, 1);
    results.push(
      {
        metric: `reading copy (Readability), median per article, ${PAGES.length} sample pages`,
        value: per(totals.readability),
        unit: 'ms',
        note: 'linkedom DOM; the common step',
      },
      {
        metric: 'extraction with the starter pack, median per article',
        value: per(totals.extract),
        unit: 'ms',
      },
      {
        metric: 'extraction with 20,000 more actors, median per article',
        value: per(totals.big),
        unit: 'ms',
      },
      {
        metric: 'extraction / reading copy',
        value: round(sum(totals.extract) / sum(totals.readability), 2),
        unit: '×',
      },
      {
        metric: 'extraction throughput',
        value: round(chars / 1000 / (sum(totals.extract) / 1000), 0),
        unit: 'k chars/s',
      },
    );
    const t0 = performance.now();
    createAliasLookup([...known.lookup.all(), ...manyActors(20_000)]);
    results.push({
      metric: 'building the lookup for 20,036 actors (once per knowledge version)',
      value: round(performance.now() - t0, 1),
      unit: 'ms',
    });
    return results;
  },
};

export default bench;
