import { existsSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './files.js';

const TEMPLATE = `# policylint: konfiguration för det här arkivet / configuration for this repository.
# Schema: node_modules/policylint/rules/schema/config.schema.json
# Förinställningar / presets: policylint:recommended, policylint:strict,
#   policylint:policy, policylint:strategi, policylint:riktlinje, policylint:program, policylint:plan
extends: policylint:recommended

# Allvarlighetsgrad per regel / severity per rule: off | info | warning | error
rules:
  skall: warning
  # goals: [warning, { required: true }]

# Dokumenttyp när titel och front matter inte anger den.
# documentType: policy

# Ord som stavningskontrollen ska godta (se även .policylint/ordlista.txt).
words: []

# Andra inställningar för vissa filer.
# overrides:
#   - files: ["arkiv/**/*.md"]
#     rules: { review-overdue: off }
`;

/** Writes a commented starter configuration; never overwrites an existing one. */
export async function writeInitialConfig(directory: string): Promise<string> {
  for (const name of ['.policylintrc.json', '.policylintrc.yaml', '.policylintrc.yml']) {
    if (existsSync(join(directory, name))) throw new UsageError(`${name} finns redan i ${directory} / already exists`);
  }
  const file = join(directory, '.policylintrc.yaml');
  await writeFileAtomic(file, TEMPLATE, { encoding: 'utf8' });
  return file;
}
