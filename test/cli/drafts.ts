import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';

/** The complete example policy (adopted 2025-03-24, revised every four years, valid to 2028). */
export const COMPLETE = readFileSync(join(REPO, 'examples', 'vanersborg-internationell-policy.md'), 'utf8');
export const WORDS = readFileSync(join(REPO, 'examples', '.policylint', 'ordlista.txt'), 'utf8');

/** The example adopted on `date`, due four years later (no end of validity stated). */
export function adoptedOn(date: string): string {
  const text = COMPLETE.replace('beslutad: 2025-03-24', `beslutad: ${date}`)
    .replace('giltig-till: 2028-12-31\n', '')
    .replace(' Policyn gäller till och med den 31 december 2028 om inte kommunfullmäktige dessförinnan beslutar om en ny policy.', '');
  if (text.includes('giltig-till') || !text.includes(`beslutad: ${date}`)) throw new Error('the example changed: adoptedOn() no longer applies');
  return text;
}

/** Without who adopted it and when: the adoption rule reports an error. */
export function withoutAdoption(date: string): string {
  return adoptedOn(date)
    .replace(/^beslutad-av:.*\n/m, '')
    .replace(/^beslutad:.*\n/m, '')
    .replace(/^paragraf:.*\n/m, '');
}
