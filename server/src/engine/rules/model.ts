import type { Bilingual, Severity, SourceRef } from '../types.js';

/** The shapes of the files in `rules/`, after validation against rules/schema/. */

export interface SectionDefinition {
  id: string;
  title: Bilingual;
  headings: string[];
  snippet: string;
}

export interface BodyDefinition {
  name: string;
  patterns: string[];
  sv: string;
  en: string;
}

export interface BodiesFile {
  known: BodyDefinition[];
  vague: string[];
  organisationSuffixes: string[];
}

/** One kind of governing document (rules/vocabulary/document-types.yml). */
export interface DocumentTypeDefinition {
  /** The type as front matter, configuration and presets write it ("policy"). */
  id: string;
  /** Words in a title or `typ:` value that name the type, in the order tried. */
  words: string[];
  /** How the document names itself ("strategin"), lower case. */
  definite: string;
  /** The title a new document of the type starts with. */
  title: string;
}

export interface DocumentTypesFile {
  types: DocumentTypeDefinition[];
  /** What requiredFor calls a document whose type nothing states. */
  unknown: string;
}

/** Plain Swedish words the fact readers use (rules/vocabulary/swedish.yml); see that file. */
export interface SwedishWords {
  continuation: string[];
  fronted: string[];
  clauseBreaks: string[];
  selfReferences: string[];
  notNames: string[];
  adoptionFiller: string[];
}

export interface IntervalDefinition {
  pattern: string;
  years: number;
}

export interface IntervalsFile {
  intervals: IntervalDefinition[];
  frequencies: string[];
}

/** Checks the engine knows. Adding a rule of an existing kind needs no code. */
export type CheckDefinition =
  | AdoptionCheck
  | StatementCheck
  | ResponsibilityCheck
  | SectionCheck
  | PeriodCheck
  | ReplaceCheck
  | OverdueCheck
  | PlaceholderCheck
  | { kind: 'language-of-parts' }
  | { kind: 'spelling' }
  | { kind: 'ocr' }
  | ReadabilityCheck
  | SentenceLengthCheck
  | ListedCheck
  | AbbreviationCheck
  | NumberFormatCheck
  | HeadingOrderCheck
  | LinkTextCheck
  | ImageAltCheck
  | TableHeaderCheck
  | AgendaGoalCheck;

export interface AdoptionCheck {
  kind: 'adoption';
  /** Passive forms that state adoption ("antagen av", "beslutad i"); a body and a date go with them. */
  verbs: string[];
  /** Active forms ("kommunfullmäktige antog policyn"): the object must be this document. */
  activeVerbs?: string[];
  /** How a document names itself ("policyn", "denna strategi"): its own adoption, not a vision's. */
  ownDocument?: string[];
}

export interface StatementCheck {
  kind: 'statement';
  /** One of these must occur in a sentence for it to count as an attempt. */
  triggers: string[];
  /** Each named part must also occur (in the sentence or the next one in its paragraph). */
  parts: Record<string, string[]>;
  /** A sentence with one of these does not count at all. */
  exclude?: string[];
  /** When given, a trigger counts only if the sentence is about one of these. */
  topics?: string[];
  /** Front matter keys that satisfy the check on their own. */
  metadata?: string[];
  /** Which governance fact the statements are (facts/): review or follow-up. */
  fact?: 'review' | 'follow-up';
  /** Phrases that give no cycle on their own ("vid behov"): reported by name. */
  asNeeded?: string[];
  /** Cadences policylint sees but cannot read ("regelbundet"): a warning, not an error. */
  unclear?: string[];
  /** Off-topic statements about these never count ("kommunens ekonomi följs upp varje månad"). */
  notTopics?: string[];
  /** Subjects that make a statement about something else ("handlingsplanen uppdateras årligen"). */
  otherSubjects?: string[];
}

export interface ResponsibilityCheck {
  kind: 'responsibility';
  /** Verbs whose actor stands before them ("Kommunstyrelsen ansvarar för"). */
  actorBefore: string[];
  /** Phrases whose actor follows them ("ansvaret ligger hos", "leds av"). */
  actorAfter: string[];
  /** Words near an organisation name that define it ("består av", "uppgift"). */
  definitionCues: string[];
}

export interface SectionCheck {
  kind: 'section';
  /** Metadata keys (front matter, metadata table) that count as the section. */
  metadata?: string[];
  /** Sentences that count as the section even without a heading. */
  statements?: string[];
  /** Document types that need the section by default (configurable per repository). */
  requiredFor: string[];
  /** Minimum words of content below the heading. */
  minWords?: number;
}

export interface PeriodCheck {
  kind: 'period';
}

export interface ReplaceCheck {
  kind: 'replace';
  /** The words to replace, each with its replacement. */
  entries: ReplaceEntry[];
}

export interface ReplaceEntry {
  /** Phrase pattern of the word or phrase to replace. */
  match: string;
  /** The text to put in its place (the finding's fix); matched capitals are kept. */
  replacement: string;
  /** Why, shown with the finding. */
  note?: Bilingual;
  /** When the change took effect, for the message. */
  since?: string;
}

export interface PlaceholderCheck {
  kind: 'placeholder';
  /** Regular expressions (JavaScript, Unicode) for template text; `^` is a sentence's start. */
  patterns: string[];
  /** Values of `status` (front matter, metadata or a status line) that mark a draft. */
  draftStatus: string[];
}

export interface OverdueCheck {
  kind: 'overdue';
  /** The rule whose statement tells the cycle. */
  cycleRule: string;
}

export interface ReadabilityCheck {
  kind: 'readability';
  /** LIX above this is reported (option `ceiling`). */
  ceiling: number;
  /** Sections with fewer words of running text are not judged on their own (option `minWords`). */
  minWords: number;
  /** Report sections as well as the document (option `sections`). */
  sections: boolean;
}

export interface SentenceLengthCheck {
  kind: 'sentence-length';
  /** Sentences with more words are reported (option `maxWords`). */
  maxWords: number;
}

/** Words and names to replace, from a dated list in rules/vocabulary/ with a source for each entry. */
export interface ListedCheck {
  kind: 'listed';
  /** File name in rules/vocabulary/ without `.yml`. */
  list: string;
}

export interface AbbreviationCheck {
  kind: 'abbreviation';
  /** File name in rules/vocabulary/ without `.yml`: known abbreviations and glossary headings. */
  list: string;
}

export interface NumberFormatCheck {
  kind: 'number-format';
}

export interface HeadingOrderCheck {
  kind: 'heading-order';
}

export interface LinkTextCheck {
  kind: 'link-text';
  /** Link texts that say nothing about the target ("här", "läs mer"), compared without case and punctuation. */
  vague: string[];
}

export interface ImageAltCheck {
  kind: 'image-alt';
  /** Alternative texts that describe nothing ("bild", "image"). */
  generic: string[];
}

export interface TableHeaderCheck {
  kind: 'table-header';
}

export interface AgendaGoalCheck {
  kind: 'agenda-goal';
  /** File name in rules/vocabulary/ without `.yml`: the goals and their names. */
  list: string;
}

export interface RuleDefinition {
  /** Stable rule id, the file's name without .yml; an interface, never renamed. */
  id: string;
  /** Default severity (error, warning or info); configuration may change it. */
  severity: Severity;
  /** Short name of what is wrong, shown in lists and the documentation. */
  title: Bilingual;
  /** Why the rule exists, in a few sentences; shown on hover and in the documentation. */
  rationale: Bilingual;
  /** The messages the check reports, by message key (missing, partial, replace …); {name} is filled in. */
  messages: Record<string, Bilingual>;
  /** Clauses of rules/sources/ that the rule rests on, each quoted word for word (checked at load). */
  sources: SourceRef[];
  /** Section id in sections.yml where this element belongs; required for a section check. */
  section?: string;
  /** Whether the rule offers a safe fix that --fix applies. */
  fixable?: boolean;
  /** What the engine checks: a kind and that kind's data. */
  check: CheckDefinition;
  /** The file it was loaded from, for error messages. */
  file: string;
}

export interface SourceClause {
  id: string;
  document: string;
  /** Heading path of the clause, e.g. "Uppföljning och utvärdering". */
  section: string;
  text: string;
  /** Line in the source file, 1-based, for links. */
  line: number;
}

export interface SourceDocument {
  id: string;
  municipality: string;
  title: string;
  type?: string;
  adoptedBy?: string;
  adopted?: string;
  paragraph?: string;
  note?: string;
  file: string;
  clauses: Map<string, SourceClause>;
}

export interface MetadataFile {
  labels: Record<string, string[]>;
  /** Status words by the status they state (utkast, förslag, antagen). */
  status?: Record<string, string[]>;
}

export interface RuleSet {
  metadata: MetadataFile;
  /** Words of municipal administration that the dictionary lacks (vocabulary/ordlista.txt). */
  words: string[];
  rules: Map<string, RuleDefinition>;
  sections: SectionDefinition[];
  bodies: BodiesFile;
  intervals: IntervalsFile;
  documentTypes: DocumentTypesFile;
  /** Words of Swedish grammar the fact readers use (vocabulary/swedish.yml). */
  swedish: SwedishWords;
  sources: Map<string, SourceDocument>;
  directory: string;
}
