import { join } from 'node:path';
import type { Bilingual } from '../types.js';
import type { RuleSet } from '../rules/model.js';
import { FileError } from '../rules/errors.js';
import { lineOfPath, loadYamlFile, type LoadedYaml } from '../rules/yamlFile.js';
import { compilePattern } from '../match/pattern.js';

/**
 * Dated lists in rules/vocabulary/ (plain words, repealed laws, ended programmes, known
 * abbreviations). Every replacement entry names its source, a clause of a document in
 * rules/sources/, so a reader can check why the linter says what it says.
 */

export interface ListEntry {
  /** A phrase pattern (see match/pattern.ts). */
  match: string;
  replacement: string;
  /** The replacement fits wherever the match stands (same inflection and syntax): --fix may apply it. */
  exact: boolean;
  /** When the change took effect; sentences about the time before are left alone. */
  since?: string;
  note?: Bilingual;
  /** A reference to a section ("3 kap. 9 §") before the match: the new law numbers it differently. */
  provision?: boolean;
  /** `document#clause` in rules/sources/. */
  source: string;
}

export interface ReplacementList {
  updated: string;
  entries: ListEntry[];
  file: string;
}

export interface AbbreviationList {
  updated: string;
  /** Abbreviations every reader of a Swedish municipal document knows. */
  known: string[];
  /** Headings of a glossary section ("Förkortningar", "Ordlista"). */
  glossaryHeadings: string[];
  source: string;
  file: string;
}

const cache = new WeakMap<RuleSet, Map<string, unknown>>();

function cached<T>(ruleSet: RuleSet, name: string, read: () => T): T {
  let lists = cache.get(ruleSet);
  if (!lists) {
    lists = new Map();
    cache.set(ruleSet, lists);
  }
  if (!lists.has(name)) lists.set(name, read());
  return lists.get(name) as T;
}

function fail(loaded: LoadedYaml, file: string, path: string, why: string): never {
  throw new FileError(file, lineOfPath(loaded, path), why);
}

function checkSource(ruleSet: RuleSet, loaded: LoadedYaml, file: string, path: string, source: unknown): string {
  if (typeof source !== 'string' || !/^[\w-]+#[\w-]+$/.test(source)) fail(loaded, file, path, 'source ska vara "dokument#ankare" / source must be "document#anchor"');
  const [document, clause] = source.split('#') as [string, string];
  if (!ruleSet.sources.get(document)?.clauses.has(clause)) fail(loaded, file, path, `källan ${source} finns inte i rules/sources/ / unknown source`);
  return source;
}

function checkUpdated(loaded: LoadedYaml, file: string, data: Record<string, unknown>): string {
  const updated = data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : data.updated;
  if (typeof updated !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(updated)) fail(loaded, file, '/updated', 'updated ska vara ett datum ÅÅÅÅ-MM-DD / updated must be a date');
  return updated;
}

/** A dated list file from rules/vocabulary/: its data and its `updated` date, checked. */
function readList(ruleSet: RuleSet, name: string): { file: string; loaded: LoadedYaml; data: Record<string, unknown>; updated: string } {
  const file = join(ruleSet.directory, 'vocabulary', `${name}.yml`);
  const loaded = loadYamlFile(file);
  const data = (loaded.data ?? {}) as Record<string, unknown>;
  return { file, loaded, data, updated: checkUpdated(loaded, file, data) };
}

const isBilingual = (v: unknown): v is Bilingual => typeof v === 'object' && v !== null && typeof (v as Bilingual).sv === 'string' && typeof (v as Bilingual).en === 'string';

/** A replacement list, validated once per rule set; a bad entry fails with its file and line. */
export function replacementList(ruleSet: RuleSet, name: string): ReplacementList {
  return cached(ruleSet, name, () => {
    const { file, loaded, data, updated } = readList(ruleSet, name);
    if (!Array.isArray(data.entries) || data.entries.length === 0) fail(loaded, file, '/entries', 'entries saknas / missing entries');
    const entries = data.entries.map((raw: unknown, i: number): ListEntry => {
      const path = `/entries/${i}`;
      const e = (raw ?? {}) as Record<string, unknown>;
      const known = new Set(['match', 'replacement', 'exact', 'since', 'note', 'provision', 'source']);
      for (const key of Object.keys(e)) if (!known.has(key)) fail(loaded, file, `${path}/${key}`, `okänd nyckel "${key}" / unknown key`);
      if (typeof e.match !== 'string' || !e.match.trim()) fail(loaded, file, `${path}/match`, 'match saknas / missing match');
      try {
        compilePattern(e.match);
      } catch (error) {
        fail(loaded, file, `${path}/match`, `felaktigt mönster "${e.match}": ${(error as Error).message} / bad pattern`);
      }
      if (typeof e.replacement !== 'string' || !e.replacement.trim()) fail(loaded, file, `${path}/replacement`, 'replacement saknas / missing replacement');
      if (typeof e.exact !== 'boolean') fail(loaded, file, `${path}/exact`, 'exact ska vara true eller false / exact must be a boolean');
      const since = e.since instanceof Date ? e.since.toISOString().slice(0, 10) : e.since;
      if (since !== undefined && (typeof since !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(since))) fail(loaded, file, `${path}/since`, 'since ska vara ett datum / since must be a date');
      if (e.note !== undefined && !isBilingual(e.note)) fail(loaded, file, `${path}/note`, 'note ska ha sv och en / note needs sv and en');
      const entry: ListEntry = { match: e.match, replacement: e.replacement, exact: e.exact, source: checkSource(ruleSet, loaded, file, `${path}/source`, e.source) };
      if (since) entry.since = since;
      if (e.note) entry.note = e.note;
      if (e.provision === true) entry.provision = true;
      return entry;
    });
    return { updated, entries, file };
  });
}

/** The list of abbreviations that need no explanation. */
export function abbreviationList(ruleSet: RuleSet, name: string): AbbreviationList {
  return cached(ruleSet, name, () => {
    const { file, loaded, data, updated } = readList(ruleSet, name);
    const strings = (key: string): string[] => {
      const v = data[key];
      if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s.trim())) fail(loaded, file, `/${key}`, `${key} ska vara en lista med ord / ${key} must be a list of words`);
      return v as string[];
    };
    return { updated, known: strings('known'), glossaryHeadings: strings('glossaryHeadings'), source: checkSource(ruleSet, loaded, file, '/source', data.source), file };
  });
}

export interface GoalList {
  updated: string;
  /** Goal number → its names, the first one the official short name. */
  goals: Map<number, string[]>;
  source: string;
  file: string;
}

/** The goals of Agenda 2030 with their Swedish names. */
export function goalList(ruleSet: RuleSet, name: string): GoalList {
  return cached(ruleSet, name, () => {
    const { file, loaded, data, updated } = readList(ruleSet, name);
    const raw = data.goals;
    if (typeof raw !== 'object' || raw === null) fail(loaded, file, '/goals', 'goals saknas / missing goals');
    const goals = new Map<number, string[]>();
    for (const [key, names] of Object.entries(raw)) {
      if (!/^\d+$/.test(key) || !Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string' && n.trim())) {
        fail(loaded, file, `/goals/${key}`, 'ett mål är ett nummer med en lista med namn / a goal is a number with a list of names');
      }
      goals.set(Number(key), names as string[]);
    }
    return { updated, goals, source: checkSource(ruleSet, loaded, file, '/source', data.source), file };
  });
}
