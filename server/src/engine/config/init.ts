import { existsSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { CONFIG_NAMES } from './load.js';

/** The commented starter configuration that `--init` and the editor's "Aktivera policylint här" write. */
export const INITIAL_CONFIG = `# policylint: konfiguration för det här arkivet / configuration for this repository.
# Schema: node_modules/policylint/rules/schema/config.schema.json
# Förinställningar / presets: policylint:recommended, policylint:strict,
#   policylint:policy, policylint:strategi, policylint:riktlinje, policylint:program, policylint:plan,
#   policylint:klarsprak (klarspråk), policylint:tillganglighet (tillgänglighet)
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

/** A configuration file is already there: nothing is written. */
export class ConfigExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} finns redan / already exists`);
  }
}

/** Writes the starter configuration into `directory`; never overwrites an existing one. */
export async function writeInitialConfig(directory: string): Promise<string> {
  for (const name of CONFIG_NAMES) {
    if (existsSync(join(directory, name))) throw new ConfigExistsError(join(directory, name));
  }
  const file = join(directory, '.policylintrc.yaml');
  await writeFileAtomic(file, INITIAL_CONFIG, { encoding: 'utf8' });
  return file;
}
