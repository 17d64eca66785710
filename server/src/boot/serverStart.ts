// The language server as the extension starts it (dist/server-start.cjs): the bundled server
// beside it, run with a V8 code cache (codeCache.ts).
import path from 'node:path';
import { runBundle } from './codeCache.js';

declare const __policylintDir: string | undefined;

if (typeof __policylintDir !== 'string') throw new Error('serverStart runs from the bundle (dist/server-start.cjs); the ESM build starts out/server/src/lsp/main.js');
runBundle(path.join(__policylintDir, 'server.cjs'));
