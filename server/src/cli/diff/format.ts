import type { Language } from '../../engine/index.js';
import { escapeForTerminal } from '../formatters/stylish.js';
import { palette } from '../formatters/color.js';
import type { FactChange } from './compare.js';

export const DIFF_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const FACT: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Titel',
    type: 'Dokumenttyp',
    adoptedBy: 'Antagen av',
    adoptedOn: 'Antagen',
    paragraph: 'Paragraf',
    reviewCycle: 'Revideringscykel',
    reviewDue: 'Revideras senast',
    owner: 'Dokumentansvarig',
    responsible: 'Ansvar',
    followUp: 'Uppföljning',
    goal: 'Mål',
    section: 'Avsnitt',
    problem: 'Problem',
  },
  en: {
    title: 'Title',
    type: 'Document type',
    adoptedBy: 'Adopted by',
    adoptedOn: 'Adopted on',
    paragraph: 'Paragraph',
    reviewCycle: 'Review cycle',
    reviewDue: 'Review due',
    owner: 'Document owner',
    responsible: 'Responsibility',
    followUp: 'Follow-up',
    goal: 'Goal',
    section: 'Section',
    problem: 'Problem',
  },
};

const WORDS = {
  sv: {
    added: 'tillagd',
    removed: 'borttagen',
    changed: 'ändrad',
    introduced: 'nytt',
    resolved: 'löst',
    none: 'Inga ändringar i styrningen och inga nya eller lösta problem.',
    heading: 'Ändringar i styrningen',
    problems: 'Problem',
  },
  en: {
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    introduced: 'new',
    resolved: 'resolved',
    none: 'No change in governance and no problems introduced or resolved.',
    heading: 'Changes in governance',
    problems: 'Problems',
  },
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('actor' in v) return `${String(v.actor)} (${String(v.role)})`;
  if ('message' in v) return `${String(v.message)} [${typeof v.ruleId === 'string' ? v.ruleId : 'fatal'}, ${String(v.severity)}, rad/line ${String(v.line)}]`;
  return JSON.stringify(value);
}

function describe(c: FactChange, lang: Language): string {
  const w = WORDS[lang];
  const name = FACT[lang][c.fact] ?? c.fact;
  if (c.fact === 'problem') return c.change === 'added' ? `${w.introduced}: ${show(c.after)}` : `${w.resolved}: ${show(c.before)}`;
  if (c.change === 'changed') return `${name} ${w.changed}: ${show(c.before)} → ${show(c.after)}`;
  if (c.change === 'removed') return `${name} ${w.removed}: ${show(c.before)}`;
  return `${name} ${w.added}: ${show(c.after)}`;
}

export function formatDiff(changes: FactChange[], format: DiffFormat, lang: Language, color: boolean, names: { before: string; after: string }): string {
  if (format === 'json') return `${JSON.stringify(changes, null, 2)}\n`;
  const w = WORDS[lang];
  const facts = changes.filter((c) => c.fact !== 'problem');
  const problems = changes.filter((c) => c.fact === 'problem');
  if (format === 'markdown') {
    const md = (text: string): string => text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`);
    const lines = [`### ${w.heading}: \`${names.before.replace(/`/g, "'")}\` → \`${names.after.replace(/`/g, "'")}\``, ''];
    if (changes.length === 0) lines.push(w.none);
    for (const c of facts) lines.push(`- ${c.change === 'removed' ? '➖' : c.change === 'added' ? '➕' : '✏️'} ${md(describe(c, lang))}`);
    if (problems.length) lines.push('', `**${w.problems}**`, '', ...problems.map((c) => `- ${c.change === 'added' ? '🔺' : '✅'} ${md(describe(c, lang))}`));
    return `${lines.join('\n')}\n`;
  }
  const p = palette(color);
  const sign = (c: FactChange): string => (c.change === 'removed' ? p.red('-') : c.change === 'added' ? p.green('+') : p.yellow('~'));
  const lines = [p.underline(escapeForTerminal(`${names.before} → ${names.after}`))];
  if (changes.length === 0) lines.push(`  ${w.none}`);
  for (const c of facts) lines.push(`  ${sign(c)} ${escapeForTerminal(describe(c, lang))}`);
  for (const c of problems) lines.push(`  ${c.change === 'added' ? p.red('+') : p.green('-')} ${escapeForTerminal(describe(c, lang))}`);
  return `${lines.join('\n')}\n`;
}
