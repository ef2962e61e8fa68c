import { browser } from 'wxt/browser';
import { ask, errorText, parseReply } from './content-client';
import {
  type ContentRequest,
  type ContentRequestType,
  type ContentResponse,
  type Result,
  toContent,
} from './content-protocol';
import {
  type BackgroundRequest,
  type BackgroundRequestType,
  type BackgroundResponse,
  toBackground,
} from './protocol';

/** Sends a request to the background and validates its reply. Never throws. */
export function sendToBackground<T extends BackgroundRequestType>(
  type: T,
  payload: BackgroundRequest<T>,
): Promise<Result<BackgroundResponse<T>>> {
  const reply = { schema: () => toBackground[type].response };
  return ask(type, payload, reply) as Promise<Result<BackgroundResponse<T>>>;
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
    const reply = { schema: toContent[type].response };
    return parseReply(raw, reply, type) as Result<ContentResponse<T>>;
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
