import * as z from 'zod/mini';
import { once } from './once';

/** What an id may contain (also checked by hand where a reply is checked without zod). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._/@+-]*$/;

/**
 * Stable row ids. Pack authors choose them (`starter/actor/donald-trump`); rows made in the
 * browser get a prefix and a hash or random part. Kept to a safe alphabet so an id can sit in a
 * URL, a DOM attribute or a message without escaping.
 */
export const idSchema = once(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(200),
    z.regex(ID_PATTERN, {
      message: 'expected an id of letters, digits and : . _ / @ + -',
    }),
  ),
);
export const Id = /* @__PURE__ */ idSchema();
export type Id = z.infer<typeof Id>;

/** An http(s) URL. Anything else (javascript:, data:, file:) is refused at the boundary. */
export const httpUrlSchema = once(() =>
  z
    .string()
    .check(z.maxLength(4096), z.refine(isHttpUrl, { message: 'expected an http or https URL' })),
);
export const HttpUrl = /* @__PURE__ */ httpUrlSchema();

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether two URLs belong to the same site (hostname, "www." ignored). */
export function sameSite(a: string, b: string): boolean {
  const host = (u: string) => new URL(u).hostname.toLowerCase().replace(/^www\./, '');
  try {
    return host(a) === host(b);
  } catch {
    return false;
  }
}

/** A bounded single line of display text (names, titles, gists). */
export const Line = (max = 500) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !/[\n\r]/.test(s), { message: 'expected a single line' }),
  );

export const isoDateTimeSchema = once(() => z.iso.datetime({ offset: true }));
export const IsoDateTime = /* @__PURE__ */ isoDateTimeSchema();

/**
 * A short stable hash (cyrb53, 53 bits, base 36) for ids derived from content, such as a page's
 * URL. Not cryptographic: it only has to be stable and spread well.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
