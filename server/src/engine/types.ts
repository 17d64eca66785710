/**
 * Core types of the lint engine. The engine imports nothing from LSP or VS Code:
 * positions are character offsets into the original text, and adapters convert them.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Language = 'sv' | 'en';

/** A message in both languages: Swedish first. */
export interface Bilingual {
  /** Swedish. */
  sv: string;
  /** English. */
  en: string;
}

/** A half-open range of UTF-16 offsets into the original text (BOM included). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A quoted clause from one of the bundled source documents. */
export interface SourceRef {
  /** A file in rules/sources/, without .md. */
  document: string;
  /** An anchor of that file ({#syfte-1}). */
  clause: string;
  /** Words of the clause, verbatim: the loader refuses a quote the clause does not hold. */
  quote: string;
}

/** A text edit over the original text. */
export interface TextEdit extends OffsetRange {
  text: string;
  /**
   * The source text the rule matched in this range. An edit whose range no longer holds it
   * (a position bug, or a document changed since the lint) is never applied.
   */
  expect?: string;
}

/**
 * A fix attached to a finding. `safe` fixes are applied by `--fix` and fix-all;
 * the others are offered as code actions only.
 */
export interface Fix {
  title: Bilingual;
  edits: TextEdit[];
  safe: boolean;
  /** Set when the fix inserts a whole section; editors can offer it as a snippet. */
  snippet?: { section: string; offset: number; body: string };
}

/** What a check reports, before configuration (severity, language) is applied. */
export interface Finding {
  ruleId: string;
  range: OffsetRange;
  message: Bilingual;
  /** Which of the rule's messages this is ("missing", "partial", …): front ends tell cases apart by it. */
  messageKey?: string;
  /** At most this severity: a check lowers the configured one where its evidence is thin. */
  severity?: Severity;
  fixes?: Fix[];
  /** Data for lazy work in front ends (e.g. the word to compute suggestions for). */
  data?: Record<string, unknown>;
}

/** A finding with the configured severity: what front ends show. */
export interface Diagnostic extends Finding {
  severity: Severity;
  sources: SourceRef[];
}

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
}
