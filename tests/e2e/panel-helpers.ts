import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { highlightPoint, sidePanelOpen, waitForHighlights } from '../../scripts/lib/chromium';
import type { E2E } from './harness';

export const ACTOR = 'backstory-actor';
export const A = (slug: string) => `starter/actor/${slug}`;

/**
 * Opens the panel page as a tab (Playwright cannot reach inside Chrome's real side panel; the
 * page is the same). `query` as in `?kind=claim&id=…`.
 */
export async function openPanel(t: E2E, query = ''): Promise<Page> {
  const page = await t.openExtensionPage(`sidepanel.html${query}`);
  await page.locator('[role="tablist"]').waitFor();
  return page;
}

/** Clicks a highlighted name on a page and waits for Chrome's side panel to open. */
export async function clickHighlight(t: E2E, page: Page, text: string): Promise<void> {
  await waitForHighlights(page, ACTOR);
  const point = await highlightPoint(page, ACTOR, text);
  if (!point) throw new Error(`no highlight for "${text}"`);
  await page.mouse.click(point.x, point.y);
  const deadline = Date.now() + 10_000;
  while (!(await sidePanelOpen(t.browser)) && Date.now() < deadline) await page.waitForTimeout(100);
  if (!(await sidePanelOpen(t.browser))) throw new Error('the side panel did not open');
}

/** The section of the claim view for one stance ("Denied", "Qualified"…). */
export const stanceGroup = (page: Page, heading: string) =>
  page
    .locator('section.group')
    .filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }) });

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (evaluated, because the extension page's CSP refuses injected
 * script elements) and returns the serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Axe = {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[] }[];
        }[];
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      }));
  });
}

/**
 * Evaluates an expression inside Chrome's real side panel. Playwright does not list the side
 * panel among a context's pages, but it is a CDP target: attach to it and send Runtime.evaluate.
 */
export async function evaluateInSidePanel<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const panel = targetInfos.find(
      (x) =>
        x.type === 'page' &&
        x.url.startsWith('chrome-extension://') &&
        x.url.includes('/sidepanel.html'),
    );
    if (!panel) throw new Error('no side panel target');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: panel.targetId,
      flatten: false,
    });
    const reply = new Promise<T>((resolve, reject) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: T }; exceptionDetails?: { text: string } };
        };
        if (message.id !== 1) return;
        if (message.result?.exceptionDetails)
          reject(new Error(message.result.exceptionDetails.text));
        else resolve(message.result?.result?.value as T);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true, awaitPromise: true },
      }),
    });
    return await reply;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls an expression in the real side panel until it returns `wanted`. */
export async function waitInSidePanel(
  page: Page,
  expression: string,
  wanted: unknown,
  timeout = 10_000,
) {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await evaluateInSidePanel(page, expression).catch((e: unknown) => String(e));
    if (JSON.stringify(last) === JSON.stringify(wanted)) return;
    await page.waitForTimeout(150);
  }
  throw new Error(
    `side panel: ${expression} was ${JSON.stringify(last)}, expected ${JSON.stringify(wanted)}`,
  );
}
