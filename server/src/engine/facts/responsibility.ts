import type { CheckContext } from '../checks/context.js';
import { firstIn, memo } from '../checks/context.js';
import { findAll, findFirst } from '../match/pattern.js';
import { sentenceRange, type Sentence } from '../document/sentences.js';
import type { ResponsibilityCheck } from '../rules/model.js';
import { bodiesKey, definedBodies, findBody } from './bodies.js';
import type { ResponsibilityFact, ResponsibilityRole } from './model.js';
import type { MetadataValue } from '../analysis/metadata.js';
import { swedishPatterns, type SwedishPatterns } from '../analysis/swedish.js';

const MAX_FACTS = 200;

interface Span {
  start: number;
  end: number;
}

/**
 * The actor of a verb whose subject normally precedes it, at most eight words of its clause.
 * "Det är kommunstyrelsen som ansvarar" (cleft) gives the clefted phrase; "kommunstyrelsen,
 * som ansvarar för" (relative clause) the phrase before "som"; "Vid besök ansvarar nämnden
 * för" (inverted after a fronted adverbial) the words after the verb.
 */
function actorBefore(text: string, verbIndex: number, swedish: SwedishPatterns): Span {
  const head = text.slice(0, verbIndex);
  const cleft = /det är\s+(.{1,80}?)\s+som\s*$/iu.exec(head);
  if (cleft) {
    const start = cleft.index + cleft[0].indexOf(cleft[1]!, 6);
    return { start, end: start + cleft[1]!.length };
  }
  const relative = /([^,;:()]{2,80}?),?\s+som\s+(?:också\s+|även\s+|därför\s+)?$/iu.exec(head);
  if (relative && !/\bdet är\b/iu.test(relative[1]!)) {
    // The noun phrase right before "som": after the last preposition ("… under kommundirektören, som").
    let words = [...relative[1]!.matchAll(/\S+/g)].slice(-6);
    const prep = words.map((w) => /^(?:under|för|inom|vid|i|på|av|med|hos|till|från|om)$/iu.test(w[0])).lastIndexOf(true);
    if (prep >= 0 && prep < words.length - 1) words = words.slice(prep + 1);
    const start = relative.index + (words[0]?.index ?? 0);
    return { start, end: relative.index + relative[1]!.trimEnd().length };
  }
  let start = 0;
  const clauseBreak = swedish.clauseBreak;
  clauseBreak.lastIndex = 0;
  for (let m = clauseBreak.exec(text); m && m.index < verbIndex; m = clauseBreak.exec(text)) start = m.index + m[0].length;
  const words = [...text.slice(start, verbIndex).matchAll(/\S+/g)];
  const kept = words.slice(-8);
  const from = kept[0] ? start + kept[0].index : verbIndex;
  // Inverted order only when no name stands right before the verb ("… Ansvar Kommunstyrelsen ska ansvara").
  const lastBefore = text.slice(from, verbIndex).trim().split(/\s+/).pop() ?? '';
  // Fronted adverbials: after them Swedish puts the verb before the subject (V2).
  if (swedish.fronted.test(text.slice(from, verbIndex).trim()) && !/^[\p{Lu}]/u.test(lastBefore)) {
    const afterVerb = verbIndex + (/^\S+/u.exec(text.slice(verbIndex))?.[0].length ?? 0);
    const span = actorAfter(text, afterVerb);
    if (span.end > span.start) return span;
  }
  return { start: from, end: verbIndex };
}

/** The words after a phrase up to the end of the clause, at most eight. */
function actorAfter(text: string, from: number): Span {
  const rest = text.slice(from);
  const stop = /[.,;:()]|\s(?:som|och har|samt|för|för att|att|ska|skall)\s/u.exec(rest);
  const clause = rest.slice(0, stop ? stop.index : rest.length);
  const words = [...clause.matchAll(/\S+/g)].slice(0, 8);
  if (words.length === 0) return { start: from, end: from };
  const last = words[words.length - 1]!;
  return { start: from + words[0]!.index, end: from + last.index + last[0].length };
}

/** A single capitalised word that is no common noun in its definite form: a name policylint cannot place. */
export function looksLikeName(actor: string): boolean {
  const words = actor.split(/\s+/).filter(Boolean);
  // A long span is a clause policylint misread (run-on PDF text), not a name.
  if (words.length > 4) return false;
  if (words.some((w, i) => i > 0 && /^[\p{Lu}]/u.test(w) && !/^(?:KS|KF)$/u.test(w))) return true;
  return words.length === 1 && /^[\p{Lu}][\p{Ll}-]+$/u.test(words[0]!) && !/(?:en|et|na|erna|arna|orna|n)$/u.test(words[0]!);
}

/** Vague, a body, an organisation or other: by the actor's words and the bodies in force (kept by text in an editor). */
export function classifyActor(actor: string, ctx: CheckContext): ResponsibilityFact['kind'] {
  const cache = ctx.blockCache;
  return cache ? cache.forText(bodiesKey(ctx, ctx.ruleSet.bodies), actor, (own) => readActor(own, ctx)) : readActor(actor, ctx);
}

function readActor(actor: string, ctx: CheckContext): ResponsibilityFact['kind'] {
  const vague = ctx.patterns.get(ctx.ruleSet.bodies.vague);
  const withoutVague = actor.replace(vague, ' ');
  vague.lastIndex = 0;
  const body = findBody(withoutVague, ctx);
  if (body) return body.origin === 'defined' ? 'defined' : 'body';
  if (withoutVague.trim() !== actor.trim()) return 'vague';
  if (findFirst(ctx.patterns.get(ctx.ruleSet.bodies.organisationSuffixes), actor)) return 'organisation';
  return 'other';
}

/** What the duty is about, by its words. */
function roleOf(text: string): ResponsibilityRole {
  if (/revider|aktualitetspröv|uppdater|översyn/iu.test(text)) return 'revision';
  if (/följ\p{L}* upp|uppfölj|rapporter|redovis/iu.test(text)) return 'follow-up';
  if (/samordn|koordin/iu.test(text)) return 'coordination';
  if (/\bleder\b|ledning|styr|övergripande|strategisk/iu.test(text)) return 'lead';
  if (/äger|ägare|dokumentansvar/iu.test(text)) return 'owner';
  return 'execution';
}

/** The duty: what follows "för" (or the verb) to the end of the clause, at most twelve words. */
function dutyAfter(text: string, from: number): string | undefined {
  const rest = text.slice(from).replace(/^\s*(?:för|att)\s+/iu, '');
  const clause = rest.split(/[.;:]|\s(?:men|medan)\s/u)[0] ?? '';
  const words = clause.split(/\s+/).filter(Boolean).slice(0, 12);
  return words.length ? words.join(' ') : undefined;
}

/** "Internationella rådet" → a pattern for any form of its name: "internationella råd*". */
function namePattern(actor: string, ctx: CheckContext): RegExp | undefined {
  const org = findFirst(ctx.patterns.get(ctx.ruleSet.bodies.organisationSuffixes), actor);
  if (!org) return undefined;
  const words = actor.slice(0, org.end).split(/\s+/).filter(Boolean).slice(-2);
  const head = words[words.length - 1]!.replace(/[^\p{L}\p{N}-]/gu, '').replace(/(et|en|n|ets|ens|s)$/u, '');
  if (!head) return undefined;
  const adjective = words.length > 1 && /^[\p{Ll}\p{Lu}]+a$/u.test(words[0]!) ? `${words[0]!.toLowerCase()} ` : '';
  return ctx.patterns.get([`${adjective}${head.toLowerCase()}*`]);
}

/** A document defines an organisation by describing it: its members, its tasks, a heading. */
function isDefined(actor: string, assignment: Sentence, check: ResponsibilityCheck, ctx: CheckContext): boolean {
  const name = namePattern(actor, ctx);
  if (!name) return false;
  // The same organisation is usually named in several assignments: describe it once per lint.
  const described = memo(ctx, `facts:described:${name.source}`, () => describingSentences(name, check, ctx));
  return described.headed || described.sentences.some((s) => s !== assignment);
}

/** Where the document describes an organisation: a heading with its name, sentences with its name and a cue. */
function describingSentences(name: RegExp, check: ResponsibilityCheck, ctx: CheckContext): { headed: boolean; sentences: Sentence[] } {
  const cues = ctx.patterns.get(check.definitionCues);
  if (ctx.doc.headings.some((h) => findFirst(name, h.text))) return { headed: true, sentences: [] };
  // Two are enough: one of them may be the assignment itself.
  const sentences: Sentence[] = [];
  for (const s of ctx.doc.sentences) {
    if (firstIn(ctx, name, s) !== undefined && firstIn(ctx, cues, s) !== undefined) sentences.push(s);
    if (sentences.length === 2) break;
  }
  return { headed: false, sentences };
}

/** A responsibility as one sentence states it, before the document's bodies classify its actor. */
interface Candidate {
  span: Span;
  actor: string;
  duty: string | undefined;
  role: ResponsibilityRole;
  evidence: string;
}

/** The actors a sentence makes responsible, in the order they are found, each span once. */
function candidatesIn(sentence: Sentence, before: RegExp, after: RegExp, swedish: SwedishPatterns): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<number>();
  const text = sentence.text;
  const add = (span: Span, dutyFrom: number): void => {
    if (span.end <= span.start) return;
    const actor = text
      .slice(span.start, span.end)
      .trim()
      .replace(/^[-–•*]\s*/u, '');
    if (!actor || seen.has(span.start)) return;
    seen.add(span.start);
    const duty = dutyAfter(text, dutyFrom);
    out.push({ span, actor, duty, role: roleOf(`${text.slice(Math.max(0, span.start - 30), span.start)} ${duty ?? ''}`), evidence: text.trim() });
  };
  for (const m of findAll(before, text)) {
    const span = actorBefore(text, m.index, swedish);
    // "För vänortskedjan ansvarar nämnden": the actor follows (actorAfter reads it).
    if (/^för\s/iu.test(text.slice(span.start, span.end))) continue;
    add(span, m.end);
  }
  for (const m of findAll(after, text)) {
    const span = actorAfter(text, m.end);
    add(span, span.end);
  }
  return out;
}

/** Who the document makes responsible for what, from its sentences, tables and metadata. */
export function extractResponsibilities(ctx: CheckContext): ResponsibilityFact[] {
  const rule = [...ctx.ruleSet.rules.values()].find((r) => r.check.kind === 'responsibility');
  if (!rule) return [];
  const check = rule.check as ResponsibilityCheck;
  definedBodies(ctx);
  const out: ResponsibilityFact[] = [];
  const before = ctx.patterns.get(check.actorBefore);
  const after = ctx.patterns.get(check.actorAfter);
  const swedish = swedishPatterns(ctx.ruleSet.swedish);
  // What a sentence says alone (actors, duties, roles) is read once per sentence text in an
  // editor; what depends on the document (the bodies in force, definitions) on every lint.
  const read = (sentence: Sentence): Candidate[] => candidatesIn(sentence, before, after, swedish);
  const cache = ctx.blockCache;
  for (const sentence of ctx.doc.sentences) {
    // Enough to judge any real document; a pasted 10 MB text must not cost a read per sentence.
    if (out.length >= MAX_FACTS) break;
    if (ctx.doc.blocks[sentence.block]!.kind === 'heading') continue;
    const candidates = cache ? cache.ofSentence(sentence, check, read) : read(sentence);
    for (const c of candidates) {
      let kind = classifyActor(c.actor, ctx);
      if (kind === 'organisation' && isDefined(c.actor, sentence, check, ctx)) kind = 'defined';
      const fact: ResponsibilityFact = { actor: c.actor, kind, role: c.role, range: sentenceRange(sentence, c.span.start, c.span.end), evidence: c.evidence, source: 'text' };
      if (c.duty) fact.duty = c.duty;
      out.push(fact);
    }
  }
  out.push(...tableAssignments(ctx), ...roleList(ctx));
  return out;
}

const DUTY_WORDS = /ansvar|samordn|leder|ledning|beslut|följer upp|uppföljning|reviderar|revidering|äger|bereder|verkställ|genomför|ser till|ger stöd|driver/iu;
const MATRIX_HEADER = /ansvar|beslutar|genomför|utför|roll|aktör|ansvarig|verkställer/iu;

/**
 * "| Kommunstyrelsen | Övergripande ansvar för … |": a table of roles and duties; and a
 * responsibility matrix ("| Uppgift | Beslutar | Genomför |") whose cells name the bodies.
 */
function tableAssignments(ctx: CheckContext): ResponsibilityFact[] {
  const out: ResponsibilityFact[] = [];
  for (const table of ctx.doc.tables) {
    const [header, ...data] = table.rows;
    if (header && header.slice(1).some((c) => MATRIX_HEADER.test(c.text)) && !DUTY_WORDS.test(header[0]!.text)) {
      for (const row of data) {
        row.forEach((cell, i) => {
          if (i === 0 || !MATRIX_HEADER.test(header[i]?.text ?? '')) return;
          const kind = classifyActor(cell.text, ctx);
          if (kind !== 'body' && kind !== 'defined') return;
          out.push({
            actor: cell.text.trim(),
            kind,
            role: roleOf(header[i]!.text),
            duty: row[0]!.text.trim(),
            range: { start: cell.start, end: cell.end },
            evidence: row.map((c) => c.text).join(' | '),
            source: 'text',
          });
        });
      }
    }
    for (const row of table.rows) {
      if (row.length < 2) continue;
      const [first, ...rest] = row;
      const duty = rest.map((c) => c.text).join(' ');
      if (!DUTY_WORDS.test(duty) || first!.text.split(/\s+/).length > 6) continue;
      const kind = classifyActor(first!.text, ctx);
      if (kind !== 'body' && kind !== 'defined') continue;
      out.push({ actor: first!.text.trim(), kind, role: roleOf(duty), duty: duty.trim(), range: { start: first!.start, end: first!.end }, evidence: `${first!.text} | ${duty}`, source: 'text' });
    }
  }
  return out;
}

const ROLE_SEPARATOR = /[–:—]/u;
const RUN_IN_BULLET = /(?:^|\s)[o•·▪]\s/u;
const ROLE_ITEM = /^\s*([^–:—]{2,60}?)\s*[–:—]\s+(.{3,})$/u;

/** A role item's parts in one sentence's text: who, and the duty after the dash or colon. */
interface RoleItem {
  actor: string;
  duty: string;
  /** Where the actor starts in the sentence text. */
  start: number;
  /** The sentence opens with a bullet or reads "Name – duty" (a list item in all but form). */
  bulleted: boolean;
}

/** The role item a sentence's text makes, if any (read once per sentence text in an editor). */
function roleItemIn(sentence: Sentence): RoleItem | null {
  // Every item names its role after a dash or colon: a sentence with neither is passed by.
  if (!ROLE_SEPARATOR.test(sentence.text)) return null;
  // A list item, or a bullet a PDF conversion left in running text ("o Kommunstyrelsen – leder …").
  const text = sentence.text.replace(/^\s*[o•·▪]\s+/u, '');
  const bulleted = text !== sentence.text || /^\s*[^–—]{2,60}\s[–—]\s/u.test(sentence.text);
  const m = ROLE_ITEM.exec(text);
  if (!m) return null;
  return { actor: m[1]!, duty: m[2]!, start: Math.max(0, sentence.text.indexOf(m[1]!)), bulleted };
}

/** Bullets run into one sentence by a PDF conversion: "… genomförs. o Kommunstyrelsen – leder …". */
function runInItemsIn(sentence: Sentence): RoleItem[] {
  if (!RUN_IN_BULLET.test(sentence.text)) return NO_ITEMS;
  const out: RoleItem[] = [];
  for (const m of sentence.text.matchAll(/(?:^|\s)[o•·▪]\s+([^–—.]{2,60}?)\s[–—]\s+([^–—]{3,80})/gu)) {
    out.push({ actor: m[1]!, duty: m[2]!, start: m.index + m[0].indexOf(m[1]!), bulleted: true });
  }
  return out;
}
const NO_ITEMS: RoleItem[] = [];

/** "- **Kommunstyrelsen** – leder och samordnar …": a list of roles, one body per item. */
function roleList(ctx: CheckContext): ResponsibilityFact[] {
  const out: ResponsibilityFact[] = [];
  const inResponsibility = new Set(ctx.sections.filter((s) => s.id === 'organisation').flatMap((s) => s.blocks));
  const cache = ctx.blockCache;
  for (const sentence of ctx.doc.sentences) {
    const item = cache ? cache.ofSentence(sentence, 'facts:role-item', roleItemIn) : roleItemIn(sentence);
    if (!item) continue;
    const block = ctx.doc.blocks[sentence.block]!;
    if (!(block.listItem && sentence.start - block.start <= 4) && !item.bulleted) continue;
    if (!inResponsibility.has(sentence.block) && !DUTY_WORDS.test(item.duty)) continue;
    const kind = classifyActor(item.actor, ctx);
    if (kind !== 'body' && kind !== 'defined') continue;
    out.push({
      actor: item.actor.trim(),
      kind,
      role: roleOf(item.duty),
      duty: item.duty.trim(),
      range: sentenceRange(sentence, item.start, item.start + item.actor.length),
      evidence: sentence.text.trim(),
      source: 'text',
    });
  }
  for (const sentence of ctx.doc.sentences) {
    const items = cache ? cache.ofSentence(sentence, 'facts:run-in-items', runInItemsIn) : runInItemsIn(sentence);
    for (const item of items) {
      if (!DUTY_WORDS.test(item.duty)) continue;
      const kind = classifyActor(item.actor, ctx);
      if (kind !== 'body' && kind !== 'defined') continue;
      const range = sentenceRange(sentence, item.start, item.start + item.actor.length);
      if (out.some((f) => f.range.start === range.start)) continue;
      out.push({ actor: item.actor.trim(), kind, role: roleOf(item.duty), duty: item.duty.trim(), range, evidence: sentence.text.trim(), source: 'text' });
    }
  }
  return out;
}

/** Metadata that names an owner ("Dokumentansvarig: Kommunledningsförvaltningen"). */
export function metadataResponsibilities(metadata: Map<string, MetadataValue>, ctx: CheckContext): ResponsibilityFact[] {
  const out: ResponsibilityFact[] = [];
  const roles: [string, ResponsibilityRole][] = [
    ['dokumentansvarig', 'owner'],
    ['uppfoljning-ansvar', 'follow-up'],
  ];
  for (const [key, role] of roles) {
    const v = metadata.get(key);
    if (!v) continue;
    // A field that names an owner names someone, even a role policylint does not list.
    const read = classifyActor(v.value, ctx);
    const kind = read === 'other' && v.value.trim().split(/\s+/).length <= 4 && /^[\p{Lu}]/u.test(v.value.trim()) ? 'body' : read;
    out.push({ actor: v.value, kind, role, range: v.range, evidence: v.value, source: v.origin === 'front-matter' ? 'front-matter' : 'metadata' });
  }
  return out;
}
