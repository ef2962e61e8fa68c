import assert from 'node:assert/strict';
import { waitForHighlights } from '../../scripts/lib/chromium';
import { test } from './harness';
import { A, ACTOR, openPanel, seriousViolations } from './panel-helpers';

const VIEWS: { name: string; query: string; ready: string }[] = [
  { name: 'on this page', query: '', ready: '.found-list' },
  { name: 'actor', query: `?kind=actor&id=${A('miguel-diaz-canel')}`, ready: '.statement' },
  {
    name: 'actor without statements',
    query: `?kind=actor&id=${A('fulgencio-batista')}`,
    ready: '.event',
  },
  { name: 'claim', query: '?kind=claim&id=starter/claim/us-cuba-talks', ready: '.statement' },
  { name: 'history', query: '?kind=history', ready: '.event' },
  { name: 'search', query: '?kind=search&q=dialogue', ready: '.result-group' },
  { name: 'search without results', query: '?kind=search&q=zzqxj', ready: '.empty' },
  { name: 'missing actor', query: '?kind=actor&id=nobody', ready: '.empty' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(
    `axe finds no serious accessibility violation in any view (${colorScheme})`,
    async (t) => {
      const article = await t.open('articles/civic-wire-rubio.html');
      await waitForHighlights(article, ACTOR);
      const problems: string[] = [];
      for (const view of VIEWS) {
        const panel = await openPanel(t, view.query);
        await panel.setViewportSize({ width: 360, height: 800 });
        await panel.locator(view.ready).first().waitFor();
        for (const v of await seriousViolations(panel)) {
          problems.push(`${view.name}: ${v.id} (${v.impact}) ${v.help} ${v.nodes.join(' ')}`);
        }
        if (view.name === 'claim') {
          await panel.getByRole('button', { name: 'As a dated thread' }).click();
          for (const v of await seriousViolations(panel)) {
            problems.push(`claim thread: ${v.id} (${v.impact}) ${v.help} ${v.nodes.join(' ')}`);
          }
        }
        await panel.close();
      }
      assert.deepEqual(problems, []);
    },
    { launch: { colorScheme }, timeout: 120_000 },
  );
}

test('every view works from the keyboard, with the focus where it should be', async (t) => {
  const panel = await openPanel(t);
  const focused = () =>
    panel.evaluate(() => {
      const el = document.activeElement;
      return el
        ? `${el.tagName.toLowerCase()}:${el.getAttribute('role') ?? ''}:${el.textContent?.trim().slice(0, 40)}`
        : '';
    });

  // Tabs: one Tab stop, arrows move between them and select.
  await panel.keyboard.press('Tab');
  assert.equal(await focused(), 'button:tab:On this page');
  await panel.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'button:tab:Search');
  assert.equal(
    await panel.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected'),
    'true',
  );
  await panel.keyboard.press('End');
  assert.equal(await focused(), 'button:tab:History');
  await panel.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'button:tab:On this page');
  await panel.keyboard.press('ArrowLeft');
  await panel.getByRole('heading', { level: 1, name: 'History' }).waitFor();

  // Into the timeline: Tab reaches an actor chip; Enter opens it and the heading takes focus.
  const chip = panel.locator('.event .chip').first();
  const name = (await chip.innerText()).trim();
  await chip.focus();
  await panel.keyboard.press('Enter');
  await panel.getByRole('heading', { level: 1, name }).waitFor();
  await panel.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await panel.evaluate(() => document.activeElement?.textContent), name);

  // Focus is visible: the focused control has an outline.
  await panel.keyboard.press('Tab');
  const outline = await panel.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return getComputedStyle(el).outlineStyle;
  });
  assert.notEqual(outline, 'none');

  // Alt+Left goes back; "/" goes to the search field.
  await panel.keyboard.press('Alt+ArrowLeft');
  await panel.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  await panel.keyboard.press('/');
  await panel.waitForFunction(() => document.activeElement?.id === 'search-input');
  assert.deepEqual(t.pageErrors, []);
});
