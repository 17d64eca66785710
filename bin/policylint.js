#!/usr/bin/env node
'use strict';
// The CLI: dist/cli.cjs when it is fresh, else the compiled build (see launch.js).
const { setFlagsFromString } = require('node:v8');
const { launch } = require('./launch.js');

// V8 sizes the heap by how fast the program allocates, and on a machine with much memory lets
// it grow to 4x what is alive between collections. A run over many drafts allocates briskly
// but keeps little (each draft's results are printed and dropped), so it grew to ~310 MB over
// 1,600 drafts with ~35 MB alive. 1.4x keeps the peak near 235 MB at the same speed (npm run
// bench; 1.7 MB single draft: 385 -> 330 MB, same time). The flag is read at every resize, so
// setting it here, before any work, takes effect; a user's own flag wins.
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=40');

// A failure to load is an unhandled rejection: Node prints it and exits with 1.
void launch('../dist/cli.cjs', '../out/server/src/cli/cli.js');
