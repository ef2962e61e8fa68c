import './style.css';
import { browser } from 'wxt/browser';
import { contentListener, type FoundEntity, sendToBackground } from '@/lib/messaging';
import { scheduleReadingCopy } from './capture';
import { Highlighter } from './highlighter';
import { startNotes } from './notes';
import { reportPageKnowledge } from './page-knowledge';

/** The caret position under a point, in whichever form this browser offers. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    if (!document.body) return;
    void reportPageKnowledge(ctx);
    void startNotes(ctx);
    const config = await sendToBackground('page/config', { url: location.href });
    if (!config.ok || !config.value.highlight || ctx.isInvalid) return;
    const reply = await sendToBackground('dictionary/get', {});
    if (!reply.ok || !reply.value.dictionary || ctx.isInvalid) return;
    const dictionary = reply.value.dictionary;
    const highlighter = new Highlighter(dictionary);
    const hits = highlighter.scan();
    highlighter.paint();
    ctx.onInvalidated(() => highlighter.clear());

    const counts = new Map<string, number>();
    for (const hit of hits) counts.set(hit.actorId, (counts.get(hit.actorId) ?? 0) + 1);
    const names = new Map(dictionary.actors.map(([id, name]) => [id, name]));
    const actors: FoundEntity[] = [...counts].map(([id, count]) => ({
      id,
      name: names.get(id) ?? id,
      count,
    }));
    if (/^https?:/.test(location.href)) {
      void sendToBackground('page/report', {
        url: location.href,
        title: document.title.slice(0, 2000),
        status: 'active',
        actors,
        claims: [],
      });
    }

    if (config.value.learn && actors.length > 0) {
      scheduleReadingCopy(ctx, { actorIds: actors.map((a) => a.id), claimIds: [] });
    }

    ctx.addEventListener(document, 'click', (event) => {
      // Only the user's own clicks count: page scripts can dispatch synthetic ones.
      if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return;
      const caret = caretAt(event.clientX, event.clientY);
      const hit = caret && highlighter.hitAt(caret.node, caret.offset);
      if (!hit) return;
      void sendToBackground('panel/open', { target: { kind: 'actor', id: hit.actorId } });
    });

    const listener = contentListener({
      'highlights/reveal': ({ target, index }) => {
        const mine = highlighter.hits.filter((h) => h.actorId === target.id);
        const hit = mine[((index % mine.length) + mine.length) % mine.length];
        if (hit) highlighter.focus(hit);
        return { found: hit !== undefined, total: mine.length };
      },
      'highlights/refresh': () => {
        highlighter.scan();
        highlighter.paint();
        return {};
      },
    });
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
