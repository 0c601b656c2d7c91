// The published JSON Schemas (schema/*.v1.json), compiled once for the suites that validate output.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

const root = new URL('../', import.meta.url);
const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(rel, root), 'utf8'));
export const parseSchema = readJson('schema/parse.v1.json');
export const diffSchema = readJson('schema/diff.v1.json');
export const exportSchema = readJson('schema/export.v1.json');

// With NodeNext the CJS default export arrives as a namespace object in some setups.
type AjvClass = typeof Ajv2020.default;
const AjvCtor: AjvClass = (Ajv2020 as unknown as { default?: AjvClass }).default ?? (Ajv2020 as unknown as AjvClass);
export const ajv = new AjvCtor({ allErrors: true, strict: true });
ajv.addSchema(parseSchema);
ajv.addSchema(diffSchema);
ajv.addSchema(exportSchema);
export const validateParse = ajv.getSchema(parseSchema.$id as string) as ValidateFunction;
export const validateDiff = ajv.getSchema(diffSchema.$id as string) as ValidateFunction;
export const validateExport = ajv.getSchema(exportSchema.$id as string) as ValidateFunction;

/** Asserts that a document validates, showing ajv's reasons when it does not. */
export function expectValid(validate: ValidateFunction, doc: unknown, label: string): void {
  const ok = validate(doc);
  expect(ok, `${label}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`).toBe(true);
}
