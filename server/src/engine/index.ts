/** The lint engine's public surface. Imports nothing from LSP or VS Code. */
export { lintText, createContext, patternsFor, SYNTAX_RULE, type LintOptions, type LintResult } from './lint.js';
export { applyFixes, safeEdits, type FixOutcome } from './fix.js';
export { loadRuleSet, findRulesDirectory } from './rules/load.js';
export { ConfigLoader, findConfigFile, findWordListFile, isIgnored, WORD_LIST, CONFIG_NAMES, PRESETS } from './config/load.js';
export type { ResolvedConfig, ConfigFile, RuleConfig } from './config/model.js';
export { FileError } from './rules/errors.js';
export { LineIndex } from './text/lineIndex.js';
export { parseDocument, ParseCache, type PolicyDocument } from './document/parse.js';
export type * from './types.js';
export type * from './rules/model.js';
export { ruleDocUrl, localRuleDocUri, sourceClauseUri, REPOSITORY_URL } from './docs.js';
export { findSections, findTitle, type Section } from './analysis/sections.js';
export { snippetToText, insertionOffset } from './checks/placement.js';
export { todayIso, addYears } from './analysis/dates.js';
export { loadServices, suggest, type Services } from './services.js';
export { parseWordList, readWordList } from './rules/wordList.js';
export { isRequired as sectionRequired } from './checks/section.js';
export { documentReadability, lix, lixLevel, LIX_LEVELS, type DocumentReadability, type SectionReadability, type LixScore, type LixLevel } from './analysis/readability.js';
