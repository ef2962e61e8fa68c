import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  type BackgroundHandlers,
  backgroundListener,
  contentListener,
  contentReplies,
  pagePortListener,
  toBackground,
} from '@/lib/messaging';
import { PAGE_PORT } from '@/lib/messaging/page-port';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { FakePort } from './fake-port';

function handlers(): BackgroundHandlers {
  return {
    'page/match': vi.fn(() => ({ version: 3, blocks: [], entities: { actors: [], claims: [] } })),
    'page/config': vi.fn(() => ({ highlight: true, learn: true, reason: 'active' as const })),
    'settings/get': vi.fn(() => DEFAULT_SETTINGS),
    'settings/update': vi.fn(() => DEFAULT_SETTINGS),
    'panel/open': vi.fn(() => ({ opened: true })),
    'page/report': vi.fn(() => ({})),
    'page/capture': vi.fn(() => ({ saved: false })),
    'entity/card': vi.fn(() => null),
    'tab/state': vi.fn(() => null),
    'tab/reveal': vi.fn(() => ({ found: false, total: 0 })),
    'packs/offer': vi.fn(() => ({ shown: 0 })),
    'claimreview/report': vi.fn(() => ({ reviews: 0 })),
    'packs/offers': vi.fn(() => []),
    'packs/offer/dismiss': vi.fn(() => ({})),
    'subscriptions/add': vi.fn(() => {
      throw new Error('not in this test');
    }),
    'subscriptions/refresh': vi.fn(() => {
      throw new Error('not in this test');
    }),
    'subscriptions/update': vi.fn(() => {
      throw new Error('not in this test');
    }),
    'subscriptions/remove': vi.fn(() => ({})),
    'learning/status': vi.fn(() => ({
      site: null,
      learning: true,
      siteLearning: true,
      blocked: null,
      incognito: false,
      page: null,
    })),
    'page/forget': vi.fn(() => ({ forgotten: false, deleted: 0, updated: 0 })),
    'actors/review': vi.fn(() => ({})),
    'notes/for-page': vi.fn(() => ({ show: false, canCreate: false, notes: [] })),
    'notes/create': vi.fn(() => {
      throw new Error('not in this test');
    }),
    'review/open': vi.fn(() => ({})),
  };
}

const envelope = (type: string, payload: unknown) => ({ channel: 'backstory', type, payload });

describe('backgroundListener', () => {
  let h: BackgroundHandlers;
  let extensionPage: { id: string; url: string };
  let contentScript: { id: string; url: string; tab: { id: number } };

  beforeEach(() => {
    fakeBrowser.reset();
    h = handlers();
    extensionPage = {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/sidepanel.html'),
    };
    contentScript = { id: fakeBrowser.runtime.id, url: 'https://news.example/a', tab: { id: 7 } };
  });

  it('answers a valid request from a content script', async () => {
    const listen = backgroundListener(h);
    const payload = { url: 'https://news.example/a' };
    const reply = await listen(envelope('page/config', payload), contentScript as never);
    expect(reply).toEqual({ ok: true, value: { highlight: true, learn: true, reason: 'active' } });
    expect(h['page/config']).toHaveBeenCalledWith(payload, contentScript);
  });

  it('ignores messages that are not ours', () => {
    const listen = backgroundListener(h);
    expect(listen({ hello: 'world' }, contentScript as never)).toBeUndefined();
    expect(listen('string', contentScript as never)).toBeUndefined();
  });

  it('refuses privileged requests from content scripts', async () => {
    const listen = backgroundListener(h);
    const reply = await listen(envelope('tab/state', { tabId: 7 }), contentScript as never);
    expect(reply).toEqual({ ok: false, error: 'tab/state is not allowed from this sender' });
    expect(h['tab/state']).not.toHaveBeenCalled();
    const allowed = await listen(envelope('tab/state', { tabId: 7 }), extensionPage as never);
    expect(allowed).toEqual({ ok: true, value: null });
  });

  it('lets only extension pages change settings', async () => {
    const listen = backgroundListener(h);
    const fromPage = await listen(
      envelope('settings/update', { paused: true }),
      contentScript as never,
    );
    expect(fromPage).toMatchObject({ ok: false });
    expect(h['settings/update']).not.toHaveBeenCalled();
    const fromPanel = await listen(
      envelope('settings/update', { paused: true }),
      extensionPage as never,
    );
    expect(fromPanel).toMatchObject({ ok: true });
  });

  it('refuses other extensions and unknown senders', async () => {
    const listen = backgroundListener(h);
    const stranger = { ...contentScript, id: 'another-extension' };
    const reply = await listen(
      envelope('page/config', { url: 'https://a.example/' }),
      stranger as never,
    );
    expect(await reply).toMatchObject({ ok: false });
    expect(h['page/config']).not.toHaveBeenCalled();
  });

  it('refuses malformed payloads and unknown types before any handler runs', async () => {
    const listen = backgroundListener(h);
    expect(
      await listen(
        envelope('panel/open', { target: { kind: 'actor', id: '<script>' } }),
        contentScript as never,
      ),
    ).toEqual({
      ok: false,
      error: 'Invalid panel/open request',
    });
    expect(await listen(envelope('settings/delete-all', {}), extensionPage as never)).toEqual({
      ok: false,
      error: 'Unknown request settings/delete-all',
    });
    expect(await listen(envelope('toString', {}), extensionPage as never)).toMatchObject({
      ok: false,
    });
    expect(h['panel/open']).not.toHaveBeenCalled();
  });

  it('turns a handler error into an error reply', async () => {
    h['tab/reveal'] = () => {
      throw new Error('no such tab');
    };
    const listen = backgroundListener(h);
    const reply = await listen(
      envelope('tab/reveal', { tabId: 1, target: { kind: 'actor', id: 'a' }, index: 0 }),
      extensionPage as never,
    );
    expect(reply).toEqual({ ok: false, error: 'no such tab' });
  });
});

describe('pagePortListener', () => {
  const contentScript = () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://news.example/a',
    tab: { id: 7 },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => fakeBrowser.reset());

  it('answers each request on the port as sendMessage would, under its number', async () => {
    const h = handlers();
    const sender = contentScript();
    const port = new FakePort(PAGE_PORT, sender);
    pagePortListener(backgroundListener(h))(port as never);
    port.deliver({ id: 4, message: envelope('page/config', { url: 'https://news.example/a' }) });
    port.deliver({ id: 5, message: envelope('tab/state', { tabId: 7 }) });
    port.deliver({ id: 6, message: { hello: 'world' } });
    await settle();
    expect(h['page/config']).toHaveBeenCalledWith({ url: 'https://news.example/a' }, sender);
    expect(h['tab/state']).not.toHaveBeenCalled();
    // Replies go as each is ready, not in the order asked.
    const byId = (a: unknown, b: unknown) => (a as { id: number }).id - (b as { id: number }).id;
    expect([...port.posted].sort(byId)).toEqual([
      { id: 4, reply: { ok: true, value: { highlight: true, learn: true, reason: 'active' } } },
      { id: 5, reply: { ok: false, error: 'tab/state is not allowed from this sender' } },
      { id: 6, reply: { ok: false, error: 'Not a Backstory request' } },
    ]);
  });

  it('ignores malformed port messages, other ports and a page that went away', async () => {
    const h = handlers();
    const port = new FakePort(PAGE_PORT, contentScript());
    pagePortListener(backgroundListener(h))(port as never);
    port.deliver({ message: envelope('page/config', { url: 'https://news.example/a' }) });
    port.deliver('page/config');
    await settle();
    expect(port.posted).toEqual([]);
    port.deliver({ id: 1, message: envelope('page/config', { url: 'https://news.example/a' }) });
    port.disconnected = true; // posting the reply throws
    await settle();
    expect(port.posted).toEqual([]);

    const other = new FakePort('something-else', contentScript());
    pagePortListener(backgroundListener(h))(other as never);
    other.deliver({ id: 1, message: envelope('page/config', { url: 'https://news.example/a' }) });
    await settle();
    expect(other.posted).toEqual([]);
    expect(other.disconnect).not.toHaveBeenCalled();
  });

  it('closes ports from anyone but its own content scripts', async () => {
    const h = handlers();
    const strangers = [
      { ...contentScript(), id: 'another-extension' },
      { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') },
      undefined,
    ];
    for (const sender of strangers) {
      const port = new FakePort(PAGE_PORT, sender);
      pagePortListener(backgroundListener(h))(port as never);
      port.deliver({ id: 1, message: envelope('page/config', { url: 'https://a.example/' }) });
      await settle();
      expect(port.disconnect).toHaveBeenCalledOnce();
      expect(port.posted).toEqual([]);
    }
    expect(h['page/config']).not.toHaveBeenCalled();
  });
});

describe('contentListener', () => {
  it('only listens to the extension itself, never to another tab', async () => {
    const reveal = vi.fn(() => ({ found: true, total: 2 }));
    const listen = contentListener({ 'highlights/reveal': reveal });
    const msg = envelope('highlights/reveal', { target: { kind: 'actor', id: 'a' }, index: 0 });
    expect(listen(msg, { id: fakeBrowser.runtime.id, tab: { id: 3 } } as never)).toBeUndefined();
    expect(listen(msg, { id: 'other' } as never)).toBeUndefined();
    expect(await listen(msg, { id: fakeBrowser.runtime.id } as never)).toEqual({
      ok: true,
      value: { found: true, total: 2 },
    });
  });
});

describe('the content side of the protocol', () => {
  it('has the reply of every request content scripts may send, and only those', () => {
    const fromContent = Object.entries(toBackground)
      .filter(([, spec]) => spec.from === 'content')
      .map(([type]) => type)
      .sort();
    expect(Object.keys(contentReplies).sort()).toEqual(fromContent);
    // The background checks with the very schema the content script builds from its builder.
    for (const [type, reply] of Object.entries(contentReplies)) {
      expect(toBackground[type as keyof typeof contentReplies].response).toBe(reply());
    }
  });
});
