/**
 * npm run demo — builds the extension, serves the sample articles on 127.0.0.1 and opens them in
 * Chromium with Backstory loaded. With a display, the window stays open for you to explore.
 * Without one (or with --headless), it saves screenshots of each page with its highlights and of
 * the side panel, plus a summary of what was found, and prints the folder.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildExtension, ROOT } from './lib/build';
import {
  highlightPoint,
  highlightTexts,
  launchExtensionBrowser,
  sidePanelOpen,
  waitForHighlights,
} from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const ACTOR = 'backstory-actor';
const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outDir = resolve(ROOT, 'demo-output');

interface FoundOnPage {
  page: string;
  title: string;
  highlights: number;
  actors: { name: string; count: number }[];
  claims: { name: string; count: number }[];
  screenshot?: string;
}

async function main() {
  if (!args.includes('--no-build')) buildExtension('chrome');
  const fixtures = resolve(ROOT, 'tests/fixtures');
  const server = await startStaticServer(fixtures);
  const browser = await launchExtensionBrowser({ headless });
  mkdirSync(outDir, { recursive: true });
  const articles = readdirSync(join(fixtures, 'articles'))
    .filter((f) => f.endsWith('.html'))
    .sort();
  const found: FoundOnPage[] = [];
  try {
    for (const file of articles) {
      const page = await browser.context.newPage();
      await page.goto(server.url(`articles/${file}`));
      await waitForHighlights(page, ACTOR, 10_000).catch(() => undefined);
      const texts = await highlightTexts(page, ACTOR);
      // What the background recorded for this tab: the same list the side panel shows.
      const readState = () =>
        browser.serviceWorker.evaluate(async (url) => {
          const { chrome } = globalThis as unknown as {
            chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
          };
          // The side panel's record of each tab is kept under `tab:<id>` (tab-state.ts).
          const all = Object.entries(await chrome.storage.session.get(null))
            .filter(([key]) => key.startsWith('tab:'))
            .map(([, value]) => value) as {
            url?: string;
            actors?: { name: string; count: number }[];
            claims?: { name: string; count: number }[];
          }[];
          return all.find((s) => s.url === url) ?? null;
        }, page.url());
      // The page reports once its scan is done, a moment after the first highlights.
      let state = await readState();
      for (let i = 0; i < 50 && !state; i++) {
        await page.waitForTimeout(100);
        state = await readState();
      }

      const entry: FoundOnPage = {
        page: file,
        title: await page.title(),
        highlights: texts.length,
        actors: (state?.actors ?? []).sort((a, b) => b.count - a.count),
        claims: state?.claims ?? [],
      };
      if (headless) {
        entry.screenshot = `${file.replace(/\.html$/, '')}.png`;
        await page.screenshot({ path: join(outDir, entry.screenshot) });
      }
      found.push(entry);
      console.log(
        `${file}: ${texts.length} highlights, ${entry.actors.length} actors, ${entry.claims.length} claims`,
      );
    }

    // Click a name, as a reader would: the side panel opens on that actor.
    const page = await browser.context.newPage();
    await page.goto(server.url('articles/meridian-post-denial.html'));
    await waitForHighlights(page, ACTOR, 10_000);
    const point = await highlightPoint(page, ACTOR, 'Díaz-Canel');
    if (point) await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(500);
    const opened = await sidePanelOpen(browser);
    console.log(`Clicked "Díaz-Canel": side panel ${opened ? 'opened' : 'did not open'}.`);

    const panelShots: string[] = [];
    if (headless) {
      // The real side panel cannot be captured headless; the same page in a panel-sized tab can.
      const views: { name: string; query: string }[] = [
        { name: 'on-this-page', query: '?kind=page' },
        { name: 'actor-diaz-canel', query: '?kind=actor&id=starter/actor/miguel-diaz-canel' },
        { name: 'claim-us-cuba-talks', query: '?kind=claim&id=starter/claim/us-cuba-talks' },
      ];
      for (const scheme of ['light', 'dark'] as const) {
        for (const view of views) {
          const panel = await browser.context.newPage();
          await panel.emulateMedia({ colorScheme: scheme });
          await panel.setViewportSize({ width: 420, height: 1100 });
          await panel.goto(browser.extensionUrl(`sidepanel.html${view.query}`));
          await panel.getByRole('heading', { level: 1 }).first().waitFor();
          await panel.waitForTimeout(300);
          const file = `side-panel-${view.name}-${scheme}.png`;
          await panel.screenshot({ path: join(outDir, file), fullPage: true });
          panelShots.push(file);
          await panel.close();
        }
      }
      const summary = [
        '# Backstory demo',
        '',
        ...found.flatMap((f) => [
          `## ${f.title} (${f.page})`,
          '',
          `${f.highlights} highlights; screenshot: ${f.screenshot ?? '-'}`,
          '',
          ...f.actors.map((a) => `- ${a.name}: ${a.count}`),
          '',
          ...(f.claims.length
            ? ['Claims:', '', ...f.claims.map((c) => `- ${c.name}: ${c.count}`), '']
            : []),
        ]),
        `Side panel after clicking "Díaz-Canel": ${opened ? 'opened' : 'not opened'}.`,
        '',
        `Side panel views (light and dark): ${panelShots.join(', ')}`,
        '',
      ].join('\n');
      writeFileSync(join(outDir, 'summary.md'), summary);
      writeFileSync(
        join(outDir, 'summary.json'),
        `${JSON.stringify({ pages: found, panelOpened: opened }, null, 2)}\n`,
      );
      console.log(`\nScreenshots and summary written to ${outDir}`);
    } else {
      console.log(
        '\nBackstory is running in the Chromium window. Close it (or press Ctrl-C) to stop.',
      );
      await new Promise<void>((done) => {
        browser.context.on('close', () => done());
        process.on('SIGINT', () => done());
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
