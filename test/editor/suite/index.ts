// The editor suite's entry: VS Code's extension host loads this module (extensionTestsPath)
// and awaits run(). It runs every *.test.js beside it with mocha, in the real extension host,
// against the fixture workspace the runner opened (a fresh copy of test/editor/workspace).
//
// In code-server the runner then reloads the window twice (Developer: Reload Window) and the
// workbench runs this module again; the signal folder's `phase` file says which window this
// is (reload.ts): a fresh window that opens a draft and waits to be reloaded, then the window
// after that reload, which checks the logs.
//
// The spec reporter writes to the extension host's console and, when the runner asks for it
// (POLICYLINT_EDITOR_TEST_OUTPUT), to a file that the runner prints as it grows.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { join } from 'node:path';
import Mocha from 'mocha';
import { showProblemsForScreenshot } from './problems.js';
import { freshWindow } from './reload.js';

function phase(): string {
  const dir = process.env.POLICYLINT_EDITOR_TEST_SIGNAL_DIR;
  const file = dir ? join(dir, 'phase') : undefined;
  return file && existsSync(file) ? readFileSync(file, 'utf8').trim() : 'suite';
}

export async function run(): Promise<void> {
  const now = phase();
  if (now === 'fresh-window') return freshWindow();
  const outputFile = process.env.POLICYLINT_EDITOR_TEST_OUTPUT;
  if (outputFile) {
    if (now === 'suite') writeFileSync(outputFile, '');
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      appendFileSync(outputFile, `${format(...args)}\n`);
      consoleLog(...args);
    };
  }
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    ...(process.env.POLICYLINT_EDITOR_TEST_GREP ? { grep: process.env.POLICYLINT_EDITOR_TEST_GREP } : {}),
  });
  if (now === 'after-reload') mocha.addFile(join(__dirname, 'reload.checks.js'));
  else
    for (const file of readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.js'))
      .sort())
      mocha.addFile(join(__dirname, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  // The Problems panel for the runner's screenshot (code-server only; no-op otherwise).
  if (now === 'suite') await showProblemsForScreenshot();
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
