import { loadedAt } from './loaded-at';
import './style.css';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageConfig } from '@/lib/messaging';
import { closePageChannel, contentListener, sendFromContent } from '@/lib/messaging/content-client';
import { scheduleReadingCopy } from './capture';
import { AddressWatch, guardContext, onNavigation } from './guard';
import { highlightsSupported } from './highlighter';
import { Interaction } from './interaction';
import { MarkPainter } from './mark-fallback';
import { startNotes } from './notes';
import { reportPageKnowledge } from './page-knowledge';
import { PageSession } from './session';
import { ShadowStyles } from './shadow-styles';
import { TextareaBadge } from './textarea-badge';
import { Watcher } from './watch';

/** What a step after the scan gets: the page's policy and what was found on it. */
export interface ScannedPage {
  ctx: ContentScriptContext;
  config: PageConfig;
  session: PageSession;
}

/**
 * Steps run after each full scan of an allowed page, in order. A feature that works on the
 * scanned page (extraction, packs announced by the page, notes) adds one line here.
 */
const AFTER_SCAN: ((page: ScannedPage) => void | Promise<void>)[] = [
  // Learn from the article and cache its reading copy, on idle, where learning is allowed. The
  // background keeps the copy only when something was known or learned on the page.
  ({ ctx, config, session }) => {
    const found = session.report('active');
    if (!config.learn) return;
    scheduleReadingCopy(
      ctx,
      { actorIds: found.actors.map((a) => a.id), claimIds: found.claims.map((c) => c.id) },
      session.textLength(),
    );
  },
];

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const startedAt = performance.now();
    if (!document.documentElement) return;
    guardContext(ctx);

    const session = new PageSession(ctx.signal, startedAt);
    const interaction = new Interaction(ctx, session);
    const badge = new TextareaBadge(ctx, (target) => interaction.open(target));
    const styles = new ShadowStyles();
    const watcher = new Watcher(ctx, (containers) => void rescan(containers));
    let config: PageConfig | null = null;
    let reportTimer: number | undefined;
    /** Whole-page scans in progress, and the parts that changed while one was. */
    let scanning = 0;
    const changedMeanwhile: Node[] = [];
    let scans = 0;
    let scansDone = 0;
    const address = new AddressWatch();

    const report = () => {
      window.clearTimeout(reportTimer);
      reportTimer = ctx.setTimeout(() => {
        // A whole-page scan started meanwhile (a refresh after new knowledge): what it has found
        // so far is not the page's state. It reports when it ends.
        if (scanning > 0 || !/^https?:/.test(location.href)) return;
        const status = config?.highlight
          ? 'active'
          : config?.reason === 'paused'
            ? 'paused'
            : 'disabled';
        void sendFromContent('page/report', session.report(status));
      }, 50);
    };

    /**
     * Once per document, after the first scan has sent the page's text (or found it may not
     * highlight), so their requests and work do not stand between the page and its highlights:
     * the packs the page offers and its fact-check markup, and the reader's notes, found again
     * whatever the highlighting settings say.
     */
    let extrasStarted = false;
    const startExtras = () => {
      if (extrasStarted || ctx.isInvalid) return;
      extrasStarted = true;
      // The policy the scan was given (none if the background could not answer).
      if (config) reportPageKnowledge(ctx, config);
      void startNotes(ctx);
    };

    /** gate ∥ collect → match → paint → report → later steps. */
    const run = async () => {
      scanning++;
      try {
        await scanPage();
      } finally {
        scanning--;
      }
      // The page changed while it was being scanned (a reader typing before the settings
      // arrived): what was collected may predate the change, so those parts are scanned again.
      if (scanning === 0 && changedMeanwhile.length > 0) {
        await rescan(changedMeanwhile.splice(0));
      }
    };

    const scanPage = async () => {
      scans++;
      address.scanning();
      // 1–2. Gate (what the settings allow here: paused, site off, private window) while the
      // page's text is collected in slices.
      const [reply] = await Promise.all([
        sendFromContent('page/config', { url: location.href }),
        session.collectAll(),
      ]);
      if (ctx.isInvalid) return;
      config = reply.ok ? reply.value : null;
      if (!config?.highlight) {
        session.clear();
        interaction.card.hide();
        badge.hide();
        report();
        return;
      }
      // 3–4. Match in the background (visible blocks first) and paint as answers arrive. The
      // extras start once the page's text is sent, so their requests queue behind it.
      await session.matchAll(startExtras);
      if (ctx.isInvalid) return;
      scansDone++;
      report();
      for (const step of AFTER_SCAN) await step({ ctx, config, session });
    };

    /** Changed parts of the page (added paragraphs, typing in an editor, a replaced body). */
    const rescan = async (containers: Node[]) => {
      if (scanning > 0) {
        changedMeanwhile.push(...containers);
        return;
      }
      if (!config?.highlight || ctx.isInvalid) return;
      await session.rescan(containers);
      report();
    };

    // 5. Listen: the page's changes, the reader's pointer and keyboard, the extension.
    if (!highlightsSupported()) {
      session.highlighter.fallback = new MarkPainter((change) => watcher.quietly(change));
    }
    session.onShadowRoot = (root) => {
      styles.adopt(root);
      watcher.observe(root);
    };
    watcher.observe(document);
    interaction.listen();
    badge.listen();
    // Single-page apps: a history navigation brings a new article into the same document.
    onNavigation(ctx, () => {
      if (address.navigated()) void run();
    });
    const listener = contentListener({
      'highlights/reveal': ({ target, index }) => interaction.revealEntity(target, index),
      'highlights/refresh': () => {
        void run();
        return {};
      },
      'highlights/step': ({ direction }) => ({ found: interaction.step(direction) }),
      'highlights/stats': () => ({
        url: location.href,
        ...session.counts(),
        mainThreadMs: session.slicer.mainThreadMs,
        longestSliceMs: session.slicer.longestSliceMs,
        toHighlightsMs: session.toHighlightsMs,
        toPaintMs: session.toPaintMs,
        toVisiblePaintMs: session.toVisiblePaintMs,
        startedAtMs: startedAt,
        loadMs: startedAt - loadedAt,
        scans,
        scansDone,
      }),
    });
    browser.runtime.onMessage.addListener(listener);

    // Extension disabled, removed or updated: leave the page as it was. Chrome orphans the old
    // script without telling it, and WXT notices only when `isInvalid` is read: ask each second.
    ctx.setInterval(() => void ctx.isInvalid, 1000);
    ctx.onInvalidated(() => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // The runtime is already gone with the extension; nothing is left to remove.
      }
      watcher.disconnect();
      interaction.destroy();
      badge.destroy();
      styles.removeAll();
      session.clear();
      closePageChannel();
    });

    try {
      await run();
    } finally {
      startExtras();
    }
  },
});
