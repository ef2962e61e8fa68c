import type { BackstoryDB } from '@/lib/db';
import { getKnowledgeVersion } from '@/lib/db';
import type { Dictionary } from '@/lib/messaging';

let cached: Dictionary | undefined;

/** The compiled page dictionary, rebuilt only when the knowledge version has moved. */
export async function currentDictionary(db: BackstoryDB): Promise<Dictionary> {
  const version = await getKnowledgeVersion(db);
  if (cached?.version === version) return cached;
  const actors: Dictionary['actors'] = [];
  const aliases: Dictionary['aliases'] = [];
  await db.actors.each((actor) => {
    if (actor.status === 'rejected' || actor.status === 'candidate' || actor.mergedInto) return;
    const index = actors.push([actor.id, actor.name, actor.kind]) - 1;
    aliases.push([actor.name, index, false]);
    for (const alias of actor.aliases)
      aliases.push([alias.text, index, alias.caseSensitive === true]);
  });
  cached = { version, actors, aliases };
  return cached;
}
