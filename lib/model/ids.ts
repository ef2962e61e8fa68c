import { z } from 'zod';

/**
 * Stable row ids. Pack authors choose them (`starter/actor/donald-trump`); rows made in the
 * browser get a prefix and a hash or random part. Kept to a safe alphabet so an id can sit in a
 * URL, a DOM attribute or a message without escaping.
 */
export const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._/@+-]*$/, {
    message: 'expected an id of letters, digits and : . _ / @ + -',
  });
export type Id = z.infer<typeof Id>;

/** An http(s) URL. Anything else (javascript:, data:, file:) is refused at the boundary. */
export const HttpUrl = z
  .string()
  .max(4096)
  .refine(isHttpUrl, { message: 'expected an http or https URL' });

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A bounded single line of display text (names, titles, gists). */
export const Line = (max = 500) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\n\r]/.test(s), { message: 'expected a single line' });

export const IsoDateTime = z.iso.datetime({ offset: true });
