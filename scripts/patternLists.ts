/**
 * The pattern lists the build precompiles (see server/src/engine/match/precompiled.ts): every
 * list compiled to load the rule set and to lint the bundled drafts (lists of alternatives are
 * compiled one by one on first use), each compiled afresh. Used by scripts/snapshot-rules.ts,
 * and by the test that holds the snapshot to a fresh compile in a new process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRecording, type PrecompiledSet } from '../server/src/engine/match/precompiled.js';
import { lintText, loadRuleSet } from '../server/src/engine/index.js';

/** Compiles in this process, so call it before anything else compiles (a fresh process). */
export function compileRuleSetPatterns(repo: string): PrecompiledSet {
  const recorded = startRecording();
  const ruleSet = loadRuleSet(join(repo, 'rules'));
  for (const dir of [join(repo, 'examples'), join(repo, 'test', 'fixtures', 'seeds')].filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) lintText(readFileSync(join(dir, name), 'utf8'), { ruleSet });
  }
  return recorded();
}
