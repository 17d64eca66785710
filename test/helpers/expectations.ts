/**
 * Expected hits marked inline in fixture Markdown, as markdownlint's tests do:
 *
 *   Texten skall vara klar. <!-- expect: skall[replace] -->
 *   # Titel <!-- expect: adoption[missing], review-cycle[missing] -->
 *
 * A marker names the rules that must report a diagnostic starting on its line, each with the
 * message key it must report (in brackets). A rule named twice must report twice: hits are
 * counted, not collapsed.
 */
export interface Expected {
  line: number;
  ruleId: string;
  /** The finding's message key ("missing", "partial", "replace" …). */
  messageKey?: string;
}

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const ENTRY = /^([a-z][a-z0-9-]*)(?:\[([\w-]+)\])?$/;

export function expectedHits(text: string): Expected[] {
  const out: Expected[] = [];
  text.split(/\r?\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      for (const entry of m[1]!.split(/[\s,]+/).filter(Boolean)) {
        const parsed = ENTRY.exec(entry);
        if (!parsed) throw new Error(`line ${i + 1}: cannot read the marker entry "${entry}"`);
        out.push({ line: i + 1, ruleId: parsed[1]!, ...(parsed[2] ? { messageKey: parsed[2] } : {}) });
      }
    }
  });
  return out;
}

export function key(e: Expected): string {
  return `${e.line}:${e.ruleId}${e.messageKey ? `[${e.messageKey}]` : ''}`;
}
