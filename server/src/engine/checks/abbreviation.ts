import type { Check } from './context.js';
import { message } from './context.js';
import type { Sentence } from '../document/sentences.js';
import { sentenceRange, sentenceSpan } from '../document/sentences.js';
import { findFirst } from '../match/pattern.js';
import type { AbbreviationCheck } from '../rules/model.js';
import type { Finding } from '../types.js';
import { abbreviationList } from './lists.js';

/** Two to six capitals standing alone ("SKR", "SKR:s", "EU-medel"); not the start of a word in capitals. */
const ABBREVIATION = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;
const ROMAN = /^[IVXLCDM]+$/;
/** "Sveriges Kommuner och Regioner (SKR)", "(förkortat SKR)": the abbreviation is introduced. */
const INTRODUCED_BEFORE = /\((?:förkortat|förkortas|förk\.|nedan|kallad)?\s*$/iu;
/** "SKR (Sveriges Kommuner och Regioner)", "SKR, det vill säga …", "SKR – Sveriges …": spelled out after. */
const SPELLED_AFTER = /^(?::s)?\s*(?:\([^)]*\p{Ll}{3}[^)]*\)|,?\s*(?:det vill säga|dvs\.?|d\.v\.s\.|som står för)\s|\s*[–—]\s+\p{Lu}\p{Ll})/u;

/** A sentence in capitals (a shouted heading, a scanned cover page) is not a run of abbreviations. */
function mostlyCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters > 0 && capitals / letters > 0.5;
}

interface Use {
  sentence: Sentence;
  index: number;
  end: number;
  explained: boolean;
}

/** An abbreviation in one sentence, with what the sentence itself says about it. */
interface Candidate {
  word: string;
  index: number;
  end: number;
  explained: boolean;
  /** In a quotation, a URL or code: not the document's own wording. */
  protected: boolean;
}

interface SentenceScan {
  /** The sentence is mostly capitals: a shouted heading or a scanned cover page. */
  shouting: boolean;
  candidates: Candidate[];
}

/** What one sentence holds; independent of the configuration, so editors keep it with the sentence. */
function scanSentence(sentence: Sentence): SentenceScan {
  const candidates: Candidate[] = [];
  for (const m of sentence.text.matchAll(ABBREVIATION)) {
    const word = m[0];
    if (ROMAN.test(word)) continue;
    const end = m.index + word.length;
    const span = sentenceSpan(sentence, m.index, end);
    const explained = INTRODUCED_BEFORE.test(sentence.text.slice(Math.max(0, m.index - 12), m.index)) || SPELLED_AFTER.test(sentence.text.slice(end, end + 80));
    candidates.push({ word, index: m.index, end, explained, protected: span === 'literal' || span === 'quoted' });
  }
  return { shouting: candidates.length > 0 && mostlyCapitals(sentence.text), candidates };
}

const SCAN = 'abbreviation:scan';

/**
 * An abbreviation in capitals is spelled out where it is first used, or listed in a glossary
 * section, unless every reader knows it (EU, FN, KS and KF in a municipal document …).
 */
export const checkAbbreviation: Check = (rule, ctx) => {
  const list = abbreviationList(ctx.ruleSet, (rule.check as AbbreviationCheck).list);
  const known = new Set([...list.known, ...ctx.words.filter((w) => /^\p{Lu}{2,}$/u.test(w))]);
  const glossary = ctx.patterns.get(list.glossaryHeadings);
  const glossaryBlocks = new Set<number>();
  for (const section of ctx.sections) {
    const m = findFirst(glossary, section.heading.text);
    if (m && m.index === 0) for (const b of section.blocks) glossaryBlocks.add(b);
  }
  const inGlossary = new Set<string>();
  const first = new Map<string, Use>();
  const explainedLater = new Set<string>();
  const cache = ctx.blockCache;
  for (const sentence of ctx.doc.sentences) {
    const scan = cache ? cache.ofSentence(sentence, SCAN, scanSentence) : scanSentence(sentence);
    if (scan.candidates.length === 0) continue;
    const glossed = glossaryBlocks.has(sentence.block);
    if (!glossed && scan.shouting) continue;
    for (const c of scan.candidates) {
      if (known.has(c.word)) continue;
      if (glossed) {
        inGlossary.add(c.word);
        continue;
      }
      if (c.protected) continue;
      if (!first.has(c.word)) first.set(c.word, { sentence, index: c.index, end: c.end, explained: c.explained });
      else if (c.explained) explainedLater.add(c.word);
    }
  }
  const findings: Finding[] = [];
  for (const [word, use] of first) {
    if (use.explained || inGlossary.has(word)) continue;
    const key = explainedLater.has(word) ? 'late' : 'unexplained';
    findings.push({ ruleId: rule.id, range: sentenceRange(use.sentence, use.index, use.end), message: message(rule, key, { abbreviation: word }), data: { abbreviation: word } });
  }
  return findings.sort((a, b) => a.range.start - b.range.start);
};
