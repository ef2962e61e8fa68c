/**
 * The highlighting pipeline bundled for a benchmark page (scripts/bench/highlight.bench.ts):
 * the same code the extension runs — collect (content/collect.ts), match (lib/match/engine.ts,
 * which the extension runs in its background), StaticRanges and CSS highlights — here all on the
 * page's main thread, so it can be compared with mark.js doing the same job on the same thread.
 */

import { walkBlocks } from '../../entrypoints/content/collect';
import { rangeOf } from '../../entrypoints/content/highlighter';
import { useCommonWords } from '../../lib/match/alias-rule';
import table from '../../lib/match/common-words.generated.json';
import { compileDictionary, type KnowledgeRows } from '../../lib/match/compile';
import { PageEngine } from '../../lib/match/engine';
import type { Dictionary } from '../../lib/messaging/schemas';

// The extension's background loads this table from its file before the first compile.
useCommonWords(table);

let engine: PageEngine | null = null;

const api = {
  /**
   * Compiles actors (and claims, with their links and statements, if given) into the compact
   * dictionary and builds the engine; returns timings.
   */
  build(actors: KnowledgeRows['actors'], claims?: Omit<KnowledgeRows, 'actors'>) {
    const t0 = performance.now();
    const dictionary = compileDictionary(1, {
      actors,
      claims: claims?.claims ?? [],
      links: claims?.links ?? [],
      statements: claims?.statements ?? [],
    });
    const t1 = performance.now();
    engine = new PageEngine(dictionary);
    const t2 = performance.now();
    return {
      compileMs: t1 - t0,
      buildMs: t2 - t1,
      serialisedBytes: new TextEncoder().encode(JSON.stringify(dictionary)).length,
      aliases: dictionary.aliases.keys.length,
    };
  },
  /** Builds the engine from an already compiled dictionary (what a restarted worker does). */
  load(dictionary: Dictionary) {
    const t0 = performance.now();
    engine = new PageEngine(dictionary);
    return performance.now() - t0;
  },
  drop() {
    engine = null;
  },
  /**
   * The extension's background part alone: scanning the page's block texts (collected once),
   * `rounds` times in a row; the time of each round.
   */
  scanRounds(rounds: number) {
    if (!engine) throw new Error('no engine');
    const texts: string[] = [];
    for (const block of walkBlocks(document.body, () => undefined))
      if (block) texts.push(block.text);
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      for (const text of texts) engine.scan(text);
      times.push(performance.now() - t0);
    }
    return times;
  },
  /** collect → match → StaticRanges → CSS highlights, timed by phase. */
  run() {
    if (!engine) throw new Error('no engine');
    const t0 = performance.now();
    const blocks = [];
    for (const block of walkBlocks(document.body, () => undefined)) if (block) blocks.push(block);
    const t1 = performance.now();
    const results = blocks.map((b) => (engine as PageEngine).scan(b.text));
    const t2 = performance.now();
    const highlight = new Highlight();
    let count = 0;
    blocks.forEach((block, i) => {
      for (const [start, end] of results[i]?.actors ?? []) {
        const range = rangeOf(block, start, end);
        if (range) {
          highlight.add(range);
          count++;
        }
      }
    });
    CSS.highlights.set('backstory-actor', highlight);
    const t3 = performance.now();
    return { collectMs: t1 - t0, matchMs: t2 - t1, paintMs: t3 - t2, totalMs: t3 - t0, count };
  },
};

(globalThis as unknown as { __backstory: typeof api }).__backstory = api;
