import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';

/**
 * The README's Neovim recipe for 0.7–0.10, run as written in the Neovim this machine has
 * (headless): the draft it opens must get policylint's diagnostics. Skipped where there is no
 * nvim (CI installs Debian's).
 */
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = /NVIM v(\d+\.\d+)/.exec(nvim.stdout ?? '')?.[1];

function recipe(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim 0.7–0.10'));
  const lua = /```lua\n([\s\S]*?)```/.exec(section)?.[1];
  if (!lua) throw new Error('no Lua block under "### Neovim 0.7–0.10" in the README');
  // The recipe as a user has it, with the server started from this checkout.
  const server = `'${process.execPath}', '${join(REPO, 'bin', 'policylint-server.js')}'`;
  return lua.replace("'policylint-server'", server);
}

describe('editors: the README recipe for Neovim 0.7–0.10', function () {
  this.timeout(60_000);
  before(function () {
    if (!version) this.skip();
  });

  it(`gives diagnostics in Neovim ${version ?? '(none)'}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-nvim-'));
    try {
      writeFileSync(join(dir, 'utkast.md'), '# Internationell policy för Vänersby kommun\n\nKommunen skall arbeta internationellt.\n');
      const out = join(dir, 'diagnostics.json');
      // After the recipe: wait (bounded) until diagnostics arrive, write them, quit.
      const init = `${recipe()}
local deadline = vim.loop.now() + 30000
local function poll()
  local ds = vim.diagnostic.get(0)
  if #ds > 0 or vim.loop.now() > deadline then
    local rows = {}
    for _, d in ipairs(ds) do table.insert(rows, { code = d.code, message = d.message, lnum = d.lnum }) end
    local f = io.open('${out}', 'w'); f:write(vim.fn.json_encode(rows)); f:close()
    vim.cmd('qa!')
  else
    vim.defer_fn(poll, 200)
  end
end
vim.defer_fn(poll, 500)
`;
      writeFileSync(join(dir, 'init.lua'), init);
      const run = spawnSync('nvim', ['--headless', '-u', join(dir, 'init.lua'), join(dir, 'utkast.md')], { cwd: dir, encoding: 'utf8', timeout: 45_000 });
      assert.equal(run.status, 0, run.stderr);
      const diagnostics = JSON.parse(readFileSync(out, 'utf8')) as { code: string; message: string; lnum: number }[];
      const skall = diagnostics.find((d) => d.code === 'skall');
      assert.ok(skall, JSON.stringify(diagnostics));
      assert.equal(skall.lnum, 2);
      assert.match(skall.message, /^Skriv "ska"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
