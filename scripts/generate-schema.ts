/**
 * npm run schema — writes docs/pack.schema.json, the JSON Schema of the pack format, generated
 * from the zod schema (lib/model/pack.ts) so the two cannot drift apart. A unit test checks that
 * the committed file is current.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packJsonSchema } from '../lib/packs/json-schema';

const out = resolve(import.meta.dirname, '../docs/pack.schema.json');
writeFileSync(out, `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${out}`);
