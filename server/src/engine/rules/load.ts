import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodiesFile, IntervalsFile, MetadataFile, RuleDefinition, RuleSet, SectionDefinition } from './model.js';
import { lineOfPath, loadYamlFile, validateYaml } from './yamlFile.js';
import { loadSources, clauseContains } from './sources.js';
import { FileError } from './errors.js';
import { PatternCache, PatternError } from '../match/pattern.js';
import { schemaValidator } from './schemaValidators.js';
import { buildVocabulary } from './vocabulary.js';
import { readWordList } from './wordList.js';
import { snapshotPatterns, useSnapshotIn } from './parsedSnapshot.js';
import { usePrecompiled } from '../match/precompiled.js';
import { readDocumentTypes, readSwedishWords } from './wordData.js';

/**
 * Finds the `rules/` directory: next to the package in a checkout, next to the bundle
 * in the packaged extension. POLICYLINT_RULES_DIR overrides it (for tests of bad rules).
 */
export function findRulesDirectory(start = moduleDirectory()): string {
  const override = process.env.POLICYLINT_RULES_DIR;
  if (override) return resolve(override);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rules', 'sections.yml'))) return join(dir, 'rules');
    if (dirname(dir) === dir) throw new Error(`policylint: hittar inte regelkatalogen rules/ ovanför ${start} / cannot find rules/`);
  }
}

function moduleDirectory(): string {
  // Bundles set __dirname-like globals; ESM builds have import.meta.url.
  return typeof __policylintDir === 'string' ? __policylintDir : dirname(fileURLToPath(import.meta.url));
}
declare const __policylintDir: string | undefined;

const cache = new Map<string, RuleSet>();

// The build's parse of the bundled YAML lives in the bundled rules directory (parsedSnapshot.ts).
useSnapshotIn(() => findRulesDirectory(moduleDirectory()));

export function loadRuleSet(directory = findRulesDirectory()): RuleSet {
  const cached = cache.get(directory);
  if (cached) return cached;
  const ruleSet = readRuleSet(directory);
  cache.set(directory, ruleSet);
  return ruleSet;
}

function readRuleSet(directory: string): RuleSet {
  usePrecompiled(snapshotPatterns());
  const validateRule = schemaValidator(join(directory, 'schema', 'rule.schema.json'), 'rule');

  const sectionsFile = join(directory, 'sections.yml');
  const sections = (loadYamlFile(sectionsFile).data as { sections: SectionDefinition[] }).sections;
  const bodies = loadYamlFile(join(directory, 'vocabulary', 'bodies.yml')).data as BodiesFile;
  const intervals = loadYamlFile(join(directory, 'vocabulary', 'intervals.yml')).data as IntervalsFile;
  const metadata = loadYamlFile(join(directory, 'vocabulary', 'metadata.yml')).data as MetadataFile;
  const documentTypes = readDocumentTypes(join(directory, 'vocabulary', 'document-types.yml'));
  const swedish = readSwedishWords(join(directory, 'vocabulary', 'swedish.yml'));
  const sources = loadSources(join(directory, 'sources'));
  const vocabulary = buildVocabulary(bodies, intervals);
  const patterns = new PatternCache(vocabulary);

  const rules = new Map<string, RuleDefinition>();
  const ruleFiles = readdirSync(directory)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'sections.yml')
    .sort();
  for (const name of ruleFiles) {
    const file = join(directory, name);
    const loaded = loadYamlFile(file);
    validateYaml(loaded, validateRule, file);
    const rule = { ...(loaded.data as Omit<RuleDefinition, 'file'>), file };
    if (`${rule.id}.yml` !== name && `${rule.id}.yaml` !== name) {
      throw new FileError(file, lineOfPath(loaded, '/id'), `id "${rule.id}" ska vara samma som filnamnet / id must match the file name`);
    }
    if (rule.section && !sections.some((s) => s.id === rule.section)) {
      throw new FileError(file, lineOfPath(loaded, '/section'), `section "${rule.section}" finns inte i sections.yml / unknown section`);
    }
    for (const ref of rule.sources) {
      const doc = sources.get(ref.document);
      const clause = doc?.clauses.get(ref.clause);
      if (!doc) throw new FileError(file, undefined, `källan "${ref.document}" finns inte i rules/sources/ / unknown source document`);
      if (!clause) throw new FileError(file, undefined, `ankaret "${ref.clause}" finns inte i ${ref.document}.md / unknown clause`);
      if (!clauseContains(clause, ref.quote)) {
        throw new FileError(file, undefined, `citatet finns inte i ${ref.document}#${ref.clause}: "${ref.quote}" / quote not found in clause`);
      }
    }
    checkPatterns(rule, patterns, file);
    rules.set(rule.id, rule);
  }
  for (const rule of rules.values()) {
    if (rule.check.kind === 'overdue' && !rules.has(rule.check.cycleRule)) {
      throw new FileError(rule.file, undefined, `cycleRule "${rule.check.cycleRule}" är ingen regel / unknown rule`);
    }
  }
  return { metadata, words: readWordList(join(directory, 'vocabulary', 'ordlista.txt')), rules, sections, bodies, intervals, documentTypes, swedish, sources, directory };
}

/** Compiles every pattern once at load, so a typo fails here with the file named (and the lint finds them compiled). */
function checkPatterns(rule: RuleDefinition, patterns: PatternCache, file: string): void {
  const lists: string[][] = [];
  const c = rule.check;
  if (c.kind === 'adoption') lists.push(c.verbs);
  if (c.kind === 'statement') lists.push(c.triggers, ...Object.values(c.parts), c.exclude ?? [], c.topics ?? [], c.asNeeded ?? [], c.unclear ?? [], c.otherSubjects ?? [], c.notTopics ?? []);
  if (c.kind === 'adoption') lists.push(c.activeVerbs ?? [], c.ownDocument ?? []);
  if (c.kind === 'responsibility') lists.push(c.actorBefore, c.actorAfter, c.definitionCues);
  if (c.kind === 'section' && c.statements) lists.push(c.statements);
  if (c.kind === 'replace') lists.push(c.entries.map((e) => e.match));
  for (const list of lists) {
    if (list.length === 0) continue;
    try {
      patterns.get(list);
    } catch (error) {
      const message = error instanceof PatternError ? error.message : String(error);
      throw new FileError(file, undefined, `felaktigt mönster i ${JSON.stringify(list)}: ${message} / bad pattern`);
    }
  }
}
