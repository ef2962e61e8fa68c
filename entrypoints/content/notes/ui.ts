import { displayQuote } from '@/lib/anchor';
import type { Note } from '@/lib/model';
import { h } from './dom';
import { UI_TAG } from './page-text';
import { UI_CSS } from './ui-style';

export const SHORTCUT_LABEL = 'Alt+Shift+N';

type Layer = 'toolbar' | 'editor' | 'card' | 'notice' | 'message';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
const short = (text: string, max = 280) => {
  const t = displayQuote(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/**
 * Backstory's interface on the page for notes: the selection toolbar, the note editor, a note's
 * card and the list of notes not found on the page. It lives in a CLOSED shadow root, so the
 * page's scripts cannot read the user's notes from it and the page's styles cannot reach it. The
 * host element exists only while something is shown.
 */
export class NotesUi {
  private host: HTMLElement | undefined;
  private shadow: ShadowRoot | undefined;
  private readonly layers = new Map<Layer, HTMLElement>();

  constructor(private readonly timers: { setTimeout(fn: () => void, ms: number): number }) {}

  private root(): ShadowRoot {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    const host = document.createElement(UI_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(UI_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Where a content script's constructed sheet cannot be adopted (older Firefox), a style
      // element inside our own shadow root does the same; the page never sees it.
      shadow.append(h('style', {}, UI_CSS));
    }
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  private show(layer: Layer, el: HTMLElement): HTMLElement {
    this.hide(layer);
    this.layers.set(layer, el);
    this.root().append(el);
    return el;
  }

  hide(layer: Layer): void {
    this.layers.get(layer)?.remove();
    this.layers.delete(layer);
    if (this.layers.size === 0) {
      this.host?.remove();
      this.host = undefined;
      this.shadow = undefined;
    }
  }

  has(layer: Layer): boolean {
    return this.layers.has(layer);
  }

  /** Whether an event happened inside Backstory's own interface. */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  private place(el: HTMLElement, x: number, y: number) {
    el.style.left = `${clamp(x, 8, window.innerWidth - el.offsetWidth - 8)}px`;
    el.style.top = `${clamp(y, 8, window.innerHeight - el.offsetHeight - 8)}px`;
  }

  /** A small "Add note" button under the selection. */
  showToolbar(rect: DOMRect, onAdd: () => void): void {
    const button = h(
      'button',
      { type: 'button', class: 'primary', title: `Add a note (${SHORTCUT_LABEL})` },
      'Add note',
    );
    // Keep the page's selection: a mousedown on the button would otherwise clear it.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      if (e.isTrusted) onAdd();
    });
    const bar = this.show(
      'toolbar',
      h('div', { class: 'box toolbar', role: 'toolbar', 'aria-label': 'Backstory' }, button),
    );
    this.place(bar, rect.left, rect.bottom + 6);
  }

  /**
   * The note editor for a passage. `onSave` resolves to an error message to show, or null once
   * the note is stored. Escape cancels; Ctrl/⌘+Enter saves.
   */
  openEditor(
    rect: DOMRect | null,
    quote: string,
    onSave: (body: string, tags: string) => Promise<string | null>,
  ): void {
    this.hide('toolbar');
    this.hide('card');
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const close = () => {
      this.hide('editor');
      previous?.focus({ preventScroll: true });
    };
    const body = h('textarea', { id: 'bs-note-body', 'aria-describedby': 'bs-note-quote' });
    const tags = h('input', { id: 'bs-note-tags', type: 'text', autocomplete: 'off' });
    const error = h('p', { class: 'error', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save note');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'box editor', role: 'dialog', 'aria-label': 'New Backstory note' },
      h('h2', {}, 'New note'),
      h('blockquote', { id: 'bs-note-quote' }, short(quote)),
      h('label', { for: 'bs-note-body' }, 'Note'),
      body,
      h('label', { for: 'bs-note-tags' }, 'Tags (comma-separated)'),
      tags,
      error,
      h('div', { class: 'row' }, h('span', { class: 'hint' }, 'Ctrl+Enter saves'), cancel, save),
    );
    let busy = false;
    const submit = async () => {
      if (busy) return;
      busy = true;
      save.disabled = true;
      error.textContent = '';
      const problem = await onSave(body.value, tags.value);
      busy = false;
      save.disabled = false;
      if (problem) error.textContent = problem;
      else close();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit();
    });
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') close();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    });
    this.show('editor', form);
    const x = rect ? rect.left : window.innerWidth - 380;
    const y = rect ? rect.bottom + 8 : 16;
    this.place(form, x, y);
    body.focus();
  }

  /** A note's card, where its highlight was clicked. */
  showCard(x: number, y: number, note: Note, onOpenReview: () => void): void {
    const open = h('button', { type: 'button' }, 'Open in review');
    const close = h('button', { type: 'button' }, 'Close');
    open.addEventListener('click', (e) => {
      if (e.isTrusted) onOpenReview();
    });
    close.addEventListener('click', () => this.hide('card'));
    const card = h(
      'div',
      { class: 'box card', role: 'dialog', 'aria-label': 'Backstory note' },
      h('h2', {}, 'Your note'),
      note.body ? h('p', { class: 'body' }, note.body) : h('p', { class: 'status' }, 'No text.'),
      note.tags.length > 0 && h('p', { class: 'tags' }, `Tags: ${note.tags.join(', ')}`),
      h('div', { class: 'row' }, open, close),
    );
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.hide('card');
    });
    this.show('card', card);
    this.place(card, x, y + 12);
    open.focus();
  }

  /** The notes of this page whose passage was not found: listed with their quote, never dropped. */
  showOrphans(notes: Note[]): void {
    if (notes.length === 0) {
      this.hide('notice');
      return;
    }
    const dismiss = h('button', { type: 'button' }, 'Dismiss');
    dismiss.addEventListener('click', () => this.hide('notice'));
    const title =
      notes.length === 1
        ? '1 Backstory note not found on this page'
        : `${notes.length} Backstory notes not found on this page`;
    const items = notes.map((n) =>
      h(
        'li',
        {},
        n.target.kind === 'selection' && h('blockquote', {}, short(n.target.quote.exact)),
        n.body && h('p', { class: 'body' }, short(n.body, 400)),
      ),
    );
    this.show(
      'notice',
      h(
        'section',
        { class: 'box notice', role: 'region', 'aria-label': title },
        h('h2', {}, title),
        h('p', { class: 'status' }, 'The page may have changed since. Not found on this page:'),
        h('ul', {}, ...items),
        h('div', { class: 'row' }, dismiss),
      ),
    );
  }

  /** A short message in the corner (saved, refused, failed), gone after a few seconds. */
  showMessage(text: string): void {
    const box = this.show('message', h('p', { class: 'box card', role: 'status' }, text));
    // Through the CSSOM, not a style attribute, which a page's CSP may forbid.
    box.style.top = '16px';
    box.style.right = '16px';
    this.timers.setTimeout(() => {
      if (this.layers.get('message') === box) this.hide('message');
    }, 4000);
  }

  destroy(): void {
    for (const layer of [...this.layers.keys()]) this.hide(layer);
  }
}
