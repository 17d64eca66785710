#!/usr/bin/env node
// The policylint language server for any LSP editor: `policylint-server --stdio`.
// dist/server.cjs when it is fresh, else the compiled build (see launch.js).
import { launch } from './launch.js';

await launch('../dist/server.cjs', '../out/server/src/lsp/main.js');
