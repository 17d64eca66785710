import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl, type Language, type RuleSet } from '../../engine/index.js';
import type { FileResult } from '../results.js';

/**
 * A file's path relative to the root as a URI reference (SARIF §3.10): each segment
 * percent-encoded, so `a b#c%d.md` is `a%20b%23c%25d.md`, not a fragment and an escape.
 */
export function relativeUri(cwd: string, filePath: string): string {
  const rel = relative(cwd, filePath);
  if (isAbsolute(rel)) return pathToFileURL(filePath).href; // another drive on Windows
  return rel.split(/[\\/]/).map(encodeURIComponent).join('/');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0 for GitHub code scanning: rule metadata with help links, one result per message. */
export function formatSarif(results: FileResult[], ruleSet: RuleSet, lang: Language, version: string, cwd = process.cwd()): string {
  const rules = [...ruleSet.rules.values()].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policylint',
            informationUri: 'https://github.com/policylint/policylint',
            semanticVersion: version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.title[lang] },
              fullDescription: { text: r.rationale[lang].trim() },
              helpUri: ruleDocUrl(r.id),
              help: { text: r.rationale[lang].trim(), markdown: `${r.rationale[lang].trim()}\n\n[${lang === 'sv' ? 'Dokumentation' : 'Documentation'}](${ruleDocUrl(r.id)})` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['policy', 'styrdokument'] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId ?? 'fatal',
            ...(m.ruleId && index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(cwd, r.filePath), uriBaseId: 'SRCROOT' },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column + 1 : 1) },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
