import type { Governance } from '../governance.js';
import type { FileResult, Message } from '../results.js';
import { reportRow } from '../report/rows.js';

/** One change in what a draft says about its governance (`diff --format json`). */
export interface FactChange {
  /** Which fact: adoptedBy, adoptedOn, paragraph, reviewCycle, reviewDue, responsible, followUp, goal, section, title, type, problem. */
  fact: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

type Problem = { ruleId: string | null; severity: Message['severity']; message: string; line: number };

function single(fact: string, before: string | null, after: string | null): FactChange[] {
  if (before === after) return [];
  if (before === null) return [{ fact, change: 'added', before: null, after }];
  if (after === null) return [{ fact, change: 'removed', before, after: null }];
  return [{ fact, change: 'changed', before, after }];
}

/** Items only in one list, each occurrence counted (two equal goals are two goals). */
function listChanges(fact: string, before: string[], after: string[]): FactChange[] {
  const remaining = new Map<string, number>();
  for (const b of before) remaining.set(b, (remaining.get(b) ?? 0) + 1);
  const added: string[] = [];
  for (const a of after) {
    const n = remaining.get(a) ?? 0;
    if (n > 0) remaining.set(a, n - 1);
    else added.push(a);
  }
  const removed = before.filter((b) => {
    const n = remaining.get(b) ?? 0;
    if (n > 0) {
      remaining.set(b, n - 1);
      return true;
    }
    return false;
  });
  return [...removed.map((b) => ({ fact, change: 'removed' as const, before: b, after: null })), ...added.map((a) => ({ fact, change: 'added' as const, before: null, after: a }))];
}

/**
 * Responsibility by role: when the body in a role is replaced ("kommunstyrelsen" leads
 * before, "kultur- och fritidsnämnden" after) that is one change, not a removal and an addition.
 */
function responsibilityChanges(before: Governance['responsibilities'], after: Governance['responsibilities']): FactChange[] {
  const roles = [...new Set([...before, ...after].map((r) => r.role))];
  const out: FactChange[] = [];
  for (const role of roles) {
    const changes = listChanges(
      'responsible',
      before.filter((r) => r.role === role).map((r) => r.actor),
      after.filter((r) => r.role === role).map((r) => r.actor),
    );
    const removed = changes.filter((c) => c.change === 'removed');
    const added = changes.filter((c) => c.change === 'added');
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) out.push({ fact: 'responsible', change: 'changed', before: { actor: removed[i]!.before, role }, after: { actor: added[i]!.after, role } });
    for (const c of removed.slice(pairs)) out.push({ ...c, before: { actor: c.before, role } });
    for (const c of added.slice(pairs)) out.push({ ...c, after: { actor: c.after, role } });
  }
  return out;
}

const problemKey = (m: Problem): string => `${m.ruleId ?? 'fatal'}\u0000${m.severity}\u0000${m.message}`;

/** Problems the new version introduces (added) or resolves (removed); moved lines are no change. */
function problemChanges(before: Message[], after: Message[]): FactChange[] {
  const toProblem = (m: Message): Problem => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line });
  const keyed = (list: Message[]): Map<string, Problem[]> => {
    const map = new Map<string, Problem[]>();
    for (const m of list) {
      const p = toProblem(m);
      map.set(problemKey(p), [...(map.get(problemKey(p)) ?? []), p]);
    }
    return map;
  };
  const b = keyed(before);
  const a = keyed(after);
  const out: FactChange[] = [];
  for (const [key, list] of b) for (const p of list.slice(a.get(key)?.length ?? 0)) out.push({ fact: 'problem', change: 'removed', before: p, after: null });
  for (const [key, list] of a) for (const p of list.slice(b.get(key)?.length ?? 0)) out.push({ fact: 'problem', change: 'added', before: null, after: p });
  return out;
}

/** What changed between two versions of a draft, facts first, then problems. */
export function compareResults(before: FileResult, after: FileResult, today: string): FactChange[] {
  const g0 = before.governance;
  const g1 = after.governance;
  const r0 = reportRow(before, today, '');
  const r1 = reportRow(after, today, '');
  const out: FactChange[] = [
    ...single('title', r0.title, r1.title),
    ...single('type', r0.type, r1.type),
    ...single('adoptedBy', r0.adoptedBy, r1.adoptedBy),
    ...single('adoptedOn', r0.adoptedOn, r1.adoptedOn),
    ...single('paragraph', r0.paragraph, r1.paragraph),
    ...single('reviewCycle', r0.reviewCycle, r1.reviewCycle),
    ...single('reviewDue', r0.reviewDue, r1.reviewDue),
    ...single('owner', g0?.owner ?? null, g1?.owner ?? null),
    ...responsibilityChanges(g0?.responsibilities ?? [], g1?.responsibilities ?? []),
    ...listChanges(
      'followUp',
      (g0?.followUp ?? []).map((f) => f.evidence),
      (g1?.followUp ?? []).map((f) => f.evidence),
    ),
    ...listChanges('goal', g0?.goals ?? [], g1?.goals ?? []),
    ...listChanges('section', g0?.sections ?? [], g1?.sections ?? []),
    ...problemChanges(before.messages, after.messages),
  ];
  return out;
}
