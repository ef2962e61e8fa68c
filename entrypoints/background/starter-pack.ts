import starter from '@/assets/packs/starter.json';
import type { BackstoryDB } from '@/lib/db';
import { comparePackVersions } from '@/lib/model';
import { loadPack } from '@/lib/packs/load';
import { STARTER_REMOVED_KEY } from '@/lib/packs/remove';

export { STARTER_REMOVED_KEY };

/**
 * Loads the bundled starter pack when it is missing or older than the bundled copy: on install,
 * on update, and on any start where a previous load did not finish.
 */
export async function ensureStarterPack(db: BackstoryDB): Promise<void> {
  const removed = await db.settings.get(STARTER_REMOVED_KEY);
  if (removed?.value === true) return;
  const current = await db.packs.get(starter.id);
  if (current && comparePackVersions(current.version, starter.version) >= 0) return;
  const outcome = await loadPack(db, starter, 'bundled');
  if (!outcome.ok)
    console.error('[Backstory] The bundled starter pack did not load:', outcome.error);
}
