// Rough word frequencies (occurrences per million words) of general written Swedish in the
// register of public-sector documents, rounded from published frequency lists and common
// knowledge of the language. Not derived from any test document. Used only to choose
// between a word and its diacritic twin ("for"/"för", "ar"/"är"/"år") when a text has lost
// its å/ä/ö, and to rank several dictionary-valid repairs.
import { COMMON_INFINITIVES, commonWordFrequencies } from './commonWords.js';

export const isCommonInfinitive = (word: string) => COMMON_INFINITIVES.has(word.toLowerCase());

const PER_MILLION: Readonly<Record<string, number>> = {
  // function words and very common words with å/ä/ö
  är: 20000,
  på: 14000,
  för: 13000,
  så: 6000,
  från: 4000,
  än: 2000,
  när: 2500,
  också: 2500,
  då: 2500,
  där: 2000,
  här: 2500,
  år: 2000,
  får: 2000,
  över: 1800,
  måste: 1500,
  gör: 1500,
  någon: 1200,
  något: 1200,
  går: 1200,
  få: 1100,
  många: 1000,
  även: 1000,
  några: 900,
  gå: 800,
  både: 700,
  åt: 600,
  väl: 600,
  fått: 600,
  därför: 600,
  själv: 600,
  ändå: 500,
  sätt: 500,
  vår: 500,
  gång: 500,
  står: 400,
  våra: 400,
  båda: 400,
  före: 400,
  världen: 400,
  bör: 300,
  vårt: 300,
  stå: 300,
  små: 300,
  stöd: 300,
  hålla: 300,
  större: 300,
  möte: 200,
  mål: 200,
  målet: 200,
  sådan: 200,
  året: 200,
  åren: 200,
  bästa: 200,
  värde: 200,
  läge: 200,
  låter: 200,
  väg: 200,
  vägen: 200,
  två: 2000,
  föra: 150,
  hög: 150,
  högre: 150,
  möjlighet: 150,
  länder: 150,
  därmed: 150,
  åter: 100,
  möta: 100,
  öka: 100,
  ökar: 100,
  krävs: 80,
  kräver: 80,
  såväl: 80,
  ålder: 50,
  ökad: 50,
  årets: 50,
  störst: 50,
  rör: 50,
  // plain words that compete with a diacritic twin
  var: 6000,
  vara: 5000,
  man: 4000,
  sa: 1500,
  stod: 50,
  far: 200,
  vart: 100,
  bor: 100,
  for: 100,
  over: 20,
  later: 30,
  starka: 150,
  rad: 300,
  lag: 300,
  fort: 100,
  mal: 5,
  malet: 2,
  ar: 1,
  dar: 1,
  basta: 5,
  varde: 1,
  bada: 20,
  bade: 5,
  mota: 5,
  fora: 5,
  ror: 5,
  an: 50,
  aret: 1,
  aren: 1,
  ater: 1,
  arets: 1,
  har: 10000,
  val: 300,
  satt: 300,
  anda: 50,
  vag: 20,
  fatt: 5,
  manga: 1,
  kravs: 2,
};

const COMMON = commonWordFrequencies();

/** Frequency per million, or 0 when the word is in neither table. Case-insensitive. */
export function wordFrequency(word: string): number {
  const lower = word.toLowerCase();
  return PER_MILLION[lower] ?? COMMON.get(lower) ?? 0;
}

/**
 * Words after which an infinitive follows: "att", modal verbs, "kommer (att)". Compared
 * without diacritics, as an OCR text shows them ("maste", "bor", "fa").
 */
export function expectsInfinitive(previousWord: string | undefined): boolean {
  return !!previousWord && /^(?:att|ska|skall|kan|kunna|vill|bor|maste|fa|far|bora|skulle|kunde|ville|borde|behover|brukar|forsoka|forsoker|bidra|bidrar)$/iu.test(foldDiacritics(previousWord));
}

/**
 * Words after which "ar" means "år" (year) rather than "är": numbers, "per", "varje",
 * "i" ("i år"), ordinals. General Swedish collocations.
 */
export function prefersYear(previousWord: string | undefined, nextWord?: string): boolean {
  // "år 2030", "år 2019–2024": a year number follows.
  if (nextWord && /^(?:1[89]|20)\d\d\b/u.test(nextWord)) return true;
  if (!previousWord) return false;
  // Compared without diacritics: in an OCR text the previous word has lost them too.
  return (
    /^(?:\d+|per|varje|i|om|forra|nasta|samma|hela|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|manga|nagra|flera|vart|senare|tidigare|kommande|senaste|andra|tredje|fjarde|femte|sjatte|sjunde|attonde|nionde|tionde|foregaende|innevarande|under|halvt|ettarigt)$/iu.test(
      foldDiacritics(previousWord),
    ) || /^\d+[-–]\d+$/u.test(previousWord)
  );
}

/** "vart fjärde år", "vart annat": distributive "vart" that must not become "vårt". */
export function isDistributiveVart(nextWord: string | undefined): boolean {
  // Compared without diacritics: in an OCR text the next word has lost them too.
  return !!nextWord && /^(?:annat|tredje|fjarde|femte|sjatte|sjunde|attonde|nionde|tionde)$/iu.test(foldDiacritics(nextWord));
}

/**
 * "vart än det leder", "vart det tar vägen", "vart ska vi": "vart" asks where to; "vårt"
 * ("our") is followed by its noun, never by a pronoun, "än" or a verb like these.
 */
export function isInterrogativeVart(nextWord: string | undefined): boolean {
  return !!nextWord && /^(?:an|det|den|de|du|jag|han|hon|vi|ni|man|ska|skall|vill|kan|tar|gar|leder|som)$/iu.test(foldDiacritics(nextWord));
}

/** "fjärde", "fjaerde" → "fjarde": what an OCR text without å/ä/ö would show. */
export function foldDiacritics(word: string): string {
  // Typed with digraphs ("fjaerde", "naesta", "foeregaaende"), the same words.
  return word
    .replace(/[åä]/gu, 'a')
    .replace(/[ÅÄ]/gu, 'A')
    .replace(/ö/gu, 'o')
    .replace(/Ö/gu, 'O')
    .replace(/a[ae]/giu, (d) => d[0]!)
    .replace(/oe/giu, (d) => d[0]!);
}
