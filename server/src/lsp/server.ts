import { dirname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type SemanticTokens,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAMES, ConfigExistsError, writeInitialConfig, loadRuleSet, loadServices, packageVersion, suggest, type FileError, type RuleSet, type Services } from '../engine/index.js';
import { SelfWatcher } from './selfWatch.js';
import { Highlighter, LEGEND } from './semanticTokens.js';
import { codeActions } from './codeActions.js';
import { complete } from './completion.js';
import { compliance } from './compliance.js';
import { hover } from './hover.js';
import { Linter, type LintState } from './linter.js';
import { Commands, ComplianceRequest, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, TemplateRequest, type AddWordArgs, type Request, type Settings, type WorkspaceLintResult } from './protocol.js';
import { filePathOf } from './scope.js';
import { SettingsCache } from './settings.js';
import { documentTemplate } from './templates.js';
import { addWord, wordListTarget, WordListError } from './wordList.js';
import { markdownFiles, readText } from './workspaceLint.js';
import { markCompleteRun } from '../boot/completeRun.js';

export interface ServerOptions {
  ruleSet?: RuleSet;
  /** Load the spell checker (about 200 ms, after start). Default true; POLICYLINT_SPELLING=off disables. */
  services?: boolean;
  /** ISO date that counts as today (tests); default POLICYLINT_TODAY or the real date. */
  today?: string;
}

/** Delay between an edit and its lint for push clients: enough to coalesce a burst of keys. */
const PUSH_DELAY_MS = 15;
/** "To the end of the line" within the protocol's uinteger range (2^31 − 1). */
const LINE_END = 2 ** 31 - 1;

interface ClientFeatures {
  pull: boolean;
  refresh: boolean;
  configuration: boolean;
  snippets: boolean;
  snippetEdits: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
  codeActionLiterals: boolean;
  semanticTokens: boolean;
  semanticTokensRefresh: boolean;
}

function features(c: ClientCapabilities): ClientFeatures {
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    snippetEdits: !!(c.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
    watchedFilesRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    codeActionLiterals: !!c.textDocument?.codeAction?.codeActionLiteralSupport,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `requests` is required by the spec, but a client's capabilities are unchecked JSON: one that leaves it out must not make initialize fail
    semanticTokens: !!c.textDocument?.semanticTokens?.requests?.full,
    semanticTokensRefresh: !!c.workspace?.semanticTokens?.refreshSupport,
  };
}

/** Wires the policylint language server onto a connection (stdio, IPC, socket: the caller's choice). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let client: ClientFeatures;
  let folders: string[] = [];
  let linter!: Linter;
  let settings!: SettingsCache;
  let highlighter!: Highlighter;
  /** Unopened files whose diagnostics were pushed by "lint the workspace". */
  const workspacePushed = new Set<string>();
  /** Config files with a published error, and the errors already notified. */
  const configErrorFiles = new Set<string>();
  const notified = new Set<string>();

  const log = (message: string): void => connection.console.log(`[policylint] ${message}`);
  /** Config files and word lists, watched by the server itself when the client cannot. */
  const selfWatcher = new SelfWatcher((file) => {
    log(`changed on disk: ${file}`);
    linter.invalidateConfigs();
    clearConfigErrors();
    refreshAll();
  });
  connection.onShutdown(() => selfWatcher.dispose());

  connection.onInitialize((params): InitializeResult => {
    client = features(params.capabilities);
    const ruleSet = options.ruleSet ?? loadRuleSet();
    folders = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- some clients (Neovim 0.7) send only rootUri, no workspaceFolders
    if (folders.length === 0 && params.rootUri) {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above: the fallback for clients that send only rootUri
      const root = filePathOf(params.rootUri);
      if (root) folders.push(root);
    }
    const today = options.today ?? process.env.POLICYLINT_TODAY;
    linter = new Linter({ ruleSet, folders: () => folders, ...(today ? { today } : {}) });
    highlighter = new Highlighter(ruleSet.bodies);
    settings = new SettingsCache(client.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'policylint' }) : undefined);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) settings.setGlobal(init.settings);

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', '-', ' ', ','], resolveProvider: false },
        codeActionProvider: client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } : true,
        executeCommandProvider: { commands: [Commands.lintWorkspace, Commands.addToWordList, Commands.enableHere] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policylint', version: packageVersion() },
    };
    if (client.semanticTokens) result.capabilities.semanticTokensProvider = { legend: LEGEND, full: true };
    if (client.pull) result.capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
    return result;
  });

  connection.onInitialized(() => {
    // Without this registration VS Code never tells the server that a setting changed.
    if (client.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policylint' });
    if (client.watchedFilesRegistration) {
      const watchers = [...CONFIG_NAMES.map((n) => ({ globPattern: `**/${n}` })), { globPattern: '**/.policylint/ordlista.txt' }];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => filePathOf(f.uri)).filter((p): p is string => !!p)];
        refreshAll();
      });
    }
    // Even on an empty workspace the spell checker loads soon, ready for the first draft.
    if (wantServices) setTimeout(startServices, 1_000);
  });

  // ---- SERVICES: the spell checker loads after the first lint; lints before it skip spelling. ----
  // Loading the dictionary blocks the thread for ~200–300 ms. Started at once it would delay
  // the first diagnostics by that much; started after them, structural findings show first
  // and spelling follows with the refresh.
  const wantServices = options.services ?? process.env.POLICYLINT_SPELLING !== 'off';
  let servicesStarted = false;
  function startServices(): void {
    if (servicesStarted || !wantServices) return;
    servicesStarted = true;
    const started = performance.now();
    loadServices().then(
      (services: Services) => {
        linter.setServices(services);
        log(`spell checker loaded in ${Math.round(performance.now() - started)} ms`);
        refreshAll();
      },
      (error: unknown) => log(`spell checker unavailable: ${(error as Error).message}`),
    );
  }

  /** Suggestions for a word, on demand; none while the services load. */
  const suggestions = (word: string): string[] => {
    const services = linter.getServices();
    return services ? suggest(services, word) : [];
  };

  // ---- Linting ----

  async function lintDocument(doc: TextDocument): Promise<LintState> {
    const s: Settings = await settings.get(doc.uri);
    const state = linter.lint(doc, s);
    // With spelling: the code of a whole lint has run, worth a code cache (boot/codeCache.ts).
    if (linter.getServices()) markCompleteRun();
    if (state.configError) reportConfigError(state.configError);
    if (!client.watchedFilesRegistration) {
      selfWatcher.watch(state.config?.file ?? state.configError?.file);
      selfWatcher.watch(state.config?.wordListFile);
    }
    // After the response is written (stdout to a pipe is synchronous on POSIX).
    if (!servicesStarted) setTimeout(startServices, 20);
    return state;
  }

  function reportConfigError(error: FileError): void {
    const uri = pathToFileURL(error.file).href;
    const key = error.message;
    if (!configErrorFiles.has(uri)) {
      configErrorFiles.add(uri);
      const line = Math.max(0, (error.line ?? 1) - 1);
      void connection.sendDiagnostics({
        uri,
        diagnostics: [
          { range: { start: { line, character: 0 }, end: { line, character: LINE_END } }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'config', message: error.cause_ },
        ],
      });
    }
    if (!notified.has(key)) {
      notified.add(key);
      connection.window.showErrorMessage(
        `policylint: ${error.file}${error.line ? `:${error.line}` : ''}: ${error.cause_}. Standardreglerna används tills filen är rättad. / The default rules apply until the file is fixed.`,
      );
    }
  }

  function clearConfigErrors(): void {
    for (const uri of configErrorFiles) void connection.sendDiagnostics({ uri, diagnostics: [] });
    configErrorFiles.clear();
    notified.clear();
  }

  const pending = new Map<string, NodeJS.Timeout>();

  /** Push clients: lint soon after an edit, coalescing bursts; always the newest version. */
  function schedulePush(uri: string, delay = PUSH_DELAY_MS): void {
    if (client.pull) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        void lintDocument(doc).then(
          (state) => {
            // A newer version arrived while settings were fetched: its own timer publishes.
            if (documents.get(uri)?.version !== state.version) return;
            void connection.sendDiagnostics({ uri, version: state.version, diagnostics: state.diagnostics });
          },
          (error: unknown) => {
            log(`lint failed for ${uri}: ${(error as Thrown)?.stack ?? String(error)}`);
            void connection.sendDiagnostics({ uri, diagnostics: [internalErrorDiagnostic(error)] });
          },
        );
      }, delay),
    );
  }

  /** Configuration, settings or services changed: every open document again. */
  function refreshAll(): void {
    // What is in scope may have changed, and only documents in scope are coloured.
    if (client.semanticTokensRefresh) void connection.languages.semanticTokens.refresh();
    if (client.pull) {
      if (client.refresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const doc of documents.all()) schedulePush(doc.uri, 0);
    }
    if (workspacePushed.size) void lintFiles([...workspacePushed]);
  }

  documents.onDidOpen((e) => {
    if (workspacePushed.delete(e.document.uri) && client.pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    schedulePush(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => schedulePush(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    linter.forget(e.document.uri);
    settings.clear(e.document.uri);
    if (!client.pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guarded(
      log,
      'diagnostics',
      async (params, token): Promise<DocumentDiagnosticReport> => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const cached = linter.cached(doc);
        const s = await settings.get(doc.uri);
        if (token.isCancellationRequested && !cached) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
        const state = await lintDocument(documents.get(doc.uri) ?? doc);
        const resultId = `${state.version}:${state.generation}:${JSON.stringify(s)}`;
        if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: state.diagnostics };
      },
      (error) => ({ kind: DocumentDiagnosticReportKind.Full, items: [internalErrorDiagnostic(error)] }),
    ),
  );

  connection.onDidChangeConfiguration((params) => {
    if (!client.configuration) settings.setGlobal((params.settings as { policylint?: unknown } | undefined)?.policylint);
    settings.clear();
    linter.invalidate();
    refreshAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    log(`watched files changed: ${params.changes.map((c) => c.uri).join(', ')}`);
    linter.invalidateConfigs();
    clearConfigErrors();
    refreshAll();
  });

  // ---- Features ----

  connection.onHover(
    guarded(
      log,
      'hover',
      async (params) => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return null;
        const state = await lintDocument(doc);
        return hover(doc, state, linter.ruleSet, params.position, { suggest: suggestions });
      },
      () => null,
    ),
  );

  connection.onCompletion(
    guarded(
      log,
      'completion',
      async (params) => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return [];
        const state = await lintDocument(doc);
        if (!state.inScope) return [];
        const items = complete(doc, state, linter.ruleSet, params.position, { snippetSupport: client.snippets });
        // A space or comma only opens the list inside a policylint comment, or after "## ", where
        // the section list must stay open (it closed there, and did not come back).
        const trigger = params.context?.triggerCharacter;
        const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
        const afterHashes = /^\s*#{1,6} $/.test(line);
        if ((trigger === ' ' || trigger === ',') && !afterHashes && !items.every((i) => i.kind === 20 /* EnumMember */)) return [];
        // Incomplete: the client asks again as the heading is typed, instead of filtering a stale list.
        return /^\s*#/.test(line) ? { isIncomplete: true, items } : items;
      },
      () => [],
    ),
  );

  connection.languages.semanticTokens.on(
    guarded(
      log,
      'semantic tokens',
      async (params): Promise<SemanticTokens> => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return { data: [] };
        const state = await lintDocument(doc);
        // Coloured only where policylint lints: in scope and not ignored by the config.
        return state.result ? highlighter.encode(doc.getText()) : { data: [] };
      },
      (): SemanticTokens => ({ data: [] }),
    ),
  );

  connection.onCodeAction(
    guarded(
      log,
      'code actions',
      async (params) => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return [];
        const state = await lintDocument(doc);
        return codeActions(doc, state, params, { snippetEdits: client.snippetEdits, suggest: suggestions, commands: true, ruleTitle: (id, lang) => linter.ruleSet.rules.get(id)?.title[lang] });
      },
      () => [],
    ),
  );

  connection.onExecuteCommand(
    guarded(
      log,
      'executeCommand',
      async (params) => {
        switch (params.command) {
          case Commands.lintWorkspace:
            return lintWorkspace();
          case Commands.enableHere: {
            const path = filePathOf((params.arguments?.[0] as { uri?: string } | undefined)?.uri ?? '');
            if (!path) throw new ResponseError(-32602, 'enableHere: { uri } of a file on disk expected');
            const folder = folders.filter((f) => path.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0] ?? dirname(path);
            try {
              const file = await writeInitialConfig(folder);
              linter.invalidateConfigs();
              refreshAll();
              return { file };
            } catch (error) {
              if (error instanceof ConfigExistsError) throw new ResponseError(-32602, error.message);
              throw error;
            }
          }
          case Commands.addToWordList: {
            const args = params.arguments?.[0] as AddWordArgs | undefined;
            if (!args?.uri || !args.word) throw new ResponseError(-32602, 'addToWordList: { uri, word } expected');
            const path = filePathOf(args.uri);
            if (!path) throw new ResponseError(-32602, 'addToWordList: the document has no file on disk');
            const { config } = linter.configs.forFile(path);
            const folder = folders.filter((f) => path.startsWith(f)).sort((a, b) => b.length - a.length)[0];
            const file = wordListTarget(config, folder, dirname(path));
            let added: boolean;
            try {
              added = await addWord(file, args.word, folder);
            } catch (error) {
              if (error instanceof WordListError) throw new ResponseError(-32602, error.message);
              throw error;
            }
            linter.invalidateConfigs();
            refreshAll();
            return { file, added };
          }
          default:
            throw new ResponseError(-32601, `unknown command ${params.command}`);
        }
      },
      (error) => {
        throw new ResponseError(-32603, `policylint: ${(error as Thrown)?.message ?? String(error)}`);
      },
    ),
  );

  onRequest(connection, log, ComplianceRequest, async ({ uri }) => {
    const doc = documents.get(uri) ?? (await loadDocument(uri));
    if (!doc) throw new ResponseError(-32602, `no such document: ${uri}`);
    return compliance(doc, await lintDocument(doc), linter.ruleSet);
  });

  onRequest(connection, log, TemplateRequest, ({ documentType, title }) => documentTemplate(linter.ruleSet, documentType, title));

  async function loadDocument(uri: string): Promise<TextDocument | undefined> {
    const path = filePathOf(uri);
    const text = path ? await readText(path) : undefined;
    return text === undefined ? undefined : TextDocument.create(uri, 'markdown', 0, text);
  }

  /** Lints files from disk (unopened) and pushes their diagnostics. */
  async function lintFiles(uris: string[]): Promise<WorkspaceLintResult> {
    const result: WorkspaceLintResult = { files: 0, errors: 0, warnings: 0, infos: 0, withProblems: [] };
    for (const uri of uris) {
      const open = documents.get(uri);
      const doc = open ?? (await loadDocument(uri));
      if (!doc) continue;
      const state = await lintDocument(doc);
      if (!open) linter.forget(uri);
      if (!state.inScope) continue;
      result.files++;
      // Every finding counts, also those beyond the limit of what is sent.
      const findings = state.result?.diagnostics ?? [];
      for (const d of findings) {
        if (d.severity === 'error') result.errors++;
        else if (d.severity === 'warning') result.warnings++;
        else result.infos++;
      }
      if (findings.length) result.withProblems.push(uri);
      // Open documents get theirs through pull or the push path already.
      if (!open) {
        workspacePushed.add(uri);
        void connection.sendDiagnostics({ uri, diagnostics: state.diagnostics });
      }
    }
    return result;
  }

  async function lintWorkspace(): Promise<WorkspaceLintResult> {
    const started = performance.now();
    const result = await lintFiles(await markdownFiles(folders));
    log(`workspace: ${result.files} policy files linted in ${Math.round(performance.now() - started)} ms`);
    return result;
  }

  documents.listen(connection);
  connection.listen();
}

/** What a catch clause holds: anything a handler threw, so null, a string, or an Error without a stack. */
type Thrown = Partial<Error> | null | undefined;

/**
 * A request handler that never lets an error escape unlogged: ResponseErrors (the client's
 * mistake) pass through; anything else is logged with its stack and answered with `fallback`,
 * so one broken feature never leaves a request unanswered.
 */
function guarded<A extends unknown[], R>(log: (message: string) => void, name: string, handler: (...args: A) => R | Promise<R>, fallback: (error: unknown) => R): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`${name} failed: ${(error as Thrown)?.stack ?? String(error)}`);
      return fallback(error);
    }
  };
}

/** Registers a handler for a request typed in protocol.ts. */
function onRequest<P, R>(connection: Connection, log: (message: string) => void, spec: Request<P, R>, handler: (params: P) => R | Promise<R>): void {
  const fail = (error: unknown): R => {
    throw new ResponseError(-32603, `${spec.method}: ${(error as Thrown)?.message ?? String(error)}`);
  };
  connection.onRequest(
    spec.method,
    guarded(log, spec.method, async (params: unknown) => handler(params as P), fail),
  );
}

/** What a pull client shows when linting itself failed: said, not silently empty. */
function internalErrorDiagnostic(error: unknown): {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: DiagnosticSeverity;
  source: string;
  code: string;
  message: string;
} {
  const what = `${(error as Thrown)?.name ?? 'Error'}: ${String((error as Thrown)?.message ?? error).split('\n')[0]}`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'internal',
    message: `policylint kunde inte granska dokumentet (internt fel: ${what}) / could not check the document (internal error)`,
  };
}
