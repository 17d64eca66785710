/**
 * Writes rules/.parsed.json: the parse of every bundled YAML file (and of the source documents'
 * front matter) by a hash of its text, so
 * that a cold start does not parse YAML (see server/src/engine/rules/parsedSnapshot.ts); and
 * the pattern lists the rule set compiles to load and to lint the examples, by a hash of the
 * compiler's code, the vocabulary and the patterns (see server/src/engine/match/precompiled.ts).
 * Run by `npm run build`, `prepare`, `test` and the bundle; a stale entry is never used,
 * because an edited file (or compiler) hashes differently.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlText } from '../server/src/engine/rules/yamlFile.js';
import { SNAPSHOT_FILE, snapshotEntry } from '../server/src/engine/rules/parsedSnapshot.js';
import { frontMatterOf } from '../server/src/engine/rules/sources.js';
import { parse as parseYaml } from 'yaml';
import { compileRuleSetPatterns } from './patternLists.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rules = join(repo, 'rules');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

const files: Record<string, string> = {};
let skipped = 0;
for (const file of yamlFiles(rules).sort()) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const entry = snapshotEntry(text, parseYamlText(text, file).data);
  if (entry) files[entry[0]] = entry[1];
  else skipped++;
}
// The source documents' front matter (rules/sources/*.md), parsed as parseSource parses it.
for (const name of readdirSync(join(rules, 'sources')).filter((f) => f.endsWith('.md'))) {
  const yaml = frontMatterOf(readFileSync(join(rules, 'sources', name), 'utf8'));
  const entry = yaml === undefined ? undefined : snapshotEntry(yaml, parseYaml(yaml));
  if (entry) files[entry[0]] = entry[1];
}
const patterns = compileRuleSetPatterns(repo);
writeFileSync(join(rules, SNAPSHOT_FILE), `${JSON.stringify({ files, patterns })}\n`);
if (!process.argv.includes('--quiet')) {
  console.log(`${SNAPSHOT_FILE}: ${Object.keys(files).length} files${skipped ? `, ${skipped} left to parse at load (not JSON)` : ''}, ${Object.keys(patterns.entries).length} pattern lists`);
}
