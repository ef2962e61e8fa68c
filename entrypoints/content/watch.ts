import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { UI_TAG } from './card';
import { blockContainerOf, insideSkipped } from './collect';

/** How long changes are gathered before a re-scan (typing in an editor re-scans after a pause). */
const SETTLE_MS = 200;

/**
 * Watches the page for text that changes after the first scan: added paragraphs, edited text
 * (including contenteditable editors as the user types), replaced bodies, and open shadow roots.
 * Changes are not handled inside the observer: their block containers are collected and handed
 * over in one batch when the page is idle, so a page that mutates a lot pays one re-scan per
 * batch, not one per change.
 */
export class Watcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private timer: number | undefined;
  private idle: number | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onChanged: (containers: Node[]) => void,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  observe(root: Node): void {
    this.observer.observe(root, { subtree: true, childList: true, characterData: true });
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (isOwnUi(record)) continue;
      const target = record.target;
      if (insideSkipped(target)) continue;
      this.pending.add(blockContainerOf(target));
      // An added block element carries its own container (a new paragraph, a new body).
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) this.pending.add(blockContainerOf(node));
      }
    }
    if (this.pending.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.idle !== undefined) return;
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      const run = () => {
        this.idle = undefined;
        const containers = [...this.pending];
        this.pending = new Set();
        if (containers.length > 0) this.onChanged(containers);
      };
      if (typeof requestIdleCallback === 'function') {
        this.idle = this.ctx.requestIdleCallback(run, { timeout: 500 });
      } else run();
    }, SETTLE_MS);
  }

  /** Runs Backstory's own DOM change (fallback marks) without it counting as a page change. */
  quietly(change: () => void): void {
    this.collect(this.observer.takeRecords());
    change();
    this.observer.takeRecords();
  }

  disconnect(): void {
    this.observer.disconnect();
    this.pending.clear();
  }
}

function isOwnUi(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return (
    nodes.length > 0 &&
    nodes.every((n) => n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === UI_TAG)
  );
}
