import { browser } from 'wxt/browser';
import { readArticleFromHtml } from '@/lib/extract/article';
import { type ReadCopyReply, ReadCopyRequest } from '@/lib/extract/reader-protocol';

/**
 * The offscreen document (Chrome): reads an article's reading copy from the page's HTML with the
 * DOM the service worker lacks, so the page the reader is on never runs Readability itself.
 * Only the extension's own background may ask (the extension's id, no tab).
 */
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const request = ReadCopyRequest.safeParse(message);
  // The request's own channel (a literal in its schema): no other message is answered.
  if (!request.success) return undefined;
  let reply: ReadCopyReply;
  try {
    reply = { copy: readArticleFromHtml(request.data.html, request.data.url) };
  } catch (error) {
    reply = { copy: null, error: String(error instanceof Error ? error.message : error) };
  }
  return Promise.resolve(reply);
});
