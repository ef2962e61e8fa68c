import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { errorText } from '../error-text';
import {
  type ContentHandlers,
  type ContentRequestType,
  type ContentSentType,
  contentReplies,
  type Guard,
  isEnvelope,
  isResult,
  type Result,
  replyGuards,
  requestGuards,
  toContent,
} from './content-protocol';
import { PageChannel } from './page-port';
import type { BackgroundRequest, BackgroundResponse } from './protocol';

/**
 * Messaging for content scripts: what they send the background and how they answer it. Kept
 * apart from ./client.ts and ./router.ts, which need the whole protocol: the content script is
 * loaded into every page, and this module reaches only the schemas it uses (./content-protocol.ts).
 */

type Sender = Browser.runtime.MessageSender;
export type MaybePromise<T> = T | Promise<T>;

export { errorText };

export function fail(error: string): Result<never> {
  return { ok: false, error };
}

export function settle<T>(value: MaybePromise<T>): Promise<Result<T>> {
  return Promise.resolve(value).then(
    (v): Result<T> => ({ ok: true, value: v }),
    (e: unknown) => fail(errorText(e)),
  );
}

/**
 * How a value is checked: against its schema (a builder, see lib/model/once.ts), first by its
 * guard if it has one (see `Guard`): the schema is built and asked only for what the guard does
 * not accept.
 */
export interface Check {
  schema: () => z.core.$ZodType;
  guard?: Guard | undefined;
}

/** Checks `value`; what the check accepts, as its schema returns it. */
export function checkMessage(
  value: unknown,
  { schema, guard }: Check,
): { success: true; data: unknown } | { success: false } {
  if (guard?.(value)) return { success: true, data: value };
  return z.safeParse(schema(), value);
}

/** A reply checked twice: the envelope (ok or error), then the value. */
export function parseReply(raw: unknown, reply: Check, type: string): Result<unknown> {
  if (!isResult(raw)) return { ok: false, error: `No valid reply to ${type}` };
  if (!raw.ok) return { ok: false, error: raw.error };
  const value = checkMessage(raw.value, reply);
  if (!value.success) return { ok: false, error: `Malformed reply to ${type}` };
  return { ok: true, value: value.data };
}

/**
 * Runs the reply's check, which happens after the reply arrives; the content script passes its
 * slicer's, to count it as its own main-thread time. (Sending runs synchronously inside the
 * call to `ask`, so the caller can measure it around the call.)
 */
export type Measure = <R>(work: () => R) => R;

/**
 * The requests that go over the page's port (./page-port.ts): the two that stand one after the
 * other between a page's text and its highlights. The others go with `sendMessage`, which also
 * carries a click's user gesture to the background (the side panel opens only in one).
 */
const VIA_PORT: ReadonlySet<string> = new Set(['page/config', 'page/match']);
let channel: PageChannel | null = null;

function transport(type: string, message: unknown): Promise<unknown> {
  if (!VIA_PORT.has(type)) return browser.runtime.sendMessage(message);
  channel ??= new PageChannel();
  return channel.request(message);
}

/** Closes the page's port, if open (the content script is going away). */
export function closePageChannel(): void {
  channel?.close();
  channel = null;
}

/** Sends a request to the background and checks its reply against `reply`. Never throws. */
export async function ask(
  type: string,
  payload: unknown,
  reply: Check,
  measure: Measure = (work) => work(),
): Promise<Result<unknown>> {
  try {
    const raw: unknown = await transport(type, { channel: 'backstory', type, payload });
    return measure(() => parseReply(raw, reply, type));
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/**
 * sendToBackground (./client.ts) for the requests a content script may send. Never throws. The
 * reply's schema is built with the first request of its type, unless a guard checks the reply.
 */
export function sendFromContent<T extends ContentSentType>(
  type: T,
  payload: BackgroundRequest<T>,
  measure?: Measure,
): Promise<Result<BackgroundResponse<T>>> {
  const reply = { schema: contentReplies[type], guard: replyGuards[type] };
  return ask(type, payload, reply, measure) as Promise<Result<BackgroundResponse<T>>>;
}

/** The content script's listener: only the extension itself (no tab) may talk to it. */
export function contentListener(handlers: Partial<ContentHandlers>) {
  return (message: unknown, sender: Sender): Promise<Result<unknown>> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (!isEnvelope(message) || !Object.hasOwn(toContent, message.type)) return undefined;
    const type = message.type as ContentRequestType;
    const handler = handlers[type] as ((p: unknown) => MaybePromise<unknown>) | undefined;
    if (!handler) return undefined;
    // A request's schema is built with the first request of its type, unless a guard checks it.
    const request = { schema: toContent[type].request, guard: requestGuards[type] };
    const parsed = checkMessage(message.payload, request);
    if (!parsed.success) return Promise.resolve(fail(`Invalid ${type} request`));
    try {
      return settle(handler(parsed.data));
    } catch (error) {
      return Promise.resolve(fail(errorText(error)));
    }
  };
}
