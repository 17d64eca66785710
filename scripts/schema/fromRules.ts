/**
 * The parts of the schemas that the rule set decides: the document types (from
 * rules/vocabulary/document-types.yml) and the configuration's `rules` block (one entry per
 * rule file, with its title as the description an editor shows).
 */
import { ruleDocUrl, type RuleSet } from '../../server/src/engine/index.js';

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
    properties[rule.id] = {
      $ref: '#/definitions/ruleSetting',
      description: `${rule.title.sv} / ${rule.title.en} (${rule.severity})`,
      markdownDescription: `**${rule.title.sv}** / ${rule.title.en}\n\n${rule.rationale.sv}\n\nStandard / default: \`${rule.severity}\` · [docs/rules/${rule.id}.md](${ruleDocUrl(rule.id)})`,
    };
  }
  rules.properties = properties;
  const presets = ['recommended', 'strict', ...types, 'klarsprak', 'tillganglighet'];
  (schema.properties as { extends: JsonObject }).extends.description = `Förinställningar / presets: ${presets.map((p) => `policylint:${p}`).join(', ')}, eller en relativ sökväg / or a relative path.`;
}
