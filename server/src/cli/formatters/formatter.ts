import type { Language, RuleSet } from '../../engine/index.js';
import type { FileResult } from '../results.js';
import type { SourceText } from './source.js';

/** What every formatter may need besides the results. */
export interface FormatContext {
  ruleSet: RuleSet;
  lang: Language;
  version: string;
  cwd: string;
  color: boolean;
  today: string;
  /** The text a result was linted from (read again only when a format needs it). */
  source: (result: FileResult) => SourceText | undefined;
}

/**
 * A formatter is fed one file's result at a time and returns what can be printed at once;
 * `end` returns the rest. Formats that need the whole set keep only what they print, so
 * the CLI can stream results instead of holding every file's messages.
 */
export interface Formatter {
  file(result: FileResult): string;
  end(): string;
}
