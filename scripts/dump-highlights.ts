/**
 * Prints what Backstory highlights on fixture pages (actors, ambiguous mentions, claim
 * sentences), to review the engine's output by eye: `tsx scripts/dump-highlights.ts [page…]`.
 * With `--write`, also (re)writes the golden files tests/fixtures/highlights/<page>.json that the
 * end-to-end suite compares against — only on purpose, after reviewing the printed output.
 * Needs a build (`npm run build`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { waitForScan } from '../tests/e2e/helpers/highlights';
import { highlightTexts, launchExtensionBrowser } from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const write = process.argv.includes('--write');
const pages = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const GOLDEN = resolve(import.meta.dirname, '../tests/fixtures/highlights');
const server = await startStaticServer(resolve(import.meta.dirname, '../tests/fixtures'));
const browser = await launchExtensionBrowser();
try {
  for (const path of pages.length > 0
    ? pages
    : [
        'articles/harbour-ledger-talks.html',
        'articles/meridian-post-denial.html',
        'articles/civic-wire-rubio.html',
        'articles/atlas-review-timeline.html',
        'articles/not-an-article.html',
      ]) {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    await waitForScan(browser, page);
    console.log(`\n# ${path}`);
    const golden: Record<string, string[]> = {};
    for (const name of [
      'backstory-actor',
      'backstory-ambiguous',
      'backstory-claim',
      'backstory-claim-denied',
    ]) {
      const texts = await highlightTexts(page, name);
      golden[name] = texts;
      console.log(`## ${name} (${texts.length})`);
      console.log(
        name.includes('claim') ? texts.map((t) => `  - ${t}`).join('\n') : texts.join(' | '),
      );
    }
    if (write) {
      mkdirSync(GOLDEN, { recursive: true });
      const file = resolve(GOLDEN, `${basename(path, '.html')}.json`);
      writeFileSync(file, `${JSON.stringify(golden, null, 2)}\n`);
      console.log(`(wrote ${file})`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
