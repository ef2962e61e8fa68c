import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { errorText } from '@/lib/error-text';
import { readArticleFromHtml } from '@/lib/extract/article';
import { type LearnReply, type ReadCopyReply, ReaderRequest } from '@/lib/extract/reader-protocol';
import { learnFromCopy } from '@/lib/learn/learn-page';

/** Replies carry at most 2,000 characters of an error (the reply schemas' bound). */
const replyError = (error: unknown) => errorText(error).slice(0, 2000);

/**
 * The offscreen document (Chrome): reads an article's reading copy from the page's HTML with the
 * DOM the service worker lacks, so the page the reader is on never runs Readability itself; and
 * learns from a stored copy (extraction and storing, in the extension's database), so the
 * service worker, which answers every tab's highlighting requests, is not held meanwhile.
 * Only the extension's own background may ask (the extension's id, no tab).
 */
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const request = ReaderRequest.safeParse(message);
  // The request's own channel (a literal in its schema): no other message is answered.
  if (!request.success) return undefined;
  if ('learn' in request.data) {
    const { pageId, copy } = request.data.learn;
    return learnFromCopy(getDb(), pageId, copy).then(
      (result): LearnReply => ({ result }),
      (error: unknown): LearnReply => ({ result: null, error: replyError(error) }),
    );
  }
  let reply: ReadCopyReply;
  try {
    reply = { copy: readArticleFromHtml(request.data.html, request.data.url) };
  } catch (error) {
    reply = { copy: null, error: replyError(error) };
  }
  return Promise.resolve(reply);
});
