// Seed texts: /work/shared/seeds when present, else the copies in test/fixtures/ocr.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIRS = [path.resolve(process.cwd(), '../shared/seeds'), path.resolve(process.cwd(), 'test/fixtures/ocr')];

export function readSeed(prefix: '000' | '001' | '002' | '003' | '004'): string {
  for (const dir of DIRS) {
    if (!existsSync(dir)) continue;
    const name = readdirSync(dir).find((n) => n.startsWith(`${prefix}_`) && n.endsWith('.txt'));
    if (name) return readFileSync(path.join(dir, name), 'utf8');
  }
  throw new Error(`seed ${prefix} not found in ${DIRS.join(', ')}`);
}
