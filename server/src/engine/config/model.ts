import type { SeveritySetting } from '../types.js';

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** A configuration file as written (.policylintrc.json / .yaml / .yml). */
/** A municipality's own body (Tillväxtutskottet, Samhällsbyggnad), named in the configuration. */
export interface LocalBody {
  name: string;
  /** What it is, for hover ("Utskott under kommunstyrelsen för näringslivsfrågor"). */
  description?: string;
  /** Other names or short forms it goes by (phrase patterns: "TU", "tillväxtutskott*"). */
  patterns?: string[];
}

export interface ConfigFile {
  extends?: string | string[];
  bodies?: LocalBody[];
  rules?: Record<string, RuleSetting>;
  documentType?: string;
  language?: 'sv' | 'en';
  words?: string[];
  ignores?: string | string[];
  overrides?: { files: string | string[]; rules?: Record<string, RuleSetting>; documentType?: string }[];
}

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** The configuration in force for one file. */
export interface ResolvedConfig {
  rules: Map<string, RuleConfig>;
  documentType?: string;
  language?: 'sv' | 'en';
  words: string[];
  /** The municipality's own bodies, added to the known ones. */
  bodies?: LocalBody[];
  /** Globs (relative to `baseDirectory`) of files not to lint. */
  ignores: string[];
  /** The project word list (.policylint/ordlista.txt) whose words are included. */
  wordListFile?: string;
  /** The file it came from; undefined when no file was found (defaults apply). */
  file?: string;
  baseDirectory?: string;
}
