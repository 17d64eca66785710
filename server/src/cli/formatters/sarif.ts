import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl, type Language, type RuleSet } from '../../engine/index.js';
import type { FileResult } from '../results.js';
import type { FormatContext, Formatter } from './formatter.js';
import { fingerprints, type SourceText } from './source.js';

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
export function formatSarif(
  results: FileResult[],
  ruleSet: RuleSet,
  lang: Language,
  version: string,
  cwd = process.cwd(),
  source: (r: FileResult) => SourceText | undefined = () => undefined,
): string {
  const formatter = sarifFormatter({ ruleSet, lang, version, cwd, source });
  return results.map((r) => formatter.file(r)).join('') + formatter.end();
}

/**
 * SARIF, streamed: the run's header, then each file's results as they come, then the close.
 * Every result has a `partialFingerprints` entry that survives moved lines (source.ts) and,
 * when policylint has a safe fix, a `fixes` entry that code scanning can offer.
 */
export function sarifFormatter(ctx: Pick<FormatContext, 'ruleSet' | 'lang' | 'version' | 'cwd' | 'source'>): Formatter {
  const { ruleSet, lang, version, cwd } = ctx;
  const rules = [...ruleSet.rules.values()].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const skeleton = {
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
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results: [] as unknown[],
      },
    ],
  };
  // The skeleton printed with a marker where the results go, and cut there.
  const MARK = '"__RESULTS__"';
  const whole = JSON.stringify({ ...skeleton, runs: [{ ...skeleton.runs[0], results: ['__RESULTS__'] }] }, null, 2);
  const at = whole.indexOf(MARK);
  const lineStart = whole.lastIndexOf('\n', at) + 1;
  const indent = whole.slice(lineStart, at);
  const head = whole.slice(0, lineStart);
  const tail = whole.slice(at + MARK.length);
  let opened = false;
  let count = 0;
  const open = (): string => (opened ? '' : ((opened = true), head));
  return {
    file(r: FileResult): string {
      if (r.messages.length === 0) return '';
      const source = ctx.source(r);
      const prints = fingerprints(r, source, cwd);
      const uri = relativeUri(cwd, r.filePath);
      const pieces = r.messages.map((m, i) => {
        const result = {
          ruleId: m.ruleId ?? 'fatal',
          ...(m.ruleId && index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
          level: LEVEL[m.severity],
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri, uriBaseId: 'SRCROOT' },
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column + 1 : 1) },
              },
            },
          ],
          partialFingerprints: { 'policylint/v1': prints[i]! },
          ...(m.fix ? { fixes: [fixOf(m.fix, uri, source, lang)] } : {}),
        };
        return `${count++ ? ',\n' : ''}${indent}${JSON.stringify(result, null, 2).replace(/\n/g, `\n${indent}`)}`;
      });
      return open() + pieces.join('');
    },
    end: () => `${open()}${tail}\n`,
  };
}

function fixOf(fix: NonNullable<FileResult['messages'][number]['fix']>, uri: string, source: SourceText | undefined, lang: Language): unknown {
  const [start, end] = fix.range;
  const lines = source
    ? (() => {
        const a = source.position(start);
        const b = source.position(end);
        return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
      })()
    : {};
  return {
    description: { text: lang === 'sv' ? `Ersätt med "${fix.text}"` : `Replace with "${fix.text}"` },
    artifactChanges: [
      { artifactLocation: { uri, uriBaseId: 'SRCROOT' }, replacements: [{ deletedRegion: { ...lines, charOffset: start, charLength: end - start }, insertedContent: { text: fix.text } }] },
    ],
  };
}
