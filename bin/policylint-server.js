#!/usr/bin/env node
'use strict';
// The policylint language server for any LSP editor: `policylint-server --stdio`.
// dist/server.cjs when it is fresh, else the compiled build (see launch.js).
const { launch } = require('./launch.js');

// A failure to load is an unhandled rejection: Node prints it and exits with 1.
void launch('../dist/server.cjs', '../out/server/src/lsp/main.js');
