import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintFormatter, type FormatContext, type LintFormat } from './formatters/index.js';
import { SourceText } from './formatters/source.js';
import { readDraft } from './input.js';
import { reportFormatter, type ReportFormat } from './report/formats.js';
import type { FileResult } from './results.js';
import { UsageError } from './files.js';

/** Where output goes: standard output, or `-o FILE` (written as it comes, closed at the end). */
export interface Sink {
  write(text: string): void;
  close(): void;
}

export function openSink(outputFile: string | undefined, out: NodeJS.WritableStream, cwd: string): Sink {
  if (!outputFile) {
    return {
      write: (text) => {
        if (text) out.write(text);
      },
      close: () => undefined,
    };
  }
  let fd: number;
  try {
    fd = openSync(resolve(cwd, outputFile), 'w');
  } catch (error) {
    throw new UsageError(`-o: ${outputFile} kan inte skrivas / cannot be written (${(error as NodeJS.ErrnoException).code})`);
  }
  return {
    write: (text) => {
      if (text) writeSync(fd, text);
    },
    close: () => closeSync(fd),
  };
}

/** What to print and how: the formatters' context (less the source reader, made here) and the run's choices. */
export interface PrintOptions extends Omit<FormatContext, 'source'> {
  mode: 'lint' | 'report';
  format: string;
  quiet: boolean;
  /** A text linted from standard input, by the path it stands for. */
  stdin?: { filePath: string; text: string };
}

/** The text a result was linted from, for formats that point into it (fingerprints, fixes). */
function sourceOf(stdin: PrintOptions['stdin']): (r: FileResult) => SourceText | undefined {
  return (r) => {
    if (r.output !== undefined) return new SourceText(r.output);
    if (stdin && r.filePath === stdin.filePath) return new SourceText(stdin.text);
    const read = readDraft(r.filePath);
    return read.ok ? new SourceText(read.text) : undefined;
  };
}

export interface Totals {
  errors: number;
  warnings: number;
}

/** A print in progress: results are fed one file at a time, in order; `end` finishes the output. */
export interface Printer {
  file(result: FileResult): void;
  end(): Totals;
}

/** Starts printing in the chosen format: each file's part is written as soon as the format allows. */
export function startPrinting(sink: Sink, options: PrintOptions): Printer {
  const ctx: FormatContext = { ruleSet: options.ruleSet, lang: options.lang, version: options.version, cwd: options.cwd, color: options.color, today: options.today, source: sourceOf(options.stdin) };
  const formatter = options.mode === 'report' ? reportFormatter(options.format as ReportFormat, ctx) : lintFormatter(options.format as Exclude<LintFormat, 'facts'>, ctx);
  const totals: Totals = { errors: 0, warnings: 0 };
  return {
    file(found) {
      // A copy, not the result itself: the cache keeps the full result.
      const result = options.quiet && options.mode === 'lint' ? { ...found, messages: found.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0 } : found;
      totals.errors += result.errorCount;
      totals.warnings += result.warningCount;
      sink.write(formatter.file(result));
    },
    end() {
      sink.write(formatter.end());
      sink.close();
      return totals;
    },
  };
}

/** Prints the results in the chosen format, one file at a time; returns the error and warning totals. */
export function printResults(results: Iterable<FileResult>, sink: Sink, options: PrintOptions): Totals {
  const printer = startPrinting(sink, options);
  for (const result of results) printer.file(result);
  return printer.end();
}
