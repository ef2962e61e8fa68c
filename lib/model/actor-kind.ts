import * as z from 'zod/mini';
import { once } from './once';

/**
 * What kind of actor a row is. Its own module: the content script needs the kind (matches and
 * hover cards carry it) but not the actor schema, which it would otherwise build on every page.
 */
export const ACTOR_KINDS = ['person', 'organization', 'country', 'government', 'outlet'] as const;
export const actorKindSchema = once(() => z.enum(ACTOR_KINDS));
export const ActorKind = /* @__PURE__ */ actorKindSchema();
export type ActorKind = z.infer<typeof ActorKind>;
