// The snippets and templates are built in the engine (engine/templates.ts); the server uses them as they are.
export * from '../engine/templates.js';
