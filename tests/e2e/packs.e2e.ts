import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { highlightTexts, waitForHighlights } from '../../scripts/lib/chromium';
import { FIXTURES, test } from './harness';
import { axeViolations } from './notes-helpers';

const ACTOR = 'backstory-actor';

/** Every row of the knowledge tables, the packs and the contributions, read in an extension page. */
async function snapshot(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('backstory');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out: Record<string, unknown[]> = {};
    const names = ['actors', 'sources', 'statements', 'claims', 'links', 'events', 'packs'];
    for (const name of [...names, 'contributions']) {
      out[name] = await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    }
    db.close();
    return JSON.stringify(out);
  });
}

async function rows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  const all = JSON.parse(await snapshot(page)) as Record<string, Record<string, unknown>[]>;
  return all[table] ?? [];
}

/** Waits until a locator's text matches, and returns it. */
async function waitForText(locator: Locator, pattern: RegExp, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${pattern} in:\n${last}`);
}

function deskPack(
  version: string,
  extra: { event?: string; civicWire?: boolean; date?: string } = {},
) {
  return {
    format: 'backstory-pack',
    formatVersion: 1,
    id: 'harbour-desk',
    name: 'Harbour desk',
    version,
    publisher: 'Test desk',
    sources: [{ id: 'hd/src/1', outlet: 'Harbour Ledger' }],
    actors: [
      {
        id: 'hd/actor/harbour-ledger',
        name: 'Harbour Ledger',
        kind: 'outlet',
        aliases: [],
        description: `A wire service (version ${version}).`,
      },
      ...(extra.civicWire
        ? [{ id: 'hd/actor/civic-wire', name: 'Civic Wire', kind: 'outlet', aliases: [] }]
        : []),
    ],
    events: [
      {
        id: extra.event ?? 'hd/ev/1',
        date: extra.date ?? '2026-02-03',
        text: `The Harbour Ledger interview (version ${version}).`,
        actorIds: ['hd/actor/harbour-ledger'],
        sourceIds: ['hd/src/1'],
      },
    ],
  };
}

type Mode = 'v1' | 'v2' | '500' | 'bad-json' | 'schema' | 'v3' | 'huge';

/** A pack of `n` statements by 300 actors: big enough to be written in many chunks. */
function bulkPack(n: number) {
  return {
    format: 'backstory-pack',
    formatVersion: 1,
    id: 'bulk',
    name: 'Bulk test pack',
    version: '1',
    sources: [{ id: 'bk/src', outlet: 'Wire' }],
    actors: Array.from({ length: 300 }, (_, i) => ({
      id: `bk/a/${i}`,
      name: `Bulk Person ${i}`,
      kind: 'person',
      aliases: [],
    })),
    statements: Array.from({ length: n }, (_, i) => ({
      id: `bk/s/${i}`,
      speakerId: `bk/a/${i % 300}`,
      words: `Bulk statement number ${i}, long enough to look like a sentence someone said.`,
      kind: 'quote',
      said: '2026-02-01',
      citations: [{ sourceId: 'bk/src' }],
    })),
  };
}

/** The import journals (imports that have started and not finished), read from IndexedDB. */
async function journals(page: Page): Promise<{ owner: string; done: number; total: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('backstory');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = await new Promise<{ owner: string; done: number; total: number }[]>((ok, fail) => {
      const req = db.transaction('imports').objectStore('imports').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return all;
  });
}

/** How many statements of the bulk pack are in the database. */
async function bulkStatements(page: Page): Promise<number> {
  return (await rows(page, 'statements')).filter((r) => String(r.id).startsWith('bk/s/')).length;
}

/** Waits until an import has written part of its statements (its journal says how many). */
async function waitForHalfWritten(page: Page, timeout = 60_000): Promise<number> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const j = (await journals(page))[0];
    // Past the actors and a tenth of the rows, not yet at the end.
    if (j && j.done > j.total / 10 && j.done < j.total) return j.done;
    await page.waitForTimeout(20);
  }
  throw new Error('The import never got half-way');
}

test(
  'subscribes to a pack on 127.0.0.1; 304, a new version and every failure keep the last good copy',
  async (t) => {
    const bodies = {
      v1: JSON.stringify(deskPack('1')),
      v2: JSON.stringify(deskPack('2', { event: 'hd/ev/2', civicWire: true })),
      v3: JSON.stringify(deskPack('3', { event: 'hd/ev/3', civicWire: true })),
      schema: JSON.stringify(deskPack('3', { event: 'hd/ev/3', date: '2026-02-30' })),
    };
    let mode: Mode = 'v1';
    t.server.route('/packs/desk.json', (req: IncomingMessage, res: ServerResponse) => {
      const etag = mode === 'v1' ? '"v1"' : mode === 'v2' ? '"v2"' : '"other"';
      if ((mode === 'v1' || mode === 'v2') && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      switch (mode) {
        case '500':
          res.writeHead(500, { 'content-type': 'text/plain' }).end('broken');
          return;
        case 'bad-json':
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end('{"format": "backstory-pack", "id": "harbour-desk",');
          return;
        case 'huge': {
          // 50 MB, sent in pieces without announcing its length.
          res.writeHead(200, { 'content-type': 'application/json' });
          const piece = Buffer.alloc(1024 * 1024, 32);
          let sent = 0;
          const more = () => {
            while (sent < 50) {
              sent++;
              if (!res.write(piece)) {
                res.once('drain', more);
                return;
              }
            }
            res.end();
          };
          res.on('error', () => undefined);
          more();
          return;
        }
        default:
          res
            .writeHead(200, {
              'content-type': 'application/json',
              etag,
              'last-modified': 'Wed, 04 Feb 2026 10:00:00 GMT',
            })
            .end(bodies[mode]);
      }
    });

    const review = await t.openExtensionPage('review.html#/sources');
    await review.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
    // Learning from the articles opened below would add rows of its own between snapshots.
    await review.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({
        channel: 'backstory',
        type: 'settings/update',
        payload: { learning: false },
      }),
    );
    await review
      .getByLabel('Address of the pack or fact-check feed')
      .fill(t.server.url('packs/desk.json'));
    await review.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await waitForText(review.locator('[role="status"]').first(), /Subscribed to/);
    const item = review.locator('li.pack[data-subscription]');
    await waitForText(item, /Harbour desk[\s\S]*Up to date[\s\S]*a new copy was loaded/);

    // The new knowledge is highlighted on a sample page.
    const article = await t.open('articles/harbour-ledger-talks.html');
    await waitForHighlights(article, ACTOR);
    assert.ok((await highlightTexts(article, ACTOR)).includes('Harbour Ledger'));

    // The alarm is set for the next check.
    const alarm = await t.browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };
      };
      return chrome.alarms.get('backstory:subscriptions');
    });
    assert.ok(
      alarm && alarm.scheduledTime > Date.now() + 60 * 60 * 1000,
      'no alarm for the next check',
    );

    // 304: asked conditionally, nothing rewritten.
    const v1 = await snapshot(review);
    const refresh = () => item.getByRole('button', { name: 'Refresh now' }).click();
    await refresh();
    await waitForText(item, /not modified since the last copy/);
    const asked = t.server.requests.filter((r) => r.path === '/packs/desk.json').at(-1);
    assert.equal(asked?.headers['if-none-match'], '"v1"');
    assert.equal(asked?.headers['if-modified-since'], 'Wed, 04 Feb 2026 10:00:00 GMT');
    assert.equal(await snapshot(review), v1, 'a 304 rewrote rows');

    // A new version replaces the pack's rows.
    mode = 'v2';
    await refresh();
    await waitForText(item, /Version 2[\s\S]*a new copy was loaded/);
    const events = await rows(review, 'events');
    assert.ok(events.some((e) => e.id === 'hd/ev/2'));
    assert.ok(!events.some((e) => e.id === 'hd/ev/1'), 'the old version’s event is still there');
    assert.ok((await rows(review, 'actors')).some((a) => a.id === 'hd/actor/civic-wire'));
    const v2 = await snapshot(review);

    const fails = async (next: Mode, message: RegExp) => {
      mode = next;
      await refresh();
      const text = await waitForText(item, message);
      assert.match(text, /The last good copy stays in force: version 2/);
      assert.match(text, /Next check: .*retry/);
      assert.equal(await snapshot(review), v2, `knowledge changed after ${next}`);
    };
    await fails('500', /Last update failed .*The server answered 500/);
    await fails('bad-json', /Last update failed .*not valid JSON/);
    await fails('schema', /Last update failed .*events\[0\] \(id "hd\/ev\/3"\) → date/);

    // Pin the content of version 2, then the server changes the file: refused.
    mode = 'v2';
    await item.locator('summary', { hasText: 'Subscription settings' }).click();
    const integrity = `sha256-${createHash('sha256').update(bodies.v2).digest('base64')}`;
    await item.getByLabel('Integrity (optional)').fill(integrity);
    await item.getByRole('button', { name: 'Save settings' }).click();
    await waitForText(item, /integrity pinned/);
    await fails('v3', /Last update failed .*does not match its integrity value/);
    await item.getByLabel('Integrity (optional)').fill('');
    await item.getByRole('button', { name: 'Save settings' }).click();
    await waitForText(item, /MB\.\n/);
    await fails('huge', /Last update failed .*larger than this subscription's 25 MB limit/);

    // The last good copy is still what pages see.
    const again = await t.open('articles/civic-wire-rubio.html');
    await waitForHighlights(again, ACTOR);
    const texts = await highlightTexts(again, ACTOR);
    assert.ok(
      texts.includes('Civic Wire') && texts.includes('Harbour Ledger'),
      JSON.stringify(texts),
    );
    assert.deepEqual(t.pageErrors, []);
  },
  { timeout: 180_000 },
);

test('a page offers a pack: the panel offers it, nothing is fetched until the user subscribes', async (t) => {
  const offered = {
    format: 'backstory-pack',
    formatVersion: 1,
    id: 'lowmoor-courier',
    name: 'Lowmoor Courier desk pack',
    version: '1',
    actors: [
      {
        id: 'lc/actor/ellison',
        name: 'Mara Ellison',
        kind: 'person',
        aliases: [{ text: 'Ellison', kind: 'short' }],
      },
    ],
  };
  t.server.route('/packs/offered.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(offered));
  });
  const fetched = () => t.server.requests.filter((r) => r.path === '/packs/offered.json').length;

  const panel = await t.openExtensionPage('sidepanel.html');
  const page = await t.open('packs/offers-a-pack.html');
  await page.bringToFront();
  const notice = panel.locator('aside.pack-offer');
  const text = await waitForText(notice, /offers a Backstory pack/);
  assert.match(text, /127\.0\.0\.1:\d+ offers a Backstory pack: “?Lowmoor Courier desk pack/);
  assert.match(text, /Nothing is fetched unless you choose to/);
  assert.equal(fetched(), 0, 'the offered pack was fetched before the user chose to');
  // On the panel's "On this page", readable and accessible in light and dark.
  await panel.screenshot({ path: 'test-results/packs-panel-offer.png' });
  assert.deepEqual(await axeViolations(panel), []);
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: 'test-results/packs-panel-offer-dark.png' });
  assert.deepEqual(await axeViolations(panel), []);
  await panel.emulateMedia({ colorScheme: 'light' });

  const opened = t.browser.context.waitForEvent('page');
  await notice.getByRole('button', { name: 'Review and subscribe…' }).click();
  const review = await opened;
  await review.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
  await waitForText(review.locator('.offer-note'), /offers-a-pack\.html offers this pack/);
  assert.equal(
    await review.getByLabel('Address of the pack or fact-check feed').inputValue(),
    t.server.url('packs/offered.json'),
  );
  assert.equal(fetched(), 0, 'opening the review page fetched the pack');
  await review.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await waitForText(
    review.locator('li.pack[data-subscription]'),
    /Lowmoor Courier desk pack[\s\S]*Up to date/,
  );
  assert.equal(fetched(), 1);
  const sub = (await rows(review, 'packs')).find((p) => p.id === 'lowmoor-courier');
  assert.equal(sub?.origin, 'subscription');

  // Subscribed: the panel no longer offers it, and the page highlights the pack's actor.
  await page.reload();
  await waitForHighlights(page, ACTOR);
  const marked = await highlightTexts(page, ACTOR);
  assert.ok(marked.includes('Mara Ellison'), JSON.stringify(marked));
  await page.bringToFront();
  await panel.waitForTimeout(300);
  assert.equal(await notice.count(), 0, 'the offer is still shown after subscribing');
});

test('fact-check markup on a visited page becomes the claim and the rating, shown verbatim', async (t) => {
  const review = await t.openExtensionPage('review.html#/sources');
  await t.open('packs/fact-check.html');
  let claim: Record<string, unknown> | undefined;
  for (let i = 0; i < 100 && !claim; i++) {
    claim = (await rows(review, 'claims')).find((c) => String(c.id).startsWith('cr/'));
    if (!claim) await review.waitForTimeout(100);
  }
  assert.ok(claim, 'the ClaimReview was not picked up');
  const trump = (await rows(review, 'actors')).find((a) => a.name === 'Donald Trump');
  assert.equal(claim.claimantId, trump?.id, 'the claimant was not joined with the known actor');
  const panel = await t.openExtensionPage(
    `sidepanel.html?kind=claim&id=${encodeURIComponent(String(claim.id))}`,
  );
  const text = await waitForText(panel.locator('main'), /Unproven: no talks confirmed/);
  assert.match(text, /The United States is talking to the highest people in Cuba\./);
  assert.match(text, /Lantern Check/);
  assert.match(text, /fact-check rating/);
  // Filed with the statements that qualify the claim, the rating shown as the fact-checker wrote it.
  assert.match(text, /Qualified\s+1\s+Unproven: no talks confirmed/i);
  assert.doesNotMatch(text, /\bfalse\b|\btrue\b/i);
});

test('imports a large pack with a preview and a moving progress bar, exports it, removes it', async (t) => {
  const n = 30_000;
  const pack = bulkPack(n);
  const review = await t.openExtensionPage('review.html#/sources');
  await review.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
  // A fresh profile: the starter pack must be in before the database is compared with itself.
  for (let i = 0; i < 200; i++) {
    if ((await rows(review, 'packs')).some((p) => p.id === 'starter')) break;
    await review.waitForTimeout(100);
  }
  const before = await snapshot(review);
  await review.locator('input[type=file]').setInputFiles({
    name: 'bulk.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pack)),
  });
  const preview = review.locator('.preview');
  const previewText = await waitForText(preview, /Bulk test pack/, 60_000);
  assert.match(previewText, /Statements\s+30,000\s+0\s+0/);
  assert.match(previewText, /Actors\s+300\s+0\s+0/);
  assert.match(previewText, /A pack you have not loaded before/);

  await review.getByRole('button', { name: 'Import', exact: true }).click();
  const values = new Set<string>();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const value = await review
      .locator('progress')
      .first()
      .getAttribute('value', { timeout: 50 })
      .catch(() => null);
    if (value) values.add(value);
    if (await review.getByText(/Imported “Bulk test pack” version 1/).count()) break;
    await review.waitForTimeout(30);
  }
  await waitForText(review.locator('.done'), /30,301 new rows/);
  assert.ok(values.size >= 3, `the progress bar did not move: ${[...values].join(', ')}`);

  // Export the pack: the file is the pack.
  const item = review.locator('li.pack', { hasText: 'Bulk test pack' });
  const downloading = review.waitForEvent('download');
  await item.getByRole('button', { name: 'Export' }).click();
  const file = await downloading;
  const exported = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as typeof pack;
  assert.equal(file.suggestedFilename(), 'bulk-1.json');
  assert.equal(exported.statements.length, n);
  assert.equal(exported.actors.length, 300);

  // Remove it: the database is as before.
  await item.getByRole('button', { name: 'Remove…' }).click();
  await item.getByRole('button', { name: 'Remove', exact: true }).click();
  await review
    .locator('li.pack', { hasText: 'Bulk test pack' })
    .waitFor({ state: 'detached', timeout: 60_000 });
  const after = JSON.parse(await snapshot(review)) as Record<string, unknown>;
  const was = JSON.parse(before) as Record<string, unknown>;
  for (const table of [
    'actors',
    'sources',
    'statements',
    'claims',
    'links',
    'events',
    'contributions',
  ]) {
    assert.deepEqual(after[table], was[table], `${table} differs after removing the pack`);
  }
});

test('a dropped ClaimReview feed and a broken pack: what it changes, or what is wrong', async (t) => {
  const review = await t.openExtensionPage('review.html#/sources');
  await review.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
  const drop = async (name: string, text: string) => {
    const transfer = await review.evaluateHandle(
      ({ name: n, text: body }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([body], n, { type: 'application/json' }));
        return dt;
      },
      { name, text },
    );
    await review.locator('.dropzone').dispatchEvent('drop', { dataTransfer: transfer });
  };

  await drop('verity-feed.json', readFileSync(resolve(FIXTURES, 'claimreview/feed.json'), 'utf8'));
  const preview = await waitForText(review.locator('.preview'), /Fact-check markup/);
  assert.match(preview, /Claims\s+1\s+0\s+0/);
  assert.match(preview, /no verdict of its own/);
  await review.getByRole('button', { name: 'Import', exact: true }).click();
  await waitForText(review.locator('.done'), /Imported “Fact checks \(verity-feed\)”/);
  const ratings = (await rows(review, 'statements')).filter(
    (s) => s.medium === 'fact-check rating',
  );
  assert.deepEqual(ratings.map((s) => s.words).sort(), [
    'Pants on Fire!',
    'Rated 2 on a scale from 1 to 5',
  ]);

  const before = await snapshot(review);
  const broken = JSON.parse(
    readFileSync(resolve(FIXTURES, '../../assets/packs/starter.json'), 'utf8'),
  ) as {
    version: string;
    statements: { said?: string }[];
  };
  broken.version = '9';
  const third = broken.statements[2];
  if (third) third.said = '2026-13-01';
  await drop('broken.json', JSON.stringify(broken));
  const alert = await waitForText(review.locator('.error-box[role="alert"]'), /was not imported/);
  assert.match(alert, /broken\.json was not imported; nothing was changed/);
  assert.match(alert, /statements\[2\] \(id "[^"]+"\) → said/);
  assert.equal(await snapshot(review), before);
});

test(
  'an import whose review page is closed half-way shows as stopped at once; importing the file again finishes it',
  async (t) => {
    const pack = bulkPack(20_000);
    const file = {
      name: 'bulk.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    };
    const first = await t.openExtensionPage('review.html#/sources');
    await first.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
    await first.locator('input[type=file]').setInputFiles(file);
    await waitForText(first.locator('.preview'), /Bulk test pack/, 60_000);
    await first.getByRole('button', { name: 'Import', exact: true }).click();
    await waitForHalfWritten(first);
    await first.close();

    // The page that held the import is gone, and so is its lock: the import is known to have
    // stopped at once, not when its two-minute lease runs out.
    const review = await t.openExtensionPage('review.html#/sources');
    const stopped = review.getByRole('region', { name: 'Imports that did not finish' });
    const said = await waitForText(
      stopped,
      /“Bulk test pack” \(version 1, bulk\.json\) stopped at \d+%/,
      5_000,
    );
    assert.match(said, /Import the same file again to finish it/);
    const written = await bulkStatements(review);
    assert.ok(written > 0 && written < 20_000, `${written} statements written before the stop`);
    assert.equal((await rows(review, 'packs')).filter((p) => p.id === 'bulk').length, 0);

    await review.locator('input[type=file]').setInputFiles(file);
    await waitForText(review.locator('.preview'), /Bulk test pack/, 60_000);
    await review.getByRole('button', { name: 'Import', exact: true }).click();
    await waitForText(review.locator('.done'), /finished an import that had stopped/, 90_000);
    assert.equal(await bulkStatements(review), 20_000);
    assert.deepEqual(await journals(review), []);
    await stopped.waitFor({ state: 'detached' });
    assert.deepEqual(t.pageErrors, []);
  },
  { timeout: 180_000 },
);

test(
  'a subscription whose service worker is stopped half-way through loading resumes at the next refresh',
  async (t) => {
    const body = JSON.stringify(bulkPack(20_000));
    t.server.route('/packs/bulk.json', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', etag: '"bulk-1"' }).end(body);
    });
    const review = await t.openExtensionPage('review.html#/sources');
    await review.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
    await review
      .getByLabel('Address of the pack or fact-check feed')
      .fill(t.server.url('packs/bulk.json'));
    await review.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await waitForHalfWritten(review);

    // Stop the extension's service worker, as Chrome does to an idle or busy-too-long worker.
    const cdp = await review.context().newCDPSession(review);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const stopped = review.getByRole('region', { name: 'Imports that did not finish' });
    const said = await waitForText(
      stopped,
      /“Bulk test pack” \(version 1, http:\/\/127\.0\.0\.1:\d+\/packs\/bulk\.json\) stopped at \d+%/,
      5_000,
    );
    assert.match(said, /It will be finished at the next refresh of its subscription/);
    const written = await bulkStatements(review);
    assert.ok(written > 0 && written < 20_000, `${written} statements written before the stop`);

    // A new worker starts for the refresh; the subscription is no longer "checking", and the
    // import is resumed where it stopped.
    const item = review.locator('li.pack[data-subscription]');
    await item.getByRole('button', { name: 'Refresh now' }).click();
    await waitForText(item, /Bulk test pack[\s\S]*Up to date[\s\S]*a new copy was loaded/, 90_000);
    assert.equal(await bulkStatements(review), 20_000);
    assert.deepEqual(await journals(review), []);
    await stopped.waitFor({ state: 'detached' });
    const asked = t.server.requests.filter((r) => r.path === '/packs/bulk.json');
    assert.equal(asked.length, 2);
    assert.equal(
      asked[1]?.headers['if-none-match'],
      undefined,
      'the unfinished copy was not asked for conditionally',
    );
  },
  { timeout: 180_000 },
);
