import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';
import * as precompiled from '../generated/validators.js';

// ajv is CommonJS: under Node's ESM loader the class is `default`, in a bundle it may be the module.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
const Ajv = AjvModule.default ?? AjvModule;

/** Options for both the build-time (standalone) and the runtime compile, so they agree. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

export type SchemaName = 'rule' | 'config';

/** Hash of a schema file's text, line endings normalised (a Windows checkout has CRLF). */
export function schemaHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * The validator for a schema file. Compiling the schemas with ajv took ~100 ms of every
 * start, so the bundled ones are compiled at build time (scripts/generate-validators.ts);
 * a schema that differs from the bundled one (another rules directory) is compiled here.
 */
export function schemaValidator(schemaFile: string, name: SchemaName): ValidateFunction {
  const text = readFileSync(schemaFile, 'utf8');
  const bundled = precompiled as unknown as { SCHEMA_HASHES: Record<string, string>; validateRule: ValidateFunction; validateConfig: ValidateFunction };
  if (schemaHash(text) === bundled.SCHEMA_HASHES[name]) return name === 'rule' ? bundled.validateRule : bundled.validateConfig;
  return new Ajv({ ...AJV_OPTIONS }).compile(JSON.parse(text) as object);
}
