import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDynamicPattern } from 'globby';
import { Command, Option, CommanderError } from 'commander';
import {
  ConfigLoader,
  FileError,
  loadRuleSet,
  loadServices,
  packageVersion,
  parseLimits,
  readFileSafely,
  resolveLimits,
  todayIso,
  type Language,
  type Limits,
  type ResolvedConfig,
} from '../engine/index.js';
import { expandInputs, UsageError } from './files.js';
import { lintFile } from './lintFiles.js';
import { formatFacts } from './formatters/facts.js';
import { factsOfFiles } from './facts.js';
import { colorEnabled } from './formatters/color.js';
import { writeInitialConfig } from './init.js';
import { withSources, type FileResult } from './results.js';
import { InOrder } from './inOrder.js';
// Issue 14: report and diff subcommands, CI formats, stdin, output file, config options.
import { LINT_FORMATS } from './formatters/index.js';
import { REPORT_FORMATS } from './report/formats.js';
import { runDiff } from './diff/command.js';
import { openSink, printResults, startPrinting, type PrintOptions } from './output.js';
import { lintStdin, readStdin } from './stdin.js';
import { LintCache } from './cache.js';
import { lintInWorkers, workerCount } from './pool.js';
import { markCompleteRun } from '../boot/completeRun.js';

/** Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 usage/config/I-O errors. */
export const EXIT = { ok: 0, lint: 1, usage: 2 } as const;

function printConfig(config: ResolvedConfig): string {
  const rules: Record<string, unknown> = {};
  for (const [id, r] of [...config.rules].sort(([a], [b]) => a.localeCompare(b))) rules[id] = Object.keys(r.options).length ? [r.severity, r.options] : r.severity;
  return `${JSON.stringify({ configFile: config.file ?? null, documentType: config.documentType ?? null, language: config.language ?? null, words: config.words, ignores: config.ignores, rules }, null, 2)}\n`;
}

/**
 * The workspace the run may read in: the current folder and every folder named on the
 * command line (a named file's folder). Links and `extends` from inside it stay inside it.
 */
function workspaceRoots(inputs: string[], cwd: string): string[] {
  const roots = new Set([cwd]);
  for (const input of inputs) {
    if (isDynamicPattern(input)) continue;
    const abs = resolve(cwd, input);
    try {
      roots.add(statSync(abs).isDirectory() ? abs : dirname(abs));
    } catch {
      // Missing: expandInputs names it.
    }
  }
  return [...roots];
}

export async function run(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const version = packageVersion();
  // --- issue 14: subcommands (`report` shares the lint pipeline below; `diff` has its own) ---
  if (argv[0] === 'diff') return runDiff(argv.slice(1), io);
  const mode = argv[0] === 'report' ? 'report' : 'lint';
  if (mode === 'report') argv = argv.slice(1);
  const program = new Command()
    .name(mode === 'report' ? 'policylint report' : 'policylint')
    .description(
      mode === 'report'
        ? 'Register över styrdokumenten: beslut, revidering, ansvar, status. / A register of the governing documents: adoption, review, responsibility, status.'
        : 'Granskar utkast till kommunala styrdokument i Markdown. / Lints Swedish municipal governing documents in Markdown.\n\n' +
            // Each line under 80 columns: Commander wraps longer ones without indenting them.
            'Underkommandon / subcommands:\n' +
            '  report [sökvägar]     register över dokumenten / a register of the documents\n' +
            '  diff GAMMAL NY        vad som ändrats i styrningen / changes in governance\n' +
            '  diff --git REV FIL    samma mot en version i git / the same against git',
    )
    .argument('[paths...]', 'filer, kataloger eller globmönster / files, directories or globs')
    .addOption(
      mode === 'report'
        ? new Option('-f, --format <format>', 'utdataformat / output format').choices([...REPORT_FORMATS]).default('markdown')
        : new Option('-f, --format <format>', 'utdataformat / output format').choices([...LINT_FORMATS]).default('stylish'),
    )
    .option('-o, --output-file <file>', 'skriv utdata till en fil / write the output to a file')
    .option('--color', 'färg även utan terminal / colour even without a terminal')
    .option('--no-color', 'ingen färg / no colour')
    .option('-c, --config <file>', 'använd denna konfiguration för alla filer / use this configuration for every file')
    .option('--no-config', 'läs ingen konfigurationsfil (policylint:recommended) / read no configuration file')
    .option('--stdin', 'granska texten på standard in / lint the text on standard input')
    .option('--stdin-filename <file>', 'sökvägen texten på standard in står för / the path the standard input stands for')
    .option('--report-unused-disable-directives', 'rapportera kommentarer som inte stänger av något, som fel / report disable comments that turn nothing off, as errors')
    // --- end issue 14 options ---
    .option('--fix', 'rätta säkra fel och skriv filerna / apply safe fixes and write the files')
    .option('--max-warnings <n>', 'avsluta med 1 vid fler varningar / exit 1 when warnings exceed n', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings vill ha ett heltal ≥ 0, fick "${v}" / expects a whole number`);
      return n;
    })
    .addOption(new Option('--lang <lang>', 'språk för meddelanden / message language').choices(['sv', 'en']))
    .option('--print-config <file>', 'skriv ut konfigurationen för en fil / print the configuration for a file')
    .option('--init', 'skapa .policylintrc.yaml här / create .policylintrc.yaml here')
    .option('--today <date>', 'datum som räknas som i dag (YYYY-MM-DD) / the date that counts as today')
    .option('--quiet', 'visa bara fel / report errors only')
    .option('--cache', 'återanvänd resultat för oförändrade filer / reuse results for unchanged files')
    .option('--cache-location <file>', 'var cachen sparas / where the cache is kept', '.policylintcache')
    .option('--workers <n>', 'antal trådar (0 = ingen pool) / worker threads (0 = none)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--workers vill ha ett heltal 0–64, fick "${v}"`);
      return n;
    })
    .option('--limit <name=value>', 'höj eller sänk en gräns, t.ex. headings=20000 (se README) / raise or lower a limit', (v, previous: Partial<Limits> | undefined) => {
      try {
        return { ...(previous ?? {}), ...parseLimits(v) };
      } catch (error) {
        throw new UsageError(`--limit: ${(error as Error).message}`);
      }
    })
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });

  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      io.err.write(`policylint: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const opts = program.opts<{
    reportUnusedDisableDirectives?: boolean;
    outputFile?: string;
    color?: boolean;
    config?: string | false;
    stdin?: boolean;
    stdinFilename?: string;
    format: string;
    fix?: boolean;
    maxWarnings?: number;
    lang?: Language;
    printConfig?: string;
    init?: boolean;
    today?: string;
    quiet?: boolean;
    cache?: boolean;
    cacheLocation?: string;
    workers?: number;
    limit?: Partial<Limits>;
  }>();
  const cwd = process.cwd();
  const exitCode = ({ errors, warnings }: { errors: number; warnings: number }): number => {
    if (mode === 'report') return EXIT.ok;
    if (errors > 0) return EXIT.lint;
    if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
      io.err.write(`policylint: ${warnings} varningar är fler än --max-warnings ${opts.maxWarnings} / too many warnings\n`);
      return EXIT.lint;
    }
    return EXIT.ok;
  };

  try {
    if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new UsageError(`--today vill ha YYYY-MM-DD, fick "${opts.today}"`);
    if (opts.init) {
      const file = await writeInitialConfig(cwd);
      io.out.write(`Skapade ${file} / Created ${file}\n`);
      return EXIT.ok;
    }
    let limits: Limits;
    try {
      limits = resolveLimits(opts.limit);
    } catch (error) {
      throw new UsageError(`POLICYLINT_LIMITS: ${(error as Error).message}`);
    }
    const roots = workspaceRoots(program.args, cwd);
    const ruleSet = loadRuleSet();
    const configFile = opts.config;
    const unusedDirectives = opts.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: 'error' as const } : {};
    const configs = new ConfigLoader(ruleSet, { roots, limits, ...(configFile !== undefined ? { configFile } : {}) });
    if (opts.printConfig) {
      io.out.write(printConfig(configs.forFile(resolve(cwd, opts.printConfig))));
      return EXIT.ok;
    }
    const today = opts.today ?? todayIso();
    const lang = opts.lang ?? 'sv';
    const printOptions = (stdin?: { filePath: string; text: string }): PrintOptions => ({
      mode,
      format: opts.format,
      ruleSet,
      lang,
      version,
      cwd,
      today,
      quiet: Boolean(opts.quiet),
      color: opts.color ?? (opts.outputFile ? false : colorEnabled(process.stdout)),
      ...(stdin ? { stdin } : {}),
    });
    const print = (results: Iterable<FileResult>, stdin?: { filePath: string; text: string }) => printResults(results, openSink(opts.outputFile, io.out, cwd), printOptions(stdin));
    if (mode === 'report' && opts.fix) throw new UsageError('report ändrar inga filer; kör --fix utan report / report changes no files; run --fix without it');
    if (opts.stdin) {
      if (program.args.length) throw new UsageError('--stdin tar inga sökvägar / --stdin takes no paths');
      if (opts.fix) throw new UsageError('--fix skriver filer och går inte med --stdin / --fix writes files and does not go with --stdin');
      const stdin = { filePath: resolve(cwd, opts.stdinFilename ?? 'stdin.md'), text: await readStdin() };
      const result = await lintStdin(stdin, { ruleSet, configs, today, limits, ...unusedDirectives, ...(opts.lang ? { lang: opts.lang } : {}) });
      if (result) markCompleteRun();
      return exitCode(print(result ? [result] : [], stdin));
    }
    const { files, warnings: skipped } = await expandInputs(program.args, cwd);
    for (const warning of skipped) io.err.write(`policylint: varning / warning: ${warning}\n`);
    if (opts.format === 'facts') {
      const sink = openSink(opts.outputFile, io.out, cwd);
      sink.write(formatFacts(factsOfFiles(files, { ruleSet, configs, today })));
      sink.close();
      return EXIT.ok;
    }
    const cache = opts.cache
      ? LintCache.load(
          resolve(cwd, opts.cacheLocation ?? '.policylintcache'),
          `${version}${configFile === undefined ? '' : `+config:${configFile || 'none'}`}${opts.reportUnusedDisableDirectives ? '+unused' : ''}`,
        )
      : undefined;
    // Results are printed (or kept by a format that needs them all) in file order as they come,
    // and dropped: a run over thousands of drafts holds only the files still being linted.
    const printer = startPrinting(openSink(opts.outputFile, io.out, cwd), printOptions());
    const inOrder = new InOrder((result) => {
      if (result) printer.file(result);
    });
    const ruleIds = new Set(ruleSet.rules.keys());
    const keys: string[] = [];
    const pending: number[] = [];
    const finished = (i: number, result: FileResult | undefined): void => {
      if (cache && keys[i] && result) cache.set(files[i]!, keys[i], result);
      inOrder.put(i, result);
    };
    const hits: [number, FileResult][] = [];
    files.forEach((file, i) => {
      if (cache && !opts.fix) {
        const config = configs.forFile(file);
        const read = readFileSafely(file, { maxBytes: limits.documentBytes });
        if (!read.ok) return void pending.push(i); // reported by the lint itself
        keys[i] = cache.key(read.bytes, config, opts.lang ?? config.language ?? 'sv', today);
        const hit = cache.get(file, keys[i], ruleIds);
        if (hit) return void hits.push([i, hit]);
      }
      pending.push(i);
    });
    for (const [i, hit] of hits) inOrder.put(i, hit);
    const setup = { fix: Boolean(opts.fix), today, roots, limits, ...(opts.lang ? { lang: opts.lang } : {}), ...(configFile !== undefined ? { configFile } : {}), ...unusedDirectives };
    const workers = workerCount(pending.length, opts.workers);
    if (pending.length === 0) {
      // Every file was a cache hit: no workers, no dictionary.
    } else if (workers > 0) {
      await lintInWorkers(
        pending.map((i) => files[i]!),
        setup,
        workers,
        (k, result) => finished(pending[k]!, withSources(result, ruleSet)),
      );
    } else {
      const services = await loadServices();
      for (const i of pending) {
        const file = files[i]!;
        const fileLang = opts.lang ?? configs.forFile(file).language ?? 'sv';
        finished(i, await lintFile(file, { ruleSet, configs, lang: fileLang, fix: setup.fix, services: { ...services }, today, limits, ...unusedDirectives }));
      }
      markCompleteRun();
    }
    const totals = printer.end();
    if (cache) {
      try {
        await cache.save();
      } catch (error) {
        // A read-only folder: the results still count, the cache is just not kept.
        io.err.write(`policylint: varning / warning: cachen kunde inte sparas / the cache could not be saved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      }
    }
    return exitCode(totals);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError) {
      io.err.write(`policylint: ${error.message}\n`);
      return EXIT.usage;
    }
    // An error from the file system (a folder that vanished, a permission) is a usage error.
    const e = error instanceof Error ? (error as NodeJS.ErrnoException) : undefined;
    if (e && typeof e.code === 'string' && e.syscall) {
      io.err.write(`policylint: ${e.path ?? ''}: ${e.code} ${e.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
