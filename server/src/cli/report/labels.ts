import type { Language } from '../../engine/index.js';
import type { Column, Status } from './rows.js';

export const HEADERS: Record<Language, Record<Column, string>> = {
  sv: {
    file: 'Fil',
    title: 'Titel',
    type: 'Typ',
    adoptedBy: 'Antagen av',
    adoptedOn: 'Antagen',
    paragraph: 'Paragraf',
    reviewCycle: 'Revideringscykel',
    reviewDue: 'Revideras senast',
    responsible: 'Ansvarig',
    followUp: 'Uppföljning',
    status: 'Status',
    errors: 'Fel',
    warnings: 'Varningar',
  },
  en: {
    file: 'File',
    title: 'Title',
    type: 'Type',
    adoptedBy: 'Adopted by',
    adoptedOn: 'Adopted on',
    paragraph: 'Paragraph',
    reviewCycle: 'Review cycle',
    reviewDue: 'Review due',
    responsible: 'Responsible',
    followUp: 'Follow-up',
    status: 'Status',
    errors: 'Errors',
    warnings: 'Warnings',
  },
};

export const STATUS: Record<Language, Record<Status, string>> = {
  sv: { ok: 'ok', 'due-soon': 'snart', overdue: 'försenad', incomplete: 'ofullständig' },
  en: { ok: 'ok', 'due-soon': 'due soon', overdue: 'overdue', incomplete: 'incomplete' },
};

export const TITLE: Record<Language, string> = { sv: 'Register över styrdokument', en: 'Register of governing documents' };

export function summaryLine(counts: Record<Status, number>, total: number, today: string, lang: Language): string {
  return lang === 'sv'
    ? `${total} dokument per ${today}: ${counts.overdue} försenade, ${counts['due-soon']} revideras inom sex månader, ${counts.incomplete} ofullständiga, ${counts.ok} ok.`
    : `${total} documents as of ${today}: ${counts.overdue} overdue, ${counts['due-soon']} due within six months, ${counts.incomplete} incomplete, ${counts.ok} ok.`;
}
