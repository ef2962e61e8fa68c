import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtensionBrowser } from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const FIX = resolve(import.meta.dirname, '../tests/fixtures');
for (const scheme of ['light', 'dark'] as const) {
  const server = await startStaticServer(FIX);
  let mode = 'ok';
  server.route('/packs/desk.json', (_q, res) => {
    if (mode === 'fail') return void res.writeHead(500).end('x');
    res.writeHead(200, { etag: '"1"' }).end(readFileSync(resolve(FIX, 'claimreview/single.json')));
  });
  const b = await launchExtensionBrowser({ colorScheme: scheme, viewport: { width: 1100, height: 1400 } });
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('review.html#/sources'));
  await page.getByLabel('Address of the pack or fact-check feed').fill(server.url('packs/desk.json'));
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await page.waitForTimeout(1500);
  mode = 'fail';
  await page.locator('li.pack[data-subscription]').getByRole('button', { name: 'Refresh now' }).click();
  await page.waitForTimeout(1000);
  await page.locator('input[type=file]').setInputFiles(resolve(FIX, 'claimreview/feed.json'));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/shots/review-${scheme}.png`, fullPage: true });
  const art = await b.context.newPage();
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width: 400, height: 500 });
  await panel.goto(b.extensionUrl('sidepanel.html'));
  await art.goto(server.url('packs/offers-a-pack.html'));
  await art.bringToFront();
  await panel.waitForTimeout(1500);
  await panel.screenshot({ path: `/tmp/shots/panel-${scheme}.png` });
  await b.close();
  await server.close();
}
