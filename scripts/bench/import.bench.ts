/**
 * Importing a large pack (100,000 statements, 10,000 actors, 5,000 events, plus 1,000 sources,
 * 2,000 claims and 20,000 links) in headless Chromium with the built extension:
 * - Backstory: the review page's own import (file picker → check and preview → import), streamed
 *   and written one transaction per chunk; timed from the page, its progress bar sampled;
 * - Backstory's importer without its UI (fetch, then check and write, streamed), and the common
 *   alternative (fetch, JSON.parse the whole file, validate it whole, one transaction for every
 *   row), both run by the same harness in the same kind of extension page.
 * Peak JS heap of the importing page is sampled through the DevTools protocol every 100 ms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchModule, BenchResult } from '../lib/bench-kit';
import { median, round } from '../lib/bench-kit';
import { launchExtensionBrowser } from '../lib/chromium';
import { startStaticServer } from '../lib/static-server';
import { BENCH_SIZES, syntheticPack } from '../lib/synthetic-pack';

const MB = 1024 * 1024;
/** Rows in the benchmark pack: statements, actors, events, sources, claims and links. */
const PACK_ROWS = Object.values(BENCH_SIZES).reduce((a, b) => a + b, 0);

/** Samples the page's used JS heap until stopped; returns the peak above the starting value. */
async function heapSampler(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const base = await used();
  let peak = base;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await used().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return { base, peak, rise: peak - base };
    },
  };
}

async function naiveBundle(): Promise<string> {
  const root = resolve(import.meta.dirname, '../..');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@': root } },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(import.meta.dirname, 'naive-import.entry.ts'),
        formats: ['iife'],
        name: 'BackstoryNaiveImport',
        fileName: () => 'naive.js',
      },
    },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  const code = first.output[0]?.code;
  if (!code) throw new Error('could not bundle the naive importer');
  return code;
}

async function backstoryRun(file: string) {
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('review.html#/sources'));
    await page.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
    await page.waitForTimeout(500);
    const heap = await heapSampler(page);
    const t0 = Date.now();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.preview').waitFor({ timeout: 120_000 });
    const checkMs = Date.now() - t0;
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const seen = new Set<string>();
    for (;;) {
      const done = await page.locator('.done').count();
      if (done > 0) break;
      const value = await page
        .locator('progress')
        .first()
        .getAttribute('value', { timeout: 100 })
        .catch(() => null);
      if (value) seen.add(value);
      if (Date.now() - t1 > 300_000) throw new Error('the import did not finish in 5 minutes');
      await page.waitForTimeout(25);
    }
    const writeMs = Date.now() - t1;
    const memory = await heap.stop();
    const summary = await page.locator('.done').innerText();
    if (!/Imported “Benchmark pack”/.test(summary)) throw new Error(`unexpected: ${summary}`);
    return { checkMs, writeMs, totalMs: checkMs + writeMs, memory, progressSteps: seen.size };
  } finally {
    await browser.close();
  }
}

/**
 * Runs one function of the harness bundle (naive-import.entry.ts) in a fresh extension page: an
 * importer given the pack's URL, or the IndexedDB floor given a number of rows.
 */
async function harnessRun(
  code: string,
  input: string | number,
  n: number,
  which: '__backstoryNaiveImport' | '__backstoryStreamedImport' | '__backstoryPutFloor',
) {
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('review.html#/sources'));
    await page.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
    await page.evaluate(code);
    const heap = await heapSampler(page);
    const ms = await page.evaluate(
      ({ arg, name, fn }) =>
        (
          globalThis as unknown as Record<
            string,
            (arg: string | number, db: string) => Promise<number>
          >
        )[fn]?.(arg, name) ?? Promise.reject(new Error(`${fn} is missing`)),
      { arg: input, name: `bench-${which}-${n}`, fn: which },
    );
    const memory = await heap.stop();
    return { ms, memory };
  } finally {
    await browser.close();
  }
}

const bench: BenchModule = {
  name: 'pack import (100k statements)',
  async run({ runs }) {
    const n = Math.max(1, Math.min(runs, 3));
    const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
    const text = syntheticPack(BENCH_SIZES);
    const file = join(dir, 'bench-pack.json');
    writeFileSync(file, text);
    const server = await startStaticServer(dir);
    const sizeMb = Buffer.byteLength(text) / MB;
    try {
      const ours = [];
      for (let i = 0; i < n; i++) ours.push(await backstoryRun(file));
      const code = await naiveBundle();
      const naive = [];
      const engine = [];
      const floor = [];
      const url = server.url('bench-pack.json');
      for (let i = 0; i < n; i++) {
        naive.push(await harnessRun(code, url, i, '__backstoryNaiveImport'));
        engine.push(await harnessRun(code, url, i, '__backstoryStreamedImport'));
        floor.push((await harnessRun(code, PACK_ROWS, i, '__backstoryPutFloor')).ms);
      }
      const s = (ms: number) => round(ms / 1000, 2);
      const mb = (bytes: number) => round(bytes / MB, 1);
      const oursTotal = median(ours.map((r) => r.totalMs));
      const naiveTotal = median(naive.map((r) => r.ms));
      const results: BenchResult[] = [
        {
          metric: 'pack size',
          value: round(sizeMb, 1),
          unit: 'MB',
          note: `${PACK_ROWS.toLocaleString('en')} rows`,
        },
        {
          metric: 'Backstory: check + preview (streamed read, validation, diff)',
          value: s(median(ours.map((r) => r.checkMs))),
          unit: 's',
        },
        {
          metric: 'Backstory: write (one transaction per 2,500 rows)',
          value: s(median(ours.map((r) => r.writeMs))),
          unit: 's',
        },
        {
          metric: 'Backstory: total, file chosen → imported',
          value: s(oursTotal),
          unit: 's',
          note: `target ≤ 10 s; median of ${n}`,
        },
        {
          metric: 'Backstory: peak JS heap rise of the importing page',
          value: mb(median(ours.map((r) => r.memory.rise))),
          unit: 'MB',
          note: `peak ${mb(median(ours.map((r) => r.memory.peak)))} MB`,
        },
        {
          metric: 'Backstory: distinct progress bar positions seen',
          value: median(ours.map((r) => r.progressSteps)),
          unit: 'steps',
        },
        {
          metric: 'Backstory importer without its UI (check + write), same harness',
          value: s(median(engine.map((r) => r.ms))),
          unit: 's',
          note: `peak JS heap rise ${mb(median(engine.map((r) => r.memory.rise)))} MB`,
        },
        {
          metric: `floor: ${PACK_ROWS.toLocaleString('en')} bare records put (no index, no Dexie), same browser`,
          value: s(median(floor)),
          unit: 's',
          note: 'no importer that keeps a record per row writes faster on this machine',
        },
        {
          metric: 'ratio: Backstory write / floor',
          value: round(median(ours.map((r) => r.writeMs)) / median(floor), 2),
          unit: '×',
          note: 'the rest is index entries (search words, provenance, dates) and the rows themselves',
        },
        {
          metric: 'alternative: JSON.parse + validate whole + one transaction',
          value: s(naiveTotal),
          unit: 's',
          note: `median of ${n}`,
        },
        {
          metric: 'alternative: peak JS heap rise',
          value: mb(median(naive.map((r) => r.memory.rise))),
          unit: 'MB',
          note: `peak ${mb(median(naive.map((r) => r.memory.peak)))} MB`,
        },
        {
          metric: 'ratio: alternative time / Backstory time',
          value: round(naiveTotal / oursTotal, 2),
          unit: '×',
          note: 'Backstory measured through its UI',
        },
        {
          metric: 'ratio: alternative time / Backstory importer time, same harness',
          value: round(naiveTotal / median(engine.map((r) => r.ms)), 2),
          unit: '×',
        },
      ];
      return results;
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
