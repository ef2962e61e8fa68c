import starter from '@/assets/packs/starter.json';
import { compileDictionary } from '@/lib/match/compile';
import { PageEngine } from '@/lib/match/engine';
import { Pack } from '@/lib/model';

/** The starter pack, its compiled dictionary and an engine over it: the matching tests' knowledge. */
export const pack = Pack.parse(starter);
export const dictionary = compileDictionary(7, {
  actors: pack.actors,
  claims: pack.claims,
  links: pack.links,
  statements: pack.statements,
});
export const engine = new PageEngine(dictionary);
