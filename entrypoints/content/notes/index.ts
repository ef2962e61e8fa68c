import './notes.css';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Anchor, anchorAll, describeSelection, type Selectors } from '@/lib/anchor';
import { MAX_CAPTURE_HTML } from '@/lib/extract/capture-limits';
import { canonicalUrl, detectArticle } from '@/lib/extract/detect';
import { contentListener, sendFromContent } from '@/lib/messaging/content-client';
import type { Note, SelectionTarget } from '@/lib/model';
import { parseTags } from '@/lib/notes/tags';
import { onNavigation } from '../guard';
import { inEditableOrOwnUi, PageText } from './page-text';
import { NotesUi } from './ui';

export const NOTE_HIGHLIGHT = 'backstory-note';

type SelectionNote = Note & { target: SelectionTarget };
interface Placed {
  note: SelectionNote;
  anchor: Anchor;
  range: StaticRange;
}

const hasHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** The caret position under a point, in whichever form this browser offers. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The page's current selection as selectors over the page's text, or null. */
function currentSelection(): { selectors: Selectors; rect: DOMRect } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!document.body.contains(range.commonAncestorContainer)) return null;
  if (inEditableOrOwnUi(range.startContainer) || inEditableOrOwnUi(range.endContainer)) return null;
  const page = PageText.collect();
  const start = page.offsetOf(range.startContainer, range.startOffset);
  const end = page.offsetOf(range.endContainer, range.endOffset);
  const selectors = describeSelection(page.text, start, end);
  if (!selectors) return null;
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { selectors, rect };
}

/**
 * Notes on the page: the selection toolbar, the editor (also from the context menu and the
 * keyboard command), the note highlights (re-anchored on every visit and whenever the page's
 * text changes), a note's card on click, and the list of notes not found on the page.
 */
export async function startNotes(ctx: ContentScriptContext): Promise<void> {
  if (!document.body || !/^https?:$/.test(location.protocol)) return;
  let url = canonicalUrl(document, location.href);
  const reply = await sendFromContent('notes/for-page', { url });
  if (!reply.ok || !reply.value.show || ctx.isInvalid) return;
  const { canCreate } = reply.value;
  let notes = reply.value.notes.filter((n): n is SelectionNote => n.target.kind === 'selection');
  let placed: Placed[] = [];
  let page: PageText | undefined;
  const ui = new NotesUi(ctx);
  ctx.onInvalidated(() => {
    ui.destroy();
    if (hasHighlights()) CSS.highlights.delete(NOTE_HIGHLIGHT);
  });

  const anchorNotes = () => {
    if (ctx.isInvalid) return;
    // An address without notes (after a navigation): no text to collect, nothing to find.
    const text = notes.length > 0 ? PageText.collect() : undefined;
    page = text;
    const results = text
      ? anchorAll(
          text.text,
          notes.map((note) => ({ note, quote: note.target.quote, position: note.target.position })),
        )
      : [];
    placed = [];
    const orphans: Note[] = [];
    for (const { target, anchor } of results) {
      const range = anchor && text?.range(anchor.start, anchor.end);
      if (anchor && range) placed.push({ note: target.note, anchor, range });
      else orphans.push(target.note);
    }
    if (hasHighlights()) {
      if (placed.length > 0) {
        const highlight = new Highlight(...placed.map((p) => p.range));
        highlight.priority = 1;
        CSS.highlights.set(NOTE_HIGHLIGHT, highlight);
      } else CSS.highlights.delete(NOTE_HIGHLIGHT);
    }
    ui.showOrphans(orphans);
  };

  // The page's own text changes (late content, live updates) move or reveal passages: re-anchor,
  // in a batch. Pages without notes are not observed at all.
  let pending = 0;
  let observer: MutationObserver | undefined;
  const watch = () => {
    if (observer || ctx.isInvalid) return;
    observer = new MutationObserver(() => {
      if (pending) return;
      pending = ctx.setTimeout(() => {
        pending = 0;
        ctx.requestIdleCallback(anchorNotes, { timeout: 2000 });
      }, 800);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer?.disconnect());
  };
  const unwatch = () => {
    observer?.disconnect();
    observer = undefined;
  };

  if (notes.length > 0) {
    ctx.requestIdleCallback(anchorNotes, { timeout: 2000 });
    watch();
  }

  // A single-page app's navigation brings another article into the document: its own notes are
  // shown, and the previous address's are neither highlighted nor listed as not found. The page
  // is observed only while its address has notes.
  let loads = 0;
  const followAddress = async () => {
    const now = canonicalUrl(document, location.href);
    if (now === url) return;
    url = now;
    const load = ++loads;
    const next = await sendFromContent('notes/for-page', { url: now });
    if (load !== loads || ctx.isInvalid) return;
    notes = next.ok
      ? next.value.notes.filter((n): n is SelectionNote => n.target.kind === 'selection')
      : [];
    if (notes.length > 0) watch();
    else unwatch();
    anchorNotes();
  };
  onNavigation(ctx, followAddress);
  // A navigation while the first notes were being asked for.
  void followAddress();

  const compose = (): boolean => {
    if (!canCreate) {
      ui.showMessage('Backstory keeps no notes in private windows.');
      return false;
    }
    const selection = currentSelection();
    if (!selection) {
      ui.showMessage('Select some text on the page first, then add a note.');
      return false;
    }
    const { selectors, rect } = selection;
    ui.openEditor(rect, selectors.quote.exact, async (body, tags) => {
      const target: SelectionTarget = {
        kind: 'selection',
        // The address now: a single-page app may have navigated since the page loaded.
        url: canonicalUrl(document, location.href),
        quote: selectors.quote,
        position: selectors.position,
        ...(document.title.trim() ? { title: document.title.trim().slice(0, 500) } : {}),
      };
      // An article's HTML goes with the note: the background reads its reading copy (as for
      // a captured page), so saving a note runs no Readability on the page's main thread.
      let html: string | undefined;
      if (detectArticle(document)) {
        const page = document.documentElement.outerHTML;
        if (page.length <= MAX_CAPTURE_HTML) html = page;
      }
      const saved = await sendFromContent('notes/create', {
        body,
        tags: parseTags(tags),
        target,
        ...(html ? { html } : {}),
      });
      if (!saved.ok) return `The note was not saved: ${saved.error}`;
      notes = [...notes, saved.value.note as SelectionNote];
      anchorNotes();
      watch();
      document.getSelection()?.removeAllRanges();
      ui.showMessage(saved.value.warning ?? 'Note saved.');
      return null;
    });
    return true;
  };

  // The selection toolbar: after the user selects text with the mouse or the keyboard.
  const onSelectionEnd = (event: Event) => {
    if (!event.isTrusted || !canCreate || ui.has('editor')) return;
    if (ui.contains(event.target)) return;
    ctx.setTimeout(() => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed) return ui.hide('toolbar');
      const range = selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      if (!range || !selection.toString().trim() || inEditableOrOwnUi(range.startContainer))
        return ui.hide('toolbar');
      const rects = range.getClientRects();
      const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
      ui.showToolbar(rect, () => compose());
    }, 0);
  };
  ctx.addEventListener(document, 'mouseup', onSelectionEnd);
  ctx.addEventListener(document, 'keyup', (e) => {
    if ((e as KeyboardEvent).shiftKey || (e as KeyboardEvent).key === 'Shift') onSelectionEnd(e);
  });
  ctx.addEventListener(document, 'mousedown', (e) => {
    if (!ui.contains(e.target)) ui.hide('toolbar');
  });
  ctx.addEventListener(window, 'scroll', () => ui.hide('toolbar'), { passive: true });

  // The keyboard shortcut. The manifest command (rebindable in the browser) sends notes/compose;
  // where the browser leaves the keys to the page, this listener answers them.
  ctx.addEventListener(document, 'keydown', (e) => {
    const k = e as KeyboardEvent;
    if (!k.isTrusted || !k.altKey || !k.shiftKey || k.ctrlKey || k.metaKey || k.code !== 'KeyN')
      return;
    if (ui.contains(k.target) || ui.has('editor')) return;
    k.preventDefault();
    compose();
  });

  // A click on a note's highlight shows the note.
  ctx.addEventListener(document, 'click', (e) => {
    const m = e as MouseEvent;
    if (!m.isTrusted || m.button !== 0 || !page || placed.length === 0) return;
    if (ui.contains(m.target) || !document.getSelection()?.isCollapsed) return;
    const caret = caretAt(m.clientX, m.clientY);
    const at = caret && page.caretOffset(caret.node, caret.offset);
    if (at === null || at === undefined) return;
    const hit = placed.find((p) => at >= p.anchor.start && at < p.anchor.end);
    if (!hit) return ui.hide('card');
    ui.showCard(m.clientX, m.clientY, hit.note, () => {
      void sendFromContent('review/open', { noteId: hit.note.id });
      ui.hide('card');
    });
  });

  const listener = contentListener({
    'notes/compose': () => ({ opened: compose() }),
  });
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
