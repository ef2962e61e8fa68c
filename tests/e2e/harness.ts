import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  type ExtensionBrowser,
  type LaunchOptions,
  launchExtensionBrowser,
} from '../../scripts/lib/chromium';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server';

/**
 * A small end-to-end harness: each test gets a fresh Chromium profile with the built extension
 * loaded, and a fixture server on 127.0.0.1 serving tests/fixtures. Tests are plain async
 * functions that throw (node:assert) on failure.
 */
export interface E2E {
  browser: ExtensionBrowser;
  server: StaticServer;
  /** Opens a fixture page (path under tests/fixtures) in a new tab. */
  open(path: string): Promise<Page>;
  /** Opens an extension page (e.g. "sidepanel.html") in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Errors thrown into any page's console, collected for assertions. */
  pageErrors: string[];
}

export interface TestOptions {
  launch?: LaunchOptions;
  /** Per-test timeout in ms (default 60 s). */
  timeout?: number;
}

export interface RegisteredTest {
  name: string;
  file: string;
  fn: (t: E2E) => Promise<void>;
  options: TestOptions;
}

export const registry: RegisteredTest[] = [];
let currentFile = '';

export function setCurrentFile(file: string) {
  currentFile = file;
}

export function test(name: string, fn: (t: E2E) => Promise<void>, options: TestOptions = {}) {
  registry.push({ name, file: currentFile, fn, options });
}

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** Runs one test with its own browser and server, always cleaning both up. */
export async function runOne(entry: RegisteredTest): Promise<void> {
  const server = await startStaticServer(FIXTURES);
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchExtensionBrowser(entry.options.launch);
    const pageErrors: string[] = [];
    const b = browser;
    const watch = (page: Page) => {
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    };
    const t: E2E = {
      browser: b,
      server,
      pageErrors,
      async open(path) {
        const page = watch(await b.context.newPage());
        await page.goto(server.url(path));
        return page;
      },
      async openExtensionPage(path) {
        const page = watch(await b.context.newPage());
        await page.goto(b.extensionUrl(path));
        return page;
      },
    };
    const timeout = entry.options.timeout ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      entry.fn(t),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms`)), timeout);
      }),
    ]).finally(() => clearTimeout(timer));
  } finally {
    await browser?.close();
    await server.close();
  }
}
