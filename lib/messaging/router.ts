import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import {
  type BackgroundRequestType,
  type BackgroundResponse,
  type ContentRequestType,
  type ContentResponse,
  Envelope,
  type Result,
  toBackground,
  toContent,
} from './protocol';

type Sender = Browser.runtime.MessageSender;
type MaybePromise<T> = T | Promise<T>;

export type BackgroundHandlers = {
  [T in BackgroundRequestType]: (
    payload: import('zod').infer<(typeof toBackground)[T]['request']>,
    sender: Sender,
  ) => MaybePromise<BackgroundResponse<T>>;
};

export type ContentHandlers = {
  [T in ContentRequestType]: (
    payload: import('zod').infer<(typeof toContent)[T]['request']>,
  ) => MaybePromise<ContentResponse<T>>;
};

/** Who sent a message: one of our extension pages, one of our content scripts, or a stranger. */
export function senderKind(sender: Sender): 'extension' | 'content' | null {
  if (sender.id !== browser.runtime.id) return null;
  const origin = browser.runtime.getURL('/');
  if (typeof sender.url === 'string' && sender.url.startsWith(origin)) return 'extension';
  if (sender.tab?.id !== undefined) return 'content';
  return null;
}

function fail(error: string): Result<never> {
  return { ok: false, error };
}

function settle<T>(value: MaybePromise<T>): Promise<Result<T>> {
  return Promise.resolve(value).then(
    (v): Result<T> => ({ ok: true, value: v }),
    (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
  );
}

/**
 * The background's onMessage listener. Each handler is called synchronously, in the same task as
 * the message event, so a handler can still use the user gesture that sent it (sidePanel.open must
 * be called before any await). Messages that are not ours are ignored (undefined), so other
 * listeners can answer them.
 */
export function backgroundListener(handlers: BackgroundHandlers) {
  return (message: unknown, sender: Sender): Promise<Result<unknown>> | undefined => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return undefined;
    const { type, payload } = envelope.data;
    if (!Object.hasOwn(toBackground, type)) return Promise.resolve(fail(`Unknown request ${type}`));
    const spec = toBackground[type as BackgroundRequestType];
    const kind = senderKind(sender);
    if (kind === null || (spec.from === 'extension' && kind !== 'extension')) {
      return Promise.resolve(fail(`${type} is not allowed from this sender`));
    }
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return Promise.resolve(fail(`Invalid ${type} request`));
    const handler = handlers[type as BackgroundRequestType] as (
      p: unknown,
      s: Sender,
    ) => MaybePromise<unknown>;
    try {
      return settle(handler(parsed.data, sender));
    } catch (error) {
      return Promise.resolve(fail(error instanceof Error ? error.message : String(error)));
    }
  };
}

/** The content script's listener: only the extension itself (no tab) may talk to it. */
export function contentListener(handlers: Partial<ContentHandlers>) {
  return (message: unknown, sender: Sender): Promise<Result<unknown>> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const envelope = Envelope.safeParse(message);
    if (!envelope.success || !Object.hasOwn(toContent, envelope.data.type)) return undefined;
    const type = envelope.data.type as ContentRequestType;
    const handler = handlers[type] as ((p: unknown) => MaybePromise<unknown>) | undefined;
    if (!handler) return undefined;
    const parsed = toContent[type].request.safeParse(envelope.data.payload);
    if (!parsed.success) return Promise.resolve(fail(`Invalid ${type} request`));
    try {
      return settle(handler(parsed.data));
    } catch (error) {
      return Promise.resolve(fail(error instanceof Error ? error.message : String(error)));
    }
  };
}
