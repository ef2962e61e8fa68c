import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';

/**
 * A content script's requests to the background over one port instead of one `sendMessage`
 * each. `sendMessage` opens a message channel per request (the browser routes the opening, the
 * message and the reply, then closes it); a port is opened once and each request is one message
 * each way. While a page loads, two requests stand one after the other between its text and its
 * highlights (the page's policy, then the matches).
 *
 * The port is opened at the first request and closed after a second without one: a page has
 * nothing to say between scans, and an open port is one more channel the browser and the worker
 * keep. If the port closes with requests in flight (the service worker was stopped, the page went
 * into the back/forward cache, the extension was reloaded), they are sent again with
 * `sendMessage`, which wakes the worker, and the next request opens a new port.
 */

/** The port's name; the background answers only ports of this name from its own content scripts. */
export const PAGE_PORT = 'backstory/page';

/** How long an idle port stays open. */
export const PORT_IDLE_MS = 1000;

/** A request on the port: an envelope as `sendMessage` would carry it, and its number. */
export interface PortRequest {
  id: number;
  message: unknown;
}

/** A reply on the port: the request's number and what `sendMessage` would have answered. */
export interface PortReply {
  id: number;
  reply: unknown;
}

/** An object with an integer `id` and a `field` (whatever it holds). */
function numbered(value: unknown, field: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Number.isSafeInteger((value as { id?: unknown }).id) && field in value;
}

export const isPortRequest = (value: unknown): value is PortRequest => numbered(value, 'message');
export const isPortReply = (value: unknown): value is PortReply => numbered(value, 'reply');

type Port = Browser.runtime.Port;

interface Pending {
  message: unknown;
  resolve(raw: unknown): void;
  reject(error: unknown): void;
}

export interface PortDeps {
  connect(name: string): Port;
  sendMessage(message: unknown): Promise<unknown>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const defaultDeps = (): PortDeps => ({
  connect: (name) => browser.runtime.connect({ name }),
  sendMessage: (message) => browser.runtime.sendMessage(message),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

export class PageChannel {
  private port: Port | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: unknown;
  private readonly deps: PortDeps;

  constructor(deps?: PortDeps) {
    this.deps = deps ?? defaultDeps();
  }

  /** Sends `message` and settles with the background's raw reply (checked by the caller). */
  request(message: unknown): Promise<unknown> {
    const port = this.port ?? this.open();
    if (!port) return this.deps.sendMessage(message);
    this.stopIdleTimer();
    const id = ++this.nextId;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { message, resolve, reject });
      try {
        port.postMessage({ id, message } satisfies PortRequest);
      } catch {
        // The port closed under us: the disconnect handler resends what is pending, but it may
        // have run already.
        this.fallBack(id);
      }
    });
  }

  /** Closes the port; requests in flight go on through `sendMessage`. */
  close(): void {
    this.stopIdleTimer();
    const port = this.port;
    this.port = null;
    if (port) {
      try {
        port.disconnect();
      } catch {
        // Already closed.
      }
    }
    this.fallBackAll();
  }

  private open(): Port | null {
    let port: Port;
    try {
      port = this.deps.connect(PAGE_PORT);
    } catch {
      // The extension was reloaded or removed: sendMessage says so to the caller.
      return null;
    }
    port.onMessage.addListener((raw: unknown) => this.receive(raw));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      this.stopIdleTimer();
      this.fallBackAll();
    });
    this.port = port;
    return port;
  }

  private receive(raw: unknown): void {
    if (!isPortReply(raw)) return;
    const pending = this.pending.get(raw.id);
    if (!pending) return;
    this.pending.delete(raw.id);
    pending.resolve(raw.reply);
    if (this.pending.size === 0) this.startIdleTimer();
  }

  private fallBackAll(): void {
    for (const id of [...this.pending.keys()]) this.fallBack(id);
  }

  private fallBack(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    try {
      this.deps.sendMessage(pending.message).then(pending.resolve, pending.reject);
    } catch (error) {
      // chrome.runtime.sendMessage throws at once, rather than rejecting, once the extension
      // context is gone; the other requests in flight must still be settled.
      pending.reject(error);
    }
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = this.deps.setTimeout(() => {
      this.idleTimer = undefined;
      if (this.pending.size === 0) this.close();
    }, PORT_IDLE_MS);
  }

  private stopIdleTimer(): void {
    if (this.idleTimer === undefined) return;
    this.deps.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
