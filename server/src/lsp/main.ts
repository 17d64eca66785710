#!/usr/bin/env node
/**
 * The policylint language server. Transports: --stdio (Neovim, Helix, Zed, Emacs …),
 * --node-ipc (the VS Code extension), --socket=<port>, --pipe=<name>.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { packageVersion } from '../engine/index.js';
import { strictTransport } from './transport.js';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

const USAGE = `policylint-server: språkserver för policylint / the policylint language server

Användning / usage:
  policylint-server --stdio          JSON-RPC över stdin/stdout (Neovim, Helix, Zed, Emacs …)
  policylint-server --node-ipc       Node IPC (VS Code)
  policylint-server --socket=<port>  TCP

Miljö / environment:
  POLICYLINT_SPELLING=off   ladda inte stavningskontrollen / do not load the spell checker
  POLICYLINT_TODAY=ÅÅÅÅ-MM-DD  datum som räknas som i dag / the date that counts as today
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${packageVersion()}\n`);
} else if (!args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) {
  process.stderr.write(USAGE);
  process.exitCode = 2;
} else if (args.includes('--stdio') || args.includes('--node-ipc')) {
  const { reader, writer } = strictTransport(
    args.includes('--stdio') ? 'stdio' : 'node-ipc',
    (reason) => {
      process.stderr.write(`policylint-server: ${reason}; exiting so the client can restart the server\n`);
      process.exit(1);
    },
    () => process.exit(1),
  );
  startServer(createConnection(ProposedFeatures.all, reader, writer));
} else {
  startServer(createConnection(ProposedFeatures.all));
}
