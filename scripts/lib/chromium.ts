import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** The Chromium to drive: $CHROMIUM_PATH, or Debian's package. Never a downloaded browser. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it with "sudo apt-get install -y chromium" ` +
        '(Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function requireBuild(dir = CHROME_BUILD): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}. Run "npm run build" first.`);
  }
  return dir;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** chrome-extension://ID/<path> */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /** Extra Chromium flags. */
  args?: string[];
  colorScheme?: 'light' | 'dark';
}

/**
 * Starts Chromium with the built extension in a fresh temporary profile (extensions need a
 * persistent context). The flags keep Chromium from reaching for Google's hosts on a closed
 * network; they are the ones RECIPE.md measured.
 */
export async function launchExtensionBrowser(
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const extensionDir = requireBuild(options.extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: options.headless ?? true,
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(options.args ?? []),
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Text of every range registered under a CSS highlight name, in document order. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const h = CSS.highlights.get(highlightName);
    if (!h) return [];
    const out: { text: string; pos: number }[] = [];
    const all = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const order = new Map<Node, number>();
    let i = 0;
    for (let n = all.nextNode(); n; n = all.nextNode()) order.set(n, i++);
    for (const r of h) {
      const range = r as AbstractRange;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      out.push({
        text: live.toString(),
        pos: (order.get(range.startContainer) ?? 0) * 1e6 + range.startOffset,
      });
    }
    return out.sort((a, b) => a.pos - b.pos).map((o) => o.text);
  }, name);
}

/** Waits until a highlight name has at least one range. */
export async function waitForHighlights(page: Page, name: string, timeout = 15_000) {
  await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) > 0, name, { timeout });
}

/** The centre of the first range of a highlight whose text equals `text`, in page coordinates. */
export async function highlightPoint(page: Page, name: string, text: string) {
  return page.evaluate(
    ({ highlightName, wanted }) => {
      const h = CSS.highlights.get(highlightName);
      if (!h) return null;
      for (const r of h) {
        const range = r as AbstractRange;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        if (live.toString() !== wanted) continue;
        live.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = live.getClientRects()[0];
        if (!rect) continue;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { highlightName: name, wanted: text },
  );
}

/** Whether Chrome's real side panel is open (asked in the service worker). */
export async function sidePanelOpen(browser: ExtensionBrowser): Promise<boolean> {
  return browser.serviceWorker.evaluate(async () => {
    type Runtime = { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
    const { chrome } = globalThis as unknown as { chrome: { runtime: Runtime } };
    const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
    return contexts.length > 0;
  });
}

/** Every row of a table of the extension's database, read in the service worker. */
export async function dbRows<T = Record<string, unknown>>(
  browser: ExtensionBrowser,
  table: string,
): Promise<T[]> {
  return browser.serviceWorker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Polls until `check` returns a truthy value, or fails after `timeout` ms. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false | 0 | ''>,
  what: string,
  timeout = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
