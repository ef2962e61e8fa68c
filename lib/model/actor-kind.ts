import * as z from 'zod/mini';

/**
 * What kind of actor a row is. Its own module: the content script needs the kind (matches and
 * hover cards carry it) but not the actor schema, which it would otherwise build on every page.
 */
export const ActorKind = z.enum(['person', 'organization', 'country', 'government', 'outlet']);
export type ActorKind = z.infer<typeof ActorKind>;
