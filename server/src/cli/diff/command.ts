import { spawnSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigLoader, FileError, loadRuleSet, loadServices, resolveLimits, todayIso, type Language } from '../../engine/index.js';
import { UsageError } from '../files.js';
import { colorEnabled } from '../formatters/color.js';
import { readDraft } from '../input.js';
import { lintSource } from '../lintFiles.js';
import { openSink } from '../output.js';
import type { FileResult } from '../results.js';
import { compareResults } from './compare.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from './format.js';

interface Version {
  /** How the version is named in the output. */
  name: string;
  /** The path whose configuration applies. */
  filePath: string;
  text: string;
}

function readVersion(path: string, cwd: string): Version {
  const filePath = resolve(cwd, path);
  const read = readDraft(filePath);
  if (!read.ok) throw new UsageError(`${path}: ${read.cause.sv} / ${read.cause.en}`);
  return { name: path, filePath, text: read.text };
}

/** The file as it was at a git revision (`git show REV:./FILE`, run in the file's folder). */
function gitVersion(rev: string, path: string, cwd: string): Version {
  const filePath = resolve(cwd, path);
  const folder = dirname(filePath);
  const spec = `${rev}:./${relative(folder, filePath).split('\\').join('/')}`;
  if (rev.startsWith('-')) throw new UsageError(`--git: ogiltig revision "${rev}" / invalid revision`);
  const shown = spawnSync('git', ['show', spec], { cwd: folder, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  if (shown.error) throw new UsageError(`git kunde inte köras / git could not be run (${(shown.error as NodeJS.ErrnoException).code})`);
  if (shown.status !== 0) throw new UsageError(`git show ${spec}: ${shown.stderr.toString('utf8').trim()}`);
  return { name: `${path}@${rev}`, filePath, text: shown.stdout.toString('utf8') };
}

/**
 * `policylint diff OLD NEW` or `policylint diff --git REV FILE`: what changed in what the
 * draft says about its governance, and which problems the new version introduces or resolves.
 * Both versions are linted with the configuration in force for the (new) file's path.
 */
export async function runDiff(argv: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): Promise<number> {
  const program = new Command()
    .name('policylint diff')
    .description('Vad som ändrats i styrningen mellan två versioner av ett dokument. / What changed in governance between two versions of a document.')
    .argument('<paths...>', 'GAMMAL NY, eller med --git: FIL / OLD NEW, or with --git: FILE')
    .option('--git <rev>', 'jämför FIL med dess version i en git-revision / compare FILE with its version at a git revision')
    .addOption(new Option('-f, --format <format>', 'utdataformat / output format').choices([...DIFF_FORMATS]).default('stylish'))
    .addOption(new Option('--lang <lang>', 'språk för meddelanden / message language').choices(['sv', 'en']))
    .option('--today <date>', 'datum som räknas som i dag (YYYY-MM-DD) / the date that counts as today')
    .option('-o, --output-file <file>', 'skriv utdata till en fil / write the output to a file')
    .option('--color', 'färg även utan terminal / colour even without a terminal')
    .option('--no-color', 'ingen färg / no colour')
    .option('-c, --config <file>', 'använd denna konfiguration / use this configuration')
    .option('--no-config', 'läs ingen konfigurationsfil / read no configuration file')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });
  const cwd = process.cwd();
  try {
    try {
      program.parse(argv, { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
      throw error;
    }
    const opts = program.opts<{ git?: string; format: DiffFormat; lang?: Language; today?: string; outputFile?: string; color?: boolean; config?: string | false }>();
    if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new UsageError(`--today vill ha YYYY-MM-DD, fick "${opts.today}"`);
    const args = program.args;
    if (opts.git ? args.length !== 1 : args.length !== 2) throw new UsageError('diff vill ha två filer, eller --git REV och en fil / diff takes two files, or --git REV and one file');
    const [before, after] = opts.git ? [gitVersion(opts.git, args[0]!, cwd), readVersion(args[0]!, cwd)] : [readVersion(args[0]!, cwd), readVersion(args[1]!, cwd)];
    const today = opts.today ?? todayIso();
    const ruleSet = loadRuleSet();
    const limits = resolveLimits();
    const configs = new ConfigLoader(ruleSet, { roots: [cwd, dirname(after.filePath)], limits, ...(opts.config !== undefined ? { configFile: opts.config } : {}) });
    const services = await loadServices();
    // Both versions under the new file's configuration: a changed config is not a changed draft.
    const lintVersion = (v: Version): FileResult => {
      const lang = opts.lang ?? configs.forFile(after.filePath).language ?? 'sv';
      const result = lintSource(after.filePath, v.text, { ruleSet, configs, lang, today, limits, services: { ...services } });
      if (!result) throw new UsageError(`${v.name}: filen ignoreras av konfigurationen / the file is ignored by the configuration`);
      return result;
    };
    const changes = compareResults(lintVersion(before), lintVersion(after), today);
    const sink = openSink(opts.outputFile, io.out, cwd);
    const color = opts.color ?? (opts.outputFile ? false : colorEnabled(process.stdout));
    sink.write(formatDiff(changes, opts.format, opts.lang ?? 'sv', color, { before: before.name, after: after.name }));
    sink.close();
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError) {
      io.err.write(`policylint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
