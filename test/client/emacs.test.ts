import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';

/**
 * The README's Emacs recipe (eglot, eglot-ensure) run as written in the Emacs this machine has
 * (Debian: emacs-nox 28 with elpa-eglot and elpa-markdown-mode), headless in batch mode: a
 * draft opened in gfm-mode must get policylint's diagnostics through Flymake, with the
 * languageId eglot derives from the mode ("gfm"). Skipped where there is no emacs with eglot.
 */
const probe = spawnSync('emacs', ['--batch', '--eval', '(progn (package-initialize) (princ (if (and (locate-library "eglot") (locate-library "markdown-mode")) emacs-version "")))'], {
  encoding: 'utf8',
});
const version = probe.status === 0 && probe.stdout.trim() ? probe.stdout.trim() : undefined;

function recipe(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Emacs'));
  const elisp = /```elisp\n([\s\S]*?)```/.exec(section)?.[1];
  if (!elisp) throw new Error('no Emacs Lisp block under "### Emacs" in the README');
  // The recipe as a user has it, with the server started from this checkout.
  return elisp.replace('"policylint-server"', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin', 'policylint-server.js'))}`);
}

describe('editors: the README recipe for Emacs (eglot)', function () {
  this.timeout(90_000);
  before(function () {
    if (!version) this.skip();
  });

  it(`gives diagnostics in a gfm-mode buffer in Emacs ${version ?? '(none)'}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-emacs-'));
    try {
      const draft = join(dir, 'utkast.md');
      writeFileSync(draft, '# Internationell policy för Vänersby kommun\n\nKommunen skall arbeta internationellt.\n');
      const out = join(dir, 'diagnostics.txt');
      const events = join(dir, 'events.txt');
      // Around the recipe: packages from Debian's elpa folder (an interactive Emacs activates
      // them itself), the draft in gfm-mode, one round of post-command-hook (eglot-ensure
      // connects after the user's first command; batch mode has none), then Flymake's
      // diagnostics once they arrive (bounded), and eglot's event log.
      const driver = `(package-initialize)
${recipe()}
(find-file ${JSON.stringify(draft)})
(gfm-mode)
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 45)))
  (while (and (not (seq-some (lambda (d) (string-match-p "\\\\[skall\\\\]" (flymake-diagnostic-text d))) (flymake-diagnostics)))
              (< (float-time) deadline))
    (accept-process-output nil 0.2)))
(let ((texts (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
  (with-temp-buffer
    (dolist (text texts) (insert text "\\n"))
    (write-region (point-min) (point-max) ${JSON.stringify(out)})))
(dolist (b (buffer-list))
  (when (string-match-p "EGLOT.*events" (buffer-name b))
    (with-current-buffer b (write-region (point-min) (point-max) ${JSON.stringify(events)}))))
(kill-emacs 0)
`;
      writeFileSync(join(dir, 'driver.el'), driver);
      const run = spawnSync('emacs', ['--batch', '-l', join(dir, 'driver.el')], { cwd: dir, encoding: 'utf8', timeout: 75_000 });
      assert.equal(run.status, 0, run.stderr);
      const diagnostics = readFileSync(out, 'utf8').split('\n').filter(Boolean);
      // Flymake's text: "policylint [rule]: message".
      assert.ok(
        diagnostics.some((d) => /^policylint \[skall\]: Skriv "ska"/.test(d)),
        `${diagnostics.join('\n')}\n${run.stderr}`,
      );
      assert.ok(
        diagnostics.some((d) => /^policylint \[adoption\]/.test(d)),
        diagnostics.join('\n'),
      );
      assert.match(readFileSync(events, 'utf8'), /:languageId "gfm"/, 'eglot names the language after the mode');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
