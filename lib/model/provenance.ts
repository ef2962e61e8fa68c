import * as z from 'zod/mini';
import { once } from './once';

/**
 * Where a row came from. Every stored row carries a non-empty list of these, so that a pack can be
 * removed or replaced exactly, a page can be forgotten exactly, and the user's own work is never
 * overwritten by a pack.
 *
 * - `pack:<packId>`   loaded from that pack (the bundled starter pack is `pack:starter`)
 * - `page:<sourceId>` learned by reading that page (its Source row)
 * - `user`            written or edited by the user
 */
export const provenanceSchema = once(() =>
  z.string().check(
    z.regex(/^(user|pack:[A-Za-z0-9][A-Za-z0-9._-]*|page:[A-Za-z0-9][A-Za-z0-9:._/@+-]*)$/, {
      message: 'expected "user", "pack:<id>" or "page:<sourceId>"',
    }),
  ),
);
export const Provenance = /* @__PURE__ */ provenanceSchema();
export type Provenance = z.infer<typeof Provenance>;

export const provenanceListSchema = once(() => z.array(provenanceSchema()).check(z.minLength(1)));
export const ProvenanceList = /* @__PURE__ */ provenanceListSchema();

export const USER: Provenance = 'user';
export const fromPack = (packId: string): Provenance => `pack:${packId}`;
export const fromPage = (sourceId: string): Provenance => `page:${sourceId}`;

export function isUserOwned(provenance: readonly Provenance[]): boolean {
  return provenance.includes(USER);
}

/** Union of two provenance lists, order kept, no duplicates. */
export function mergeProvenance(a: readonly Provenance[], b: readonly Provenance[]): Provenance[] {
  return [...new Set([...a, ...b])];
}
