import { browser } from 'wxt/browser';
import { readArticleFromHtml } from '@/lib/extract/article';
import type { ArticleCopy } from '@/lib/extract/article-copy';
import { READER_CHANNEL, ReadCopyReply, type ReadCopyRequest } from '@/lib/extract/reader-protocol';

/** Reads a page's reading copy from its HTML; null when the page is not an article. */
export type ReadCopy = (html: string, url: string) => Promise<ArticleCopy | null>;

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

function closeWhenIdle(offscreen: Offscreen): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    ready = undefined;
    offscreen.closeDocument().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

async function askReader(offscreen: Offscreen, request: ReadCopyRequest): Promise<unknown> {
  await ensureReader(offscreen);
  try {
    return await browser.runtime.sendMessage(request);
  } catch {
    // The reader was closed under us (by the browser, or a crash): open it again, once.
    ready = undefined;
    await ensureReader(offscreen);
    return browser.runtime.sendMessage(request);
  }
}

/**
 * The reading copy, read off the page's main thread: in Firefox's background page directly (it
 * has a DOM), in Chrome's offscreen document (the service worker has none). Readability took
 * 14–19 ms of the page's main thread for a 10,000-word article when the page ran it itself.
 */
export const readCopyInBackground: ReadCopy = async (html, url) => {
  if (typeof DOMParser !== 'undefined') return readArticleFromHtml(html, url);
  const offscreen = (browser as unknown as { offscreen?: Offscreen }).offscreen;
  if (!offscreen) return null;
  const request: ReadCopyRequest = { channel: READER_CHANNEL, html, url };
  const reply = ReadCopyReply.safeParse(await askReader(offscreen, request));
  closeWhenIdle(offscreen);
  if (!reply.success) throw new Error('The reader gave no valid reply');
  if (reply.data.error) throw new Error(`The reader failed: ${reply.data.error}`);
  return reply.data.copy;
};
