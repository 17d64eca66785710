/**
 * Writes snippets/markdown.json (the VS Code snippets the extension contributes) from
 * rules/sections.yml and the vocabulary, through the same module the language server's
 * completion uses, so the two never drift. `--check` fails when the committed file differs.
 *
 *   node out/scripts/generate-snippets.js [--check]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadRuleSet } from '../server/src/engine/index.js';
import { allSnippets } from '../server/src/engine/templates.js';

export function snippetsJson(): string {
  const ruleSet = loadRuleSet();
  const out: Record<string, { prefix: string[]; body: string[]; description: string }> = {};
  for (const s of allSnippets(ruleSet)) {
    out[`policylint: ${s.label.replace(/^#+\s*/, '')}`] = {
      prefix: s.prefixes,
      body: s.body.replace(/\n$/, '').split('\n'),
      description: `${s.description.sv} / ${s.description.en}`,
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

const file = join(dirname(loadRuleSet().directory), 'snippets', 'markdown.json');
const text = snippetsJson();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as different
  }
  if (current !== text) {
    process.stderr.write(`${file} is out of date: run npm run snippets\n`);
    process.exitCode = 1;
  }
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}
