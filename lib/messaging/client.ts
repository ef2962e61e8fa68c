import { browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  type BackgroundRequest,
  type BackgroundRequestType,
  type BackgroundResponse,
  type ContentRequest,
  type ContentRequestType,
  type ContentResponse,
  type Result,
  ResultSchema,
  toBackground,
  toContent,
} from './protocol';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseReply(raw: unknown, schema: z.ZodType, type: string): Result<unknown> {
  const envelope = ResultSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, error: `No valid reply to ${type}` };
  if (!envelope.data.ok) return envelope.data;
  const value = schema.safeParse(envelope.data.value);
  if (!value.success) return { ok: false, error: `Malformed reply to ${type}` };
  return { ok: true, value: value.data };
}

/** Sends a request to the background and validates its reply. Never throws. */
export async function sendToBackground<T extends BackgroundRequestType>(
  type: T,
  payload: BackgroundRequest<T>,
): Promise<Result<BackgroundResponse<T>>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage({ channel: 'backstory', type, payload });
    return parseReply(raw, toBackground[type].response, type) as Result<BackgroundResponse<T>>;
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/** Sends a request to a tab's content script and validates its reply. Never throws. */
export async function sendToTab<T extends ContentRequestType>(
  tabId: number,
  type: T,
  payload: ContentRequest<T>,
): Promise<Result<ContentResponse<T>>> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, {
      channel: 'backstory',
      type,
      payload,
    });
    return parseReply(raw, toContent[type].response, type) as Result<ContentResponse<T>>;
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
