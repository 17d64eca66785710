import type { Check } from './context.js';
import { firstIn, message } from './context.js';
import { sentenceRange, sentenceSpan } from '../document/sentences.js';
import type { AgendaGoalCheck } from '../rules/model.js';
import type { Finding } from '../types.js';
import { goalList } from './lists.js';

/** The sentence is about the global goals: only then is "mål 4" one of them and not the document's own. */
const ABOUT_AGENDA = /agenda\s*2030|globala\s+mål|hållbarhetsmål|FN:s\s+mål|de\s+17\s+målen/iu;
/** "mål 4: God utbildning", "globala mål nr 4 (God utbildning …)", "mål 4 – God utbildning"; not "delmål 4.1". */
const GOAL = /(?<![\p{L}\p{N}])mål(?:et)?\s+(?:nr\.?\s*|nummer\s+)?(\d{1,2})(?![\p{N}]|[.,]\p{N})\s*(?:[:–—-]\s*|\(\s*|,\s*)?["“”]?(?=\p{Lu})/giu;

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

export const checkAgendaGoal: Check = (rule, ctx) => {
  const list = goalList(ctx.ruleSet, (rule.check as AgendaGoalCheck).list);
  // Every name with its goal, longest first, so "God utbildning för alla" wins over "God utbildning".
  const names = [...list.goals].flatMap(([goal, variants]) => variants.map((name) => ({ goal, name: normalise(name) }))).sort((a, b) => b.name.length - a.name.length);
  const findings: Finding[] = [];
  for (const sentence of ctx.doc.sentences) {
    // Kept with the sentence in an editor: most sentences are not about the goals, on every keystroke.
    if (!firstIn(ctx, ABOUT_AGENDA, sentence)) continue;
    for (const m of sentence.text.matchAll(GOAL)) {
      const number = Number(m[1]);
      if (!list.goals.has(number)) continue;
      const nameStart = m.index + m[0].length;
      const rest = normalise(sentence.text.slice(nameStart, nameStart + 80));
      const named = names.find((n) => rest.startsWith(n.name) && !/\p{L}/u.test(rest[n.name.length] ?? ''));
      if (!named || named.goal === number) continue;
      const end = nameStart + named.name.length;
      const span = sentenceSpan(sentence, m.index, end);
      if (span === 'literal' || span === 'quoted') continue;
      const found = sentence.text.slice(nameStart, end).replace(/\s+/g, ' ');
      findings.push({
        ruleId: rule.id,
        range: sentenceRange(sentence, m.index, end),
        message: message(rule, 'mismatch', { number: String(number), official: list.goals.get(number)![0]!, found, other: String(named.goal) }),
        data: { number, other: named.goal },
      });
    }
  }
  return findings;
};
