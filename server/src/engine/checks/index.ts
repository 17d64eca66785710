import type { Check } from './context.js';
import { checkAdoption } from './adoption.js';
import { checkStatement } from './statement.js';
import { checkResponsibility } from './responsibility.js';
import { checkSection } from './section.js';
import { checkPeriod } from './period.js';
import { checkReplace } from './replace.js';
import { checkOverdue } from './overdue.js';
import { checkOcr, checkSpelling } from './words.js';
import { checkPlaceholder } from './placeholder.js';
import { checkReadability, checkSentenceLength } from './readability.js';
import { checkListed } from './listed.js';
import { checkAbbreviation } from './abbreviation.js';
import { checkNumberFormat } from './numberFormat.js';
import { checkHeadingOrder, checkImageAlt, checkLanguageOfParts, checkLinkText, checkTableHeader } from './accessibility.js';
import { checkAgendaGoal } from './agendaGoal.js';
import type { CheckDefinition } from '../rules/model.js';

/** The closed set of check kinds; rule files choose one and give it its data. */
export const CHECKS: Record<CheckDefinition['kind'], Check> = {
  adoption: checkAdoption,
  statement: checkStatement,
  responsibility: checkResponsibility,
  section: checkSection,
  period: checkPeriod,
  replace: checkReplace,
  overdue: checkOverdue,
  spelling: checkSpelling,
  ocr: checkOcr,
  placeholder: checkPlaceholder,
  readability: checkReadability,
  'sentence-length': checkSentenceLength,
  listed: checkListed,
  abbreviation: checkAbbreviation,
  'number-format': checkNumberFormat,
  'heading-order': checkHeadingOrder,
  'link-text': checkLinkText,
  'image-alt': checkImageAlt,
  'table-header': checkTableHeader,
  'language-of-parts': checkLanguageOfParts,
  'agenda-goal': checkAgendaGoal,
};
