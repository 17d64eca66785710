import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, ComplianceRequest, TemplateRequest, type ComplianceResult, type Request, type WorkspaceLintResult } from '../../server/src/lsp/protocol.js';
import { ComplianceView, SOURCE_SCHEME, SourceDocuments } from './complianceView.js';
import { statusText, statusTooltip, workspaceSummary } from './status.js';
import { documentTypeChoices, suggestedFileName } from './template.js';
import { serverExecArgv } from './serverRuntime.js';

let client: LanguageClient | undefined;

function send<P, R>(c: LanguageClient, spec: Request<P, R>, params: P): Promise<R> {
  return c.sendRequest<R>(spec.method, params);
}

/** What the extension exposes to other extensions and to its integration tests. */
export interface PolicylintApi {
  status(): { text: string; tooltip: string; visible: boolean };
  /** The "Aktivera policylint här" item, when it shows. */
  enableHere(): string | undefined;
}

/** In the document's language, like the rest of what policylint says about the document. */
const ENABLE_HERE = { sv: 'Aktivera policylint här', en: 'Enable policylint here' } as const;

export async function activate(context: vscode.ExtensionContext): Promise<PolicylintApi> {
  // Pure modules use @vscode/l10n; give it the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });

  // server-start.cjs runs server.cjs with a V8 code cache; the debugger gets server.cjs itself.
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: context.asAbsolutePath('dist/server-start.cjs'), transport: TransportKind.ipc, options: { execArgv: serverExecArgv() } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv(), '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Markdown by language or by file name (other Markdown modes name the language otherwise).
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/*.{md,markdown}' },
    ],
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    outputChannelName: 'policylint',
  };
  const c = new LanguageClient('policylint', 'policylint', serverOptions, clientOptions);
  client = c;

  const status = vscode.window.createStatusBarItem('policylint.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'policylint';
  status.command = 'policylint.showCompliance';
  let statusVisible = false;
  const showStatus = (visible: boolean): void => {
    statusVisible = visible;
    if (visible) status.show();
    else status.hide();
  };
  // A governing document found by its title, with no config yet: offer to write one.
  const enableHere = vscode.window.createStatusBarItem('policylint.enableHere', vscode.StatusBarAlignment.Left, 49);
  enableHere.name = l10n.t('Enable policylint here');
  enableHere.command = 'policylint.enableHere';
  let enableHereVisible = false;
  const showEnableHere = (result: ComplianceResult | undefined): void => {
    if (result?.canEnableHere) {
      enableHere.text = `$(add) ${ENABLE_HERE[result.language]}`;
      enableHere.tooltip = l10n.t('Writes a commented .policylintrc.yaml in this folder, as policylint --init does: every Markdown file under it is then checked.');
      enableHere.show();
      enableHereVisible = true;
    } else {
      enableHere.hide();
      enableHereVisible = false;
    }
  };
  const view = new ComplianceView();
  const tree = vscode.window.createTreeView('policylint.compliance', { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(status, enableHere, tree, view);

  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  /** Shows the active document's state from the server now. */
  const refresh = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || !c.isRunning()) {
      showStatus(false);
      showEnableHere(undefined);
      view.set(undefined);
      tree.description = '';
      return;
    }
    const mine = ++generation;
    let result: ComplianceResult;
    try {
      result = await send(c, ComplianceRequest, { uri: editor.document.uri.toString() });
    } catch {
      return;
    }
    if (mine !== generation) return;
    view.set(result, editor.document.uri);
    showEnableHere(result);
    tree.description = view.summary();
    if (!result.linted) {
      showStatus(false);
      return;
    }
    status.text = statusText(result.counts);
    status.tooltip = statusTooltip(result.counts, result.documentType);
    showStatus(true);
  };
  /** The active document's state from the server, after a short pause in typing. */
  const update = (delay = 150): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delay);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => update(0)),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update(300);
    }),
    vscode.commands.registerCommand('policylint.showCompliance', async () => {
      await vscode.commands.executeCommand('policylint.compliance.focus');
      update(0);
    }),
    vscode.commands.registerCommand('policylint.newFromTemplate', async (options?: { documentType?: string }) => {
      const type = options?.documentType ?? (await vscode.window.showQuickPick(documentTypeChoices(), { title: l10n.t('New policy from template'), placeHolder: l10n.t('Document type') }))?.type;
      if (!type) return;
      const template = await send(c, TemplateRequest, { documentType: type });
      // An untitled document with a path: "Save" proposes internationell-strategi.md in the folder.
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const doc = folder
        ? await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, suggestedFileName(type)).with({ scheme: 'untitled' }))
        : await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(template.snippet), new vscode.Position(0, 0));
    }),
    vscode.commands.registerCommand('policylint.lintWorkspace', async () => {
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('Reviewing the workspace …') }, () =>
        c.sendRequest<WorkspaceLintResult>('workspace/executeCommand', { command: Commands.lintWorkspace, arguments: [] }),
      );
      const show = l10n.t('Show problems');
      const answer = await vscode.window.showInformationMessage(workspaceSummary(result), ...(result.withProblems.length ? [show] : []));
      if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('policylint.restartServer', async () => {
      await c.restart();
      update(0);
    }),
    vscode.commands.registerCommand('policylint.compliance.reveal', (node: { target?: unknown }) => view.reveal(node as never)),
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, new SourceDocuments()),
    vscode.commands.registerCommand('policylint.enableHere', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme !== 'file') return;
      const result = await c.sendRequest<{ file: string }>('workspace/executeCommand', { command: 'policylint.server.enableHere', arguments: [{ uri: uri.toString() }] }).catch((e: unknown) => {
        void vscode.window.showWarningMessage(e instanceof Error ? e.message : String(e));
        return undefined;
      });
      if (result) void vscode.window.showInformationMessage(l10n.t('policylint is enabled: {0}', vscode.workspace.asRelativePath(result.file)));
      update(0);
    }),
  );

  await c.start();
  update(0);
  return {
    status: () => ({ text: status.text, tooltip: typeof status.tooltip === 'string' ? status.tooltip : '', visible: statusVisible }),
    enableHere: () => (enableHereVisible ? enableHere.text : undefined),
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) return;
  // On "Reload Window" the editor's last requests (code actions as the editor loses focus)
  // arrive in the same batch as the deactivation: they have passed the client's "is it
  // running" check and wait a microtask for the connection. Stopping at once made each of
  // them fail with "Starting server failed" in the log; after one turn of the event loop
  // they are on the wire, and the server answers them before the shutdown.
  await new Promise<void>((resolve) => setImmediate(resolve));
  // A reload while the server is still starting: let it finish, or stop() refuses.
  if (c.state === State.Starting) await c.start().catch(() => undefined);
  if (c.isRunning()) await c.stop();
}
