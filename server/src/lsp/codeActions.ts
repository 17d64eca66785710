import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SYNTAX_RULE, safeEdits, type Diagnostic, type Fix, type TextEdit } from '../engine/index.js';
import type { DiagnosticData } from './diagnostics.js';
import { toLspRange } from './diagnostics.js';
import type { LintState } from './linter.js';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type AddWordArgs } from './protocol.js';

export interface CodeActionOptions {
  /** The client applies SnippetTextEdits in workspace edits (LSP 3.18). */
  snippetEdits: boolean;
  /** Suggestions for a misspelt word, computed on demand. Undefined while services load. */
  suggest?: (word: string) => string[];
  /** The client can run the server's addToWordList command. */
  commands: boolean;
  /** A rule's title in words, for action titles. */
  ruleTitle?: (ruleId: string, lang: 'sv' | 'en') => string | undefined;
}

const T = {
  replace: { sv: 'Ändra till "{0}"', en: 'Change to "{0}"' },
  addWord: { sv: 'Lägg till "{0}" i projektets ordlista', en: 'Add "{0}" to the project word list' },
  disableLine: { sv: 'Stäng av ”{0}” på den här raden', en: 'Turn off “{0}” on this line' },
  disableFile: { sv: 'Stäng av ”{0}” i hela filen', en: 'Turn off “{0}” in the whole file' },
  fixAllWord: { sv: 'Rätta alla ”{0}” i dokumentet', en: 'Fix every “{0}” in the document' },
  fixAllRule: { sv: 'Rätta alla säkra fel av typen ”{0}” i dokumentet', en: 'Fix every safe “{0}” problem in the document' },
  fixAll: { sv: 'Rätta alla säkra policylint-fel', en: 'Fix all safe policylint problems' },
} as const;

function t(key: keyof typeof T, lang: 'sv' | 'en', arg = ''): string {
  return T[key][lang].replace('{0}', arg);
}

function lspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toLspRange(doc, e), newText: e.text }));
}

function documentEdit(doc: TextDocument, edits: LspTextEdit[]): WorkspaceEdit {
  return { changes: { [doc.uri]: edits } };
}

/** The engine's finding behind an LSP diagnostic of this version (or matched by rule and range). */
export function findingFor(doc: TextDocument, state: LintState, lsp: LspDiagnostic): Diagnostic | undefined {
  const all = state.result?.diagnostics ?? [];
  const data = lsp.data as Partial<DiagnosticData> | undefined;
  if (data && data.version === state.version && typeof data.index === 'number') {
    const d = all[data.index];
    if (d && d.ruleId === data.ruleId) return d;
  }
  const start = doc.offsetAt(lsp.range.start);
  const end = doc.offsetAt(lsp.range.end);
  return all.find((d) => d.ruleId === (data?.ruleId ?? lsp.code) && d.range.start === start && d.range.end === end);
}

/** One engine fix as a code action; section inserts become snippets where the client can. */
export function fixAction(doc: TextDocument, fix: Fix, lsp: LspDiagnostic, lang: 'sv' | 'en', options: CodeActionOptions, preferred: boolean): CodeAction {
  let edit: WorkspaceEdit;
  if (fix.snippet && options.snippetEdits) {
    const at = doc.positionAt(fix.snippet.offset);
    edit = {
      documentChanges: [
        {
          textDocument: { uri: doc.uri, version: doc.version },
          edits: [{ range: { start: at, end: at }, snippet: { kind: 'snippet', value: fix.snippet.body } }],
        },
      ],
    };
  } else {
    edit = documentEdit(doc, lspEdits(doc, fix.edits));
  }
  const action: CodeAction = { title: fix.title[lang], kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit };
  if (preferred) action.isPreferred = true;
  return action;
}

function lineOf(doc: TextDocument, offset: number): number {
  return doc.positionAt(offset).line;
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/**
 * "Disable for this line": a `disable-next-line` comment on its own line before a line that
 * starts a block (heading, first line of a paragraph); on other lines (inside a paragraph,
 * list items, table rows) a `disable-line` comment at the end, which leaves the Markdown
 * structure alone. Undefined inside front matter.
 */
export function disableLineEdit(doc: TextDocument, state: LintState, d: Diagnostic): LspTextEdit | undefined {
  const bodyStart = state.result?.document.bodyStart ?? 0;
  if (d.range.start < bodyStart) return undefined;
  const line = lineOf(doc, d.range.start);
  const text = lineText(doc, line);
  const previous = line > 0 ? lineText(doc, line - 1) : '';
  const firstBodyLine = lineOf(doc, bodyStart) + (bodyStart > 0 ? 1 : 0);
  const startsBlock = /^\s{0,3}#{1,6}\s/.test(text) || line <= firstBodyLine || previous.trim() === '';
  const listOrTable = /^\s*([-*+]|\d+[.)])\s|^\s*\|/.test(text);
  if (startsBlock && !listOrTable) {
    const indent = /^\s*/.exec(text)![0];
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- policylint-disable-next-line ${d.ruleId} -->${eol(doc)}` };
  }
  const end = { line, character: text.length };
  return { range: { start: end, end }, newText: ` <!-- policylint-disable-line ${d.ruleId} -->` };
}

function eol(doc: TextDocument): string {
  return doc.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** "Disable for the file": a `disable-file` comment right after the front matter. */
export function disableFileEdit(doc: TextDocument, state: LintState, ruleId: string): LspTextEdit {
  const text = doc.getText();
  const bodyStart = state.result?.document.bodyStart ?? 0;
  const comment = `<!-- policylint-disable-file ${ruleId} -->`;
  if (bodyStart > 0 && state.result?.document.frontMatter) {
    const at = doc.positionAt(bodyStart);
    return { range: { start: at, end: at }, newText: (/^\r?\n/.test(text.slice(bodyStart)) ? eol(doc) : '') + comment + (/^\r?\n/.test(text.slice(bodyStart)) ? '' : eol(doc)) };
  }
  const at = doc.positionAt(bodyStart);
  return { range: { start: at, end: at }, newText: comment + eol(doc) };
}

/**
 * The safe fixes of all findings, overlapping ones left for the next pass and fixes whose
 * range no longer holds the matched text left out (as applyFixes does).
 */
export function fixAllEdits(doc: TextDocument, diagnostics: readonly Diagnostic[]): LspTextEdit[] {
  return lspEdits(doc, safeEdits(doc.getText(), diagnostics).edits);
}

/**
 * "Fix every 'skall' in the document": the safe fixes of the same rule (and, for a word, the
 * same word), offered beside the single fix when there are at least two.
 */
function fixAllAlike(doc: TextDocument, state: LintState, d: Diagnostic, lang: 'sv' | 'en'): CodeAction | undefined {
  if (!d.fixes?.some((f) => f.safe) || !state.result) return undefined;
  const found = typeof d.data?.found === 'string' ? d.data.found.toLocaleLowerCase('sv') : undefined;
  const alike = state.result.diagnostics.filter(
    (o) => o.ruleId === d.ruleId && o.fixes?.some((f) => f.safe) && (found === undefined || (typeof o.data?.found === 'string' && o.data.found.toLocaleLowerCase('sv') === found)),
  );
  if (alike.length < 2) return undefined;
  const edits = safeEdits(doc.getText(), alike).edits;
  const title = found !== undefined ? t('fixAllWord', lang, String(d.data!.found)) : t('fixAllRule', lang, d.ruleId);
  return { title: `${title} (${alike.length})`, kind: CodeActionKind.QuickFix, edit: documentEdit(doc, lspEdits(doc, edits)) };
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(doc: TextDocument, state: LintState, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const lang = state.lang;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const result = state.result;
  if (!result) return actions;

  if (wants(only, CodeActionKind.QuickFix)) {
    const disables: CodeAction[] = [];
    for (const lsp of params.context.diagnostics) {
      if (lsp.source !== DIAGNOSTIC_SOURCE) continue;
      const d = findingFor(doc, state, lsp);
      if (!d) continue;
      const fixes = d.fixes ?? [];
      fixes.forEach((fix, i) => actions.push(fixAction(doc, fix, lsp, lang, options, i === 0 && (fix.safe || fixes.length === 1))));
      const alike = fixAllAlike(doc, state, d, lang);
      if (alike) actions.push({ ...alike, diagnostics: [lsp] });

      const word = d.data?.word;
      if (typeof word === 'string') {
        // ---- SUGGEST: spelling suggestions are computed here, on demand, for this word only. ----
        const offered = new Set(fixes.flatMap((f) => f.edits.map((e) => e.text)));
        for (const s of (options.suggest?.(word) ?? []).filter((s) => !offered.has(s)).slice(0, 5)) {
          actions.push({ title: t('replace', lang, s), kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: documentEdit(doc, [{ range: lsp.range, newText: s }]) });
        }
        if (options.commands) {
          const args: AddWordArgs = { uri: doc.uri, word };
          actions.push({
            title: t('addWord', lang, word),
            kind: CodeActionKind.QuickFix,
            diagnostics: [lsp],
            command: { title: t('addWord', lang, word), command: Commands.addToWordList, arguments: [args] },
          });
        }
      }

      if (d.ruleId === SYNTAX_RULE) continue;
      // Named in words (the rule's title), not by its id.
      const name = options.ruleTitle?.(d.ruleId, lang) ?? d.ruleId;
      const line = disableLineEdit(doc, state, d);
      if (line) disables.push({ title: t('disableLine', lang, name), kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: documentEdit(doc, [line]) });
      disables.push({ title: t('disableFile', lang, name), kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: documentEdit(doc, [disableFileEdit(doc, state, d.ruleId)]) });
    }
    // Disabling comes after the real fixes, once per rule and kind.
    const seen = new Set<string>();
    for (const a of disables)
      if (!seen.has(a.title)) {
        actions.push(a);
        seen.add(a.title);
      }
  }

  if (wants(only, FIX_ALL_KIND) && (only !== undefined || result.diagnostics.some((d) => d.fixes?.some((f) => f.safe)))) {
    const edits = fixAllEdits(doc, result.diagnostics);
    if (edits.length) actions.push({ title: t('fixAll', lang), kind: FIX_ALL_KIND, edit: documentEdit(doc, edits) });
  }
  return actions;
}
