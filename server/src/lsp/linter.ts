import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isIgnored, lintText, messageLanguage, ParseCache, type FileError, type LintResult, type ResolvedConfig, type RuleSet, type Services } from '../engine/index.js';
import { ConfigCache } from './configs.js';
import { toLspDiagnostics } from './diagnostics.js';
import type { Settings } from './protocol.js';
import { filePathOf, isPolicyDocument } from './scope.js';

/** One lint of one document version, with everything the features need. */
export interface LintState {
  uri: string;
  version: number;
  /** Bumped whenever configuration, settings or services change. */
  generation: number;
  inScope: boolean;
  lang: 'sv' | 'en';
  settings: Settings;
  config?: ResolvedConfig;
  configError?: FileError;
  result?: LintResult;
  /** What the editor is sent: at most settings.maxNumberOfProblems findings, then a notice. */
  diagnostics: LspDiagnostic[];
}

export interface LinterOptions {
  ruleSet: RuleSet;
  /** Workspace folder paths, to resolve include globs against. */
  folders: () => readonly string[];
  /** ISO date that counts as today; tests pin it through POLICYLINT_TODAY. */
  today?: string;
}

/**
 * Lints documents and remembers the last result per URI, keyed by version and generation,
 * so a pull, a hover and a code action on the same version lint once.
 */
export class Linter {
  readonly ruleSet: RuleSet;
  readonly configs: ConfigCache;
  private readonly cache = new Map<string, LintState>();
  /** Per document: the parse of unchanged chunks is reused between versions. */
  private readonly parses = new Map<string, ParseCache>();
  private generation = 0;
  // ---- SERVICES (spelling, OCR): set once loadServices() resolves; see main.ts. ----
  private services: Services | undefined;

  constructor(private readonly options: LinterOptions) {
    this.ruleSet = options.ruleSet;
    // Links and extends from inside the workspace folders must stay inside them.
    this.configs = new ConfigCache(options.ruleSet, { roots: () => options.folders() });
  }

  setServices(services: Services): void {
    this.services = services;
    this.invalidate();
  }

  getServices(): Services | undefined {
    return this.services;
  }

  /** Drop every cached result (config, settings or services changed). */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /** Configuration files changed: drop them too. */
  invalidateConfigs(): void {
    this.configs.invalidate();
    this.invalidate();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.parses.delete(uri);
  }

  private parseCache(uri: string): ParseCache {
    let cache = this.parses.get(uri);
    if (!cache) {
      cache = new ParseCache();
      this.parses.set(uri, cache);
    }
    return cache;
  }

  /** The cached state if it is for this exact version. */
  cached(doc: TextDocument): LintState | undefined {
    const state = this.cache.get(doc.uri);
    return state && state.version === doc.version && state.generation === this.generation ? state : undefined;
  }

  lint(doc: TextDocument, settings: Settings): LintState {
    const cached = this.cached(doc);
    if (cached && cached.settings === settings) return cached;
    const text = doc.getText();
    const path = filePathOf(doc.uri);
    const inScope = isPolicyDocument({
      uri: doc.uri,
      languageId: doc.languageId,
      text,
      settings,
      folders: this.options.folders(),
      configFileFor: (p) => this.configs.configFileFor(p),
    });
    const state: LintState = { uri: doc.uri, version: doc.version, generation: this.generation, inScope, settings, lang: messageLanguage(settings.language, undefined), diagnostics: [] };
    if (inScope) {
      const { config, error } = path ? this.configs.forFile(path) : {};
      if (config) state.config = config;
      if (error) state.configError = error;
      if (!this.isIgnored(config, path)) {
        state.lang = messageLanguage(settings.language, config?.language);
        state.result = lintText(text, {
          ruleSet: this.ruleSet,
          parseCache: this.parseCache(doc.uri),
          ...(config ? { config } : {}),
          ...(this.options.today ? { today: this.options.today } : {}),
          ...(this.services ? { services: this.services as Record<string, unknown> } : {}),
        });
        state.diagnostics = toLspDiagnostics(doc, state.result.diagnostics, this.ruleSet, state.lang, settings.maxNumberOfProblems);
      }
    }
    this.cache.set(doc.uri, state);
    return state;
  }

  private isIgnored(config: ResolvedConfig | undefined, path: string | undefined): boolean {
    return config !== undefined && path !== undefined && isIgnored(config, path);
  }
}
