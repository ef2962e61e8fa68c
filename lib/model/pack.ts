import { z } from 'zod';
import { Actor } from './actor';
import { Claim, ClaimLink } from './claim';
import { Event } from './event';
import { HttpUrl, IsoDateTime, Line } from './ids';
import { Contribution, PackCounts } from './pack-state';
import { ProvenanceList } from './provenance';
import { Source } from './source';
import { hasSpeaker, StatementFields, speakerRequired } from './statement';

export const PACK_FORMAT = 'backstory-pack';
export const PACK_FORMAT_VERSION = 1;

export const PackId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'expected a pack id of letters, digits, . _ -',
  });

/** Dotted numbers ("1", "2026.2.3"), compared part by part. */
export const PackVersion = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,9}){0,3}$/, { message: 'expected a version like 1 or 1.2.0' });

/** Inside a pack, a row's provenance may be left out: it is then the pack itself. */
const optionalProvenance = { provenance: z.optional(ProvenanceList) };
export const PackSource = Source.extend(optionalProvenance);
export const PackActor = z.object({ ...Actor.shape, ...optionalProvenance });
export const PackClaim = Claim.extend(optionalProvenance);
export const PackLink = ClaimLink.extend(optionalProvenance);
export const PackEvent = Event.extend(optionalProvenance);
export const PackStatement = StatementFields.extend(optionalProvenance).refine(
  hasSpeaker,
  speakerRequired,
);

const MAX_ROWS = 1_000_000;

/** What the database remembers about a loaded pack. */
export const PackRecord = z.object({
  id: PackId,
  name: Line(200),
  version: PackVersion,
  description: z.optional(Line(2000)),
  publisher: z.optional(Line(200)),
  homepage: z.optional(HttpUrl),
  license: z.optional(Line(200)),
  loadedAt: IsoDateTime,
  counts: PackCounts,
  /** `bundled` ships with the extension; `file` was imported; `subscription` is fetched by URL. */
  origin: z.enum(['bundled', 'file', 'subscription']),
});
export type PackRecord = z.infer<typeof PackRecord>;

/** Format version 1 of a Backstory context pack. Described in docs/pack-format.md. */
export const Pack = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  id: PackId,
  name: Line(200),
  version: PackVersion,
  description: z.optional(Line(2000)),
  publisher: z.optional(Line(200)),
  homepage: z.optional(HttpUrl),
  license: z.optional(Line(200)),
  createdAt: z.optional(IsoDateTime),
  sources: z.array(PackSource).max(MAX_ROWS).default([]),
  actors: z.array(PackActor).max(MAX_ROWS).default([]),
  claims: z.array(PackClaim).max(MAX_ROWS).default([]),
  statements: z.array(PackStatement).max(MAX_ROWS).default([]),
  links: z.array(PackLink).max(MAX_ROWS).default([]),
  events: z.array(PackEvent).max(MAX_ROWS).default([]),
  /**
   * Only in an export of several packs: the packs whose rows it carries. They are restored as
   * loaded packs, and rows keep the provenance they carry (docs/pack-format.md, "Exports").
   */
  packs: z.array(PackRecord).max(10_000).optional(),
  /** Only in a full export: how rows described by several packs are merged (restored as is). */
  contributions: z.array(Contribution).max(MAX_ROWS).optional(),
});
export type Pack = z.infer<typeof Pack>;
export type PackInput = z.input<typeof Pack>;

export function comparePackVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
