// How a phrase pattern is read, shared by the compiler (pattern.ts) and the prefilter
// (fragments.ts), which must read a pattern exactly as the compiler does.

export type Vocabulary = Readonly<Record<string, readonly string[]>>;

export class PatternError extends Error {}

/** Word slots, with a bracketed run of them ("[för ...]") as one optional group. */
export type Part = { slot: string } | { optional: string[] };

export function parts(pattern: string): Part[] {
  const out: Part[] = [];
  let group: string[] | undefined;
  for (const word of pattern.trim().split(/\s+/).filter(Boolean)) {
    const opens = word.startsWith('[');
    const closes = word.endsWith(']');
    if (group) {
      if (opens) throw new PatternError(`nästlade [ ] i "${pattern}" / nested [ ] in "${pattern}"`);
      group.push(closes ? word.slice(0, -1) : word);
      if (closes) {
        out.push({ optional: group });
        group = undefined;
      }
    } else if (opens && closes && word.length > 2) out.push({ optional: [word.slice(1, -1)] });
    else if (opens) group = [word.slice(1)];
    else out.push({ slot: word });
  }
  if (group) throw new PatternError(`"[" utan "]" i "${pattern}" / unclosed [ in "${pattern}"`);
  return out;
}
