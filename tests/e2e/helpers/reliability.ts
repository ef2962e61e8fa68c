import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { E2E } from '../harness';

/**
 * What the reliability suite needs beyond the harness: every error thrown or logged in a page,
 * from every JavaScript world (the page's and the content script's isolated one), and a record of
 * each hostile page's outcome for `npm run reliability` (test-results/reliability/*.json).
 */
export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results/reliability');

export interface ErrorLog {
  /** Every error: uncaught exceptions and console errors, from any world of the page. */
  all: string[];
  /** Those that come from the extension (its scripts' URLs or its name in the message). */
  extension(): string[];
}

const fromExtension = (text: string) =>
  !text.startsWith('log(network)') && /chrome-extension:\/\/|backstory/i.test(text);

/** Opens a fixture page with DevTools listening before the first byte, so nothing is missed. */
export async function openWatched(t: E2E, path: string): Promise<{ page: Page; errors: ErrorLog }> {
  const page = await t.browser.context.newPage();
  const all: string[] = [];
  page.on('pageerror', (error) => all.push(`pageerror: ${error.message}\n${error.stack ?? ''}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (event) => {
    const d = event.exceptionDetails;
    const frames = d.stackTrace?.callFrames.map((f) => f.url).join(' ') ?? '';
    all.push(`exception: ${d.exception?.description ?? d.text} ${d.url ?? ''} ${frames}`);
  });
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (event.type !== 'error' && event.type !== 'assert') return;
    const text = event.args.map((a) => a.description ?? String(a.value ?? '')).join(' ');
    const frames = event.stackTrace?.callFrames.map((f) => f.url).join(' ') ?? '';
    all.push(`console.${event.type}: ${text} ${frames}`);
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    // Network failures are the page's own requests (a hostile page fetching the extension's
    // files, say): listed, but not errors the extension caused.
    if (entry.level === 'error') all.push(`log(${entry.source}): ${entry.text} ${entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await page.goto(t.server.url(path));
  return {
    page,
    errors: { all, extension: () => all.filter(fromExtension) },
  };
}

export interface HostileRecord {
  /** The fixture page (or scenario) under test. */
  page: string;
  survived: boolean;
  /** Errors caused by the extension in that page (must be 0). */
  extensionErrors: number;
  /** Checks the page's own scripts made of themselves that still held after Backstory ran. */
  pageChecks: number;
  /** Highlights found (where the page has known names). */
  highlights: number;
  /** Database rows compared before and after the attacks, and how many differed. */
  rowsChecked?: number;
  rowsChanged?: number;
}

/** Records one hostile page's outcome for the reliability report. */
export function recordHostile(record: HostileRecord): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const slug = record.page.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  writeFileSync(resolve(RESULTS_DIR, `e2e-${slug}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

const resolveUrl = (value: string, origin: string): URL | null => {
  try {
    return new URL(value, `${origin}/`);
  } catch {
    return null;
  }
};
const within = (value: string, origin: string) => {
  const u = resolveUrl(value, origin);
  return u !== null && `${u.protocol}//${u.host}` === origin;
};
const isHttp = (value: string, origin: string) => {
  const u = resolveUrl(value, origin);
  return u?.protocol === 'http:' || u?.protocol === 'https:';
};

interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
  nodeValue?: string;
}

/**
 * Elements a payload could have created, looked for everywhere in a page, closed shadow roots
 * (the hover card's) and frames included, through DevTools: event-handler attributes, images,
 * SVG, iframes, script elements that are not the page's own files, and links that are neither
 * http(s) nor inside the page's own origin (the review page's "#/…" routes).
 */
export async function injectedElements(page: Page, ownOrigin: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const found: string[] = [];
    const visit = (node: DomNode) => {
      if (node.nodeType === 1) {
        const name = (node.localName ?? node.nodeName).toLowerCase();
        const attrs = new Map<string, string>();
        const list = node.attributes ?? [];
        for (let i = 0; i + 1 < list.length; i += 2)
          attrs.set((list[i] ?? '').toLowerCase(), list[i + 1] ?? '');
        for (const [k, v] of attrs) if (k.startsWith('on')) found.push(`<${name} ${k}="${v}">`);
        if (['img', 'iframe', 'object', 'embed', 'svg'].includes(name)) found.push(`<${name}>`);
        const src = attrs.get('src');
        if (name === 'script' && !(src && within(src, ownOrigin)))
          found.push(`<script src="${src ?? ''}">`);
        for (const k of ['href', 'src', 'action', 'formaction']) {
          const v = attrs.get(k);
          if (v === undefined || name === 'script' || name === 'link') continue;
          if (!isHttp(v, ownOrigin) && !within(v, ownOrigin)) found.push(`<${name} ${k}="${v}">`);
        }
      }
      for (const child of [
        ...(node.children ?? []),
        ...(node.shadowRoots ?? []),
        ...(node.contentDocument ? [node.contentDocument] : []),
      ])
        visit(child);
    };
    visit(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * Evaluates an expression in the page's main world through DevTools alone (no Playwright helper
 * script is installed in the page, so a page that counts calls to its overridden built-ins sees
 * only its own and Backstory's, if any).
 */
export async function mainWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const reply = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (reply.exceptionDetails)
      throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The texts under Backstory's actor highlight, read in the page without Playwright's helpers
 * and without the built-ins a hostile page may have replaced (`realHighlights`: the registry the
 * page kept before replacing `CSS.highlights`). */
export function actorTexts(page: Page): Promise<string[]> {
  return mainWorld<string[]>(
    page,
    `(() => {
      const registry = window.realHighlights || CSS.highlights;
      const out = [];
      for (const r of registry.get('backstory-actor') || []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out[out.length] = live.toString();
      }
      return out;
    })()`,
  );
}
