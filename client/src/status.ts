import * as l10n from '@vscode/l10n';

/** Counts of one document's policylint diagnostics. */
export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * The status bar text for the active document: "Policy: 2 fel, 3 varningar" (Swedish UI),
 * "Policy: 2 errors, 3 warnings" (English). Pure: tested without VS Code.
 */
export function statusText(counts: Counts): string {
  const parts: string[] = [];
  if (counts.errors) parts.push(counts.errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', counts.errors));
  if (counts.warnings) parts.push(counts.warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', counts.warnings));
  if (parts.length === 0 && counts.infos) parts.push(counts.infos === 1 ? l10n.t('1 suggestion') : l10n.t('{0} suggestions', counts.infos));
  if (parts.length === 0) return `$(check) ${l10n.t('Policy: no problems')}`;
  const icon = counts.errors ? '$(error)' : counts.warnings ? '$(warning)' : '$(info)';
  return `${icon} ${l10n.t('Policy: {0}', parts.join(', '))}`;
}

export function statusTooltip(counts: Counts, documentType: string | undefined): string {
  const type = documentType ? l10n.t('Document type: {0}', documentType) : l10n.t('Document type: unknown');
  return `${type}\n${l10n.t('{0} errors, {1} warnings, {2} suggestions', counts.errors, counts.warnings, counts.infos)}\n${l10n.t('Click to show compliance')}`;
}

/** The summary after "Review workspace". */
export function workspaceSummary(result: { files: number; errors: number; warnings: number; infos: number; withProblems: string[] }): string {
  if (result.files === 0)
    return l10n.t('No policy documents found in the workspace (Markdown under a folder with a .policylintrc file, files matched by policylint.include, or front matter with typ:).');
  return l10n.t('{0} policy documents reviewed: {1} errors, {2} warnings, {3} suggestions in {4} files.', result.files, result.errors, result.warnings, result.infos, result.withProblems.length);
}
