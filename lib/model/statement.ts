import { z } from 'zod';
import { Id, Line } from './ids';
import { PartialDate } from './partial-date';
import { ProvenanceList } from './provenance';
import { TextQuoteSelector } from './selectors';

/** One place a statement was read: the source and the passage in it. */
export const Citation = z.object({
  sourceId: Id,
  /** The passage in the source, for finding it again and for `#:~:text=` links. */
  selector: z.optional(TextQuoteSelector),
});
export type Citation = z.infer<typeof Citation>;

/**
 * Something an actor said: the exact words of a quote, or the clause that reports it.
 * The same words read in two outlets are one statement with two citations.
 */
export const StatementFields = z.object({
  id: Id,
  /** The actor who said it. Absent for unnamed speakers, who get a `speakerLabel` instead. */
  speakerId: z.optional(Id),
  /** How the source names an unnamed speaker: "unnamed senior U.S. official". */
  speakerLabel: z.optional(Line(300)),
  words: z.string().trim().min(1).max(5000),
  kind: z.enum(['quote', 'reported']),
  /** How it was said: "told Reuters", "post on X", "remarks to reporters at Mar-a-Lago". */
  medium: z.optional(Line(300)),
  /** When it was said, as precisely as the source tells. */
  said: z.optional(PartialDate),
  citations: z.array(Citation).min(1).max(1000),
  /** For extracted statements, how sure extraction was (0–1). */
  confidence: z.number().min(0).max(1).optional(),
  provenance: ProvenanceList,
});

export const hasSpeaker = (s: {
  speakerId?: string | undefined;
  speakerLabel?: string | undefined;
}) => s.speakerId !== undefined || s.speakerLabel !== undefined;
export const speakerRequired = {
  message: 'a statement needs a speakerId or a speakerLabel',
  path: ['speakerId'],
};

export const Statement = StatementFields.refine(hasSpeaker, speakerRequired);
export type Statement = z.infer<typeof Statement>;
