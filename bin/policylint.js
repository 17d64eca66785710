#!/usr/bin/env node
// The CLI: dist/cli.cjs when it is fresh, else the compiled build (see launch.js).
import { launch } from './launch.js';

await launch('../dist/cli.cjs', '../out/server/src/cli/cli.js');
