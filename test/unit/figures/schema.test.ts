// The JSON Schemas in schema/ are what the generator makes now, and they accept what the loader accepts.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { editionSchema } from '../../../src/content/schema.ts';
import { editionJsonSchema, figuresJsonSchema, schemaText } from '../../../src/figures/jsonSchema.ts';
import { figureGroupSchema } from '../../../src/figures/schema.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('schema/*.schema.json', () => {
  test.each([
    ['figures.schema.json', () => figuresJsonSchema()],
    ['edition.schema.json', () => editionJsonSchema(editionSchema)],
  ])('%s is up to date (run `npm run schema` if not)', (name, make) => {
    expect(read(`schema/${name}`)).toBe(schemaText(make()));
  });

  const sample = parse(read('test/fixtures/figures/yaml/figures.yaml')) as unknown;
  const jsonSchema = JSON.parse(read('schema/figures.schema.json')) as Parameters<typeof z.fromJSONSchema>[0];
  const fromJson = z.fromJSONSchema(jsonSchema);

  test.each([
    ['the zod tree schema', figureGroupSchema],
    ['the committed JSON Schema', fromJson],
  ])('a good figures file validates with %s', (_name, schema) => {
    expect(schema.safeParse(sample).success).toBe(true);
  });

  test.each([
    ['a string value', { a: { b: { value: 'abc', unit: '个', label: 'x' } } }],
    ['a missing unit', { a: { b: { value: 1, label: 'x' } } }],
    ['an unknown field', { a: { b: { value: 1, unit: '个', label: 'x', units: '个' } } }],
    ['a bad id', { a: { '2020': { value: 1, unit: '个', label: 'x' } } }],
    ['a bare number', { a: { b: 58 } }],
  ])('the committed JSON Schema rejects %s', (_name, tree) => {
    expect(fromJson.safeParse(tree).success).toBe(false);
    expect(figureGroupSchema.safeParse(tree).success).toBe(false);
  });
});
