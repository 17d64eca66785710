import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findRulesDirectory } from './rules/load.js';
import type { Language } from './types.js';

/**
 * Is a Markdown text a governing document, by what it says about itself? Its front matter
 * names a type (`typ:`), or its title does: a word for a governing document ("Flaggpolicy",
 * "Internationell strategi", "Riktlinjer för …", "Reglemente för …"), or "program" or "plan"
 * for a municipality or region. Other Markdown (READMEs, notes, minutes) is not.
 */
const GOVERNING_WORD = /(?<![\p{L}])\p{L}*(?:policy|strategi|riktlinje|riktlinjer|reglemente|handlingsplan|styrdokument)(?![\p{L}])/iu;
const PLAN_FOR_A_MUNICIPALITY = /(?<![\p{L}])\p{L}*(?:program|plan)(?![\p{L}])[^\n]*?(?<![\p{L}])(?:kommun|kommuns|region|regionens|kommunkoncernen)(?![\p{L}])/iu;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function looksLikeGoverningDocument(text: string): boolean {
  const head = text.slice(0, 4_000);
  const fm = FRONT_MATTER.exec(head);
  if (fm && /^typ[ \t]*:/m.test(fm[1]!)) return true;
  const body = fm ? head.slice(fm[0].length) : head.replace(/^\uFEFF/, '');
  // The title: the first level-one heading, else the first line with text (pasted PDF text).
  const title = /^#[ \t]+(.+)$/m.exec(body)?.[1] ?? /^[ \t]*(\S.*)$/m.exec(body)?.[1] ?? '';
  return GOVERNING_WORD.test(title) || PLAN_FOR_A_MUNICIPALITY.test(title);
}

/**
 * The language of messages, decided the same way in the CLI, the server and the extension:
 * what the user asked for (a flag or setting), else the configuration's, else Swedish — the
 * language of the documents, whatever the editor's interface speaks.
 */
export function messageLanguage(requested: Language | 'auto' | undefined, configured: Language | undefined): Language {
  if (requested === 'sv' || requested === 'en') return requested;
  return configured ?? 'sv';
}

let version: string | undefined;

/** policylint's version, from its own package.json (not from the environment npm sets). */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(join(dirname(findRulesDirectory()), 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
