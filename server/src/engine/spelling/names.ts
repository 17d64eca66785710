// Names in Swedish prose that no dictionary holds: organisations and places abroad ("North
// Sweden European Office", "Kongsvinger", "Saarikoski") and the municipality the document is
// about. An unknown word written with a capital where Swedish writes lowercase is a name far
// more often than a misspelling: it is noted at info level, not warned about.
import type { Token } from './tokens.js';

/** Lowercase words that join the capitalised words of a name ("Covenant of Mayors for Climate and Energy"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'de', 'du', 'la', 'le', 'der', 'die', 'für', 'und', 'och', '&']);

const CAPITALISED = /^\p{Lu}/u;
const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:(?:\p{Ll}{1,3}\.){2,4}|(?:ca|inkl|resp|enl|jfr|dvs|exkl|kl|nr|ang)\.)$/u;

export function isCapitalised(word: string): boolean {
  return CAPITALISED.test(word);
}

/** Does a sentence start at `start`: nothing before it in the passage but a sentence end or a list number? */
export function isSentenceInitial(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).trimEnd();
  if (before === '') return start < 12 || text.slice(0, start).trim() === '';
  // "bl.a. Finnskogleden", "t.ex. Kongsvinger": an abbreviation's period ends no sentence.
  if (ABBREVIATION_BEFORE.test(before)) return false;
  return /(?:[.!?:;…•*–—-]|^\d+[.)]|\s\d+[.)])$/u.test(before);
}

/**
 * Is the word token at `index` part of a run of two or more capitalised words (joined by
 * spaces, hyphens and the joiners above)? "North Sweden European Office", "Bad Schwartau".
 */
export function inCapitalisedRun(text: string, tokens: readonly Token[], index: number): boolean {
  const adjacent = (a: Token, b: Token) => /^[\s\-–]{1,3}$/u.test(text.slice(a.end, b.start)) || /^[\s]+[’']?$/u.test(text.slice(a.end, b.start));
  const capitalAt = (i: number) => tokens[i]?.kind === 'word' && isCapitalised(tokens[i].text);
  // Walk left and right over joiners to the nearest word; a neighbour that is capitalised makes a run.
  for (const step of [-1, 1]) {
    let i = index;
    for (let hops = 0; hops < 3; hops++) {
      const j = i + step;
      const a = tokens[Math.min(i, j)],
        b = tokens[Math.max(i, j)];
      if (!a || !b || a.kind !== 'word' || b.kind !== 'word' || !adjacent(a, b)) break;
      if (capitalAt(j)) {
        // "Kongsvinger. Saarikoski" is two sentences, not one name: the gap holds no period here (adjacent).
        return true;
      }
      if (!NAME_JOINERS.has(tokens[j]!.text.toLowerCase())) break;
      i = j;
    }
  }
  return false;
}

/**
 * Names of the municipality (or town, region) the document names itself: "… för Vänersby
 * kommun", "Strandviks kommun", "Kongsvinger kommune". Both the name and its genitive are known.
 */
export function municipalityNames(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}-]*\p{L})\s+(?:kommuns?|kommune[ns]?|stads?|regions?)(?![\p{L}])/gu)) {
    const name = m[1]!;
    const base = name.endsWith('s') ? name.slice(0, -1) : name;
    found.add(name);
    found.add(base);
    found.add(`${base}s`);
  }
  return found;
}

/** A lowercase joiner ("of", "the", "for") between capitalised words of a name ("Union of the Baltic Cities"). */
export function isNameJoiner(text: string, tokens: readonly Token[], index: number): boolean {
  if (!NAME_JOINERS.has(tokens[index]!.text)) return false;
  const joined = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.kind === 'word' && b.kind === 'word' && /^\s{1,2}$/u.test(text.slice(a.end, b.start));
  const capitalOnSide = (step: number): boolean => {
    for (let i = index; ; i += step) {
      const a = tokens[Math.min(i, i + step)],
        b = tokens[Math.max(i, i + step)];
      if (!joined(a, b)) return false;
      const next = tokens[i + step]!;
      if (isCapitalised(next.text)) return true;
      if (!NAME_JOINERS.has(next.text)) return false;
    }
  };
  return capitalOnSide(-1) && capitalOnSide(1);
}
