/**
 * What policylint colours in a governing document: obligation words, bodies, review intervals,
 * follow-up frequencies, dates, § references and case numbers. One definition for two
 * consumers: the language server's semantic tokens (only in documents it lints, so other
 * Markdown stays uncoloured) and the TextMate grammar that scripts/generate-grammar.ts writes
 * into syntaxes/ for tools that colour by TextMate scopes.
 *
 * Sources are written for both regular expression engines: Oniguruma (TextMate) and
 * JavaScript with the `u` flag. Case-insensitivity is a flag, not an inline `(?i)`, which
 * JavaScript lacks; the grammar writer adds `(?i)` itself.
 */

/** The standard LSP token type each kind maps to, so clients colour it without configuration. */
export type HighlightTokenType = 'keyword' | 'type' | 'string' | 'number';

export interface HighlightPattern {
  /** The grammar's repository key, and what the pattern is for. */
  group: 'obligation' | 'body' | 'interval' | 'frequency' | 'date' | 'paragraph-reference' | 'diarienummer';
  /** The TextMate scope (the grammar) and the scope VS Code themes colour the token by. */
  scope: string;
  tokenType: HighlightTokenType;
  /** Token modifiers: `archaic` marks "skall" (rule skall). */
  modifiers: readonly string[];
  source: string;
  ignoreCase: boolean;
}

/** The phrase syntax of rules/vocabulary/bodies.yml (`*` continues a word). */
export interface BodyPhrases {
  known: readonly { patterns: readonly string[] }[];
}

const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';
/** A case number ends where a date would go on: "KS 2024-09-09" is a body and a date. */
const CASE_END = '(?![\\p{L}\\p{N}_]|[/:.-]\\d)';
const word = (inner: string): string => `${BEFORE}(?:${inner})${AFTER}`;

/** Grammar order: at the same position the earlier pattern wins ("KS 2024/512" is a case number). */
export const GROUP_ORDER: readonly HighlightPattern['group'][] = ['diarienummer', 'paragraph-reference', 'date', 'interval', 'frequency', 'body', 'obligation'];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The body phrases as one expression. `kommunstyrelse*` → "kommunstyrelse" then letters,
 * spaces → any whitespace; the phrases with a leading `*` share one "letters, then one of
 * these endings" branch (40 branches that each rescan the word made the expression ~30 times
 * slower), which also takes a coordinated first part along ("barn- och utbildningsnämnden").
 */
export function bodyPhrasesSource(phrases: readonly string[]): string {
  const core = (phrase: string): string =>
    phrase
      .replace(/^\*|\*$/g, '')
      .split(/\s+/)
      .map(escape)
      .join('\\s+');
  const suffix = (phrase: string): string => (phrase.endsWith('*') ? '\\p{L}*' : '');
  const byLength = (a: string, b: string): number => b.length - a.length || a.localeCompare(b);
  const whole = phrases
    .filter((p) => !p.startsWith('*'))
    .sort(byLength)
    .map((p) => core(p) + suffix(p));
  const endings = phrases
    .filter((p) => p.startsWith('*'))
    .sort(byLength)
    .map((p) => core(p) + suffix(p));
  const branches = [...whole];
  if (endings.length) branches.push(`(?:\\p{L}+-\\s(?:och|eller)\\s)?\\p{L}*(?:${endings.join('|')})`);
  return branches.join('|');
}

const isAbbreviation = (phrase: string): boolean => /^\p{Lu}{2,}$/u.test(phrase);

/** The patterns, with the body list built from the bodies data (known bodies only). */
export function highlightPatterns(bodies: BodyPhrases): HighlightPattern[] {
  const phrases = [...new Set(bodies.known.flatMap((b) => b.patterns))];
  // Longest first, so that "kommunstyrelsens arbetsutskott" wins over "kommunstyrelse*".
  const words = phrases.filter((p) => !isAbbreviation(p));
  const abbreviations = phrases.filter(isAbbreviation).sort((a, b) => b.length - a.length || a.localeCompare(b));
  const p = (group: HighlightPattern['group'], scope: string, tokenType: HighlightTokenType, source: string, ignoreCase: boolean, modifiers: string[] = []): HighlightPattern => ({
    group,
    scope,
    tokenType,
    modifiers,
    source,
    ignoreCase,
  });
  const patterns: HighlightPattern[] = [
    p(
      'diarienummer',
      'constant.other.reference.diarienummer.policylint',
      'number',
      `${BEFORE}(?:(?:[Dd][Nn][Rr]|[Dd]iarienr|[Dd]iarienummer)\\.?:?\\s*)?\\p{Lu}{2,5}\\s?(?:19|20)\\d{2}[/:.-]\\d{1,5}${CASE_END}`,
      false,
    ),
    p('diarienummer', 'constant.other.reference.diarienummer.policylint', 'number', `${BEFORE}(?:dnr|diarienr)\\.?:?\\s*(?:19|20)\\d{2}[/:.-]\\d{1,5}${CASE_END}`, true),
    p('paragraph-reference', 'constant.other.reference.paragraph.policylint', 'number', `§§?\\s*\\d+(?:\\s*[–-]\\s*\\d+)?(?:\\s+[a-z])?${AFTER}`, false),
    p('paragraph-reference', 'constant.other.reference.paragraph.policylint', 'number', `${BEFORE}\\d+(?:\\s*[a-z])?\\s+§`, false),
    p('date', 'constant.numeric.date.policylint', 'number', word('\\d{4}-\\d{2}-\\d{2}'), false),
    p('date', 'constant.numeric.date.policylint', 'number', word('\\d{1,2}\\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\\s+\\d{4}'), true),
    p('date', 'constant.numeric.date.period.policylint', 'number', word('(?:19|20)\\d{2}\\s?[–-]\\s?(?:19|20)?\\d{2}'), false),
    p(
      'interval',
      'string.other.interval.policylint',
      'string',
      word(
        '(?:vart|var|varje)\\s+(?:andra|tredje|fjärde|femte)\\s+år|vartannat\\s+år|varannat\\s+år|(?:varje|per|varje\\s+ny|en\\s+gång\\s+per|en\\s+gång\\s+varje|inför\\s+varje(?:\\s+ny)?)\\s+mandatperiod|(?:under|i\\s+början\\s+av|efter(?:\\s+varje)?)\\s+mandatperiod(?:en)?|senast\\s+(?:ett|två)\\s+år\\s+efter(?:\\s+varje|\\s+ett)?\\s+(?:val|valet|valår)',
      ),
      true,
    ),
    p(
      'frequency',
      'string.other.frequency.policylint',
      'string',
      word(
        'årligen|årsvis|halvårsvis|kvartalsvis|månadsvis|tertialvis|(?:varje|var)\\s+år|(?:en|två)\\s+(?:gång|gånger)\\s+(?:per|om|varje|i)\\s+(?:år|året|halvår|månad|kvartal|tertial|mandatperiod)|(?:varje|vart|per)\\s+(?:halvår|tertial|kvartal|månad)|löpande\\s+under\\s+året|i\\s+(?:samband\\s+med\\s+(?:den\\s+|kommunens\\s+)?)?(?:årsredovisning(?:en)?|verksamhetsberättelse(?:n)?|delårsrapport(?:en)?|årsbokslut(?:et)?)',
      ),
      true,
    ),
    p('body', 'entity.name.type.body.policylint', 'type', word(bodyPhrasesSource(words)), true),
    p('body', 'entity.name.type.body.policylint', 'type', word(abbreviations.map(escape).join('|')), false),
    p('obligation', 'keyword.other.obligation.archaic.policylint', 'keyword', word('skall'), true, ['archaic']),
    p('obligation', 'keyword.other.obligation.policylint', 'keyword', word('ska|bör|får|måste|åligger'), true),
  ];
  return patterns.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
}
