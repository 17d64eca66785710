#!/usr/bin/env node
// Runs the compiled CLI (npm install runs `prepare`, which compiles it).
import '../out/server/src/cli/cli.js';
