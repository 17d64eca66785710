/**
 * What the language server and the VS Code extension say to each other beyond LSP, typed once.
 * No runtime imports: both sides wrap these specs with their own connection (see `Request`).
 */

/** A request spec: the method name, with parameter and result types carried along. */
export interface Request<P, R> {
  readonly method: string;
  /** Phantom fields: never set, only carry the types. */
  readonly _params?: P;
  readonly _result?: R;
}

function request<P, R>(method: string): Request<P, R> {
  return { method };
}

export type MessageLanguage = 'auto' | 'sv' | 'en';

/** The `policylint.*` settings, as the server reads them through workspace/configuration. */
export interface Settings {
  enable: boolean;
  /** Globs (relative to the workspace folder) of Markdown files to lint without a config file. */
  include: string[];
  /** Language of messages: auto = the editor's display language. */
  language: MessageLanguage;
  /** Most diagnostics sent per document, errors first; 0 sends them all. */
  maxNumberOfProblems: number;
}

/**
 * VS Code shows at most 1,000 diagnostics per file and drops the rest (its extension host
 * keeps errors first, then warnings, then information), so more would be written, sent and
 * read on every keystroke for nothing.
 */
export const VSCODE_MAX_PROBLEMS_PER_FILE = 1000;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enable: true, include: [], language: 'auto' as const, maxNumberOfProblems: VSCODE_MAX_PROBLEMS_PER_FILE });

// ---- Compliance ("Visa efterlevnad"): each required element found or missing. ----

export type ComplianceStatus = 'found' | 'missing' | 'incomplete' | 'optional' | 'off';

export interface ComplianceSource {
  municipality: string;
  document: string;
  quote: string;
  /** file URI of the bundled source document, with #L<line> */
  uri: string;
}

export interface ComplianceItem {
  ruleId: string;
  title: string;
  /** The element in the document's language ("Syfte", "Uppföljning", "Beslut"). */
  element: string;
  /** Its state in the same language ("finns", "saknas", "ofullständig"). */
  state: string;
  /** What the document says about it, one line per fact ("Revideras: vart fjärde år, rad 43"). */
  facts: string[];
  status: ComplianceStatus;
  /** The problem as the diagnostic words it, when not found. */
  message?: string;
  /** Where the element is (found) or where the diagnostic points (not found), 0-based LSP. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  sources: ComplianceSource[];
}

export interface ComplianceParams {
  uri: string;
}

export interface ComplianceResult {
  uri: string;
  /** false when the document is not a policy draft (policylint does not lint it). */
  linted: boolean;
  documentType?: string;
  language: 'sv' | 'en';
  items: ComplianceItem[];
  counts: { errors: number; warnings: number; infos: number };
  /** A file on disk linted for what it says, with no config file: "Aktivera policylint här" can write one. */
  canEnableHere?: boolean;
  /** The document's readability on the Swedish scale, in its language: "LIX 52 (svår)". */
  readability?: string;
}

export const ComplianceRequest = request<ComplianceParams, ComplianceResult>('policylint/compliance');

// ---- Templates ("Ny policy från mall"). ----

export interface TemplateParams {
  /** policy, strategi, riktlinje, program, plan */
  documentType: string;
  title?: string;
}

export interface TemplateResult {
  /** LSP/VS Code snippet syntax. */
  snippet: string;
  /** The same text with placeholders filled by their defaults. */
  text: string;
}

export const TemplateRequest = request<TemplateParams, TemplateResult>('policylint/template');

// ---- Commands the server executes (workspace/executeCommand). ----
// Named policylint.server.* so they do not clash with the extension's own commands: the
// VS Code client registers server commands under their ids.

export const Commands = {
  /** Lint every policy file in the workspace, open or not. Result: WorkspaceLintResult. */
  lintWorkspace: 'policylint.server.lintWorkspace',
  /** Arguments: [{ uri, word }]. Adds the word to the project's .policylint/ordlista.txt. */
  addToWordList: 'policylint.server.addToWordList',
  /**
   * Arguments: [{ uri }]. "Aktivera policylint här": writes the commented starter config
   * (as `--init`) in the document's workspace folder, or its own folder. Result: the file.
   */
  enableHere: 'policylint.server.enableHere',
} as const;

export interface AddWordArgs {
  uri: string;
  word: string;
}

export interface WorkspaceLintResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one diagnostic, as URIs. */
  withProblems: string[];
}

/** The diagnostic source every policylint diagnostic carries. */
export const DIAGNOSTIC_SOURCE = 'policylint';

/** The code action kind of fix-all on save: `source.fixAll.policylint`. */
export const FIX_ALL_KIND = 'source.fixAll.policylint';
