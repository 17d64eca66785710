import { hostname } from 'node:os';
import type { FileResult } from '../results.js';
import type { FormatContext, Formatter } from './formatter.js';
import { displayPath } from './source.js';

/** Characters XML 1.0 cannot carry at all are dropped; markup characters are escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * JUnit XML as Ant writes it (the format Jenkins, GitLab and Azure read): one testsuite per
 * file, one failing testcase per error or warning, one passing testcase for a clean file.
 * Notes (info) are not failures and are left out. Valid against the Apache Ant JUnit schema
 * (test/fixtures/schemas/JUnit.xsd).
 */
export function junitFormatter(ctx: FormatContext): Formatter {
  let id = 0;
  const timestamp = new Date().toISOString().slice(0, 19);
  const host = escapeXml(hostname() || 'localhost');
  return {
    file(result: FileResult): string {
      const path = escapeXml(displayPath(result.filePath, ctx.cwd));
      const failing = result.messages.filter((m) => m.severity !== 'info');
      const cases = failing.length
        ? failing.map((m) => {
            const rule = m.ruleId ?? 'fatal';
            return `    <testcase name="${escapeXml(`${rule} (${m.line}:${m.column})`)}" classname="${path}" time="0"><failure message="${escapeXml(m.message)}" type="${m.severity}">${escapeXml(`${path}:${m.line}:${m.column} ${m.severity} ${m.message} [${rule}]`)}</failure></testcase>\n`;
          })
        : [`    <testcase name="policylint" classname="${path}" time="0"/>\n`];
      const head = `  <testsuite package="policylint" id="${id++}" name="${path}" timestamp="${timestamp}" hostname="${host}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0" time="0">\n    <properties/>\n`;
      return `${id === 1 ? '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' : ''}${head}${cases.join('')}    <system-out/>\n    <system-err/>\n  </testsuite>\n`;
    },
    end: () => (id === 0 ? '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n</testsuites>\n' : '</testsuites>\n'),
  };
}
