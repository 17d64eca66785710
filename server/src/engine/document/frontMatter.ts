// Most front matters are a few `key: value` lines of text ("beslutad-av: kommunstyrelsen",
// `paragraf: "§ 8"`). Those are read here directly; the YAML parser costs about half a
// millisecond each, a tenth of a short draft's parse. Anything else, or anything YAML could
// read as other than a string (null, true, numbers, comments, lists, duplicate keys, quotes
// with escapes), is left to the YAML parser: the result is always what it would return
// (test/engine/frontMatter.test.ts compares both).

/** A key YAML reads as itself: a letter first, then letters, digits, "-" and "_" (not too long for an implicit key). */
const KEY = /^\p{L}[\p{L}\p{N}_-]{0,99}$/u;
/** Plain text YAML reads as a string: a letter first, then words and common punctuation, no ":" or "#". */
const PLAIN = /^\p{L}[\p{L}\p{N}.,;()/§%&'’–-]*(?: [\p{L}\p{N}.,;()/§%&'’–-]+)*$/u;
/** An ISO date: a string in YAML 1.2 (the yaml package's default). */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DOUBLE_QUOTED = /^"([^"\\\p{Cc}\p{Zl}\p{Zp}\uFEFF]*)"$/u;
const SINGLE_QUOTED = /^'([^'\p{Cc}\p{Zl}\p{Zp}\uFEFF]*)'$/u;
/** Words YAML 1.2's core schema reads as null or a boolean. */
const RESERVED = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * The mapping of a front matter made only of `key: text` lines, as the yaml package would
 * parse it; `undefined` when it is anything else (then parse it with YAML).
 */
export function simpleFrontMatter(source: string): Record<string, string> | undefined {
  if (source.length === 0) return undefined;
  const data: Record<string, string> = {};
  const keys = new Set<string>();
  for (const line of source.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) return undefined;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 2);
    if (!KEY.test(key) || RESERVED.test(key) || keys.has(key)) return undefined;
    let text: string | undefined;
    if (value.startsWith('"')) text = DOUBLE_QUOTED.exec(value)?.[1];
    else if (value.startsWith("'")) text = SINGLE_QUOTED.exec(value)?.[1];
    else if (DATE.test(value) || (PLAIN.test(value) && !RESERVED.test(value))) text = value;
    if (text === undefined) return undefined;
    keys.add(key);
    data[key] = text;
  }
  return data;
}
