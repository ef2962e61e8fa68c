/**
 * Screenshots of every side-panel view, light and dark, 320 and 500 px wide, for looking at the
 * UI: npx tsx scripts/panel-screenshots.ts [--no-build]. Writes demo-output/panel/*.png.
 * The panel page is opened as a tab (Playwright cannot drive the real side panel), next to a
 * sample article so "On this page" has something to show.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildExtension } from './lib/build';
import { launchExtensionBrowser, waitForHighlights } from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const OUT = resolve(import.meta.dirname, '../demo-output/panel');
const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');

const VIEWS: { name: string; query: string; wait: string }[] = [
  { name: 'page', query: '', wait: 'h1' },
  {
    name: 'actor-diaz-canel',
    query: '?kind=actor&id=starter/actor/miguel-diaz-canel',
    wait: '.statement',
  },
  { name: 'actor-trump', query: '?kind=actor&id=starter/actor/donald-trump', wait: '.statement' },
  { name: 'actor-batista', query: '?kind=actor&id=starter/actor/fulgencio-batista', wait: 'h1' },
  { name: 'claim-talks', query: '?kind=claim&id=starter/claim/us-cuba-talks', wait: '.statement' },
  {
    name: 'claim-rubio',
    query: '?kind=claim&id=starter/claim/rubio-misled-trump',
    wait: '.statement',
  },
  { name: 'history', query: '?kind=history', wait: '.event' },
  {
    name: 'history-pair',
    query: '?kind=history&actors=starter/actor/united-states,starter/actor/cuba',
    wait: '.event',
  },
  { name: 'search', query: '?kind=search&q=Diaz%20Canel', wait: '.result-group' },
  { name: 'search-none', query: '?kind=search&q=zzzz', wait: '.empty' },
  { name: 'actor-missing', query: '?kind=actor&id=nobody', wait: '.empty' },
];

async function main() {
  if (!process.argv.includes('--no-build')) buildExtension('chrome');
  mkdirSync(OUT, { recursive: true });
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const server = await startStaticServer(FIXTURES);
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const browser = await launchExtensionBrowser({ colorScheme: scheme });
      try {
        const article = await browser.context.newPage();
        await article.goto(server.url('articles/atlas-review-timeline.html'));
        await waitForHighlights(article, 'backstory-actor');
        for (const width of [320, 500]) {
          for (const view of VIEWS) {
            if (only && !view.name.includes(only)) continue;
            const page = await browser.context.newPage();
            await page.setViewportSize({ width, height: 900 });
            await page.goto(browser.extensionUrl(`sidepanel.html${view.query}`));
            await page.waitForSelector(view.wait, { timeout: 10_000 });
            await page.waitForTimeout(200);
            // In parts of one screen height, so each image stays readable at full size.
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            const SCREEN = 900;
            for (let part = 0; part * SCREEN < height && part < 6; part++) {
              const file = `${OUT}/${view.name}-${scheme}-${width}-${part + 1}.png`;
              await page.screenshot({
                path: file,
                fullPage: true,
                clip: {
                  x: 0,
                  y: part * SCREEN,
                  width,
                  height: Math.min(SCREEN, height - part * SCREEN),
                },
              });
              console.log(file);
            }
            await page.close();
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
