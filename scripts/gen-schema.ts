// `npm run schema`: writes the editors' JSON Schemas in schema/ from the zod schemas.
import { mkdir, writeFile } from 'node:fs/promises';
import { editionSchema } from '../src/content/schema.ts';
import { editionJsonSchema, figuresJsonSchema, schemaText } from '../src/figures/jsonSchema.ts';

const out = new URL('../schema/', import.meta.url);
await mkdir(out, { recursive: true });
const files = {
  'figures.schema.json': figuresJsonSchema(),
  'edition.schema.json': editionJsonSchema(editionSchema),
};
for (const [name, schema] of Object.entries(files)) {
  await writeFile(new URL(name, out), schemaText(schema));
  process.stdout.write(`wrote schema/${name}\n`);
}
