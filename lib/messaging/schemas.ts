import { z } from 'zod';
import { ActorKind, HttpUrl, Id, Line } from '../model';

/** Something the panel can show. */
export const EntityRef = z.object({ kind: z.enum(['actor', 'claim']), id: Id });
export type EntityRef = z.infer<typeof EntityRef>;

/**
 * The page dictionary in its compact transferable form: what a content script needs to find
 * known names in text, and nothing else from the database.
 */
export const Dictionary = z.object({
  version: z.number().int().nonnegative(),
  /** Actors that can be highlighted: [id, display name, kind]. */
  actors: z.array(z.tuple([Id, z.string(), ActorKind])),
  /** Surface forms: [text, index into `actors`, case-sensitive]. */
  aliases: z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.boolean()])),
});
export type Dictionary = z.infer<typeof Dictionary>;

export const FoundEntity = z.object({
  id: Id,
  name: z.string().max(500),
  count: z.number().int().nonnegative(),
});
export type FoundEntity = z.infer<typeof FoundEntity>;

/** What a content script reports about its page. */
export const PageReport = z.object({
  url: HttpUrl,
  title: z.string().max(2000),
  status: z.enum(['active', 'paused', 'disabled']),
  actors: z.array(FoundEntity).max(10_000),
  claims: z.array(FoundEntity).max(10_000),
});
export type PageReport = z.infer<typeof PageReport>;

/** What the panel shows under "On this page" for a tab. */
export const TabState = PageReport.extend({
  tabId: z.number().int(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

/** What the panel was asked to show, and for which tab. */
export const PanelTarget = z.object({
  target: EntityRef,
  tabId: z.number().int().optional(),
  at: z.number(),
});
export type PanelTarget = z.infer<typeof PanelTarget>;

export const Empty = z.object({}).strict();

export const ActorCard = z.object({
  id: Id,
  name: Line(200),
  kind: ActorKind,
  role: z.string().optional(),
  statements: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  deniedBy: z.number().int().nonnegative(),
});
export type ActorCard = z.infer<typeof ActorCard>;

/** What the content script may do on its page. */
export const PageConfig = z.object({
  highlight: z.boolean(),
  learn: z.boolean(),
  reason: z.enum(['active', 'paused', 'disabled', 'unsupported']),
});
export type PageConfig = z.infer<typeof PageConfig>;

/** A search the panel is asked to run (the context menu on a selection), kept in session storage. */
export const PanelSearch = z.object({
  query: z.string().trim().min(1).max(500),
  at: z.number(),
});
export type PanelSearch = z.infer<typeof PanelSearch>;
export const PANEL_SEARCH_KEY = 'panel:search';
