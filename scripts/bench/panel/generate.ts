import type Dexie from 'dexie';
import { actorRow, type BackstoryDB, eventRow, statementRow } from '../../../lib/db';
import type { Actor, Claim, ClaimLink, Event, Source, Statement } from '../../../lib/model';

/**
 * A generated cache for the panel benchmark: realistic shapes and skew (a few actors speak a
 * lot, most rarely; a few words are everywhere, most are rare), reproducible from a seed.
 */
export interface CacheSize {
  actors: number;
  statements: number;
  events: number;
  claims: number;
  sources: number;
}

export const BENCH_SIZE: CacheSize = {
  actors: 10_000,
  statements: 100_000,
  events: 5_000,
  claims: 5_000,
  sources: 2_000,
};

/** mulberry32: a small, fast, seedable generator. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, n) with a Zipf-like skew: index 0 is the most frequent. */
const skewed = (r: () => number, n: number, power = 2.2) => Math.floor(n * r() ** power);

const SYLLABLES =
  'ba be bi bo da de di do ga go la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi za zo cas ter mon del rio san val mar cor'.split(
    ' ',
  );
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó' };

function word(r: () => number, syllables: number) {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

function name(r: () => number) {
  const part = () => {
    let w = word(r, 2 + Math.floor(r() * 2));
    // One name in three carries an accent, as Spanish and Portuguese names do.
    if (r() < 0.33) w = w.replace(/[aeio]/, (c) => ACCENTED[c] ?? c);
    return w[0]?.toUpperCase() + w.slice(1);
  };
  return `${part()} ${part()}${r() < 0.3 ? `-${part()}` : ''}`;
}

function partialDate(r: () => number, fromYear: number, toYear: number) {
  const year = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const p = r();
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  if (p < 0.1) return String(year);
  if (p < 0.3) return `${year}-${month}`;
  return `${year}-${month}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
}

const KINDS = [
  'person',
  'person',
  'person',
  'organization',
  'country',
  'government',
  'outlet',
] as const;
const STANCES = ['states', 'states', 'denies', 'denies', 'qualifies', 'supports'] as const;
const PROV = ['pack:bench'];

export interface Generated {
  actorIds: string[];
  /** Names as typed without accents, for search queries. */
  actorNames: string[];
  claimIds: string[];
  vocabulary: string[];
  seconds: number;
}

/** Writes the generated cache in chunks; returns what the queries need to pick targets. */
export async function generateCache(
  db: BackstoryDB,
  size: CacheSize,
  seed = 42,
): Promise<Generated> {
  const started = performance.now();
  const r = rng(seed);
  const vocabulary = Array.from({ length: 6000 }, (_, i) =>
    i < 300 ? word(r, 1 + (i % 2)) : word(r, 2 + (i % 3)),
  );
  const sentence = (min: number, max: number) =>
    Array.from(
      { length: min + Math.floor(r() * (max - min)) },
      () => vocabulary[skewed(r, vocabulary.length, 3)],
    ).join(' ');

  const actors: Actor[] = Array.from({ length: size.actors }, (_, i) => {
    const n = name(r);
    return {
      id: `bench/actor/${i}`,
      name: n,
      kind: KINDS[i % KINDS.length] ?? 'person',
      aliases: [{ text: n.split(' ').at(-1) ?? n, kind: 'short' as const }],
      roles:
        i % 3 === 0
          ? [{ title: `Minister of ${word(r, 2)}`, from: partialDate(r, 2000, 2020) }]
          : [],
      description: sentence(6, 12),
      provenance: PROV,
    };
  });
  const sources: Source[] = Array.from({ length: size.sources }, (_, i) => ({
    id: `bench/source/${i}`,
    outlet: `${word(r, 2)} ${['Times', 'Post', 'Wire', 'Ledger'][i % 4]}`,
    title: sentence(5, 10),
    url: `https://news${i % 50}.example/${i}`,
    published: partialDate(r, 1990, 2026),
    provenance: PROV,
  }));
  const statements: Statement[] = Array.from({ length: size.statements }, (_, i) => {
    const words = sentence(10, 30);
    const source = `bench/source/${skewed(r, size.sources, 1.5)}`;
    return {
      id: `bench/statement/${i}`,
      speakerId: `bench/actor/${skewed(r, size.actors)}`,
      words,
      kind: r() < 0.5 ? 'quote' : 'reported',
      medium: r() < 0.3 ? 'interview' : undefined,
      said: r() < 0.8 ? partialDate(r, 1990, 2026) : undefined,
      citations: [
        {
          sourceId: source,
          selector: { type: 'TextQuoteSelector', exact: words.split(' ').slice(0, 8).join(' ') },
        },
      ],
      provenance: PROV,
    } as Statement;
  });
  const claims: Claim[] = Array.from({ length: size.claims }, (_, i) => ({
    id: `bench/claim/${i}`,
    claimantId: `bench/actor/${skewed(r, size.actors)}`,
    gist: `${actors[skewed(r, size.actors)]?.name} ${sentence(6, 14)}.`,
    keyPhrases: [sentence(2, 4)],
    provenance: PROV,
  }));
  // About a third of statements answer a claim; popular claims draw most of them.
  const links: ClaimLink[] = [];
  for (let i = 0; i < size.statements; i += 3) {
    const claimId = `bench/claim/${skewed(r, size.claims, 1.8)}`;
    links.push({
      id: `bench/link/${i}`,
      claimId,
      statementId: `bench/statement/${i}`,
      stance: STANCES[Math.floor(r() * STANCES.length)] ?? 'denies',
      origin: 'pack',
      confidence: 1,
      provenance: PROV,
    });
  }
  const events: Event[] = Array.from({ length: size.events }, (_, i) => ({
    id: `bench/event/${i}`,
    date: partialDate(r, 1950, 2026),
    text: sentence(8, 20),
    actorIds: [
      ...new Set(
        Array.from(
          { length: 1 + Math.floor(r() * 4) },
          () => `bench/actor/${skewed(r, size.actors, 1.8)}`,
        ),
      ),
    ],
    sourceIds: [`bench/source/${skewed(r, size.sources)}`],
    provenance: PROV,
  }));

  const CHUNK = 5000;
  const put = async <T>(table: Dexie.Table<T, string>, rows: T[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) await table.bulkPut(rows.slice(i, i + CHUNK));
  };
  await put(db.actors, actors.map(actorRow));
  await put(db.sources, sources);
  await put(db.statements, statements.map(statementRow));
  await put(db.claims, claims);
  await put(db.links, links);
  await put(db.events, events.map(eventRow));
  return {
    actorIds: actors.map((a) => a.id),
    actorNames: actors.map((a) => a.name.normalize('NFD').replace(/\p{M}/gu, '')),
    claimIds: claims.map((c) => c.id),
    vocabulary,
    seconds: (performance.now() - started) / 1000,
  };
}
