import type { ActorCard, ClaimCard, EntityRef } from '@/lib/messaging';
import cardCss from './card.css?inline';

/**
 * The hover card: a small dialog in a closed shadow root (the page can neither style nor read
 * it), added to the page only while it is shown. Strings from packs and pages are set as text,
 * never as markup. It is reachable and dismissible with the keyboard (Escape closes it and gives
 * focus back) and announced to screen readers through a polite live region.
 */
export const UI_TAG = 'backstory-ui';

export type CardData =
  | { kind: 'actor'; card: ActorCard }
  | { kind: 'claim'; card: ClaimCard }
  | { kind: 'ambiguous'; text: string; options: { id: string; name: string }[] };

export interface CardActions {
  open(target: EntityRef): void;
}

const KIND_LABEL: Record<string, string> = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  government: 'Government',
  outlet: 'News outlet',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export class HoverCard {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private returnFocus: Element | null = null;
  /** Set while the pointer is over the card, so it is not hidden under the reader's hand. */
  pointerInside = false;

  constructor(private readonly actions: CardActions) {}

  get visible(): boolean {
    return this.host?.isConnected === true;
  }

  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  private ensure(): ShadowRoot {
    if (this.host && this.root) return this.root;
    const host = document.createElement(UI_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    root.append(style);
    host.addEventListener('pointerenter', () => {
      this.pointerInside = true;
    });
    host.addEventListener('pointerleave', () => {
      this.pointerInside = false;
    });
    root.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.hide(true);
      }
    });
    this.host = host;
    this.root = root;
    return root;
  }

  /** Shows the card next to `rect`; with `focus`, moves keyboard focus to its first button. */
  show(data: CardData, rect: DOMRect, focus: boolean): void {
    const root = this.ensure();
    const host = this.host as HTMLElement;
    for (const child of [...root.children]) if (child.tagName !== 'STYLE') child.remove();
    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-modal', 'false');
    const title = document.createElement('p');
    title.className = 'title';
    title.id = 'backstory-card-title';
    card.setAttribute('aria-labelledby', title.id);
    const meta = document.createElement('p');
    meta.className = 'meta';
    const counts = document.createElement('p');
    counts.className = 'counts';
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const button = (label: string, target: EntityRef) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', (event) => {
        if (!event.isTrusted) return;
        this.actions.open(target);
        this.hide(true);
      });
      buttons.append(b);
      return b;
    };
    let announcement: string;
    if (data.kind === 'actor') {
      const c = data.card;
      title.textContent = c.name;
      meta.textContent = c.role ?? KIND_LABEL[c.kind] ?? c.kind;
      counts.textContent = [
        plural(c.statements, 'statement'),
        plural(c.claims, 'claim'),
        c.deniedBy > 0 ? `denied by ${c.deniedBy}` : 'no denials recorded',
      ].join(' · ');
      button('Open in side panel', { kind: 'actor', id: c.id });
      announcement = `Backstory: ${c.name}. ${meta.textContent}. ${counts.textContent}.`;
    } else if (data.kind === 'claim') {
      const c = data.card;
      title.textContent = c.gist;
      meta.textContent = c.claimant ? `Claim put forward by ${c.claimant}` : 'Claim';
      counts.textContent = [
        plural(c.statements, 'linked statement'),
        plural(c.denials, 'denial'),
        plural(c.supports, 'support'),
        plural(c.qualifies, 'qualification'),
      ].join(' · ');
      button('Open in side panel', { kind: 'claim', id: c.id });
      announcement = `Backstory claim: ${c.gist}. ${counts.textContent}.`;
    } else {
      title.textContent = `“${data.text}”`;
      meta.textContent = 'This name could be one of several people or organisations.';
      counts.textContent = 'Choose one to see its context:';
      for (const option of data.options) button(option.name, { kind: 'actor', id: option.id });
      announcement = `Backstory: ${data.text} could be ${data.options.map((o) => o.name).join(' or ')}.`;
    }
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Esc closes · Alt+Shift+. next highlight';
    const live = document.createElement('p');
    live.className = 'sr-only';
    live.setAttribute('role', 'status');
    card.append(title, meta, counts, buttons, hint);
    root.append(card, live);
    if (!host.isConnected) document.documentElement.append(host);
    // Announce after insertion, so the live region is observed before its text changes.
    requestAnimationFrame(() => {
      live.textContent = announcement;
    });
    this.place(card, rect);
    if (focus) {
      const active = document.activeElement;
      this.returnFocus = active && active !== host ? active : null;
      buttons.querySelector('button')?.focus();
    }
  }

  private place(card: HTMLElement, rect: DOMRect): void {
    const width = Math.min(340, window.innerWidth - 16);
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    const below = rect.bottom + 8;
    card.style.width = `${width}px`;
    card.style.left = `${left}px`;
    if (below + 180 > window.innerHeight && rect.top > 200) {
      card.style.bottom = `${window.innerHeight - rect.top + 8}px`;
    } else {
      card.style.top = `${below}px`;
    }
  }

  /** Removes the card; `restoreFocus` gives focus back to where it was. */
  hide(restoreFocus = false): void {
    if (!this.host?.isConnected) return;
    this.host.remove();
    this.pointerInside = false;
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  destroy(): void {
    this.hide();
    this.host = null;
    this.root = null;
  }
}
