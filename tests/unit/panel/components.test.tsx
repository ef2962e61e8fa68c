// @vitest-environment happy-dom
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnThisPageView } from '@/components/OnThisPageView';
import { type PanelActions, PanelActionsContext } from '@/components/panel-context';
import { StatementCard } from '@/components/StatementCard';
import { ErrorMessage } from '@/components/StatusMessage';
import { Tabs } from '@/components/Tabs';
import type { StatementInfo } from '@/lib/db/panel-queries';

let root: HTMLElement;
let actions: PanelActions;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  actions = {
    openActor: vi.fn(),
    openClaim: vi.fn(),
    openHistory: vi.fn(),
    search: vi.fn(),
    copyCitation: vi.fn(async () => true),
    takeFocus: () => false,
  };
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function show(node: ComponentChildren) {
  act(() => {
    render(
      <PanelActionsContext.Provider value={actions}>{node}</PanelActionsContext.Provider>,
      root,
    );
  });
}

const hostile: StatementInfo = {
  statement: {
    id: 's/1',
    speakerLabel: '<b>anon</b>',
    words: '<img src=x onerror="alert(1)"> and <script>alert(2)</script>',
    kind: 'quote',
    medium: '<i>tv</i>',
    citations: [{ sourceId: 'src/1' }, { sourceId: 'src/2' }],
    provenance: ['user'],
    _sourceIds: ['src/1', 'src/2'],
    _saidKey: '0000-00-00',
  },
  speaker: { name: '<b>anon</b>' },
  sources: [
    { id: 'src/1', label: '<a href="javascript:x">Outlet</a>', href: 'javascript:alert(3)' },
    { id: 'src/2', label: 'Wire', outlet: 'Wire', href: 'https://wire.example/a#:~:text=x' },
  ],
};

describe('StatementCard', () => {
  it('renders page and pack strings as text, and links only http(s) URLs', () => {
    show(<StatementCard info={hostile} stance="denies" />);
    expect(root.querySelector('img, script, b, i')).toBeNull();
    expect(root.querySelector('q')?.textContent).toBe(hostile.statement.words);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://wire.example/a#:~:text=x']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.textContent).toContain('<a href="javascript:x">Outlet</a>');
    expect(root.textContent).toContain('date not recorded');
    expect(root.querySelector('.stance-badge')?.textContent).toBe('denies');
  });

  it('copies a citation through the panel and says so', async () => {
    show(<StatementCard info={hostile} />);
    const button = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Copy citation',
    );
    await act(async () => {
      button?.click();
    });
    expect(actions.copyCitation).toHaveBeenCalledWith(hostile, 'text');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Citation copied.');
  });

  it('opens the speaker and the claims it answers', () => {
    show(
      <StatementCard
        info={{ ...hostile, speaker: { id: 'a/1', name: 'Ana' } }}
        relations={[{ stance: 'denies', claimId: 'c/1', gist: 'A claim.' }]}
      />,
    );
    const byText = (t: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === t);
    byText('Ana')?.click();
    byText('A claim.')?.click();
    expect(actions.openActor).toHaveBeenCalledWith('a/1');
    expect(actions.openClaim).toHaveBeenCalledWith('c/1');
  });
});

describe('ErrorMessage', () => {
  it('says what failed in plain words and retries', () => {
    const retry = vi.fn();
    show(<ErrorMessage error="QuotaExceededError" onRetry={retry} />);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('could not read its cache');
    root.querySelector('button')?.click();
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('Tabs', () => {
  it('moves with the arrow keys and keeps one tab stop', () => {
    const onSelect = vi.fn();
    const tabs = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ];
    show(<Tabs tabs={tabs} selected="a" onSelect={onSelect} controls="main" label="Views" />);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    expect(buttons[0]?.getAttribute('aria-selected')).toBe('true');
    buttons[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    buttons[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(onSelect.mock.calls).toEqual([['c'], ['b']]);
  });
});

describe('OnThisPageView', () => {
  it('groups what was found by kind, most mentioned first, and says how knowledge arrives when empty', () => {
    show(
      <OnThisPageView
        status="active"
        pageTitle="A page"
        items={[
          { kind: 'actor', id: 'a', name: 'Ana', count: 1, actorKind: 'person' },
          { kind: 'actor', id: 'b', name: 'Bo', count: 5, actorKind: 'person' },
          { kind: 'actor', id: 'c', name: 'Cuba', count: 2, actorKind: 'country' },
          { kind: 'claim', id: 'k', name: 'A claim', count: 1 },
        ]}
        reveal={{ 'actor:b': { index: 1, total: 5, found: true } }}
        onReveal={() => undefined}
      />,
    );
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Claims 1', 'People 2', 'Countries and governments 1']);
    const people = [...root.querySelectorAll('section')][1];
    expect([...(people?.querySelectorAll('.found-name') ?? [])].map((b) => b.textContent)).toEqual([
      'Bo',
      'Ana',
    ]);
    expect(root.textContent).toContain('2/5');

    show(<OnThisPageView status="active" items={[]} reveal={{}} onReveal={() => undefined} />);
    expect(root.textContent).toContain('Knowledge arrives with the bundled starter pack');
    show(<OnThisPageView status="paused" items={[]} reveal={{}} onReveal={() => undefined} />);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('paused');
  });
});
