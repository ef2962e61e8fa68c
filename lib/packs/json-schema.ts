import { z } from 'zod';
import { Pack } from '../model';

/** The JSON Schema of pack format 1, as a pack author writes it (defaults optional). */
export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Pack, {
    io: 'input',
    target: 'draft-2020-12',
    // Refinements (a real calendar date, an http URL) cannot be expressed in JSON Schema; the
    // pattern and type checks around them are kept, the rest is enforced on load.
    unrepresentable: 'any',
  });
  return {
    ...schema,
    $id: 'https://backstory.example/schemas/pack-1.json',
    title: 'Backstory context pack, format version 1',
  };
}
