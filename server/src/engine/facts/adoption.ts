import type { CheckContext } from '../checks/context.js';
import { firstIn } from '../checks/context.js';
import { findDates } from '../analysis/dates.js';
import type { MetadataValue } from '../analysis/metadata.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';
import { findFirst } from '../match/pattern.js';
import type { AdoptionCheck } from '../rules/model.js';
import { findBody } from './bodies.js';
import type { AdoptionFact, FactBase, StatusFact } from './model.js';
import { swedishPatterns } from '../analysis/swedish.js';

const PARAGRAPH = /(?:§\s*\d+(?:\s*[a-z](?![\p{L}]))?|(?<![\p{L}])paragraf\s+\d+)/iu;
const DIARIENUMMER = /(?<![\p{L}])(?:dnr|diarienummer|diarienr|dnr\.)[\s.:]*((?:[\p{Lu}]{1,8}[\s-]?)?\d{2,4}[/.:-]\d{1,5}(?:[/.:-]\d{1,5})?)/iu;
/** A lone year that is no part of a diary number ("KS 2019/123"). */
const YEAR = /(?<![\p{N}/.-])((?:19|20)\d\d)(?![\p{N}/])/u;

/** Parts of an adoption statement found in one text: the fact without where it was read. */
type Parts = Omit<AdoptionFact, keyof FactBase>;

/** The words after "av"/"i" up to a date, §, comma or "den": a body's name policylint may not know. */
function unknownBody(rest: string): string | undefined {
  const m = /^\s*(?:av|i|vid)\s+((?:[\p{L}][\p{L}-]*)(?:\s+(?!den\b|på\b|vid\b|i\b|år\b)[\p{L}][\p{L}-]*){0,3})/u.exec(rest);
  if (!m) return undefined;
  const name = m[1]!.trim();
  return /^(?:den|det|denna|detta|samband|sitt|sin|beslut)$/iu.test(name) ? undefined : name;
}

/** Body, date, § and diary number in a text; `from` is where to prefer the body (after the verb). */
function readParts(text: string, ctx: CheckContext, from = 0): Parts {
  const parts: Parts = { bodyKnown: false };
  const dnr = DIARIENUMMER.exec(text);
  if (dnr) parts.diarienummer = dnr[1]!;
  // "Dnr KS 2019/123" names a register, not the adopting body or a year.
  const withoutDnr = dnr ? text.replace(dnr[0], ' '.repeat(dnr[0].length)) : text;
  const body = findBody(withoutDnr.slice(from), ctx) ?? findBody(withoutDnr, ctx);
  if (body) {
    parts.body = body.text;
    parts.bodyKnown = true;
  } else {
    const name = unknownBody(text.slice(from));
    if (name) parts.body = name;
  }
  // After the verb, else just before it ("2019-03-12 antagen av …"); not from another field further off.
  const window = withoutDnr.slice(Math.max(0, from - 60), from);
  const near = window.slice(Math.max(window.lastIndexOf(':'), window.lastIndexOf('\n')) + 1);
  const date = findDates(withoutDnr.slice(from))[0] ?? findDates(from > 0 ? near : withoutDnr)[0];
  if (date) parts.date = date.iso;
  else {
    const year = YEAR.exec(withoutDnr.slice(from)) ?? YEAR.exec(from > 0 ? near : withoutDnr);
    if (year) {
      parts.date = `${year[1]}-12-31`;
      parts.yearOnly = true;
    }
  }
  const p = PARAGRAPH.exec(text);
  if (p) parts.paragraph = p[0].replace(/^paragraf\s+/iu, '§ ');
  return parts;
}

/**
 * "Antagen av …" states this document's adoption when nothing but the document itself
 * (or filler) stands before the verb; "visionen, som antogs av …" is another document's.
 */
function aboutThisDocument(text: string, verbIndex: number, inHead: boolean, own: RegExp, ctx: CheckContext): boolean {
  let before = text
    .slice(0, verbIndex)
    .replace(/[*_"”“]/g, ' ')
    .trim();
  const clause = before.split(/[;]|\.\s/u);
  before = clause[clause.length - 1]!.trim();
  const relative = /(?:^|[\s,])som\s*(?:senast\s+|ursprungligen\s+)?$/iu.exec(before);
  if (relative) {
    const noun = before.slice(0, relative.index).trim().split(/\s+/).pop() ?? '';
    return findFirst(own, noun) !== undefined;
  }
  if (!before) return true;
  if (findFirst(own, before)?.index === 0) return true;
  // The document names itself right before the verb: "… kommun Strategin antogs av …".
  const lastWord = before.split(/\s+/).pop() ?? '';
  if (/^[\p{Lu}]/u.test(lastWord) && findFirst(own, lastWord)) return true;
  const words = before.split(/[\s,]+/).filter(Boolean);
  // Words that may stand between the start of a clause and the verb without naming another document.
  const filler = swedishPatterns(ctx.ruleSet.swedish).filler;
  const meaningful = words.filter((w) => !filler.test(w));
  if (meaningful.length === 0) return true;
  // In the head (title block, PDF run-on text) a few words before the verb are the title;
  // a body there is the subject of an active verb ("Kommunstyrelsen beslutade … att lämna").
  const titleWords = words.filter((w) => !/\d/.test(w));
  const withoutDnr = before.replace(DIARIENUMMER, ' ');
  return inHead && titleWords.length <= 12 && !findBody(withoutDnr, ctx) && !/(?:^|\s)(?:visionen|översiktsplanen|agenda|budgeten|planen för|lagen|konventionen|FN|EU)(?:\s|$)/iu.test(before);
}

/** The sentence up to the next metadata label after `from`: "Beslutad av KF Beslutad  Reviderad 2021-12-02" gives no date. */
function untilNextLabel(sentence: Sentence, from: number, labels: number[]): string {
  const startAt = sentence.base + (sentence.offsets[Math.min(from, sentence.offsets.length - 1)] ?? 0);
  const next = labels.find((l) => l > startAt);
  if (next === undefined || next >= sentence.end) return sentence.text;
  for (let i = from; i < sentence.text.length; i++) if (sentence.base + sentence.offsets[i]! >= next) return sentence.text.slice(0, i);
  return sentence.text;
}

/** Adoption as stated in running text: passive ("Antagen av KF …") or active ("KF antog policyn …"). */
function fromSentences(ctx: CheckContext, check: AdoptionCheck): { fact: AdoptionFact; complete: boolean }[] {
  const verbs = ctx.patterns.get(check.verbs);
  const active = check.activeVerbs ? ctx.patterns.get(check.activeVerbs) : undefined;
  const own = ctx.patterns.get(check.ownDocument ?? ['policyn']);
  const firstSection = ctx.sections.find((s) => !s.heading.pseudo && (s.heading.depth >= 2 || s.heading.start > ctx.title.start));
  const skip = new Set(ctx.sections.filter((s) => s.id === 'relaterade').flatMap((s) => s.blocks));
  const out: { fact: AdoptionFact; complete: boolean }[] = [];
  const labels = [...ctx.metadata.values()]
    .map((v) => v.labelRange?.start)
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);
  const take = (sentence: Sentence, parts: Parts): void => {
    const fact: AdoptionFact = { ...parts, range: sentenceRange(sentence, 0, sentence.text.trimEnd().length), evidence: sentence.text.trim(), source: 'text' };
    out.push({ fact, complete: Boolean(parts.body && parts.date) });
  };
  for (const sentence of ctx.doc.sentences) {
    if (skip.has(sentence.block)) continue;
    const inHead = !firstSection || sentence.start < firstSection.heading.start;
    const verb = firstIn(ctx, verbs, sentence);
    if (verb && aboutThisDocument(sentence.text, verb.index, inHead, own, ctx)) {
      const parts = readParts(untilNextLabel(sentence, verb.end, labels), ctx, verb.end);
      if (parts.body || parts.date) take(sentence, parts);
      continue;
    }
    const act = active && firstIn(ctx, active, sentence);
    if (act) {
      // "Kommunfullmäktige antog policyn den …": the object must be this document.
      const object = sentence.text.slice(act.end, act.end + 40);
      const obj = findFirst(own, object);
      const subject = findBody(sentence.text.slice(0, act.index), ctx);
      if (obj && obj.index <= 12 && subject) {
        const parts = readParts(sentence.text, ctx, act.end);
        parts.body = subject.text;
        parts.bodyKnown = true;
        // A protocol gives the meeting's date in its header ("Datum: 2025-12-17").
        const meeting = ctx.metadata.get('datum');
        const meetingDate = meeting ? findDates(meeting.value)[0]?.iso : undefined;
        if (!parts.date && meetingDate) parts.date = meetingDate;
        if (!parts.date) delete parts.date;
        take(sentence, parts);
      }
    }
  }
  return out;
}

/** Adoption from front matter and the metadata block ("Beslutad av", "Beslutsdatum", "Beslut"). */
function fromMetadata(metadata: Map<string, MetadataValue>, ctx: CheckContext): AdoptionFact | undefined {
  const byKey = (key: string): MetadataValue | undefined => metadata.get(key);
  const body = byKey('beslutad-av');
  const date = byKey('beslutad');
  const decision = byKey('beslut');
  if (!body && !date && !decision) return undefined;
  const first = body ?? date ?? decision!;
  // The whole field, label included ("Beslutad av: Kommunfullmäktige"), so hover can quote it.
  const range = first.labelRange && first.labelRange.start < first.range.start ? { start: first.labelRange.start, end: first.range.end } : first.range;
  const fact: AdoptionFact = {
    bodyKnown: false,
    range,
    evidence: [body, date, decision]
      .filter(Boolean)
      .map((v) => v!.value)
      .join('; '),
    source: first.origin === 'front-matter' ? 'front-matter' : 'metadata',
  };
  const fill = (parts: Parts): void => {
    if (!fact.body && parts.body) {
      fact.body = parts.body;
      fact.bodyKnown = parts.bodyKnown;
    }
    if (!fact.date && parts.date) {
      fact.date = parts.date;
      if (parts.yearOnly) fact.yearOnly = true;
    }
    const paragraph = fact.paragraph ?? parts.paragraph;
    const diarienummer = fact.diarienummer ?? parts.diarienummer;
    if (paragraph !== undefined) fact.paragraph = paragraph;
    if (diarienummer !== undefined) fact.diarienummer = diarienummer;
  };
  if (body) {
    const parts = readParts(body.value, ctx);
    // A body line holds a name even when policylint does not know it.
    const name = body.value.split(/[,(]|\s\d/u)[0]!.trim();
    if (!parts.body && name) parts.body = name;
    fill(parts);
  }
  if (date) {
    const raw = date.raw instanceof Date ? date.raw.toISOString().slice(0, 10) : date.value;
    const parts = readParts(raw, ctx);
    if (!parts.bodyKnown) delete parts.body;
    fill(parts);
  }
  if (decision) fill(readParts(decision.value, ctx));
  const p = byKey('paragraf');
  if (p && !fact.paragraph) fact.paragraph = /^\d/.test(p.value) ? `§ ${p.value}` : p.value;
  const dnr = byKey('diarienummer');
  if (dnr && !fact.diarienummer) fact.diarienummer = dnr.value;
  if (fact.paragraph === undefined) delete fact.paragraph;
  if (fact.diarienummer === undefined) delete fact.diarienummer;
  return fact.body || fact.date ? fact : undefined;
}

/** The document's own adoption: metadata first, completed or replaced by a sentence. */
export function extractAdoption(metadata: Map<string, MetadataValue>, ctx: CheckContext): AdoptionFact | undefined {
  const rule = [...ctx.ruleSet.rules.values()].find((r) => r.check.kind === 'adoption');
  const meta = fromMetadata(metadata, ctx);
  if (meta?.body && meta.date && meta.bodyKnown) return meta;
  const sentences = rule ? fromSentences(ctx, rule.check as AdoptionCheck) : [];
  const best = sentences.find((s) => s.complete && s.fact.bodyKnown) ?? sentences.find((s) => s.complete) ?? sentences[0];
  if (!meta) return best?.fact;
  if (!best) return meta;
  if (best.complete && best.fact.bodyKnown) return { ...best.fact, ...(meta.diarienummer && !best.fact.diarienummer ? { diarienummer: meta.diarienummer } : {}) };
  // Metadata with a part missing: the sentence may give it.
  const merged: AdoptionFact = { ...meta };
  if (!merged.body && best.fact.body) {
    merged.body = best.fact.body;
    merged.bodyKnown = best.fact.bodyKnown;
  }
  if (!merged.date && best.fact.date) merged.date = best.fact.date;
  const paragraph = merged.paragraph ?? best.fact.paragraph;
  if (paragraph !== undefined) merged.paragraph = paragraph;
  else delete merged.paragraph;
  return merged;
}

/** The document's stated status: a status field, or a title or head line that opens with it. */
export function extractStatus(metadata: Map<string, MetadataValue>, ctx: CheckContext): StatusFact | undefined {
  const words = ctx.ruleSet.metadata.status;
  if (!words) return undefined;
  const classify = (text: string): StatusFact['status'] | undefined => {
    for (const [status, list] of Object.entries(words)) {
      const m = findFirst(ctx.patterns.get(list), text);
      if (m && m.index <= 2) return status as StatusFact['status'];
    }
    return undefined;
  };
  const field = metadata.get('status');
  if (field) {
    const status = classify(field.value);
    if (status) return { status, range: field.range, evidence: field.value, source: field.origin === 'front-matter' ? 'front-matter' : 'metadata' };
  }
  const status = classify(ctx.title.text);
  if (status && status !== 'antagen') return { status, range: { start: ctx.title.start, end: ctx.title.end }, evidence: ctx.title.text, source: 'title' };
  return undefined;
}
