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

let opening: Promise<void> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

async function ensureReader(offscreen: Offscreen): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const runtime = browser.runtime as unknown as Runtime;
  const open = await runtime.getContexts?.({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [url],
  });
  if (open && open.length > 0) return;
  opening ??= offscreen
    .createDocument({
      url,
      reasons: ['DOM_PARSER'],
      justification: "Read an article's text from its HTML, off the reader's page",
    })
    .finally(() => {
      opening = undefined;
    });
  await opening;
}

function closeWhenIdle(offscreen: Offscreen): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    offscreen.closeDocument().catch(() => undefined);
  }, IDLE_CLOSE_MS);
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
  await ensureReader(offscreen);
  const request: ReadCopyRequest = { channel: READER_CHANNEL, html, url };
  const reply = ReadCopyReply.safeParse(await browser.runtime.sendMessage(request));
  closeWhenIdle(offscreen);
  if (!reply.success) throw new Error('The reader gave no valid reply');
  if (reply.data.error) throw new Error(`The reader failed: ${reply.data.error}`);
  return reply.data.copy;
};
