/**
 * Bundled (scripts/bench/panel.bench.ts) and evaluated inside an extension page, so the
 * queries run against Chromium's own IndexedDB, exactly as in the side panel.
 */
import Dexie from 'dexie';
import { BackstoryDB, type StatementRow } from '../../../lib/db';
import {
  actorDetails,
  actorHead,
  actorHistory,
  actorPanel,
  claimContext,
  claimHead,
  timeline,
} from '../../../lib/db/panel-queries';
import { foldKey } from '../../../lib/match/fold';
import { searchForPanel } from '../../../lib/search/search-panel';
import { BENCH_SIZE, type CacheSize, type Generated, generateCache, rng } from './generate';

let db: BackstoryDB | undefined;
const open = () => {
  db ??= new BackstoryDB();
  return db;
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function times(targets: string[], fn: (target: string) => Promise<unknown>) {
  const out: number[] = [];
  for (const t of targets) out.push(await time(() => fn(t)));
  return out;
}

/** Targets: the busiest ids (the skew puts them first) and a uniform sample of the rest. */
function sample(ids: string[], n: number, seed: number) {
  const r = rng(seed);
  const busiest = ids.slice(0, 10);
  const rest = Array.from(
    { length: n - busiest.length },
    () => ids[Math.floor(r() * ids.length)] ?? ids[0] ?? '',
  );
  return [...busiest, ...rest];
}

function queries(g: Generated, n: number) {
  const r = rng(7);
  const pick = <T>(list: T[], skew = 1) => list[Math.floor(list.length * r() ** skew)] as T;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind === 0)
      out.push(pick(g.actorNames, 2).toLowerCase()); // a full name, no accents
    else if (kind === 1)
      out.push(pick(g.actorNames).split(' ')[1]?.slice(0, 4) ?? 'ma'); // a prefix
    else if (kind === 2)
      out.push(pick(g.vocabulary.slice(1000))); // a rare word
    else if (kind === 3)
      out.push(pick(g.vocabulary.slice(0, 50))); // a very common word
    else out.push(`${pick(g.vocabulary.slice(0, 300))} ${pick(g.vocabulary.slice(300))}`); // common + rarer
  }
  return out;
}

/** The search queries by kind (see queries()), measured one kind after the other. */
async function searchByKind(g: Generated, n: number, d: BackstoryDB) {
  const all = queries(g, n);
  const out: number[][] = [];
  for (const kind of [0, 1, 2, 3, 4]) {
    out.push(
      await times(
        all.filter((_, i) => i % 5 === kind),
        (q) => searchForPanel(d, q),
      ),
    );
  }
  return out;
}

const api = {
  BENCH_SIZE,
  async generate(size: CacheSize = BENCH_SIZE) {
    const g = await generateCache(open(), size);
    (globalThis as unknown as { __generated: Generated }).__generated = g;
    return { seconds: g.seconds, counts: await counts() };
  },

  /** Milliseconds per call of each panel read, over `n` targets. */
  async measure(n: number) {
    const g = (globalThis as unknown as { __generated: Generated }).__generated;
    const d = open();
    const actors = sample(g.actorIds, n, 1);
    const claims = sample(g.claimIds, n, 2);
    // Warm-up: the first transaction opens the database and compiles the code paths.
    await actorHead(d, actors[0] ?? '');
    await actorDetails(d, actors[0] ?? '');
    await actorHistory(d, actors[0] ?? '');
    await claimHead(d, claims[0] ?? '');
    await claimContext(d, claims[0] ?? '');
    await searchForPanel(d, 'warm up');
    return {
      actorHead: await times(actors, (id) => actorHead(d, id)),
      actorDetails: await times(actors, (id) => actorDetails(d, id)),
      actorHistory: await times(actors, (id) => actorHistory(d, id)),
      /**
       * The three reads of the actor view started together (actorPanel). The panel does not: it
       * reads the head first, then the other two side by side.
       */
      actorWhole: await times(actors, (id) => actorPanel(d, id)),
      claimHead: await times(claims, (id) => claimHead(d, id)),
      claimContext: await times(claims, (id) => claimContext(d, id)),
      actorTimeline: await times(actors, (id) => timeline(d, { actorIds: [id], limit: 50 })),
      fullTimeline: await times(actors.slice(0, 20), () => timeline(d, { limit: 50 })),
      search: await times(queries(g, n), (q) => searchForPanel(d, q)),
      /** The same queries by kind (see queries()): 0 full name, 1 prefix, 2 rare, 3 common, 4 two words. */
      searchByKind: await searchByKind(g, n, d),
      statementsPerBusiestActor: await d.statements
        .where('[speakerId+_saidKey]')
        .between([g.actorIds[0], Dexie.minKey], [g.actorIds[0], Dexie.maxKey])
        .count(),
    };
  },

  /**
   * The common alternative, for comparison in the same run: the same answers without the
   * panel's indexes — a scan of the table with a filter, then a sort (what a first version
   * writes), and search as a scan comparing folded text.
   */
  async measureScans(n: number) {
    const g = (globalThis as unknown as { __generated: Generated }).__generated;
    const d = open();
    const actors = sample(g.actorIds, n, 3);
    return {
      actorStatementsByScan: await times(actors, async (id) => {
        const rows = await d.statements.filter((s) => s.speakerId === id).toArray();
        return rows
          .sort((a: StatementRow, b: StatementRow) => (a._saidKey < b._saidKey ? 1 : -1))
          .slice(0, 50);
      }),
      searchByScan: await times(queries(g, n), async (q) => {
        const folded = foldKey(q);
        const out: StatementRow[] = [];
        await d.statements.each((s) => {
          if (out.length < 20 && foldKey(s.words).includes(folded)) out.push(s);
        });
        return out;
      }),
    };
  },

  /** Ids for the click benchmark: actors and claims with something to show. */
  targets(n: number) {
    const g = (globalThis as unknown as { __generated: Generated }).__generated;
    return { actors: sample(g.actorIds, n, 4), claims: sample(g.claimIds, n, 5) };
  },
};

async function counts() {
  const d = open();
  const [actors, statements, events, claims, links] = await Promise.all([
    d.actors.count(),
    d.statements.count(),
    d.events.count(),
    d.claims.count(),
    d.links.count(),
  ]);
  return { actors, statements, events, claims, links };
}

(globalThis as unknown as { __panelBench: typeof api }).__panelBench = api;
export type PanelBenchApi = typeof api;
