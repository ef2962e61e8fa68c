import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { highlightTexts, sidePanelOpen, waitForHighlights } from '../../scripts/lib/chromium';
import { bundleForPage } from '../../scripts/lib/page-bundle';
import { type E2E, FIXTURES, test } from './harness';
import { contentStats, panelTarget, waitForAccessible, waitForScan } from './helpers/highlights';
import {
  actorTexts,
  injectedElements,
  mainWorld,
  openWatched,
  RESULTS_DIR,
  recordHostile,
} from './helpers/reliability';
import { openPanel } from './panel-helpers';

const ACTOR = 'backstory-actor';

let readBundle: Promise<string> | undefined;
let writeBundle: Promise<string> | undefined;

/** An extension page with the database read (and write) helpers loaded. */
async function dbPage(t: E2E): Promise<Page> {
  readBundle ??= bundleForPage('tests/e2e/in-page/read.ts');
  writeBundle ??= bundleForPage('tests/e2e/in-page/write.ts');
  const page = await t.openExtensionPage('review.html');
  await page.evaluate(await readBundle);
  await page.evaluate(await writeBundle);
  return page;
}

type Snapshot = Record<string, string[]>;
const snapshot = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { __backstoryRead: { snapshot(): Promise<Snapshot> } }
    ).__backstoryRead.snapshot(),
  );
const rowCount = (s: Snapshot) => Object.values(s).reduce((n, rows) => n + rows.length, 0);

/** Rows present in one snapshot and not the other, per table. */
function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[table] ?? []);
    const b = new Set(after[table] ?? []);
    for (const row of a) if (!b.has(row)) out.push(`${table} lost ${row.slice(0, 200)}`);
    for (const row of b) if (!a.has(row)) out.push(`${table} gained ${row.slice(0, 200)}`);
  }
  return out;
}

const SECRET = 'private note on another site: 7f3a-SECRET';

test("a page's own scripts cannot reach the extension: messages, forged events, fake marks, runtime", async (t) => {
  const { page, errors } = await openWatched(t, 'hostile/page-attacks.html');
  await waitForHighlights(page, ACTOR);
  await waitForScan(t.browser, page);
  const scansBefore = (await contentStats(t.browser, page)).scans ?? 0;

  // A note the reader keeps on another site: nothing on this page may read it.
  const db = await dbPage(t);
  const note = {
    id: 'note/other-site',
    body: SECRET,
    tags: ['private'],
    target: {
      kind: 'selection',
      url: 'https://elsewhere.example/story',
      quote: { type: 'TextQuoteSelector', exact: 'Marco Rubio', prefix: '', suffix: '' },
    },
    createdAt: '2026-02-03T10:00:00.000Z',
    updatedAt: '2026-02-03T10:00:00.000Z',
    provenance: ['user'],
  };
  await db.evaluate(`window.__backstoryWrite.addNote(${JSON.stringify(note)})`);
  const before = await snapshot(db);
  assert.ok(before.settings !== undefined && before.notes?.length === 1);

  await page.bringToFront();
  const results = (await page.evaluate(
    (id) => (window as unknown as { runAttacks(id: string): Promise<unknown> }).runAttacks(id),
    t.browser.extensionId,
  )) as Record<string, unknown>;

  // A trusted click (the reader's own) on the page's fake mark opens nothing either: the content
  // script only trusts the marks it made itself.
  const fake = page.locator('backstory-mark');
  await fake.click();
  await page.waitForTimeout(500);

  // chrome.runtime is not exposed to web pages at all (no externally_connectable), and the
  // extension's files are not reachable from the page (no web_accessible_resources).
  assert.equal(results.runtimeSendMessage, 'undefined', JSON.stringify(results));
  for (const path of ['manifest.json', 'review.html', 'sidepanel.html'])
    assert.equal(results[path], 'refused', `${path}: ${results[path]}`);

  // The content script is still alive and scanning: a paragraph added now is highlighted.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later, Nicolás Maduro was mentioned.';
    document.body.append(p);
  });
  await page.waitForFunction(
    () => {
      for (const r of CSS.highlights.get('backstory-actor') ?? []) {
        const range = r as AbstractRange;
        const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
        if (text === 'Nicolás Maduro') return true;
      }
      return false;
    },
    undefined,
    { timeout: 10_000 },
  );
  const texts = await highlightTexts(page, ACTOR);
  // Only the page's real text is highlighted: not the fake card's, not the fake mark's words.
  assert.deepEqual(texts, ['Marco Rubio', 'Nicolás Maduro']);

  // 500 forged navigation events did not become 500 scans (the address never changed): only the
  // added paragraph was scanned again.
  const stats = await contentStats(t.browser, page);
  assert.ok(
    (stats.scans ?? 0) - scansBefore <= 1,
    `forged navigations caused ${(stats.scans ?? 0) - scansBefore} full scans`,
  );

  // Nothing opened, nothing was shown, nothing was written or read.
  assert.equal(await sidePanelOpen(t.browser), false, 'the side panel was opened');
  assert.equal(await panelTarget(t.browser), null, 'a panel target was set');
  assert.equal(await page.locator('backstory-ui:not(#fake-ui)').count(), 0, 'a card was shown');
  const after = await snapshot(db);
  const diff = differences(before, after);
  assert.deepEqual(diff, [], 'the attacks changed the database');
  const pageText = await page.evaluate(
    () =>
      `${document.documentElement.outerHTML}\n${(window as unknown as { heard: string[] }).heard.join('\n')}`,
  );
  assert.ok(!pageText.includes('7f3a-SECRET'), "another site's note reached the page");
  assert.deepEqual(errors.extension(), []);
  assert.deepEqual(t.pageErrors, []);
  recordHostile({
    page: 'hostile/page-attacks.html',
    survived: true,
    extensionErrors: errors.extension().length,
    pageChecks: 0,
    highlights: texts.length,
    rowsChecked: rowCount(before),
    rowsChanged: diff.length,
  });
});

const HOSTILE_PACK = JSON.parse(
  readFileSync(join(FIXTURES, 'packs/hostile-pack.json'), 'utf8'),
) as Record<string, unknown> & { sources: Record<string, unknown>[] };

/** Loads a pack from the extension page; the loader's error message, or null when it loaded. */
async function tryLoadPack(page: Page, pack: unknown): Promise<string | null> {
  return page.evaluate(async (p) => {
    type Write = { loadPack(pack: unknown): Promise<void> };
    try {
      await (globalThis as unknown as { __backstoryWrite: Write }).__backstoryWrite.loadPack(p);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }, pack);
}

test('a pack full of markup, scripts and javascript: URLs shows as inert text everywhere', async (t) => {
  const dialogs: string[] = [];
  t.browser.context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  const db = await dbPage(t);
  const origin = new URL(t.browser.extensionUrl('')).origin;
  const extensionOrigin = `chrome-extension://${t.browser.extensionId}`;
  assert.ok(origin === extensionOrigin || origin === 'null');

  // A javascript: URL is refused at the boundary, with the field named.
  const withJsUrl = structuredClone(HOSTILE_PACK);
  (withJsUrl.sources[1] as Record<string, unknown>).url = 'javascript:alert("boundary")';
  const refused = await tryLoadPack(db, withJsUrl);
  assert.match(refused ?? '', /sources\[1\].*url.*expected an http or https URL/s);

  // The pack itself is valid: every payload is in a text field or an http(s) URL.
  assert.equal(await tryLoadPack(db, HOSTILE_PACK), null);
  // And a damaged database (a row written around validation) carries a javascript: URL.
  await db.evaluate(
    `window.__backstoryWrite.patchRow('sources', 'hostile/source/2', { url: 'javascript:window.__pwned="raw";alert("raw")' })`,
  );

  const pwned = (page: Page) =>
    page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

  // 1. The hover card on a page highlight.
  const { page, errors } = await openWatched(t, 'hostile/pack-names.html');
  await page.waitForFunction(
    () => {
      for (const r of CSS.highlights.get('backstory-actor') ?? []) {
        const range = r as AbstractRange;
        const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
        if (text === 'Zed Kowalczyk') return true;
      }
      return false;
    },
    undefined,
    { timeout: 20_000 },
  );
  const point = await page.evaluate(() => {
    for (const r of CSS.highlights.get('backstory-actor') ?? []) {
      const range = r as AbstractRange;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      if (live.toString() !== 'Zed Kowalczyk') continue;
      const rect = live.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  assert.ok(point);
  await page.mouse.move(point.x, point.y);
  const card = await waitForAccessible(page, 'dialog', /Zed Kowalczyk/);
  assert.equal(card.name, 'Zed Kowalczyk <script>window.__pwned="script";alert("script")</script>');
  await waitForAccessible(page, 'StaticText', /Minister <img src=x onerror=/);
  assert.deepEqual(await injectedElements(page, t.server.url('').replace(/\/$/, '')), []);
  await page.screenshot({ path: join(RESULTS_DIR, 'hostile-pack-card.png') });
  assert.equal(await pwned(page), null);

  // 2. The side panel: the actor view and the claim view.
  const views: [string, RegExp, RegExp][] = [
    [
      '?kind=actor&id=hostile/actor/zed',
      /^Zed Kowalczyk <script>/,
      /Words <script>.*<img src=x onerror=.*<a href="javascript:alert\('a'\)">click me<\/a> &lt;b&gt;bold&lt;\/b&gt; &amp;amp; &#60;i&#62;/s,
    ],
    [
      '?kind=claim&id=hostile/claim/1',
      /^Gist <script>/,
      /javascript:window\.__pwned="js";alert\("js"\)/,
    ],
  ];
  for (const [query, heading, body] of views) {
    const panel = await openPanel(t, query);
    await panel.getByRole('heading', { level: 1, name: heading }).waitFor();
    await panel.waitForTimeout(500);
    const text = await panel.locator('main').innerText();
    assert.match(text, body, query);
    assert.deepEqual(await injectedElements(panel, extensionOrigin), [], query);
    await panel.screenshot({
      path: join(RESULTS_DIR, `hostile-pack-${query.includes('claim') ? 'claim' : 'actor'}.png`),
      fullPage: true,
    });
    // The check sees what it looks for (a control: a javascript: link added by the test).
    await panel.evaluate(() => {
      const a = document.createElement('a');
      a.id = 'control';
      a.setAttribute('href', 'javascript:void 0');
      document.body.append(a);
    });
    assert.deepEqual(await injectedElements(panel, extensionOrigin), [
      '<a href="javascript:void 0">',
    ]);
    await panel.evaluate(() => document.getElementById('control')?.remove());
    assert.equal(await pwned(panel), null, query);
    await panel.close();
  }

  // 3. The review page: the statements ledger and the sources of knowledge.
  for (const [section, wanted] of [
    ['statements', /Words <script>window\.__pwned="script"/],
    ['sources', /Hostile pack <script>/],
  ] as const) {
    const review = await t.openExtensionPage(`review.html#/${section}`);
    await review.getByText(wanted).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await injectedElements(review, extensionOrigin), [], section);
    assert.equal(await pwned(review), null, section);
    await review.close();
  }

  assert.deepEqual(dialogs, [], 'a dialog was opened by a payload');
  assert.deepEqual(errors.extension(), []);
  assert.deepEqual(t.pageErrors, []);
  recordHostile({
    page: 'packs/hostile-pack.json',
    survived: true,
    extensionErrors: errors.extension().length,
    pageChecks: 0,
    highlights: 1,
  });
});

/**
 * The hostile corpus: each page must produce no error from the extension, keep working (its own
 * checks of itself still pass) and get its names highlighted where Backstory can reach them.
 */
const CORPUS: { file: string; names: string[]; why: string }[] = [
  {
    file: 'hostile/overrides.html',
    why: 'built-ins replaced (Array map/forEach/push, appendChild, attachShadow, JSON.parse, Promise then, CSS.highlights faked)',
    names: ['Marco Rubio', 'Nicolás Maduro'],
  },
  {
    file: 'hostile/overrides.html?mode=delete',
    why: 'the same, with CSS.highlights deleted',
    names: ['Marco Rubio', 'Nicolás Maduro'],
  },
  {
    file: 'hostile/dialog.html',
    why: 'an open <dialog> (its text and the block after it)',
    names: ['Marco Rubio', 'Nicolás Maduro', 'Fidel Castro'],
  },
  {
    file: 'hostile/mutation-loop.html',
    why: 'text mutated every animation frame, forever',
    names: ['Marco Rubio'],
  },
  {
    file: 'hostile/frames.html',
    why: 'a same-origin iframe and a srcdoc iframe (only the top frame is read)',
    names: ['Marco Rubio'],
  },
  {
    file: 'hostile/shadow-roots.html',
    why: 'open shadow roots, nested and added late; a closed one',
    names: ['Marco Rubio', 'Nicolás Maduro', 'Fidel Castro', 'Jorge Piñón'],
  },
  {
    file: 'hostile/cjk.html',
    why: 'Chinese, Japanese and Korean text with Latin names, no spaces around them',
    names: [
      'Marco Rubio',
      'Cuba',
      'Miguel Díaz-Canel',
      'Nicolás Maduro',
      'Havana',
      'Donald Trump',
      'Ｃｕｂａ',
      'Fidel Castro',
    ],
  },
];

for (const { file, names, why } of CORPUS) {
  test(`hostile corpus ${file}: ${why}`, async (t) => {
    const { page, errors } = await openWatched(t, file);
    let texts: string[] = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      texts = await actorTexts(page);
      if (names.every((n) => texts.includes(n))) break;
      await page.waitForTimeout(200);
    }
    for (const n of names)
      assert.ok(texts.includes(n), `${n} not highlighted; highlighted: ${JSON.stringify(texts)}`);
    const stats = await waitForScan(t.browser, page);
    assert.ok(stats.actors >= names.length);
    // The page still runs: its animation frames keep coming while Backstory is there.
    if (file.includes('mutation-loop')) {
      const before = await mainWorld<number>(page, 'window.frames');
      await page.waitForTimeout(500);
      assert.ok((await mainWorld<number>(page, 'window.frames')) > before, 'the page froze');
      // The loop's text is the page's, and the highlights still point into the live text.
      await page.waitForTimeout(1000);
      assert.ok((await actorTexts(page)).includes('Marco Rubio'));
    }
    // The hover card needs a shadow root and DOM insertion: the page's broken attachShadow and
    // appendChild are not the ones Backstory calls.
    if (file.includes('overrides')) {
      const point = await mainWorld<{ x: number; y: number }>(
        page,
        `(() => {
          for (const r of window.realHighlights.get('backstory-actor')) {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            if (live.toString() !== 'Marco Rubio') continue;
            const rect = live.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
        })()`,
      );
      await page.mouse.move(point.x, point.y);
      await waitForAccessible(page, 'dialog', /Marco Rubio/);
    }
    const failures = await mainWorld<string[]>(page, 'window.pageChecks()');
    assert.deepEqual(failures, [], "the page's own checks of itself failed");
    assert.deepEqual(errors.extension(), []);
    assert.deepEqual(t.pageErrors, []);
    recordHostile({
      page: file,
      survived: true,
      extensionErrors: errors.extension().length,
      pageChecks: 1,
      highlights: texts.length,
    });
  });
}
