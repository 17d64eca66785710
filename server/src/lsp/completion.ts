import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { snippetToText, type RuleSet } from '../engine/index.js';
import type { LintState } from './linter.js';
import { allSnippets, type SnippetDefinition } from './templates.js';

export const DIRECTIVES = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;

const DIRECTIVE_IDS = /<!--\s*policylint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*)$/;
const DIRECTIVE_KEYWORD = /<!--\s*(policylint-?[\w-]*)$/;
const LINE_START = /^(\s*)(#{0,6}\s*[\p{L}-]*|-{1,3}|\|?\s*[\p{L}]*)$/u;
const WORD_BEFORE = /[\p{L}\p{N}-]+$/u;

export interface CompletionOptions {
  snippetSupport: boolean;
}

function unescapeSnippet(text: string): string {
  return snippetToText(text).replace(/\\([\\$}|,])/g, '$1');
}

function lineRange(position: Position, fromCharacter: number): Range {
  return { start: { line: position.line, character: fromCharacter }, end: position };
}

/** Rule ids (and the directive words) inside `<!-- policylint-… -->` comments. */
function directiveCompletions(ruleSet: RuleSet, prefix: string, position: Position, lang: 'sv' | 'en'): CompletionItem[] | undefined {
  const ids = DIRECTIVE_IDS.exec(prefix);
  if (ids) {
    const typed = ids[2]!.split('--')[0]!;
    // After the "--" explanation nothing is an id.
    if (ids[2]!.includes('--')) return [];
    const present = new Set(typed.split(/[\s,]+/).filter(Boolean));
    const word = /[\w-]*$/.exec(prefix)![0];
    return [...ruleSet.rules.values()]
      .filter((r) => !present.has(r.id) || r.id === word)
      .map((r) => ({
        label: r.id,
        kind: CompletionItemKind.EnumMember,
        detail: r.title[lang],
        documentation: { kind: MarkupKind.Markdown, value: r.rationale[lang] },
        textEdit: { range: lineRange(position, position.character - word.length), newText: r.id },
      }));
  }
  const keyword = DIRECTIVE_KEYWORD.exec(prefix);
  if (keyword) {
    const typed = keyword[1]!;
    return DIRECTIVES.map((d, i) => ({
      label: `policylint-${d}`,
      kind: CompletionItemKind.Keyword,
      sortText: String(i),
      textEdit: { range: lineRange(position, position.character - typed.length), newText: `policylint-${d} ` },
    }));
  }
  return undefined;
}

function snippetItem(s: SnippetDefinition, range: Range, options: CompletionOptions, lang: 'sv' | 'en', sortText: string, filterPrefix: string): CompletionItem {
  const body = s.body.trimEnd();
  return {
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: s.description[lang],
    documentation: { kind: MarkupKind.Markdown, value: '```markdown\n' + unescapeSnippet(body) + '\n```' },
    sortText,
    filterText: filterPrefix + s.label.replace(/^#+\s*/, ''),
    insertTextFormat: options.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: options.snippetSupport ? body : unescapeSnippet(body) },
  };
}

/** Section snippets and the metadata block, at the start of a line. */
function lineStartCompletions(ruleSet: RuleSet, state: LintState, prefix: string, position: Position, options: CompletionOptions): CompletionItem[] {
  const m = LINE_START.exec(prefix)!;
  const typed = m[2]!;
  const range = lineRange(position, m[1]!.length);
  const missing = new Set((state.result?.diagnostics ?? []).flatMap((d) => (d.fixes ?? []).map((f) => f.snippet?.section).filter((s): s is string => !!s)));
  const present = new Set((state.result ? state.result.document.headings : []).map((h) => h.text.toLocaleLowerCase('sv')));
  const hasFrontMatter = state.result?.document.frontMatter !== undefined;
  const hashes = /^#+\s*/.exec(typed)?.[0] ?? '';
  const items: CompletionItem[] = [];
  for (const s of allSnippets(ruleSet)) {
    if (s.id === 'metadata.frontMatter' && (position.line !== 0 || hasFrontMatter)) continue;
    if (s.id.startsWith('metadata.') && hashes) continue;
    const sectionId = s.id.replace(/^section\./, '');
    const title = s.label.replace(/^#+\s*/, '').toLocaleLowerCase('sv');
    const sort = s.id.startsWith('metadata.') ? '0' : missing.has(sectionId) ? '1' : present.has(title) ? '3' : '2';
    items.push(snippetItem(s, range, options, state.lang, `${sort}-${s.id}`, hashes ? '## ' : typed.startsWith('|') ? '| ' : typed.startsWith('-') ? '---' : ''));
  }
  return items;
}

/** Body names in running text. */
function bodyCompletions(ruleSet: RuleSet, prefix: string, position: Position, lang: 'sv' | 'en'): CompletionItem[] {
  const word = WORD_BEFORE.exec(prefix)?.[0] ?? '';
  const upper = word !== '' && word[0] !== word[0]!.toLocaleLowerCase('sv');
  const range = lineRange(position, position.character - word.length);
  return ruleSet.bodies.known.map((b) => {
    const text = upper ? b.name.charAt(0).toLocaleUpperCase('sv') + b.name.slice(1) : b.name;
    return {
      label: text,
      kind: CompletionItemKind.Value,
      detail: lang === 'sv' ? 'Organ' : 'Body',
      documentation: b[lang],
      textEdit: { range, newText: text },
    };
  });
}

export function complete(doc: TextDocument, state: LintState, ruleSet: RuleSet, position: Position, options: CompletionOptions): CompletionItem[] {
  const prefix = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  const directive = directiveCompletions(ruleSet, prefix, position, state.lang);
  if (directive) return directive;
  if (LINE_START.test(prefix)) {
    const items = lineStartCompletions(ruleSet, state, prefix, position, options);
    // A word at the start of a line may also be a body ("Kommunstyrelsen ansvarar …").
    if (/^\s*[\p{L}]+$/u.test(prefix)) items.push(...bodyCompletions(ruleSet, prefix, position, state.lang));
    return items;
  }
  if (/[\p{L}]$/u.test(prefix)) return bodyCompletions(ruleSet, prefix, position, state.lang);
  return [];
}
