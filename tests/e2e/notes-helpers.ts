import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { dbRows, eventually, waitForHighlights } from '../../scripts/lib/chromium';
import { type E2E, FIXTURES } from './harness';

export const NOTE = 'backstory-note';
export const PASSAGE = 'we can not say we have had a table of dialogue';

/**
 * Reading and clicking Backstory's notes UI, which lives in a CLOSED shadow root that page
 * scripts (and so Playwright's locators) cannot enter. The DevTools protocol can: DOM.getDocument
 * with `pierce` returns closed shadow roots too.
 */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function find(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

function findAll(node: CdpNode, test: (n: CdpNode) => boolean, out: CdpNode[] = []) {
  if (test(node)) out.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])])
    findAll(child, test, out);
  return out;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join(' ');
}

/** The closed shadow root of the notes UI, or null when it is not on the page. */
export async function notesUiRoot(
  page: Page,
): Promise<(CdpNode & { shadowRootType?: string }) | null> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const host = find(root, (n) => n.localName === 'backstory-notes-ui');
  return host?.shadowRoots?.[0] ?? null;
}

/** All visible text of the notes UI, whitespace collapsed ('' when absent). */
export async function notesUiText(page: Page): Promise<string> {
  const root = await notesUiRoot(page);
  return root ? textOf(root).replace(/\s+/g, ' ').trim() : '';
}

/** Clicks the button of the notes UI whose text is `label`. */
export async function clickNotesUiButton(page: Page, label: string): Promise<void> {
  const root = await notesUiRoot(page);
  const button =
    root &&
    findAll(root, (n) => n.localName === 'button').find(
      (b) => textOf(b).replace(/\s+/g, ' ').trim() === label,
    );
  if (!button) throw new Error(`No "${label}" button in the notes UI`);
  const session = await cdp(page);
  const { model } = (await session.send('DOM.getBoxModel', {
    backendNodeId: button.backendNodeId,
  })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** Polls the notes UI until its text matches. */
export async function waitForNotesUi(page: Page, pattern: RegExp, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await notesUiText(page);
    if (pattern.test(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`Notes UI never matched ${pattern}; last text: "${last}"`);
}

/** Selects `text` in the page with a real mouse drag (the first occurrence inside <article>). */
export async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    const article = document.querySelector('article') ?? document.body;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(wanted);
      if (at < 0) continue;
      (n.parentElement as Element).scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + 1);
      const first = r.getBoundingClientRect();
      r.setStart(n, at + wanted.length - 1);
      r.setEnd(n, at + wanted.length);
      const last = r.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in the article`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** Serves one address whose content the test switches between the fixture versions. */
export function servedStory(t: E2E) {
  let version = 'story.html';
  t.server.route('/live/story.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(join(FIXTURES, 'notes', version)));
  });
  return {
    url: t.server.url('live/story.html'),
    use(file: string) {
      version = file;
    },
  };
}

export interface StoredNote {
  id: string;
  body: string;
  tags: string[];
  target: {
    kind: string;
    url: string;
    title?: string;
    quote: { exact: string; prefix?: string; suffix?: string };
    position?: { start: number; end: number };
  };
}

/** Takes a note on PASSAGE with the selection toolbar; returns the stored note. */
export async function takeNote(t: E2E, url: string) {
  const page = await t.browser.context.newPage();
  page.on('pageerror', (e) => t.pageErrors.push(e.message));
  await page.goto(url);
  await waitForHighlights(page, 'backstory-actor');
  await dragSelect(page, PASSAGE);
  await waitForNotesUi(page, /Add note/);
  await clickNotesUiButton(page, 'Add note');
  await waitForNotesUi(page, /New note/);
  // The editor has focus: type the note, then the tags, and save with the keyboard.
  await page.keyboard.type('De Cossío draws the line at "table of dialogue".');
  await page.keyboard.press('Tab');
  await page.keyboard.type('talks, Cuba');
  await page.keyboard.press('Control+Enter');
  await waitForHighlights(page, NOTE);
  const notes = await eventually(async () => {
    const rows = await dbRows<StoredNote>(t.browser, 'notes');
    return rows.length > 0 ? rows : null;
  }, 'the stored note');
  return { page, note: notes[0] as StoredNote };
}

/** axe-core's violations on a page (WCAG 2 A/AA rules), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(
    join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
    'utf8',
  );
  // Evaluated through the DevTools protocol, which the extension page's CSP does not govern.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
