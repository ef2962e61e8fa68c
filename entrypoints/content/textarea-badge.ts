import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolveMentions } from '@/lib/match/resolve';
import type { EntityRef } from '@/lib/messaging';
import { sendFromContent } from '@/lib/messaging/content-client';
import { UI_TAG } from './card';
import badgeCss from './textarea-badge.css?inline';

const DEBOUNCE_MS = 400;

/**
 * Textareas hold no text nodes to highlight, so a focused textarea that names known actors gets a
 * small count badge at its corner (in a closed shadow root, shown only while it has something to
 * say). The badge lists the names; choosing one opens the side panel on it. The textarea itself,
 * its value, caret, selection and undo stack are never touched.
 */
export class TextareaBadge {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private target: HTMLTextAreaElement | null = null;
  private timer: number | undefined;
  private hideTimer: number | undefined;
  private expanded = false;
  private found: { id: string; name: string; count: number }[] = [];

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly open: (target: EntityRef) => void,
  ) {}

  listen(): void {
    const isTextarea = (t: EventTarget | null): t is HTMLTextAreaElement =>
      t instanceof HTMLTextAreaElement;
    this.ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        if (!isTextarea(event.target)) return;
        window.clearTimeout(this.hideTimer);
        this.target = event.target;
        this.schedule(0);
      },
      { capture: true },
    );
    this.ctx.addEventListener(
      document,
      'input',
      (event) => {
        if (isTextarea(event.target) && event.target === this.target) this.schedule(DEBOUNCE_MS);
      },
      { capture: true },
    );
    this.ctx.addEventListener(
      document,
      'focusout',
      (event) => {
        if (event.target !== this.target) return;
        // Leave time for a click on the badge, which takes focus from the textarea.
        this.hideTimer = this.ctx.setTimeout(() => {
          if (!this.host?.matches(':focus-within')) this.hide();
        }, 300);
      },
      { capture: true },
    );
  }

  private schedule(delay: number): void {
    window.clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const textarea = this.target;
    if (!textarea) return;
    const text = textarea.value.slice(0, 600_000);
    if (!/\S/.test(text)) return this.hide();
    const reply = await sendFromContent('page/match', { texts: [text] });
    if (!reply.ok || this.ctx.isInvalid || textarea !== this.target) return;
    const names = new Map(reply.value.entities.actors.map(([i, id, name]) => [i, { id, name }]));
    const spans = reply.value.blocks[0]?.actors ?? [];
    const resolved = resolveMentions(spans.map(([, , candidates]) => ({ block: 0, candidates })));
    const counts = new Map<string, { id: string; name: string; count: number }>();
    for (const index of resolved) {
      const actor = index === null ? undefined : names.get(index);
      if (!actor) continue;
      const entry = counts.get(actor.id) ?? { ...actor, count: 0 };
      entry.count++;
      counts.set(actor.id, entry);
    }
    this.found = [...counts.values()].sort((a, b) => b.count - a.count);
    if (this.found.length === 0) return this.hide();
    this.render(textarea);
  }

  private ensure(): ShadowRoot {
    if (this.root) return this.root;
    const host = document.createElement(UI_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = badgeCss;
    root.append(style);
    this.host = host;
    this.root = root;
    return root;
  }

  private render(textarea: HTMLTextAreaElement): void {
    const root = this.ensure();
    for (const child of [...root.children]) if (child.tagName !== 'STYLE') child.remove();
    const box = document.createElement('div');
    box.className = 'badge';
    const total = this.found.reduce((n, f) => n + f.count, 0);
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'toggle';
    toggle.setAttribute('aria-expanded', String(this.expanded));
    toggle.textContent = `Backstory · ${total} known ${total === 1 ? 'name' : 'names'}`;
    toggle.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      this.expanded = !this.expanded;
      this.render(textarea);
    });
    box.append(toggle);
    if (this.expanded) {
      const list = document.createElement('ul');
      for (const f of this.found) {
        const item = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = `${f.name} (${f.count})`;
        b.addEventListener('click', (event) => {
          if (event.isTrusted) this.open({ kind: 'actor', id: f.id });
        });
        item.append(b);
        list.append(item);
      }
      box.append(list);
    }
    root.append(box);
    const rect = textarea.getBoundingClientRect();
    box.style.right = `${Math.max(4, window.innerWidth - rect.right + 6)}px`;
    box.style.top = `${Math.max(4, rect.bottom - 34)}px`;
    if (this.host && !this.host.isConnected) document.documentElement.append(this.host);
  }

  hide(): void {
    this.expanded = false;
    this.host?.remove();
  }

  destroy(): void {
    window.clearTimeout(this.timer);
    window.clearTimeout(this.hideTimer);
    this.hide();
    this.host = null;
    this.root = null;
  }
}
