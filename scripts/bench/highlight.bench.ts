/**
 * The highlighting benchmark: Backstory's engine against mark.js on the same generated pages and
 * dictionaries, in the same headless Chromium run, plus the built extension end to end.
 *
 * - in-page: collect → match → StaticRanges → CSS highlights, all on the page's main thread
 *   (the extension matches in its background instead; this is the same work mark.js does);
 * - mark.js: its documented `mark(array)` with accent folding (100 aliases; it fails beyond),
 *   and its best usage, `markRegExp` with one combined regex, timed with the forced layout its
 *   DOM wrapping causes;
 * - extension: the built extension with the dictionary in its database, measured by the content
 *   script itself (highlights/stats) and by the page (elements added, heap).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, stop } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import starter from '../../assets/packs/starter.json';
import { type Actor, Pack } from '../../lib/model';
import { waitForScan } from '../../tests/e2e/helpers/highlights';
import { type BenchModule, type BenchResult, median, quantile, round } from '../lib/bench-kit';
import { chromiumPath, type ExtensionBrowser, launchExtensionBrowser } from '../lib/chromium';
import { type StaticServer, startStaticServer } from '../lib/static-server';
import { type GeneratedPage, makeActors, makePage } from './generate';

const ROOT = resolve(import.meta.dirname, '../..');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

async function engineBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'scripts/bench/page-engine.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    minify: true,
  });
  // esbuild's service process would keep `npm run bench` from exiting.
  await stop();
  return NAME_SHIM + (out.outputFiles[0]?.text ?? '');
}

// tsx compiles page.evaluate callbacks with esbuild's keepNames, which calls a __name helper.
const NAME_SHIM = 'window.__name = (f) => f;\n';
const MARK_JS = () =>
  NAME_SHIM + readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

interface Ctx {
  browser: Browser;
  server: StaticServer;
  dir: string;
  bundle: string;
  markJs: string;
  runs: number;
}

function serve(ctx: Ctx, name: string, page: GeneratedPage): string {
  writeFileSync(join(ctx.dir, name), page.html);
  return ctx.server.url(name);
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

const frames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))),
      ),
  );

/**
 * Installs `__afterPaint()` in the page: resolves with the time just after the next frame has
 * been rendered (a requestAnimationFrame callback runs before the frame's style, layout and
 * paint; a message posted from it is handled after them). "To painted" is measured to there, for
 * us and for mark.js alike. (Waiting for two frames instead counts a whole frame interval after
 * the paint, up to ~17 ms.)
 */
const installAfterPaint = (page: Page) =>
  page.evaluate(() => {
    (globalThis as unknown as { __afterPaint: () => Promise<number> }).__afterPaint = () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            done(performance.now());
          };
          channel.port2.postMessage(null);
        }),
      );
  });

type PaintGlobals = { __afterPaint: () => Promise<number> };

/** Our engine in the page: build once per load, then one cold run. */
async function ours(ctx: Ctx, url: string, actors: Actor[]) {
  const total: number[] = [];
  const painted: number[] = [];
  const buildMs: number[] = [];
  const compileMs: number[] = [];
  const warm: number[] = [];
  let count = 0;
  let serialisedBytes = 0;
  let aliases = 0;
  for (let r = 0; r < ctx.runs; r++) {
    const page = await ctx.browser.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: ctx.bundle });
    const b = await page.evaluate(
      (a) =>
        (
          globalThis as unknown as {
            __backstory: {
              build(a: unknown): {
                compileMs: number;
                buildMs: number;
                serialisedBytes: number;
                aliases: number;
              };
            };
          }
        ).__backstory.build(a),
      actors,
    );
    buildMs.push(b.buildMs);
    compileMs.push(b.compileMs);
    serialisedBytes = b.serialisedBytes;
    aliases = b.aliases;
    await installAfterPaint(page);
    await frames(page);
    const result = await page.evaluate(async () => {
      const g = globalThis as unknown as PaintGlobals & {
        __backstory: { run(): { totalMs: number; count: number } };
      };
      const start = performance.now();
      const res = g.__backstory.run();
      const paintedAt = await g.__afterPaint();
      return { ...res, start, paintedAt };
    });
    total.push(result.totalMs);
    painted.push(result.paintedAt - result.start);
    count = result.count;
    // Warm: the same work again on the same page (a re-scan, once the code is compiled).
    warm.push(
      await page.evaluate(() => {
        CSS.highlights.clear();
        return (
          globalThis as unknown as { __backstory: { run(): { totalMs: number } } }
        ).__backstory.run().totalMs;
      }),
    );
    await page.close();
  }
  return { total, warm, painted, buildMs, compileMs, count, serialisedBytes, aliases };
}

/**
 * What the extension's background does per page load: scan the page's text with the engine it
 * keeps warm. Once with the actors alone and once with the starter pack's claims as well (the
 * claims' phrases, their statements' words, the actors who made them), as a fresh install has.
 * The first rounds warm the code up; the median of the rest.
 */
async function backgroundScan(ctx: Ctx, url: string, actors: Actor[]) {
  const pack = Pack.parse(starter);
  const out: Record<'alone' | 'claims', number[]> = { alone: [], claims: [] };
  for (const kind of ['alone', 'claims'] as const) {
    const page = await ctx.browser.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: ctx.bundle });
    const times = await page.evaluate(
      ({ rows, claims }) => {
        const api = (
          globalThis as unknown as {
            __backstory: {
              build(a: unknown, c?: unknown): unknown;
              scanRounds(n: number): number[];
            };
          }
        ).__backstory;
        api.build(rows, claims);
        return api.scanRounds(20);
      },
      {
        rows: kind === 'claims' ? [...actors, ...pack.actors] : actors,
        claims:
          kind === 'claims'
            ? { claims: pack.claims, links: pack.links, statements: pack.statements }
            : undefined,
      },
    );
    out[kind] = times.slice(8);
    await page.close();
  }
  return { alone: median(out.alone), claims: median(out.claims), claimCount: pack.claims.length };
}

/** Retained heap of the built engine, measured in a page with the DevTools protocol. */
async function retainedHeap(ctx: Ctx, url: string, actors: Actor[]): Promise<number> {
  const page = await ctx.browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: ctx.bundle });
  await page.evaluate((a) => {
    (globalThis as unknown as { __actors: unknown }).__actors = a;
  }, actors);
  const before = await heapUsed(page);
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      __actors: unknown;
      __backstory: { build(a: unknown): unknown };
    };
    g.__backstory.build(g.__actors);
  });
  const after = await heapUsed(page);
  await page.close();
  return after - before;
}

type MarkMode = 'regexp' | 'array';

/** mark.js on a fresh copy of the page; null if it failed (regex too large, stack overflow). */
async function markJs(ctx: Ctx, url: string, actors: Actor[], mode: MarkMode, runs = ctx.runs) {
  const aliases = actors.flatMap((a) => [a.name, ...a.aliases.map((x) => x.text)]);
  const total: number[] = [];
  const painted: number[] = [];
  const warm: number[] = [];
  let count = 0;
  let error: string | null = null;
  for (let r = 0; r < runs && !error; r++) {
    const page = await ctx.browser.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: ctx.markJs });
    await installAfterPaint(page);
    await frames(page);
    const result = await Promise.race([
      page.evaluate(
        async ({ aliases, mode }) => {
          const afterPaint = (globalThis as unknown as PaintGlobals).__afterPaint;
          type MarkCtor = new (
            el: Element,
          ) => {
            markRegExp(re: RegExp, o: object): void;
            mark(k: string[], o: object): void;
          };
          const Mark = (globalThis as unknown as { Mark: MarkCtor }).Mark;
          const start = performance.now();
          let marked = 0;
          let warmMs = Number.NaN;
          try {
            const instance = new Mark(document.body) as InstanceType<MarkCtor> & {
              unmark(o: object): void;
            };
            if (mode === 'regexp') {
              const escaped = [...aliases]
                .sort((a, b) => b.length - a.length)
                .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
              const re = new RegExp(
                `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`,
                'giu',
              );
              instance.markRegExp(re, {
                done: (n: number) => {
                  marked = n;
                },
              });
              void document.body.offsetHeight;
              const first = performance.now();
              // Painted before the warm re-run, so the re-run is not billed to the first paint.
              const paintedAt = await afterPaint();
              instance.unmark({});
              const again = performance.now();
              instance.markRegExp(re, {});
              void document.body.offsetHeight;
              warmMs = performance.now() - again;
              return { ms: first - start, start, marked, warmMs, paintedAt };
            } else {
              instance.mark(aliases, {
                diacritics: true,
                separateWordSearch: false,
                accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?'] },
                done: (n: number) => {
                  marked = n;
                },
              });
            }
            void document.body.offsetHeight; // the layout its DOM wrapping forces
          } catch (e) {
            return { error: e instanceof Error ? e.message : String(e) };
          }
          const ms = performance.now() - start;
          return { ms, start, marked, warmMs, paintedAt: await afterPaint() };
        },
        { aliases, mode },
      ),
      new Promise<{ error: string }>((done) =>
        setTimeout(() => done({ error: 'did not finish in 60 s' }), 60_000),
      ),
    ]);
    if ('error' in result) {
      error = result.error ?? 'failed';
    } else {
      total.push(result.ms);
      painted.push(result.paintedAt - result.start);
      if (!Number.isNaN(result.warmMs)) warm.push(result.warmMs);
      count = result.marked;
    }
    await page.close().catch(() => undefined);
  }
  return { total, painted, warm, count, error };
}

/** The page's own DOM edits with no highlights, with our StaticRanges, and with live Ranges. */
async function mutationTax(ctx: Ctx, url: string, actors: Actor[]) {
  const page = await ctx.browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: ctx.bundle });
  await page.evaluate(
    (a) =>
      (globalThis as unknown as { __backstory: { build(a: unknown): unknown } }).__backstory.build(
        a,
      ),
    actors,
  );
  // Each measurement starts from a collected heap: the garbage of setting up a condition (our
  // scan allocates) would otherwise be collected during that condition's edits and billed to it.
  const cdp = await page.context().newCDPSession(page);
  const work = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return page.evaluate(() => {
      const article = document.querySelector('article') as HTMLElement;
      const t0 = performance.now();
      for (let i = 0; i < 2000; i++) {
        const p = document.createElement('p');
        p.textContent = `inserted paragraph ${i}`;
        article.insertBefore(p, article.children[i % 50] ?? null);
        const first = article.querySelector('p')?.firstChild;
        if (first && first.nodeType === 3) (first as Text).insertData(0, 'x');
        p.remove();
      }
      return performance.now() - t0;
    });
  };
  const none: number[] = [];
  const statics: number[] = [];
  const lives: number[] = [];
  const paintOurs = () =>
    page.evaluate(() => {
      CSS.highlights.clear();
      (globalThis as unknown as { __backstory: { run(): unknown } }).__backstory.run();
    });
  // Without and with our highlights, in alternating order, so neither is always measured first;
  // more rounds than other measures, as one round is short (~20 ms) and its noise is large.
  const rounds = Math.max(ctx.runs, 15);
  for (let r = 0; r < rounds; r++) {
    for (const withOurs of r % 2 === 0 ? [false, true] : [true, false]) {
      if (withOurs) {
        await paintOurs();
        statics.push(await work());
      } else {
        await page.evaluate(() => CSS.highlights.clear());
        none.push(await work());
      }
    }
  }
  // Live Ranges last, one set of them measured several times: they stay registered with the
  // document until they are collected, and would slow down whatever was measured after them.
  await paintOurs();
  await page.evaluate(() => {
    const live = new Highlight();
    for (const r of CSS.highlights.get('backstory-actor') ?? []) {
      const s = r as AbstractRange;
      const range = document.createRange();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      live.add(range);
    }
    CSS.highlights.clear();
    CSS.highlights.set('live', live);
  });
  for (let r = 0; r < ctx.runs; r++) lives.push(await work());
  await cdp.detach();
  await page.close();
  // The slowdown from rounds taken in pairs (the two conditions of one round, next to each other
  // in time): the machine's drift over the whole measurement cancels out of each pair's ratio.
  const paired = statics.map((s, r) => s / (none[r] ?? s) - 1);
  return {
    none: median(none),
    statics: median(statics),
    lives: median(lives),
    slowdown: median(paired) * 100,
  };
}

/** Writes actors into the extension's database (from an extension page) and bumps the version. */
async function loadIntoExtension(page: Page, actors: Actor[]) {
  await page.evaluate(async (rows) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    };
    // The background opens (and creates) the database before it answers.
    await chrome.runtime.sendMessage({ channel: 'backstory', type: 'settings/get', payload: {} });
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('backstory');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(['actors', 'settings'], 'readwrite');
      const store = tx.objectStore('actors');
      for (const row of rows) store.put({ ...row, _aliasKeys: [] });
      const settings = tx.objectStore('settings');
      const get = settings.get('knowledgeVersion');
      get.onsuccess = () => {
        const value = typeof get.result?.value === 'number' ? get.result.value : 0;
        settings.put({ key: 'knowledgeVersion', value: value + 1 });
      };
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, actors);
}

/**
 * The page's first contentful paint, ms after its navigation began: waited for, since `goto`
 * can return before the first frame (NaN if none comes within 5 s).
 */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        });
        observer.observe({ type: 'paint', buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN);
        }, 5000);
      }),
  );
}

/** Changes the extension's settings as its own pages do (settings/update). */
async function updateSettings(admin: Page, change: Record<string, unknown>) {
  await admin.evaluate(async (payload) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    };
    await chrome.runtime.sendMessage({ channel: 'backstory', type: 'settings/update', payload });
  }, change);
}

/**
 * A page loaded right after the service worker was stopped, as it is after half a minute without
 * events: the worker starts with the tab's navigation, so its start-up, the dictionary's read
 * and the matcher's build race the page's own loading. The figures are asked through an
 * extension page (`admin`), which outlives the worker.
 */
async function workerStopped(
  browser: ExtensionBrowser,
  admin: Page,
  url: string,
  ctx: Ctx,
): Promise<Record<string, number[]>> {
  const cdp = await admin.context().newCDPSession(admin);
  await cdp.send('ServiceWorker.enable');
  const m: Record<string, number[]> = { toVisiblePaintMs: [], toPaintMs: [], fromNavigation: [] };
  for (let r = 0; r < Math.max(ctx.runs, 8); r++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((done) => setTimeout(done, 500));
    const page = await browser.context.newPage();
    await page.goto(url);
    const stats = await waitForScan(browser, page, 120_000, admin);
    m.toVisiblePaintMs?.push(stats.toVisiblePaintMs ?? Number.NaN);
    m.toPaintMs?.push(stats.toPaintMs);
    m.fromNavigation?.push(
      (stats.startedAtMs ?? Number.NaN) + (stats.toVisiblePaintMs ?? Number.NaN),
    );
    await page.close();
  }
  await cdp.detach();
  return m;
}

/**
 * Page loads per page for the built extension: at least 15. Its figures move by several
 * milliseconds between loads (a garbage collection landing in our slices or not, the message hops
 * through the browser), so 7 loads gave medians that moved by 2-4 ms between runs, and a p95 that
 * was the worst load.
 */
const extensionLoads = (ctx: Ctx) => Math.max(ctx.runs, 15);

async function extension(
  ctx: Ctx,
  pages: { name: string; url: string }[],
  actors: Actor[],
  { paused = true, stopped = false } = {},
) {
  const browser = await launchExtensionBrowser();
  const out: Record<string, Record<string, number[]>> = {};
  try {
    const admin = await browser.context.newPage();
    await admin.goto(browser.extensionUrl('review.html'));
    await loadIntoExtension(admin, actors);
    // Learning off: each load would otherwise be captured and learned from in the background
    // while the next one loads, and on a two-core machine that work competes with the page for
    // the CPU. This measures highlighting alone; docs/extraction.md has pages loaded while the
    // one before is being learned from.
    await updateSettings(admin, { learning: false });
    for (const { name, url } of pages) {
      const m: Record<string, number[]> = {
        mainThreadMs: [],
        longestSliceMs: [],
        toHighlightsMs: [],
        toPaintMs: [],
        toVisiblePaintMs: [],
        firstPaintMs: [],
        startedAtMs: [],
        loadMs: [],
        visibleAfterFirstPaintMs: [],
        fromNavigation: [],
        elementsAdded: [],
        highlights: [],
        scriptMs: [],
        heapMB: [],
      };
      // Two warm-up loads. The dictionary was written straight into the database, which the
      // background's knowledge watcher does not see: the first load is answered with the
      // remembered version's dictionary while the version is read again, the second compiles
      // the dictionary of the new version.
      for (let r = -2; r < extensionLoads(ctx); r++) {
        const page = await browser.context.newPage();
        await page.addInitScript(() => {
          document.addEventListener('DOMContentLoaded', () => {
            (window as unknown as { __elements: number }).__elements =
              document.querySelectorAll('*').length;
          });
        });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(url);
        const stats = await waitForScan(browser, page, 120_000);
        // All JavaScript run on the page's main thread since navigation: the generated pages have
        // no scripts, so this is the content script, messaging and validation included.
        const { metrics } = (await cdp.send('Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        await cdp.detach();
        const scriptMs = (metrics.find((x) => x.name === 'ScriptDuration')?.value ?? 0) * 1000;
        const heap = await heapUsed(page);
        const fcp = await firstContentfulPaint(page);
        const added = await page.evaluate(
          () =>
            document.querySelectorAll('*').length -
            (window as unknown as { __elements: number }).__elements,
        );
        if (r >= 0) {
          m.mainThreadMs?.push(stats.mainThreadMs);
          m.longestSliceMs?.push(stats.longestSliceMs);
          m.toHighlightsMs?.push(stats.toHighlightsMs);
          m.toPaintMs?.push(stats.toPaintMs);
          m.toVisiblePaintMs?.push(stats.toVisiblePaintMs ?? Number.NaN);
          m.firstPaintMs?.push(fcp);
          m.startedAtMs?.push(stats.startedAtMs ?? Number.NaN);
          m.loadMs?.push(stats.loadMs ?? Number.NaN);
          m.visibleAfterFirstPaintMs?.push(
            (stats.startedAtMs ?? Number.NaN) + (stats.toVisiblePaintMs ?? Number.NaN) - fcp,
          );
          m.fromNavigation?.push(
            (stats.startedAtMs ?? Number.NaN) + (stats.toVisiblePaintMs ?? Number.NaN),
          );
          m.elementsAdded?.push(added);
          m.highlights?.push(stats.actors + stats.ambiguous);
          m.scriptMs?.push(scriptMs);
          m.heapMB?.push(heap / 1e6);
        }
        await page.close();
      }
      out[name] = m;
    }
    if (stopped && pages[0]) out.stopped = await workerStopped(browser, admin, pages[0].url, ctx);
    if (!paused) return out;
    // The fixed cost of the content script on a page where it does nothing (paused): loading
    // the script (webextension-polyfill, zod schemas) and asking for the page's policy.
    await updateSettings(admin, { paused: true });
    const fixed: number[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      const page = await browser.context.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(pages[0]?.url ?? '');
      await page.waitForTimeout(500);
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      fixed.push((metrics.find((x) => x.name === 'ScriptDuration')?.value ?? 0) * 1000);
      await page.close();
    }
    out.paused = { scriptMs: fixed };
  } finally {
    await browser.close();
  }
  return out;
}

const bench: BenchModule = {
  name: 'highlight',
  async run({ runs }) {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
    const server = await startStaticServer(dir);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
    const ctx: Ctx = {
      browser,
      server,
      dir,
      bundle: await engineBundle(),
      markJs: MARK_JS(),
      runs,
    };
    const results: BenchResult[] = [];
    const add = (metric: string, value: number, unit: string, note?: string) =>
      results.push({ metric, value: round(value), unit, ...(note ? { note } : {}) });
    try {
      // Dictionaries of 1k, 10k, 100k aliases on the ~10,000-word page.
      for (const size of [1_000, 10_000, 100_000]) {
        const actors = makeActors(size, size);
        const page = makePage(actors, 10_000, 150, { seed: size });
        const url = serve(ctx, `page-10k-${size}.html`, page);
        const o = await ours(ctx, url, actors);
        const label = `${size / 1000}k aliases`;
        add(
          `build: compile from rows (once per knowledge change), ${label} (p50)`,
          median(o.compileMs),
          'ms',
        );
        add(`build: matcher from the compact form, ${label} (p50)`, median(o.buildMs), 'ms');
        add(`build: serialised dictionary, ${label}`, o.serialisedBytes / 1e6, 'MB');
        add(`build: retained heap, ${label}`, (await retainedHeap(ctx, url, actors)) / 1e6, 'MB');
        add(`10k words, ${label}: ours main thread (p50)`, median(o.total), 'ms');
        add(`10k words, ${label}: ours main thread (p95)`, quantile(o.total, 0.95), 'ms');
        add(`10k words, ${label}: ours main thread, warm re-run (p50)`, median(o.warm), 'ms');
        add(`10k words, ${label}: ours to painted (p50)`, median(o.painted), 'ms');
        add(`10k words, ${label}: ours highlights`, o.count, 'ranges');
        if (size === 10_000) {
          const scan = await backgroundScan(ctx, url, actors);
          add(`10k words, ${label}: background scan, warm (p50)`, scan.alone, 'ms');
          add(
            `10k words, ${label} + the starter pack's ${scan.claimCount} claims: background scan, warm (p50)`,
            scan.claims,
            'ms',
            "the extension's service worker does this per page load",
          );
        }
        const m = await markJs(ctx, url, actors, 'regexp');
        if (m.error) {
          add(`10k words, ${label}: mark.js markRegExp`, Number.NaN, 'ms', `failed: ${m.error}`);
        } else {
          add(`10k words, ${label}: mark.js markRegExp (p50)`, median(m.total), 'ms');
          add(`10k words, ${label}: mark.js markRegExp to painted (p50)`, median(m.painted), 'ms');
          add(`10k words, ${label}: mark.js marks`, m.count, 'marks');
          add(
            `10k words, ${label}: ratio markRegExp / ours (p50)`,
            median(m.total) / median(o.total),
            '×',
          );
          add(`10k words, ${label}: mark.js markRegExp, warm re-run (p50)`, median(m.warm), 'ms');
          add(
            `10k words, ${label}: ratio markRegExp / ours, warm (p50)`,
            median(m.warm) / median(o.warm),
            '×',
          );
        }
      }

      // mark.js's documented usage, mark(array) with accent folding, at 100 aliases (and 1,000).
      const hundred = makeActors(100, 100, true);
      const pageHundred = makePage(hundred, 10_000, 150, { seed: 100, fullNamesOnly: true });
      const urlHundred = serve(ctx, 'page-10k-100.html', pageHundred);
      const o100 = await ours(ctx, urlHundred, hundred);
      add('10k words, 100 aliases: ours main thread (p50)', median(o100.total), 'ms');
      add('10k words, 100 aliases: ours highlights', o100.count, 'ranges');
      add('10k words, 100 aliases: ours main thread, warm re-run (p50)', median(o100.warm), 'ms');
      const arr = await markJs(ctx, urlHundred, hundred, 'array', Math.min(runs, 3));
      if (arr.error)
        add('10k words, 100 aliases: mark.js mark(array)', Number.NaN, 'ms', arr.error);
      else {
        add('10k words, 100 aliases: mark.js mark(array) (p50)', median(arr.total), 'ms');
        add('10k words, 100 aliases: mark.js mark(array) marks', arr.count, 'marks');
        add(
          '10k words, 100 aliases: ratio mark(array) / ours (p50)',
          median(arr.total) / median(o100.total),
          '×',
        );
        add(
          '10k words, 100 aliases: ratio mark(array) / ours warm (p50)',
          median(arr.total) / median(o100.warm),
          '×',
        );
      }
      // The same page with the built extension, which matches in its background: what the
      // reader's page itself pays for the same highlights, against mark(array) on that page.
      const ext100 = (
        await extension(ctx, [{ name: 'p', url: urlHundred }], hundred, {
          paused: false,
        })
      ).p;
      const ext100Ms = median(ext100?.mainThreadMs ?? []);
      add('extension, 10k words, 100 aliases: main thread (p50)', ext100Ms, 'ms');
      add(
        'extension, 10k words, 100 aliases: highlights',
        median(ext100?.highlights ?? []),
        'ranges',
      );
      if (!arr.error) {
        add(
          "10k words, 100 aliases: ratio mark(array) / extension's page main thread (p50)",
          median(arr.total) / ext100Ms,
          '×',
          'the page pays for collecting and painting; matching runs in the background',
        );
      }

      const thousand = makeActors(1000, 1000, true);
      const urlThousand = serve(
        ctx,
        'page-10k-1000-full.html',
        makePage(thousand, 10_000, 150, { seed: 1000, fullNamesOnly: true }),
      );
      const arr1k = await markJs(ctx, urlThousand, thousand, 'array', 1);
      add(
        '10k words, 1k aliases: mark.js mark(array)',
        arr1k.error ? Number.NaN : median(arr1k.total),
        'ms',
        arr1k.error ? `failed: ${arr1k.error}` : undefined,
      );

      // The page's own DOM edits with our highlights present.
      const ten = makeActors(10_000, 10_000);
      const url10 = ctx.server.url('page-10k-10000.html');
      const tax = await mutationTax(ctx, url10, ten);
      add('page DOM edits, no highlights (p50)', tax.none, 'ms');
      add('page DOM edits, with our StaticRange highlights (p50)', tax.statics, 'ms');
      add('page DOM edits, with live Range highlights (p50)', tax.lives, 'ms');
      add('page DOM edits slowdown with StaticRanges (p50 of paired rounds)', tax.slowdown, '%');

      // The ~100,000-word page, all on the main thread (for scale).
      const page100k = makePage(ten, 100_000, 1500, { seed: 99 });
      const url100k = serve(ctx, 'page-100k-10000.html', page100k);
      const big = await ours({ ...ctx, runs: Math.min(runs, 3) }, url100k, ten);
      add('100k words, 10k aliases: in-page all work (p50)', median(big.total), 'ms');
      const bigMark = await markJs(ctx, url100k, ten, 'regexp', Math.min(runs, 3));
      if (!bigMark.error) {
        add('100k words, 10k aliases: mark.js markRegExp (p50)', median(bigMark.total), 'ms');
      }

      // The same pages' heap in a browser without the extension, for the content script's share.
      const plainHeap: Record<string, number> = {};
      for (const [name, url] of [
        ['10k words', url10],
        ['100k words', url100k],
      ] as const) {
        const page = await ctx.browser.newPage();
        await page.goto(url);
        plainHeap[name] = (await heapUsed(page)) / 1e6;
        await page.close();
      }

      // The built extension, end to end, with the 10k-alias dictionary in its database.
      const ext = await extension(
        ctx,
        [
          { name: '10k words', url: url10 },
          { name: '100k words', url: url100k },
        ],
        ten,
        { stopped: true },
      );
      add(
        'extension, paused: all JS on the main thread, CDP (p50)',
        median(ext.paused?.scriptMs ?? []),
        'ms',
        'the fixed cost of loading the content script and asking for the page policy',
      );
      const stopped = ext.stopped;
      if (stopped) {
        const label = 'extension, 10k words, 10k aliases, the worker stopped before each load';
        add(
          `${label}: script start to the highlights in view painted (p50)`,
          median(stopped.toVisiblePaintMs ?? []),
          'ms',
          'the worker starts with the navigation and builds the matcher before the page asks',
        );
        add(`${label}: script start to painted (p50)`, median(stopped.toPaintMs ?? []), 'ms');
        add(
          `${label}: navigation to the highlights in view painted (p50)`,
          median(stopped.fromNavigation ?? []),
          'ms',
        );
      }
      for (const [name, m] of Object.entries(ext)) {
        if (name === 'paused' || name === 'stopped') continue;
        const p50 = (k: string) => median(m[k] ?? []);
        add(`extension, ${name}, 10k aliases: main thread (p50)`, p50('mainThreadMs'), 'ms');
        add(
          `extension, ${name}, 10k aliases: main thread (p95)`,
          quantile(m.mainThreadMs ?? [], 0.95),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: longest task of ours (p50 of runs)`,
          p50('longestSliceMs'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: longest task of ours (worst run)`,
          Math.max(...(m.longestSliceMs ?? [0])),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: script start to highlights set (p50)`,
          p50('toHighlightsMs'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: script start to painted (p50)`,
          p50('toPaintMs'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: script start to the highlights in view painted (p50)`,
          p50('toVisiblePaintMs'),
          'ms',
          'the blocks on screen are matched in a request of their own, answered first',
        );
        add(
          `extension, ${name}, 10k aliases: the highlights in view painted, after the page's first contentful paint (p50)`,
          p50('visibleAfterFirstPaintMs'),
          'ms',
          'how long the page shows its text without them',
        );
        add(
          `extension, ${name}, 10k aliases: navigation to the highlights in view painted (p50)`,
          p50('fromNavigation'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: content script start, after navigation (p50)`,
          p50('startedAtMs'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: loading the content script, to its start (p50)`,
          p50('loadMs'),
          'ms',
          'its modules evaluated; it builds no schema then (tests/unit/build/content-schemas.test.ts)',
        );
        add(
          `extension, ${name}, 10k aliases: the page's first contentful paint, after navigation (p50)`,
          p50('firstPaintMs'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: DOM elements added`,
          Math.max(...(m.elementsAdded ?? [0])),
          'elements',
        );
        add(`extension, ${name}, 10k aliases: highlights`, p50('highlights'), 'ranges');
        add(
          `extension, ${name}, 10k aliases: all JS on the main thread, CDP (p50)`,
          p50('scriptMs'),
          'ms',
        );
        add(
          `extension, ${name}, 10k aliases: page JS heap with the content script (p50)`,
          p50('heapMB'),
          'MB',
        );
        add(
          `plain, ${name}: page JS heap without the extension`,
          plainHeap[name] ?? Number.NaN,
          'MB',
        );
      }
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return results;
  },
};

export default bench;
