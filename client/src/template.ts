import * as l10n from '@vscode/l10n';

/** The document types "New policy from template" offers, with a description for the picker. */
export interface DocumentTypeChoice {
  type: string;
  label: string;
  description: string;
}

export function documentTypeChoices(): DocumentTypeChoice[] {
  return [
    { type: 'policy', label: 'policy', description: l10n.t('Values and direction; adopted by the municipal council, valid until further notice') },
    { type: 'strategi', label: 'strategi', description: l10n.t('Priorities for a limited period, often a term of office') },
    { type: 'riktlinje', label: 'riktlinje', description: l10n.t('How a policy is applied; adopted by the executive board or a committee') },
    { type: 'program', label: 'program', description: l10n.t('Direction for an area over a limited period') },
    { type: 'plan', label: 'plan', description: l10n.t('What, when, who is responsible and how it is financed') },
  ];
}

/** A file name for a new draft of a type: "internationell-policy.md". */
export function suggestedFileName(type: string): string {
  return `internationell-${type.replace(/[^\p{L}\p{N}]+/gu, '-').toLocaleLowerCase('sv')}.md`;
}
