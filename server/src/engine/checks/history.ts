/**
 * Does a sentence speak about the time before a name changed? Old names are right in history
 * ("Landstinget Dalarna antog 2005 en plan", "Ungdomsstyrelsen bytte 2015 namn"): such
 * sentences are never rewritten. `past` means certainly about the past (leave it alone);
 * `maybe` means a past or perfect tense without a date (offer the new name, never apply it).
 */
export type Tense = 'present' | 'maybe' | 'past';

/** Words that put a name in the past or say the text already knows the new one. */
const PAST_MARKERS =
  /(?<![\p{L}\p{N}])(?:bytte|byter|bytt|ändrade)(?:\s+\S+){0,3}?\s+namn|(?<![\p{L}\p{N}])(?:hette|tidigare|dåvarande|före detta|f\.\s?d\.|numera|nuvarande|sedermera|ersattes|ombildades|uppgick|uppgått|slogs (?:ihop|samman)|lades (?:ned|ner)|avvecklades|fram till|historik|historiskt)(?![\p{L}\p{N}])/iu;

/** Common past-tense verbs of municipal reports (weak -ade verbs are too often adjectives). */
const PRETERITE = new Set(
  'var hade fick gav tog antog blev gjorde kom gick såg fanns stod sade sa bildades grundades startade inledde beviljade beslutade genomförde arrangerade finansierade deltog bidrog stödde anordnade skickade bjöd medverkade ansökte ansvarade samarbetade drev ledde utsåg tilldelade fördelade'.split(
    ' ',
  ),
);

/** Perfect tense ("har under flera år deltagit", "har gett"): something that happened before now. */
const PERFECT = /(?<![\p{L}])(?:har|hade)(?:\s+\p{L}+){0,3}?\s+\p{L}{2,}(?:it|at|tt|ort|ett|ått)(?![\p{L}])/iu;

const YEAR = /(?<![\p{N}])(1[89]\d\d|20\d\d)(?![\p{N}])/gu;

export function tenseOf(sentence: string, since: string | undefined): Tense {
  if (PAST_MARKERS.test(sentence)) return 'past';
  if (since) {
    const changed = Number(since.slice(0, 4));
    const years = [...sentence.matchAll(YEAR)].map((m) => Number(m[1]));
    if (years.length > 0 && years.every((y) => y < changed)) return 'past';
  }
  if (PERFECT.test(sentence)) return 'maybe';
  for (const word of sentence.toLowerCase().split(/[^\p{L}]+/u)) if (PRETERITE.has(word)) return 'maybe';
  return 'present';
}
