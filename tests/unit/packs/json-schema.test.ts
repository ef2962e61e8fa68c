import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '@/lib/packs/json-schema';

describe('docs/pack.schema.json', () => {
  it('is generated from the current zod schema (run `npm run schema` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync('docs/pack.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(packJsonSchema())));
  });

  it('describes every table of a pack', () => {
    const schema = packJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const table of ['sources', 'actors', 'claims', 'statements', 'links', 'events']) {
      expect(schema.properties).toHaveProperty(table);
    }
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'formatVersion', 'id', 'name', 'version']),
    );
  });
});
