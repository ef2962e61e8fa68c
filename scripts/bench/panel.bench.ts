/**
 * The side panel with a large cache: 10,000 actors, 100,000 statements, 5,000 events (plus
 * 5,000 claims, 33,334 links, 2,000 sources), generated inside the extension's own IndexedDB in
 * headless Chromium. Measures each view's database reads (p50/p95), search, and the time from a
 * click to the panel's first content; and, in the same run, the same reads done by scanning the
 * table (the common alternative without the panel's indexes).
 */
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type BenchModule, type BenchResult, median, quantile, round } from '../lib/bench-kit';
import { highlightPoint, launchExtensionBrowser, waitForHighlights } from '../lib/chromium';
import { bundleForPage } from '../lib/page-bundle';
import { startStaticServer } from '../lib/static-server';
import type { PanelBenchApi } from './panel/in-page';

const ROOT = resolve(import.meta.dirname, '../..');

type Api = PanelBenchApi;
const call = <K extends keyof Api>(page: Page, key: K, ...args: unknown[]) =>
  page.evaluate(
    ({ key, args }) =>
      (
        (globalThis as unknown as { __panelBench: Record<string, (...a: unknown[]) => unknown> })
          .__panelBench[key] as (...a: unknown[]) => unknown
      )(...args),
    { key: key as string, args },
  ) as Promise<Awaited<ReturnType<Api[K] extends (...a: never[]) => unknown ? Api[K] : never>>>;

function stats(module: string, metric: string, values: number[], note?: string): BenchResult[] {
  return [
    {
      module,
      metric: `${metric} p50`,
      value: round(median(values)),
      unit: 'ms',
      ...(note ? { note } : {}),
    },
    { module, metric: `${metric} p95`, value: round(quantile(values, 0.95)), unit: 'ms' },
  ];
}

/**
 * Installed in the panel page as a string: functions written inside page.evaluate callbacks get
 * tsx's `__name` helper, which does not exist in the page.
 * `__markViews()` marks the views on screen as old; `__nextView(clock, what)` resolves with the time
 * at which a new view shows its heading and first statement (or its empty state), painted.
 */
const PANEL_HELPERS = `
window.__markViews = function () {
  for (const v of document.querySelectorAll('.view')) v.dataset.old = '1';
};
window.__nextView = function (clock, what) {
  return new Promise(function (resolve, reject) {
    const timer = setTimeout(function () {
      observer.disconnect();
      reject(new Error('no new view with a heading and a statement (or empty state) within 20 s: ' + what));
    }, 20000);
    const observer = new MutationObserver(function () {
      const view = document.querySelector('.view:not([data-old])');
      if (view && view.querySelector('h1') && view.querySelector('.statement, .empty')) {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(function () { resolve(clock === 'wall' ? Date.now() : performance.now()); });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
};
window.__timeTargets = async function (list) {
  const out = [];
  for (const target of list) {
    window.__markViews();
    const t0 = performance.now();
    const shown = window.__nextView('perf', JSON.stringify(target));
    await chrome.storage.session.set({ 'panel:target': { target, at: Date.now() } });
    out.push((await shown) - t0);
  }
  return out;
};
`;

/**
 * Sets the panel's target the way the background does after a highlight click, and times the
 * panel until the new view's heading and first statement (or its empty state) are painted.
 */
async function timeTargets(panel: Page, targets: { kind: 'actor' | 'claim'; id: string }[]) {
  return (await panel.evaluate(`window.__timeTargets(${JSON.stringify(targets)})`)) as number[];
}

/** Hover cards found still open after the pointer left the text (see timeHighlightClicks). */
const stuckCards: string[] = [];

/**
 * End to end: a real click on a highlighted name in a page, to the panel's first content (from
 * the click; the pointer's move there and the card's closing are not timed).
 */
async function timeHighlightClicks(panel: Page, article: Page, names: string[], rounds: number) {
  const out: number[] = [];
  stuckCards.length = 0;
  for (let i = 0; i < rounds; i++) {
    const name = names[i % names.length] ?? '';
    const point = await highlightPoint(article, 'backstory-actor', name);
    if (!point) throw new Error(`no highlight for ${name}`);
    // The last click left the pointer on a highlight, whose hover card may cover this one (a
    // click on the card is the card's, as it is for a reader): move off the text, let it close.
    await article.mouse.move(2, 2);
    const closed = () =>
      article.waitForFunction("!document.querySelector('backstory-ui')", undefined, {
        timeout: 5_000,
      });
    if (
      !(await closed().then(
        () => true,
        () => false,
      ))
    ) {
      // Reported, then closed as a reader would (Escape), so one stuck card does not end the run.
      stuckCards.push(`before a click on ${name} (round ${i})`);
      await article.screenshot({ path: join(tmpdir(), `backstory-stuck-card-${i}.png`) });
      await article.keyboard.press('Escape');
      await closed();
    }
    await panel.evaluate('window.__markViews()');
    const shown = panel.evaluate(
      `window.__nextView('wall', ${JSON.stringify(`a click on ${name}`)})`,
    ) as Promise<number>;
    const t0 = Date.now();
    await article.mouse.click(point.x, point.y);
    out.push((await shown) - t0);
  }
  return out;
}

const panelBench: BenchModule = {
  name: 'panel',
  async run({ runs }) {
    const module = 'panel';
    const n = Math.max(40, runs * 15);
    const code = await bundleForPage('scripts/bench/panel/in-page.ts');
    const loadAtStart = loadavg()[0] ?? 0;
    const server = await startStaticServer(resolve(ROOT, 'tests/fixtures'));
    const browser = await launchExtensionBrowser();
    try {
      const work = await browser.context.newPage();
      await work.goto(browser.extensionUrl('sidepanel.html?kind=history'));
      await work.locator('.event').first().waitFor({ timeout: 30_000 }); // the starter pack is in
      await work.evaluate(code);
      const step = (what: string) => process.stderr.write(`  panel: ${what}\n`);
      step('generating the cache');
      const generated = await call(work, 'generate');
      const results: BenchResult[] = [
        {
          module,
          metric: 'generated cache: rows',
          value: generated.counts.statements,
          unit: 'statements',
          note: `${generated.counts.actors} actors, ${generated.counts.events} events, ${generated.counts.claims} claims, ${generated.counts.links} links; written in ${round(generated.seconds, 1)} s`,
        },
      ];

      step('measuring reads');
      const m = await call(work, 'measure', n);
      results.push(
        ...stats(
          module,
          'actor view, first screen (head)',
          m.actorHead,
          `${n} actors; the busiest has ${m.statementsPerBusiestActor} statements`,
        ),
        ...stats(module, 'actor view, claims and positions (details)', m.actorDetails),
        ...stats(module, 'actor view, recent events (history)', m.actorHistory),
        ...stats(
          module,
          'actor view, all three reads started together',
          m.actorWhole,
          'not a target: the panel shows each part as it arrives',
        ),
        ...stats(module, 'claim view, first screen (head)', m.claimHead, `${n} claims`),
        ...stats(module, 'claim view, the rest (named actors, history)', m.claimContext),
        ...stats(module, "an actor's timeline, first 50 events", m.actorTimeline),
        ...stats(module, 'full timeline, first 50 events', m.fullTimeline),
        ...stats(
          module,
          'search (results resolved for display)',
          m.search,
          `${n} queries: names without accents, prefixes, rare, common and two-word queries`,
        ),
      );

      const kinds = [
        'a full name without accents',
        'a prefix',
        'a rare word',
        'a very common word',
        'two words',
      ];
      m.searchByKind.forEach((values, i) => {
        results.push({
          module,
          metric: `search p50, ${kinds[i]}`,
          value: round(median(values)),
          unit: 'ms',
        });
      });
      step('measuring table scans');
      const scans = await call(work, 'measureScans', Math.max(5, Math.ceil(runs / 2)));
      results.push(
        ...stats(
          module,
          "alternative: an actor's newest statements by table scan",
          scans.actorStatementsByScan,
        ),
        ...stats(module, 'alternative: search by table scan', scans.searchByScan),
        {
          module,
          metric: 'ratio: scan / index, actor view first screen',
          value: round(median(scans.actorStatementsByScan) / median(m.actorHead), 1),
          unit: '×',
        },
        {
          module,
          metric: 'ratio: scan / index, search',
          value: round(median(scans.searchByScan) / median(m.search), 1),
          unit: '×',
        },
      );

      step('measuring the panel UI');
      // First content in the panel UI after a click.
      const targets = await call(work, 'targets', n);
      const list = targets.actors.flatMap((id, i) => [
        { kind: 'actor' as const, id },
        { kind: 'claim' as const, id: targets.claims[i] ?? '' },
      ]);
      const article = await browser.context.newPage();
      await article.goto(server.url('articles/atlas-review-timeline.html'));
      await waitForHighlights(article, 'backstory-actor', 30_000);
      const panel = await browser.context.newPage();
      await panel.goto(browser.extensionUrl('sidepanel.html'));
      await panel.locator('[role="tablist"]').waitFor();
      await panel.evaluate(PANEL_HELPERS);
      const ui = await timeTargets(panel, list);
      results.push(
        ...stats(
          module,
          'first content after a target (actor or claim view)',
          ui,
          `${list.length} targets, generated actors and claims, heading + first statement painted`,
        ),
      );
      const clicks = await timeHighlightClicks(
        panel,
        article,
        [
          'Donald Trump',
          'Miguel Díaz-Canel',
          'Carlos Fernández de Cossío',
          'Marco Rubio',
          'Cuba',
          'Fidel Castro',
        ],
        Math.max(30, runs * 5),
      );
      results.push(
        ...stats(
          module,
          'first content after a highlight click (page → background → panel)',
          clicks,
          'end to end, wall clock',
        ),
      );
      results.push({
        module,
        metric: 'hover cards still open 5 s after the pointer left the text',
        value: stuckCards.length,
        unit: 'cards',
        ...(stuckCards.length ? { note: stuckCards.join('; ') } : {}),
      });
      // Timings on a shared machine move with its load: say what it was.
      results.push({
        module,
        metric: 'machine load average (1 min), start → end',
        value: round(loadavg()[0] ?? 0, 1),
        unit: '',
        note: `from ${round(loadAtStart, 1)}; the machine has ${availableParallelism()} cores`,
      });
      return results;
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

export default panelBench;
