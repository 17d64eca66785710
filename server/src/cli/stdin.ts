import { loadServices, type ConfigLoader, type Language, type Limits, type RuleSet } from '../engine/index.js';
import { lintSource } from './lintFiles.js';
import type { FileResult } from './results.js';

/** All of standard input as UTF-8 (a leading BOM is kept: offsets count it, as for files). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `--stdin`: lints the text as if it were the file at `filePath` (its configuration applies). */
export async function lintStdin(
  stdin: { filePath: string; text: string },
  options: { ruleSet: RuleSet; configs: ConfigLoader; today: string; limits: Limits; lang?: Language; reportUnusedDisableDirectives?: 'warning' | 'error' },
): Promise<FileResult | undefined> {
  const lang = options.lang ?? options.configs.forFile(stdin.filePath).language ?? 'sv';
  const services = await loadServices();
  return lintSource(stdin.filePath, stdin.text, {
    ruleSet: options.ruleSet,
    configs: options.configs,
    lang,
    today: options.today,
    limits: options.limits,
    services: { ...services },
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives } : {}),
  });
}
