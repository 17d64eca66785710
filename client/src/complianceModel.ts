import * as l10n from '@vscode/l10n';
import type { ComplianceItem, ComplianceResult, ComplianceStatus } from '../../server/src/lsp/protocol.js';

/** A node of the compliance checklist, independent of VS Code's TreeItem (tested without it). */
export interface ChecklistNode {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  /** A codicon id. */
  icon: string;
  /** Theme colour id for the icon. */
  color?: string;
  /** Where a click goes: a range in the document, or a source clause (file URI with #L<line>). */
  target?: { kind: 'range'; range: NonNullable<ComplianceItem['range']> } | { kind: 'source'; uri: string; quote: string } | { kind: 'command'; command: string };
  children: ChecklistNode[];
}

const ICONS: Record<ComplianceStatus, { icon: string; color?: string }> = {
  found: { icon: 'pass', color: 'testing.iconPassed' },
  missing: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  incomplete: { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  optional: { icon: 'circle-large-outline' },
  off: { icon: 'circle-slash' },
};

/** The checklist: one node per required element, its source clauses as children. */
export function checklist(result: ComplianceResult | undefined): ChecklistNode[] {
  if (!result) return [];
  if (!result.linted) {
    return [
      {
        id: 'not-linted',
        label: l10n.t('Not a policy document'),
        description: '',
        tooltip: l10n.t(
          'This file is not checked: its title does not say it is a governing document (e.g. "Internationell policy för … kommun"), its front matter has no typ:, and there is no .policylintrc file in its folder.',
        ),
        icon: 'info',
        children: [],
      },
      {
        id: 'enable-here',
        label: l10n.t('Enable policylint here'),
        description: '',
        tooltip: l10n.t('Writes a commented .policylintrc.yaml in this folder, as policylint --init does: every Markdown file under it is then checked.'),
        icon: 'add',
        target: { kind: 'command', command: 'policylint.enableHere' },
        children: [],
      },
    ];
  }
  return result.items.map((item) => {
    const { icon, color } = ICONS[item.status];
    // "Syfte: finns", in the document's language (the server's words); what the document says
    // about it beside, and in full in the tooltip.
    const node: ChecklistNode = {
      id: item.ruleId,
      label: `${item.element}: ${item.state}`,
      description: item.facts[0] ?? '',
      tooltip: [item.message, ...item.facts].filter(Boolean).join('\n') || `${item.element}: ${item.state}`,
      icon,
      children: item.sources.map((s, i) => ({
        id: `${item.ruleId}/${i}`,
        label: `${s.municipality} — ${s.document}`,
        description: `”${s.quote}”`,
        tooltip: `${s.municipality}, ${s.document}\n\n”${s.quote}”`,
        icon: 'quote',
        ...(s.uri ? { target: { kind: 'source' as const, uri: s.uri, quote: s.quote } } : {}),
        children: [],
      })),
    };
    if (color) node.color = color;
    if (item.range) node.target = { kind: 'range', range: item.range };
    return node;
  });
}

/** The view's description line: "strategi · 2 of 7 missing". */
export function checklistSummary(result: ComplianceResult | undefined): string {
  if (!result?.linted) return '';
  const required = result.items.filter((i) => i.status !== 'off' && i.status !== 'optional');
  const notFound = required.filter((i) => i.status !== 'found').length;
  const type = [result.documentType ?? l10n.t('unknown type'), result.readability].filter(Boolean).join(' · ');
  return notFound === 0 ? l10n.t('{0} · all {1} elements found', type, required.length) : l10n.t('{0} · {1} of {2} elements missing or incomplete', type, notFound, required.length);
}
