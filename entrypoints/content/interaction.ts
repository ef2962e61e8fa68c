import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityRef } from '@/lib/messaging';
import { sendFromContent } from '@/lib/messaging/content-client';
import { type CardData, HoverCard } from './card';
import { latestPerFrame } from './frame-pointer';
import type { Hit } from './highlighter';
import { MARK_TAG } from './mark-fallback';
import type { PageSession } from './session';

const HOVER_DELAY = 250;
const HIDE_DELAY = 350;

/** The caret position under a point, looking into the open shadow roots Backstory scanned. */
export function caretAt(
  x: number,
  y: number,
  shadowRoots: Iterable<ShadowRoot>,
): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const roots = [...shadowRoots];
    const pos =
      roots.length > 0
        ? (
            document.caretPositionFromPoint as (
              x: number,
              y: number,
              options?: { shadowRoots: ShadowRoot[] },
            ) => CaretPosition | null
          )(x, y, { shadowRoots: roots })
        : document.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** A live Range over a hit, made for a measurement and dropped (hits keep StaticRanges). */
function liveRange(hit: Hit): Range {
  const live = document.createRange();
  live.setStart(hit.range.startContainer, hit.range.startOffset);
  live.setEnd(hit.range.endContainer, hit.range.endOffset);
  return live;
}

/** The on-screen box of a hit. */
export function rectOf(hit: Hit): DOMRect {
  const live = liveRange(hit);
  return live.getClientRects()[0] ?? live.getBoundingClientRect();
}

/**
 * Whether (x, y) is on the hit's text: the caret APIs answer with the nearest text position
 * even for a point in a margin or past a line's end, so a point beside a highlight would
 * otherwise count as on it.
 */
export function hitContains(hit: Hit, x: number, y: number): boolean {
  // A little slack below and above: a claim's underline is drawn just under the text's box.
  for (const r of liveRange(hit).getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 2 && y <= r.bottom + 3) return true;
  }
  return false;
}

/**
 * Pointer and keyboard on the highlights: hover shows the card, a click opens the side panel,
 * the keyboard command (or Alt+Shift+. / Alt+Shift+, on the page) moves through highlights in
 * document order and opens the card with focus on its button. Only trusted input counts: page
 * scripts can dispatch synthetic events.
 */
export class Interaction {
  readonly card: HoverCard;
  private hovered: Hit | null = null;
  private showTimer: number | undefined;
  private hideTimer: number | undefined;
  private readonly pointerMoved = latestPerFrame((x, y) => this.onPointer(x, y));
  private readonly cards = new Map<string, CardData | null>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly session: PageSession,
  ) {
    this.card = new HoverCard({ open: (target) => this.open(target) });
  }

  open(target: EntityRef): void {
    // No await before the message: the background needs the click's user gesture.
    void sendFromContent('panel/open', { target });
  }

  listen(): void {
    const { ctx } = this;
    ctx.addEventListener(
      document,
      'pointermove',
      (event) => {
        if (event.isTrusted && event.buttons === 0) this.pointerMoved(event.clientX, event.clientY);
      },
      { passive: true, capture: true },
    );
    ctx.addEventListener(document, 'click', (event) => {
      // Only the user's own clicks count: page scripts can dispatch synthetic ones.
      if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return;
      if (this.card.contains(event.target)) return;
      // Fallback marks (no Highlight API): only those Backstory made, for what it made them for
      // (a page can add look-alike elements or rewrite their attributes).
      const mark = event.target instanceof Element ? event.target.closest(MARK_TAG) : null;
      const marked = mark ? this.session.highlighter.fallback?.hitOf(mark) : undefined;
      if (marked?.ids[0] && marked.kind !== 'ambiguous') {
        this.open({ kind: marked.kind === 'claim' ? 'claim' : 'actor', id: marked.ids[0] });
        return;
      }
      const hit = this.hitAtPoint(event.clientX, event.clientY);
      if (!hit) return;
      if (hit.kind === 'ambiguous') {
        void this.showCard(hit, false);
        return;
      }
      this.open({ kind: hit.kind === 'claim' ? 'claim' : 'actor', id: hit.ids[0] ?? '' });
    });
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        if (!event.isTrusted) return;
        if (event.key === 'Escape' && this.card.visible) {
          this.card.hide(true);
          this.session.highlighter.unfocus();
          return;
        }
        // The same keys as the manifest commands, for when the browser did not bind them.
        if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
          if (event.code === 'Period' || event.code === 'Comma') {
            event.preventDefault();
            this.step(event.code === 'Period' ? 'next' : 'previous');
          }
        }
      },
      { capture: true },
    );
    ctx.addEventListener(window, 'scroll', () => this.cancelHover(), { passive: true });
  }

  /** The highlight under the point, if the point is on its text. */
  private hitAtPoint(x: number, y: number): Hit | undefined {
    const caret = caretAt(x, y, this.session.shadowRoots);
    const hit = caret ? this.session.highlighter.hitAt(caret.node, caret.offset) : undefined;
    return hit && hitContains(hit, x, y) ? hit : undefined;
  }

  private selecting(): boolean {
    const selection = document.getSelection();
    return selection !== null && !selection.isCollapsed;
  }

  private onPointer(x: number, y: number): void {
    if (this.card.pointerInside) {
      window.clearTimeout(this.hideTimer);
      return;
    }
    // A reader selecting text (to copy it, or to take a note) is not asking for a card.
    if (this.selecting()) {
      window.clearTimeout(this.showTimer);
      return;
    }
    const hit = this.hitAtPoint(x, y);
    if (hit && hit === this.hovered) {
      window.clearTimeout(this.hideTimer);
      return;
    }
    this.hovered = hit ?? null;
    window.clearTimeout(this.showTimer);
    if (hit) {
      window.clearTimeout(this.hideTimer);
      this.showTimer = this.ctx.setTimeout(() => {
        if (!this.selecting()) void this.showCard(hit, false, true);
      }, HOVER_DELAY);
    } else if (this.card.visible) {
      this.hideTimer = this.ctx.setTimeout(() => {
        if (!this.card.pointerInside && !this.session.highlighter.focusedHit) this.card.hide();
      }, HIDE_DELAY);
    }
  }

  private cancelHover(): void {
    window.clearTimeout(this.showTimer);
    this.hovered = null;
  }

  /**
   * Shows a hit's card; with `focus`, keyboard focus moves into it. A card asked for by hovering
   * (`hovering`) is dropped if the pointer has left the hit while its data was on the way: shown
   * then, nothing would ever hide it.
   */
  async showCard(hit: Hit, focus: boolean, hovering = false): Promise<void> {
    const data = await this.cardData(hit);
    if (!data || this.ctx.isInvalid || !hit.range.startContainer.isConnected) return;
    if (hovering && this.hovered !== hit) return;
    this.card.show(data, rectOf(hit), focus);
  }

  private async cardData(hit: Hit): Promise<CardData | null> {
    if (hit.kind === 'ambiguous') {
      const options = hit.candidates
        .map((c) => this.session.entities.actors.get(c))
        .filter((a) => a !== undefined)
        .map((a) => ({ id: a.id, name: a.name }));
      return { kind: 'ambiguous', text: hit.block.text.slice(hit.start, hit.end), options };
    }
    const id = hit.ids[0] ?? '';
    const key = `${hit.kind}:${id}`;
    if (this.cards.has(key)) return this.cards.get(key) ?? null;
    const reply = await sendFromContent('entity/card', {
      target: { kind: hit.kind === 'claim' ? 'claim' : 'actor', id },
    });
    let data: CardData | null = null;
    if (reply.ok && reply.value) {
      data =
        reply.value.kind === 'claim'
          ? { kind: 'claim', card: reply.value }
          : { kind: 'actor', card: reply.value };
    }
    this.cards.set(key, data);
    return data;
  }

  /** Moves to the next or previous highlight after the focused one (or the viewport's top). */
  step(direction: 'next' | 'previous'): boolean {
    const hits = this.session.orderedHits();
    if (hits.length === 0) return false;
    const current = this.session.highlighter.focusedHit;
    let index = current ? hits.indexOf(current) : -1;
    if (index < 0) {
      // Start from the first highlight on screen.
      index = hits.findIndex((h) => rectOf(h).bottom >= 0) - (direction === 'next' ? 1 : 0);
    }
    const next = direction === 'next' ? index + 1 : index - 1;
    const hit = hits[(next + hits.length) % hits.length];
    if (!hit) return false;
    this.reveal(hit);
    void this.showCard(hit, true);
    return true;
  }

  /** Scrolls a hit into view and marks it with the focus highlight. */
  reveal(hit: Hit): void {
    const rect = rectOf(hit);
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      window.scrollTo({
        top: window.scrollY + rect.top - window.innerHeight / 3,
        behavior: 'instant',
      });
    }
    this.session.highlighter.focus(hit);
  }

  /** The n-th highlight of an entity (side panel's "show on page"). */
  revealEntity(target: EntityRef, index: number): { found: boolean; total: number } {
    const mine = this.session
      .orderedHits()
      .filter((h) =>
        target.kind === 'claim'
          ? h.kind === 'claim' && h.ids.includes(target.id)
          : h.kind === 'actor' && h.ids.includes(target.id),
      );
    const hit = mine[((index % mine.length) + mine.length) % mine.length];
    if (hit) this.reveal(hit);
    return { found: hit !== undefined, total: mine.length };
  }

  destroy(): void {
    window.clearTimeout(this.showTimer);
    window.clearTimeout(this.hideTimer);
    this.card.destroy();
  }
}
