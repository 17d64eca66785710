#!/usr/bin/env node
// The policylint language server for any LSP editor: `policylint-server --stdio`.
// Runs the compiled server (npm install runs `prepare`, which compiles it).
import '../out/server/src/lsp/main.js';
