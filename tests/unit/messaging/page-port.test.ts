import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isPortReply,
  isPortRequest,
  PAGE_PORT,
  PageChannel,
  PORT_IDLE_MS,
  type PortDeps,
} from '@/lib/messaging/page-port';
import { FakePort } from './fake-port';

const envelope = (type: string) => ({ channel: 'backstory', type, payload: {} });

describe('PageChannel', () => {
  let ports: FakePort[];
  let sendMessage: ReturnType<typeof vi.fn<(m: unknown) => Promise<unknown>>>;
  let deps: PortDeps;

  beforeEach(() => {
    vi.useFakeTimers();
    ports = [];
    sendMessage = vi.fn(async (m: unknown) => ({ ok: true, value: { viaSendMessage: m } }));
    deps = {
      connect: (name) => {
        const port = new FakePort(name);
        ports.push(port);
        return port as never;
      },
      sendMessage,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  });

  it('sends requests on one port and matches replies by number, in any order', async () => {
    const channel = new PageChannel(deps);
    const first = channel.request(envelope('page/config'));
    const second = channel.request(envelope('page/match'));
    expect(ports).toHaveLength(1);
    expect(ports[0]?.name).toBe(PAGE_PORT);
    expect(ports[0]?.posted).toEqual([
      { id: 1, message: envelope('page/config') },
      { id: 2, message: envelope('page/match') },
    ]);
    ports[0]?.deliver({ id: 2, reply: { ok: true, value: 'two' } });
    ports[0]?.deliver({ id: 1, reply: { ok: true, value: 'one' } });
    expect(await first).toEqual({ ok: true, value: 'one' });
    expect(await second).toEqual({ ok: true, value: 'two' });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('ignores malformed, unknown and repeated replies', async () => {
    const channel = new PageChannel(deps);
    const pending = channel.request(envelope('page/config'));
    const port = ports[0];
    for (const junk of [null, 'reply', { id: '1', reply: 1 }, { id: 1 }, { id: 99, reply: 1 }]) {
      port?.deliver(junk);
    }
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    port?.deliver({ id: 1, reply: 'first' });
    port?.deliver({ id: 1, reply: 'again' });
    expect(await pending).toBe('first');
  });

  it('closes the port after a quiet second and opens a new one for the next request', async () => {
    const channel = new PageChannel(deps);
    const a = channel.request(envelope('page/config'));
    ports[0]?.deliver({ id: 1, reply: 'a' });
    await a;
    vi.advanceTimersByTime(PORT_IDLE_MS - 1);
    expect(ports[0]?.disconnect).not.toHaveBeenCalled();
    // A request in the quiet time keeps the port.
    const b = channel.request(envelope('page/match'));
    vi.advanceTimersByTime(PORT_IDLE_MS * 2);
    expect(ports[0]?.disconnect).not.toHaveBeenCalled();
    ports[0]?.deliver({ id: 2, reply: 'b' });
    await b;
    vi.advanceTimersByTime(PORT_IDLE_MS);
    expect(ports[0]?.disconnect).toHaveBeenCalledOnce();
    const c = channel.request(envelope('page/report'));
    expect(ports).toHaveLength(2);
    ports[1]?.deliver({ id: 3, reply: 'c' });
    expect(await c).toBe('c');
  });

  it('sends what is in flight again with sendMessage when the port drops', async () => {
    const channel = new PageChannel(deps);
    const a = channel.request(envelope('page/config'));
    const b = channel.request(envelope('page/match'));
    ports[0]?.deliver({ id: 1, reply: 'a' });
    ports[0]?.drop(); // the service worker was stopped
    expect(await a).toBe('a');
    expect(await b).toEqual({ ok: true, value: { viaSendMessage: envelope('page/match') } });
    expect(sendMessage).toHaveBeenCalledOnce();
    // The next request opens a new port.
    void channel.request(envelope('page/report'));
    expect(ports).toHaveLength(2);
  });

  it('falls back when the port is already closed or cannot be opened', async () => {
    const channel = new PageChannel(deps);
    void channel.request(envelope('page/config'));
    const port = ports[0];
    if (!port) throw new Error('no port');
    port.disconnected = true; // closed, but its disconnect event has not come yet
    const late = await channel.request(envelope('page/match'));
    expect(late).toEqual({ ok: true, value: { viaSendMessage: envelope('page/match') } });

    const invalidated = new PageChannel({
      ...deps,
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(await invalidated.request(envelope('page/config'))).toEqual({
      ok: true,
      value: { viaSendMessage: envelope('page/config') },
    });
  });

  it('passes on sendMessage failures to the caller', async () => {
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    const channel = new PageChannel(deps);
    const pending = channel.request(envelope('page/config'));
    channel.close();
    await expect(pending).rejects.toThrow('Extension context invalidated.');
    expect(ports[0]?.disconnect).toHaveBeenCalledOnce();
  });

  it('settles every request in flight when sendMessage throws at once', async () => {
    sendMessage.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    const channel = new PageChannel(deps);
    const a = channel.request(envelope('page/config'));
    const b = channel.request(envelope('page/match'));
    ports[0]?.drop();
    await expect(a).rejects.toThrow('Extension context invalidated.');
    await expect(b).rejects.toThrow('Extension context invalidated.');
  });
});

describe('port message guards', () => {
  it('accept only numbered requests and replies', () => {
    expect(isPortRequest({ id: 1, message: {} })).toBe(true);
    expect(isPortRequest({ id: 1.5, message: {} })).toBe(false);
    expect(isPortRequest({ id: 1 })).toBe(false);
    expect(isPortRequest(null)).toBe(false);
    expect(isPortReply({ id: 3, reply: undefined })).toBe(true);
    expect(isPortReply({ id: Number.NaN, reply: 1 })).toBe(false);
    expect(isPortReply([1])).toBe(false);
  });
});
