import { z } from 'zod';
import { Id, Line } from './ids';
import { PartialDate } from './partial-date';
import { ProvenanceList } from './provenance';

/** A dated piece of background history, in one line. */
export const Event = z.object({
  id: Id,
  date: PartialDate,
  text: Line(1000),
  actorIds: z.array(Id).max(200),
  /** The sources it was read in. */
  sourceIds: z.array(Id).max(1000),
  provenance: ProvenanceList,
});
export type Event = z.infer<typeof Event>;
