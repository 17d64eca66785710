/**
 * Expected hits marked inline in fixture Markdown, as markdownlint's tests do:
 *
 *   Texten skall vara klar. <!-- expect: skall -->
 *   # Titel <!-- expect: adoption, review-cycle -->
 *
 * A marker names the rules that must report a diagnostic starting on its line.
 */
export interface Expected {
  line: number;
  ruleId: string;
}

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

export function expectedHits(text: string): Expected[] {
  const out: Expected[] = [];
  text.split(/\r?\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) out.push({ line: i + 1, ruleId: id });
    }
  });
  return out;
}

export function key(e: Expected): string {
  return `${e.line}:${e.ruleId}`;
}
