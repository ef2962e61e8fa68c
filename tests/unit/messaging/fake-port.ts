import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** A runtime.Port for tests: what was posted, and a way to deliver messages and disconnects. */
export class FakePort {
  readonly posted: unknown[] = [];
  disconnected = false;
  private readonly messageListeners: Listener[] = [];
  private readonly disconnectListeners: Listener[] = [];
  readonly onMessage = { addListener: (fn: Listener) => this.messageListeners.push(fn) };
  readonly onDisconnect = { addListener: (fn: Listener) => this.disconnectListeners.push(fn) };
  readonly postMessage = vi.fn((message: unknown) => {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  });
  readonly disconnect = vi.fn(() => {
    this.disconnected = true;
  });

  constructor(
    readonly name: string,
    readonly sender?: unknown,
  ) {}

  /** A message from the other end. */
  deliver(message: unknown): void {
    for (const fn of this.messageListeners) fn(message, this);
  }

  /** The other end went away (the browser does not tell the side that called disconnect). */
  drop(): void {
    this.disconnected = true;
    for (const fn of this.disconnectListeners) fn(this);
  }
}
