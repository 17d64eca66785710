// Shared by the editor tests: the extension under test, fixture files, and bounded polling
// (the language server answers asynchronously; tests wait for a state, never for a time).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';

export const EXTENSION_ID = 'policylint.policylint';
export const SOURCE = 'policylint';
/** How long a test waits for the language server to reach a state. */
export const WAIT_MS = 30_000;

/** What the extension's activate() returns, as far as the tests use it (see the report). */
export interface PolicylintApi {
  /** The status bar item as the user sees it. */
  status?(): { text: string; tooltip?: string | undefined; visible: boolean };
  /** The "Aktivera policylint här" status bar item's text, when it shows. */
  enableHere?(): string | undefined;
}

export function extension(): vscode.Extension<PolicylintApi | undefined> {
  const ext = vscode.extensions.getExtension<PolicylintApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext;
}

export async function activate(): Promise<PolicylintApi | undefined> {
  const ext = extension();
  return ext.isActive ? ext.exports : await ext.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the fixture workspace is not open');
  return folder.uri;
}

export function fixture(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function open(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value that is not undefined/false, at most `ms`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- `last` is whatever `check` threw; a non-Error is shown as String() renders it
      throw new Error(`timed out after ${ms / 1000} s waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
    }
    await sleep(100);
  }
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function policylintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until the document's policylint diagnostics satisfy `ok`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const ds = policylintDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    `${what} (now: ${summary(policylintDiagnostics(uri))})`,
    ms,
  );
}

/** "follow-up:Error@0, skall:Warning@10": for messages. */
export function summary(ds: readonly vscode.Diagnostic[]): string {
  return ds.length ? ds.map((d) => `${ruleOf(d)}:${vscode.DiagnosticSeverity[d.severity]}@${d.range.start.line}`).join(', ') : 'none';
}

export function byRule(ds: readonly vscode.Diagnostic[], ruleId: string): vscode.Diagnostic | undefined {
  return ds.find((d) => ruleOf(d) === ruleId);
}

/** A rule file of the installed extension (rules/<id>.yml), parsed. */
export function ruleFile(ruleId: string): { id: string; severity: string; sources: { document: string; clause: string; quote: string }[] } {
  return parse(readFileSync(join(extension().extensionPath, 'rules', `${ruleId}.yml`), 'utf8')) as ReturnType<typeof ruleFile>;
}

/** The section titles (Swedish) of the installed extension's rules/sections.yml. */
export function sectionTitles(): string[] {
  const file = parse(readFileSync(join(extension().extensionPath, 'rules', 'sections.yml'), 'utf8')) as { sections: { title: { sv: string } }[] };
  return file.sections.map((s) => s.title.sv);
}

/** Markdown of a hover (or a list of them) as plain text, with Markdown escapes undone. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return (
    hovers
      .flatMap((h) => h.contents)
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Hover.contents is typed with the deprecated MarkedString, whose { language, value } form holds its text in `value`
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n')
      .replace(/\\([\\`*_[\]<>#|])/g, '$1')
  );
}

/** Replaces a document's whole text through a workspace edit (as typing would) and saves it. */
export async function replaceAll(doc: vscode.TextDocument, text: string, save = true): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${doc.uri.fsPath}`);
  if (save && !(await doc.save())) throw new Error(`could not save ${doc.uri.fsPath}`);
}

/** The four rules a new document from the template must satisfy. */
export const CORE_RULES = ['adoption', 'review-cycle', 'responsible-body', 'follow-up'] as const;

/**
 * Asks the runner for a screenshot of the page (test-results/<name>.png) and waits until it is
 * taken; `click` names elements (Playwright selectors) the runner clicks first. Only in code-server, which can photograph the page; elsewhere it does nothing.
 */
export async function screenshot(name: string, options: { click?: string[] } = {}): Promise<void> {
  const dir = process.env.POLICYLINT_EDITOR_TEST_SIGNAL_DIR;
  if (!dir) return;
  const done = join(dir, `shot-${name}.done`);
  writeFileSync(join(dir, `shot-${name}.request`), JSON.stringify(options));
  const deadline = Date.now() + 20_000;
  while (!existsSync(done) && Date.now() < deadline) await sleep(100);
}
