import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from the compiled test's location (out/test/...). */
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');
/** Tests pin today's date so period and overdue rules do not change verdict over time. */
export const TODAY = '2026-11-23';
