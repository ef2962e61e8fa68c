import { browser } from 'wxt/browser';
import type { BackstoryDB } from '@/lib/db';
import type { ArticleCopy } from '@/lib/extract/article-copy';
import {
  LearnReply,
  type LearnRequest,
  READER_CHANNEL,
  ReadCopyReply,
  type ReadCopyRequest,
} from '@/lib/extract/reader-protocol';
import type { LearnResult } from '@/lib/learn/store';

/** Reads a page's reading copy from its HTML; null when the page is not an article. */
export type ReadCopy = (html: string, url: string) => Promise<ArticleCopy | null>;
/** Learns from a stored reading copy (extraction, then storing what it found). */
export type Learn = (db: BackstoryDB, pageId: string, copy: ArticleCopy) => Promise<LearnResult>;

/**
 * Whether this build may read and learn in the background itself: Firefox's background page (it
 * has a DOM) and the unit tests (no offscreen document). Chrome's worker always has the offscreen
 * document, so its production bundle leaves the extractor, Readability and chrono out (they are
 * imported only where this holds): 155 KB of a 973 KB script that the browser compiles again
 * every time it starts the worker.
 */
const IN_PLACE = !(import.meta.env.CHROME && import.meta.env.PROD);

const OFFSCREEN_PATH = '/offscreen.html';
/** The reader is closed after this long without work: an idle document costs memory. */
const IDLE_CLOSE_MS = 60_000;

type Offscreen = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};
type Runtime = {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
};

/** Settles once the reader is open; dropped when it is closed, or found gone. */
let ready: Promise<void> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Opens the reader unless it is open (a restarted worker finds the one it left). One promise for
 * every caller, so two pages captured at once do not both try to create it (Chrome allows one).
 */
function ensureReader(offscreen: Offscreen): Promise<void> {
  ready ??= (async () => {
    const url = browser.runtime.getURL(OFFSCREEN_PATH);
    const runtime = browser.runtime as unknown as Runtime;
    const open = await runtime.getContexts?.({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [url],
    });
    if (open && open.length > 0) return;
    await offscreen.createDocument({
      url,
      reasons: ['DOM_PARSER'],
      justification: "Read an article's text from its HTML, off the reader's page",
    });
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** Requests the reader is working on: it is not closed under them. */
let working = 0;

function closeWhenIdle(offscreen: Offscreen): void {
  clearTimeout(idleTimer);
  if (working > 0) return;
  idleTimer = setTimeout(() => {
    ready = undefined;
    offscreen.closeDocument().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

async function askReader(
  offscreen: Offscreen,
  request: ReadCopyRequest | LearnRequest,
): Promise<unknown> {
  working++;
  clearTimeout(idleTimer);
  try {
    await ensureReader(offscreen);
    try {
      return await browser.runtime.sendMessage(request);
    } catch {
      // The reader was closed under us (by the browser, or a crash): open it again, once.
      ready = undefined;
      await ensureReader(offscreen);
      return await browser.runtime.sendMessage(request);
    }
  } finally {
    working--;
    closeWhenIdle(offscreen);
  }
}

const offscreenApi = () => (browser as unknown as { offscreen?: Offscreen }).offscreen;

/**
 * The reading copy, read off the page's main thread: in Firefox's background page directly (it
 * has a DOM), in Chrome's offscreen document (the service worker has none). Readability took
 * 14–19 ms of the page's main thread for a 10,000-word article when the page ran it itself.
 */
export const readCopyInBackground: ReadCopy = async (html, url) => {
  if (IN_PLACE && typeof DOMParser !== 'undefined') {
    const { readArticleFromHtml } = await import('@/lib/extract/article');
    return readArticleFromHtml(html, url);
  }
  const offscreen = offscreenApi();
  if (!offscreen) return null;
  const request: ReadCopyRequest = { channel: READER_CHANNEL, html, url };
  const reply = ReadCopyReply.safeParse(await askReader(offscreen, request));
  if (!reply.success) throw new Error('The reader gave no valid reply');
  if (reply.data.error) throw new Error(`The reader failed: ${reply.data.error}`);
  return reply.data.copy;
};

/**
 * Learning from a stored copy, off the service worker where there is somewhere else to run it:
 * Chrome's offscreen document, which opens the extension's database itself (`getDb`, the one
 * `db` is in the extension; tests, which pass another, have no offscreen document). Extraction holds its thread for
 * about 5 ms per 1,000 characters, and every tab's page/config and page/match waited behind it
 * in the worker: a page opened while another was being learned from waited 60–170 ms for its
 * highlights. Firefox's background page (it has a DOM, so no reader is opened) learns in place.
 */
export const learnInBackground: Learn = async (db, pageId, copy) => {
  const offscreen = IN_PLACE && typeof DOMParser !== 'undefined' ? undefined : offscreenApi();
  if (!offscreen) {
    if (!IN_PLACE) throw new Error('This browser has no offscreen document to learn in');
    const { learnFromCopy } = await import('@/lib/learn/learn-page');
    return learnFromCopy(db, pageId, copy);
  }
  const request: LearnRequest = { channel: READER_CHANNEL, learn: { pageId, copy } };
  const reply = LearnReply.safeParse(await askReader(offscreen, request));
  if (!reply.success) throw new Error('The reader gave no valid reply');
  if (reply.data.error !== undefined || !reply.data.result) {
    throw new Error(`Learning failed in the reader: ${reply.data.error ?? 'no result'}`);
  }
  return reply.data.result;
};
