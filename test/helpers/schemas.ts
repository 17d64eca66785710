import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import { FIXTURES } from './paths.js';

const Ajv = AjvModule.default ?? AjvModule;

/**
 * A validator for a vendored JSON schema (test/fixtures/schemas/README.md). The SARIF and
 * reviewdog schemas are draft-04; ajv 8 reads them as draft-07 once `id` is `$id` and the
 * draft-04 meta-schema reference is dropped (neither uses the keywords that changed meaning).
 */
export function vendoredSchema(file: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(FIXTURES, 'schemas', file), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  return new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile({ ...rest, ...(typeof id === 'string' ? { $id: id } : {}) });
}
