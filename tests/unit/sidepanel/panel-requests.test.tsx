// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  PANEL_TARGET_KEY,
  type PanelRequest,
  usePanelRequests,
} from '@/entrypoints/sidepanel/panel-requests';

let root: HTMLElement;

function Probe(props: { apply: (r: PanelRequest) => void; applyPending?: boolean }) {
  usePanelRequests(
    props.apply,
    props.applyPending === undefined ? {} : { applyPending: props.applyPending },
  );
  return null;
}

async function mount(applyPending?: boolean) {
  const apply = vi.fn<(r: PanelRequest) => void>();
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Probe apply={apply} {...(applyPending === undefined ? {} : { applyPending })} />, root);
  });
  // Let the session-storage read settle.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return apply;
}

const clicked = {
  target: { kind: 'actor', id: 'starter/actor/miguel-diaz-canel' },
  at: Date.now(),
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('usePanelRequests', () => {
  it('applies a click made just before the panel opened', async () => {
    await fakeBrowser.storage.session.set({ [PANEL_TARGET_KEY]: { ...clicked, at: Date.now() } });
    const apply = await mount();
    expect(apply).toHaveBeenCalledWith({ kind: 'entity', target: clicked.target });
  });

  it('does not let an earlier click override a panel opened on an address that names a view', async () => {
    await fakeBrowser.storage.session.set({ [PANEL_TARGET_KEY]: { ...clicked, at: Date.now() } });
    const apply = await mount(false);
    expect(apply).not.toHaveBeenCalled();
    // Clicks made while it is open are still followed.
    await act(async () => {
      await fakeBrowser.storage.session.set({
        [PANEL_TARGET_KEY]: { target: { kind: 'claim', id: 'c1' }, at: Date.now() },
      });
    });
    expect(apply).toHaveBeenCalledWith({ kind: 'entity', target: { kind: 'claim', id: 'c1' } });
  });

  it('ignores a stale click', async () => {
    await fakeBrowser.storage.session.set({
      [PANEL_TARGET_KEY]: { ...clicked, at: Date.now() - 60_000 },
    });
    const apply = await mount();
    expect(apply).not.toHaveBeenCalled();
  });
});
