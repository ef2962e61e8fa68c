import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  type MenuItem,
  searchSelectionItem,
  setupContextMenus,
} from '@/entrypoints/background/context-menu';
import { setupFirefoxToolbarButton } from '@/entrypoints/background/panel-open';
import { PANEL_SEARCH_KEY } from '@/lib/messaging';

type Listener = (
  info: { menuItemId: string; selectionText?: string },
  tab?: { windowId: number },
) => void;

let clicked: Listener | undefined;
const created: { id: string; contexts: string[] }[] = [];

function fakeMenus() {
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.contextMenus = {
    removeAll: vi.fn(async () => {
      created.length = 0;
    }),
    create: vi.fn((props: { id: string; contexts: string[] }, done?: () => void) => {
      created.push({ id: props.id, contexts: props.contexts });
      done?.();
    }),
    onClicked: { addListener: (fn: Listener) => (clicked = fn) },
  };
  // No error from the (fake) browser after each create.
  Object.defineProperty(fakeBrowser.runtime, 'lastError', { value: undefined, configurable: true });
}

describe('context menu', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    created.length = 0;
    clicked = undefined;
    fakeMenus();
    delete (fakeBrowser as unknown as Record<string, unknown>).sidebarAction;
  });

  it('creates every feature’s item after removing old ones, and dispatches clicks by id', async () => {
    const other: MenuItem = { id: 'other', title: 'Other', contexts: ['page'], onClick: vi.fn() };
    setupContextMenus([searchSelectionItem, other]);
    await vi.waitFor(() => expect(created).toHaveLength(2));
    expect(created).toEqual([
      { id: 'backstory-search-selection', contexts: ['selection'] },
      { id: 'other', contexts: ['page'] },
    ]);
    clicked?.({ menuItemId: 'other' });
    expect(other.onClick).toHaveBeenCalledOnce();
  });

  it('opens the side panel within the click, then leaves the selection for the panel to search', async () => {
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as Record<string, unknown>).sidePanel = { open };
    setupContextMenus([searchSelectionItem]);
    clicked?.(
      { menuItemId: 'backstory-search-selection', selectionText: '  Díaz-Canel\n  said ' },
      { windowId: 7 },
    );
    // Synchronously, before anything awaited: the user gesture is still alive.
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    await vi.waitFor(async () => {
      const stored = await fakeBrowser.storage.session.get(PANEL_SEARCH_KEY);
      expect(stored[PANEL_SEARCH_KEY]).toMatchObject({ query: 'Díaz-Canel said' });
    });
  });

  it('opens Firefox’s sidebar instead, and never stores an empty search', async () => {
    const sidebar = { open: vi.fn(async () => undefined), toggle: vi.fn(async () => undefined) };
    (fakeBrowser as unknown as Record<string, unknown>).sidebarAction = sidebar;
    setupContextMenus([searchSelectionItem]);
    clicked?.({ menuItemId: 'backstory-search-selection', selectionText: '   ' }, { windowId: 1 });
    expect(sidebar.open).toHaveBeenCalledOnce();
    await new Promise((r) => setTimeout(r, 10));
    expect(await fakeBrowser.storage.session.get(PANEL_SEARCH_KEY)).toEqual({});
  });

  it('lets Firefox’s toolbar button toggle the sidebar', () => {
    const sidebar = { open: vi.fn(async () => undefined), toggle: vi.fn(async () => undefined) };
    let onClick: (() => void) | undefined;
    const b = fakeBrowser as unknown as Record<string, unknown>;
    b.sidebarAction = sidebar;
    b.browserAction = { onClicked: { addListener: (fn: () => void) => (onClick = fn) } };
    const action = b.action;
    b.action = undefined;
    setupFirefoxToolbarButton();
    onClick?.();
    expect(sidebar.toggle).toHaveBeenCalledOnce();
    b.action = action;
  });
});
