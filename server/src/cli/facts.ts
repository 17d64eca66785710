import { isIgnored, lintText, type ConfigLoader, type RuleSet } from '../engine/index.js';
import { readDraft } from './input.js';
import type { FactsRecord } from './formatters/facts.js';

/** The governance facts of each readable file (`--format facts`); no spelling, no fixes. */
export function factsOfFiles(files: string[], options: { ruleSet: RuleSet; configs: ConfigLoader; today: string }): FactsRecord[] {
  const out: FactsRecord[] = [];
  for (const file of files) {
    const config = options.configs.forFile(file);
    if (isIgnored(config, file)) continue;
    const read = readDraft(file);
    if (!read.ok) continue;
    const result = lintText(read.text, { config, ruleSet: options.ruleSet, today: options.today });
    out.push({ filePath: file, facts: result.facts, lines: result.document.lines });
  }
  return out;
}
