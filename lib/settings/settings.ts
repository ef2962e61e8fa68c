import { z } from 'zod';
import type { BackstoryDB } from '../db/database';

/**
 * The user's settings. Stored in the extension's own IndexedDB (not storage.local, which content
 * scripts could write), read and changed only through the background or extension pages.
 */
export const SiteList = z.array(z.string().min(1).max(253)).max(10_000);

export const Settings = z.object({
  /** Pause everything: no highlights, no learning, on every site. */
  paused: z.boolean().default(false),
  /** Sites (hostnames) where Backstory does nothing. */
  disabledSites: SiteList.default([]),
  /**
   * `everywhere` except disabledSites, or `only` the sites in allowedSites.
   */
  siteMode: z.enum(['everywhere', 'only']).default('everywhere'),
  allowedSites: SiteList.default([]),
  /** Learning from articles (extraction). Never in private windows, whatever this says. */
  learning: z.boolean().default(true),
  /** Sites where highlighting stays on but nothing is learned. */
  learningDisabledSites: SiteList.default([]),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

const KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Reads the settings; anything stored that no longer parses falls back to the defaults. */
export async function getSettings(db: BackstoryDB): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const parsed = Settings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(
  db: BackstoryDB,
  change: Partial<Settings>,
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = Settings.parse({ ...(await getSettings(db)), ...change });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

/** A page's hostname as the site lists store it ("www." dropped). */
export function siteOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function listed(list: readonly string[], site: string): boolean {
  return list.some((entry) => site === entry || site.endsWith(`.${entry}`));
}

/** What Backstory may do on a page, from the settings alone (private windows are checked apart). */
export function pagePolicy(settings: Settings, url: string) {
  const site = siteOf(url);
  if (!site) return { highlight: false, learn: false, reason: 'unsupported' as const };
  if (settings.paused) return { highlight: false, learn: false, reason: 'paused' as const };
  const off =
    listed(settings.disabledSites, site) ||
    (settings.siteMode === 'only' && !listed(settings.allowedSites, site));
  if (off) return { highlight: false, learn: false, reason: 'disabled' as const };
  const learn = settings.learning && !listed(settings.learningDisabledSites, site);
  return { highlight: true, learn, reason: 'active' as const };
}
