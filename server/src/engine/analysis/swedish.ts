import type { SwedishWords } from '../rules/model.js';

/** The expressions the fact readers build from rules/vocabulary/swedish.yml, once per rule set. */
export interface SwedishPatterns {
  /** A sentence that continues the one before it ("Den redovisas …"). */
  continuation: RegExp;
  /** A fronted adverbial at the start of a clause ("Vid besök …"). */
  fronted: RegExp;
  /** Where a clause starts: punctuation or a clause-opening word (global: scan with exec). */
  clauseBreak: RegExp;
  /** "Denna policy gäller för X": group 1 is X. */
  scope: RegExp;
  /** "Strategin ersätter X": group 1 is X. */
  replaces: RegExp;
  /** A word that is never a body's name. */
  notName: RegExp;
  /** A word that may stand before an adoption verb without naming another document. */
  filler: RegExp;
}

const cache = new WeakMap<SwedishWords, SwedishPatterns>();

/** Alternatives matching the words literally; a space in a phrase matches any white space. */
function alternatives(words: readonly string[]): string {
  return words
    .map((w) =>
      w
        .trim()
        .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        .replace(/\s+/g, String.raw`\s+`),
    )
    .join('|');
}

export function swedishPatterns(words: SwedishWords): SwedishPatterns {
  let patterns = cache.get(words);
  if (patterns) return patterns;
  const self = alternatives(words.selfReferences);
  patterns = {
    continuation: new RegExp(`^(?:${alternatives(words.continuation)})(?![\\p{L}])`, 'iu'),
    fronted: new RegExp(`^(?:${alternatives(words.fronted)})(?![\\p{L}])`, 'iu'),
    clauseBreak: new RegExp(`[,;:()–]|\\s(?:${alternatives(words.clauseBreaks)})\\s`, 'giu'),
    scope: new RegExp(String.raw`^(?:${self})(?:\s+[\p{L}-]+){0,3}?\s+(?:gäller|omfattar)\s+(?:för\s+)?(.+)$`, 'iu'),
    replaces: new RegExp(String.raw`^(?:${self})(?:\s+[\p{L}-]+){0,3}?\s+ersätter\s+(.+)$`, 'iu'),
    notName: new RegExp(`^(?:${alternatives(words.notNames)})$`, 'iu'),
    filler: new RegExp(String.raw`^(?:${alternatives(words.adoptionFiller)}|\d+(?:\.\d+)*)$`, 'iu'),
  };
  cache.set(words, patterns);
  return patterns;
}
