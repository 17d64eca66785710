/**
 * The parts of the schemas that the rule set decides: the document types (from
 * rules/vocabulary/document-types.yml) and the configuration's `rules` block (one entry per
 * rule file, with its title as the description an editor shows).
 */
import { ruleDocUrl, type RuleDefinition, type RuleSet } from '../../server/src/engine/index.js';

type JsonObject = Record<string, unknown>;

/** `requiredFor` of a section check lists the known types and the unknown one. */
export function fillRuleSchema(schema: JsonObject, ruleSet: RuleSet): void {
  const check = (schema.properties as JsonObject).check as { allOf: JsonObject[] };
  const section = check.allOf.find((b) => ((b.if as JsonObject).properties as { kind: { const?: string } }).kind.const === 'section');
  const requiredFor = ((section!.then as JsonObject).properties as JsonObject).requiredFor as { items: { enum: string[] } };
  requiredFor.items.enum = [...ruleSet.documentTypes.types.map((t) => t.id), ruleSet.documentTypes.unknown];
}

export function fillConfigSchema(schema: JsonObject, ruleSet: RuleSet): void {
  const definitions = schema.definitions as JsonObject;
  const types = ruleSet.documentTypes.types.map((t) => t.id);
  (definitions.documentType as { enum: string[] }).enum = types;
  const rules = definitions.rules as JsonObject;
  const properties: JsonObject = {};
  for (const rule of [...ruleSet.rules.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const options = optionsOf(rule, [...types, ruleSet.documentTypes.unknown]);
    properties[rule.id] = {
      ...(options
        ? { oneOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }, options], minItems: 1, maxItems: 2 }] }
        : { $ref: '#/definitions/ruleSetting' }),
      description: `${rule.title.sv} / ${rule.title.en} (${rule.severity})`,
      markdownDescription: `**${rule.title.sv}** / ${rule.title.en}\n\n${rule.rationale.sv}\n\nStandard / default: \`${rule.severity}\` · [docs/rules/${rule.id}.md](${ruleDocUrl(rule.id)})`,
    };
  }
  rules.properties = properties;
  const presets = ['recommended', 'strict', ...types, 'klarsprak', 'tillganglighet'];
  (schema.properties as { extends: JsonObject }).extends.description = `Förinställningar / presets: ${presets.map((p) => `policylint:${p}`).join(', ')}, eller en relativ sökväg / or a relative path.`;
}

/**
 * The options a rule's check reads from `[severity, { … }]` (checks/section.ts,
 * checks/readability.ts), so editors complete them. Other keys stay allowed: the engine
 * ignores what it does not read.
 */
function optionsOf(rule: RuleDefinition, types: string[]): JsonObject | undefined {
  const c = rule.check;
  const properties: JsonObject = {};
  if (c.kind === 'section') {
    properties.required = { type: 'boolean', description: 'Krävs för alla dokumenttyper (true) eller ingen (false). Required for every document type, or none.' };
    properties.requiredFor = {
      type: 'array',
      items: { enum: types },
      description: `Dokumenttyper som kräver avsnittet (standard: ${c.requiredFor.join(', ')}). Document types that need the section.`,
    };
  }
  if (c.kind === 'readability') {
    properties.ceiling = { type: 'number', exclusiveMinimum: 0, description: `LIX över detta rapporteras (standard ${c.ceiling}). LIX above this is reported.` };
    properties.minWords = { type: 'integer', minimum: 1, description: `Avsnitt med färre ord bedöms inte för sig (standard ${c.minWords}). Sections with fewer words are not judged on their own.` };
    properties.sections = { type: 'boolean', description: `Bedöm avsnitten också, inte bara dokumentet (standard ${String(c.sections)}). Judge sections as well as the document.` };
  }
  if (c.kind === 'sentence-length') {
    properties.maxWords = { type: 'integer', minimum: 1, description: `Meningar med fler ord rapporteras (standard ${c.maxWords}). Sentences with more words are reported.` };
  }
  return Object.keys(properties).length ? { type: 'object', properties } : undefined;
}
