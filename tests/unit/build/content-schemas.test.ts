import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleModule } from '../../../scripts/lib/page-bundle';

/**
 * The content script's messaging, bundled the way the extension is built (Vite and Rollup, which
 * leave out what is not used) with zod kept outside the bundle, then evaluated with a zod that
 * counts the schemas asked of it. The content script reaches zod only through this module
 * (its other imports of lib/messaging and lib/model are types): what it builds at load, every
 * page builds (lib/model/once.ts).
 */
const require = createRequire(import.meta.url);

/**
 * zod/mini with its schema factories counted by name (`object`, `string`, `iso.datetime`…);
 * its classes and its parse functions are passed through as they are.
 */
const zodCalls = new Map<string, number>();
function counting(namespace: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(namespace)) {
    const name = prefix + key;
    if (key === 'iso' && typeof value === 'object' && value !== null) {
      out[key] = counting(value as Record<string, unknown>, 'iso.');
    } else if (typeof value === 'function' && /^[a-z]/.test(key) && !/parse/i.test(key)) {
      out[key] = (...args: unknown[]) => {
        zodCalls.set(name, (zodCalls.get(name) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    } else {
      out[key] = value;
    }
  }
  return out;
}
const countingZod = counting(require('zod/mini') as Record<string, unknown>);
const built = () => [...zodCalls.values()].reduce((a, b) => a + b, 0);

/** What the background would answer, by request type. */
const REPLIES: Record<string, unknown> = {
  'page/config': { highlight: true, learn: false, reason: 'active' },
  'page/match': {
    version: 1,
    blocks: [{ actors: [[0, 4, [0]]], claims: [] }],
    entities: { actors: [[0, 'starter/actor/cuba', 'Cuba', 'country']], claims: [] },
  },
  'page/report': {},
  'notes/for-page': { show: true, canCreate: true, notes: [] },
  'page/capture': { saved: true, pageId: 'page/1' },
  'entity/card': null,
};
const EXTENSION_ID = 'backstory-test';
const browserStub = {
  runtime: {
    id: EXTENSION_ID,
    // No port: the page channel falls back to sendMessage, as when the worker cannot be reached.
    connect() {
      throw new Error('no port in this test');
    },
    async sendMessage(message: { type: string }) {
      return { ok: true, value: REPLIES[message.type] };
    },
  },
};

interface ContentMessaging {
  sendFromContent(type: string, payload: unknown): Promise<{ ok: boolean }>;
  contentListener(
    handlers: Record<string, () => unknown>,
  ): (message: unknown, sender: { id?: string; tab?: unknown }) => Promise<unknown> | undefined;
}

let messaging: ContentMessaging;

beforeAll(async () => {
  const code = await bundleModule('lib/messaging/content-client.ts', {
    format: 'cjs',
    external: ['zod/mini', 'wxt/browser'],
    minify: false,
  });
  const module = { exports: {} as ContentMessaging };
  const requireStub = (id: string) => {
    if (id === 'zod/mini') return countingZod;
    if (id === 'wxt/browser') return { browser: browserStub };
    throw new Error(`the content script's messaging imports ${id}`);
  };
  new Function('require', 'module', 'exports', code)(requireStub, module, module.exports);
  messaging = module.exports;
}, 60_000);

describe("the content script's schemas", () => {
  it('none is built when the script loads', () => {
    expect(Object.fromEntries(zodCalls)).toEqual({});
  });

  it('none is built for the replies every page receives', async () => {
    const { sendFromContent } = messaging;
    expect(await sendFromContent('page/config', { url: 'https://example.org/' })).toMatchObject({
      ok: true,
    });
    expect(await sendFromContent('page/match', { texts: ['Cuba'] })).toMatchObject({ ok: true });
    expect(await sendFromContent('page/report', {})).toMatchObject({ ok: true });
    expect(await sendFromContent('page/capture', { html: '' })).toMatchObject({ ok: true });
    expect(await sendFromContent('notes/for-page', { url: 'https://x.org/' })).toEqual({
      ok: true,
      value: { show: true, canCreate: true, notes: [] },
    });
    expect(built()).toBe(0);
  });

  it('nor for the requests with no payload that the page answers', async () => {
    const listener = messaging.contentListener({ 'notes/compose': () => ({ opened: true }) });
    const message = { channel: 'backstory', type: 'notes/compose', payload: {} };
    // A page's own script is refused before anything is looked at.
    expect(listener(message, { id: EXTENSION_ID, tab: { id: 1 } })).toBeUndefined();
    expect(await listener(message, { id: EXTENSION_ID })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(built()).toBe(0);
    // A payload the guard does not accept goes to the schema, which is built and refuses it.
    expect(await listener({ ...message, payload: { extra: 1 } }, { id: EXTENSION_ID })).toEqual({
      ok: false,
      error: 'Invalid notes/compose request',
    });
    expect(zodCalls.get('strictObject')).toBe(1);
  });

  it("another message's schema is built with the first one, once, and checks it", async () => {
    const before = built();
    expect(await messaging.sendFromContent('entity/card', { target: {} })).toEqual({
      ok: true,
      value: null,
    });
    const afterFirst = built();
    expect(afterFirst).toBeGreaterThan(before);
    expect(zodCalls.get('union')).toBe(1);
    await messaging.sendFromContent('entity/card', { target: {} });
    expect(built()).toBe(afterFirst);
    const listener = messaging.contentListener({ 'highlights/step': () => ({ found: false }) });
    const step = { channel: 'backstory', type: 'highlights/step', payload: { direction: 'up' } };
    expect(await listener(step, { id: EXTENSION_ID })).toEqual({
      ok: false,
      error: 'Invalid highlights/step request',
    });
    expect(built()).toBeGreaterThan(afterFirst);
  });
});
