/**
 * Generates docs/rules/*.md from rules/*.yml and the source documents they cite.
 * `--check` fails (exit 1) when the committed docs differ, so docs never drift.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSet, type RuleDefinition, type RuleSet } from '../server/src/engine/index.js';

const ruleSet = loadRuleSet();
const docsDir = join(ruleSet.directory, '..', 'docs', 'rules');

const KIND: Record<string, string> = {
  adoption: 'beslutsuppgifter (mening, metadatablock eller front matter) / adoption data',
  statement: 'påstående i texten med alla delar / a statement with all its parts',
  responsibility: 'ansvarsfördelning till namngivet organ / responsibility assigned to a named body',
  section: 'avsnitt som krävs för dokumenttypen / section required for the document type',
  period: 'utgångna perioder / ended periods',
  replace: 'ord som ska ersättas / words to replace',
  overdue: 'beslutsdatum plus revideringscykel / adoption date plus review cycle',
  spelling: 'Hunspell med svensk ordlista / Hunspell with the Swedish dictionary',
  ocr: 'OCR-skador och återställning av å/ä/ö / OCR damage and restoring å/ä/ö',
  readability: 'LIX per avsnitt och dokument / LIX per section and document',
  'sentence-length': 'antal ord per mening / words per sentence',
  listed: 'daterad lista i rules/vocabulary/ med källa för varje post / a dated list in rules/vocabulary/ with a source for each entry',
  abbreviation: 'förkortningar i versaler som inte förklaras / abbreviations in capitals not explained',
  'number-format': 'intervall, mnkr, årtal och tusental / ranges, mnkr, years and thousands',
  'heading-order': 'rubriknivåer i följd / heading levels in order',
  'link-text': 'länktexter / link texts',
  'image-alt': 'alternativtext till bilder / alternative text of images',
  'table-header': 'tabellers rubrikrad / table header rows',
  'agenda-goal': 'nummer och namn på Agenda 2030:s mål / number and name of Agenda 2030 goals',
};

function sourceBlock(rule: RuleDefinition, set: RuleSet): string {
  if (rule.sources.length === 0) return '*Regeln bygger inte på en enskild klausul. / Not drawn from a single clause.*\n';
  return rule.sources
    .map((ref) => {
      const doc = set.sources.get(ref.document)!;
      const clause = doc.clauses.get(ref.clause)!;
      const adopted = doc.adoptedBy ? `, antagen av ${doc.adoptedBy}${doc.adopted ? ` ${doc.adopted}` : ''}${doc.paragraph ? `, ${doc.paragraph}` : ''}` : '';
      return `> ${ref.quote}\n\n— ${doc.municipality}, *${doc.title}*${adopted}; avsnitt "${clause.section}" ([källa](../../rules/sources/${ref.document}.md#${ref.clause}))\n`;
    })
    .join('\n');
}

function ruleDoc(rule: RuleDefinition): string {
  const check = rule.check;
  const lines = [
    `<!-- Genererad av scripts/generate-docs.ts från rules/${rule.id}.yml. Redigera inte för hand. -->`,
    `# \`${rule.id}\`: ${rule.title.sv}`,
    '',
    `In English: *${rule.title.en}*`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Standardgrad / default severity | \`${rule.severity}\` |`,
    `| Rättas med \`--fix\` / fixable | ${rule.fixable ? 'ja / yes' : 'nej / no'} |`,
    `| Kontroll / check | \`${check.kind}\`: ${KIND[check.kind] ?? ''} |`,
    ...(rule.section ? [`| Avsnitt / section | \`${rule.section}\` (${ruleSet.sections.find((s) => s.id === rule.section)?.title.sv}) |`] : []),
    ...(check.kind === 'section' ? [`| Krävs för / required for | ${check.requiredFor.join(', ')} (ändras med \`[grad, { requiredFor: [...] }]\` eller \`{ required: true }\`) |`] : []),
    '',
    '## Varför',
    '',
    rule.rationale.sv.trim(),
    '',
    '## Why',
    '',
    rule.rationale.en.trim(),
    '',
    '## Meddelanden / messages',
    '',
    ...Object.entries(rule.messages)
      .filter(([key]) => !key.startsWith('part.'))
      .map(([key, m]) => `- \`${key}\`: ${m.sv}  \n  ${m.en}`),
    '',
    '## Källor / sources',
    '',
    sourceBlock(rule, ruleSet),
    '## Stäng av / turn off',
    '',
    '```yaml',
    '# .policylintrc.yaml',
    'rules:',
    `  ${rule.id}: off`,
    '```',
    '',
    `\`<!-- policylint-disable-next-line ${rule.id} -->\` stänger av regeln för nästa rad.`,
    '',
  ];
  return lines.join('\n');
}

function index(): string {
  const rows = [...ruleSet.rules.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.title.sv} / ${r.title.en} | \`${r.severity}\` | ${r.fixable ? '✓' : ''} |`);
  return [
    '<!-- Genererad av scripts/generate-docs.ts. Redigera inte för hand. -->',
    '# Regler / rules',
    '',
    '| id | regel / rule | grad / severity | --fix |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const wanted = new Map<string, string>([['README.md', index()]]);
for (const rule of ruleSet.rules.values()) wanted.set(`${rule.id}.md`, ruleDoc(rule));

if (process.argv.includes('--check')) {
  const drift: string[] = [];
  for (const [name, text] of wanted) {
    const file = join(docsDir, name);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) drift.push(name);
  }
  const extra = existsSync(docsDir) ? readdirSync(docsDir).filter((f) => !wanted.has(f)) : [];
  if (drift.length || extra.length) {
    console.error(`docs/rules är inaktuella / out of date: ${[...drift, ...extra].join(', ')}. Kör / run: npm run docs`);
    process.exit(1);
  }
  console.log(`docs/rules: ${wanted.size} filer aktuella / up to date`);
} else {
  mkdirSync(docsDir, { recursive: true });
  for (const [name, text] of wanted) writeFileSync(join(docsDir, name), text);
  console.log(`docs/rules: skrev ${wanted.size} filer / wrote ${wanted.size} files`);
}
