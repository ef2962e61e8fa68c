import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { errorText, fail, type MaybePromise, settle } from './content-client';
import { Envelope, type Result } from './content-protocol';
import { isPortRequest, PAGE_PORT, type PortReply } from './page-port';
import { type BackgroundRequestType, type BackgroundResponse, toBackground } from './protocol';

type Sender = Browser.runtime.MessageSender;

export type BackgroundHandlers = {
  [T in BackgroundRequestType]: (
    payload: import('zod').infer<(typeof toBackground)[T]['request']>,
    sender: Sender,
  ) => MaybePromise<BackgroundResponse<T>>;
};

/** Who sent a message: one of our extension pages, one of our content scripts, or a stranger. */
export function senderKind(sender: Sender): 'extension' | 'content' | null {
  if (sender.id !== browser.runtime.id) return null;
  const origin = browser.runtime.getURL('/');
  if (typeof sender.url === 'string' && sender.url.startsWith(origin)) return 'extension';
  if (sender.tab?.id !== undefined) return 'content';
  return null;
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
      return Promise.resolve(fail(errorText(error)));
    }
  };
}

/**
 * The background's onConnect listener for content scripts' page ports (./page-port.ts): each
 * request on the port is answered by `listen` (the onMessage listener above) exactly as if it had
 * come with `sendMessage` from the port's sender.
 */
export function pagePortListener(listen: ReturnType<typeof backgroundListener>) {
  return (port: Browser.runtime.Port): void => {
    if (port.name !== PAGE_PORT) return;
    const sender = port.sender;
    if (!sender || senderKind(sender) !== 'content') {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      if (!isPortRequest(raw)) return;
      const answer =
        listen(raw.message, sender) ?? Promise.resolve(fail('Not a Backstory request'));
      void answer.then((reply) => {
        try {
          port.postMessage({ id: raw.id, reply } satisfies PortReply);
        } catch {
          // The page went away while the request was answered.
        }
      });
    });
  };
}
