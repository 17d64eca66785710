// English in a Swedish document (project names, quotations, an English summary): a
// passage without å/ä/ö because it is English, not because OCR lost them. Its "for" is
// English, never "för". Only words that are not also Swedish are counted ("for", "be",
// "is", "at", "an" are both, or an OCR text's "för", "åt", "än").
const ENGLISH_ONLY = new Set(
  (
    'the and of to with that this these those been has have had from which will would it its ' +
    'two three years year our we they their there not or are was were funded funding project projects ' +
    'between through into also such other should must may being who whom whose what when where ' +
    'about after before each both than then them very more some any your you he she his her ' +
    'council municipality strategy programme development international cooperation'
  ).split(' '),
);

export function isEnglishWord(word: string | undefined): boolean {
  return !!word && ENGLISH_ONLY.has(word.toLowerCase());
}

// A passage is English when this share of its words are English-only words; in English
// prose about every third word is one of them, in Swedish prose next to none.
const ENGLISH_SHARE = 0.15;
const MIN_ENGLISH_WORDS = 3;

export function isEnglishPassage(words: readonly string[]): boolean {
  let english = 0;
  for (const w of words) if (ENGLISH_ONLY.has(w.toLowerCase())) english++;
  return english >= MIN_ENGLISH_WORDS && english >= ENGLISH_SHARE * words.length;
}
