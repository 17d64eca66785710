import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { loadRuleSet } from '../../server/src/engine/index.js';
import { Highlighter } from '../../server/src/lsp/semanticTokens.js';
import { LspClient } from '../server/lspClient.js';
import { REPO } from '../helpers/paths.js';

const require = createRequire(import.meta.url);
const INJECTION = 'text.policylint.injection';

/** A stand-in for VS Code's Markdown grammar: comments, fenced and inline code, plain text. */
const MARKDOWN_STUB = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { match: '^#{1,6} ', name: 'punctuation.definition.heading.markdown' },
  ],
};

let grammar: textmate.IGrammar;

/** The scopes of each token of a line, as [text, innermost policylint scope or ''] pairs. */
function tokens(line: string): [string, string][] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.filter((s) => s.endsWith('.policylint')).pop() ?? '']);
}

function scopeOf(line: string, text: string): string | undefined {
  return tokens(line).find(([t]) => t === text)?.[1];
}

describe('TextMate injection grammar (vscode-textmate + vscode-oniguruma)', () => {
  before(async () => {
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: (scopeName: string) => {
        if (scopeName === 'text.html.markdown') return Promise.resolve(textmate.parseRawGrammar(JSON.stringify(MARKDOWN_STUB), 'markdown.json'));
        if (scopeName === INJECTION) {
          const file = join(REPO, 'syntaxes', 'policylint.injection.tmLanguage.json');
          return Promise.resolve(textmate.parseRawGrammar(readFileSync(file, 'utf8'), file));
        }
        return Promise.resolve(null);
      },
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
    });
    grammar = (await registry.loadGrammar('text.html.markdown'))!;
    assert.ok(grammar);
  });

  it('is generated from the bodies data and not injected into every Markdown file', () => {
    const raw = JSON.parse(readFileSync(join(REPO, 'syntaxes', 'policylint.injection.tmLanguage.json'), 'utf8')) as { scopeName: string; $comment: string };
    assert.equal(raw.scopeName, INJECTION);
    assert.match(raw.$comment, /generate-grammar/);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      contributes: Record<string, unknown> & { semanticTokenScopes?: { language?: string; scopes: Record<string, string[]> }[] };
    };
    // A grammar cannot tell a README from a policy: colouring comes from the server instead.
    assert.equal(JSON.stringify(pkg.contributes.grammars ?? []).includes(INJECTION), false, 'the grammar is not injected into Markdown');
    const scopes = pkg.contributes.semanticTokenScopes?.find((s) => s.language === 'markdown')?.scopes ?? {};
    assert.deepEqual(scopes['keyword.archaic'], ['keyword.other.obligation.archaic.policylint']);
    assert.deepEqual(scopes['type'], ['entity.name.type.body.policylint']);
  });

  it('colours every known body of the bodies data', () => {
    const bodies = loadRuleSet()
      .bodies.known.flatMap((b) => b.patterns)
      .filter((p) => !p.includes(' '));
    assert.ok(bodies.length > 40);
    for (const phrase of bodies) {
      // "*nämnden" → "Skolnämnden", "kommunstyrelse*" → "kommunstyrelsen".
      const sample = phrase.startsWith('*') ? `Skol${phrase.slice(1)}` : phrase.endsWith('*') ? `${phrase.slice(0, -1)}n` : phrase;
      assert.equal(scopeOf(`Det gäller ${sample} i år.`, sample), 'entity.name.type.body.policylint', phrase);
    }
    // Abbreviations only in capitals: "ks" is not a body.
    assert.deepEqual(
      tokens('Se ks och KS.')
        .filter(([, scope]) => scope)
        .map(([t]) => t),
      ['KS'],
    );
  });

  it('highlights obligation words, with skall marked archaic', () => {
    const line = 'Kommunen ska redovisa, nämnderna bör delta och får söka medel; policyn skall följas.';
    assert.equal(scopeOf(line, 'ska'), 'keyword.other.obligation.policylint');
    assert.equal(scopeOf(line, 'bör'), 'keyword.other.obligation.policylint');
    assert.equal(scopeOf(line, 'får'), 'keyword.other.obligation.policylint');
    assert.equal(scopeOf(line, 'skall'), 'keyword.other.obligation.archaic.policylint');
    // Not inside other words.
    assert.equal(scopeOf('Skador och fåran', 'Skador och fåran'), '');
  });

  it('highlights bodies', () => {
    const line = 'Kommunstyrelsen ansvarar och barn- och utbildningsnämnden samt kommunledningsförvaltningen rapporterar till KF.';
    assert.equal(scopeOf(line, 'Kommunstyrelsen'), 'entity.name.type.body.policylint');
    assert.equal(scopeOf(line, 'barn- och utbildningsnämnden'), 'entity.name.type.body.policylint');
    assert.equal(scopeOf(line, 'kommunledningsförvaltningen'), 'entity.name.type.body.policylint');
    assert.equal(scopeOf(line, 'KF'), 'entity.name.type.body.policylint');
  });

  it('highlights intervals and frequencies', () => {
    const line = 'Policyn ska revideras vart fjärde år och följas upp årligen i årsredovisningen, senast ett år efter valet.';
    assert.equal(scopeOf(line, 'vart fjärde år'), 'string.other.interval.policylint');
    assert.equal(scopeOf(line, 'årligen'), 'string.other.frequency.policylint');
    assert.equal(scopeOf(line, 'i årsredovisningen'), 'string.other.frequency.policylint');
    assert.equal(scopeOf(line, 'senast ett år efter valet'), 'string.other.interval.policylint');
    assert.equal(scopeOf('Uppföljning sker en gång per år.', 'en gång per år'), 'string.other.frequency.policylint');
  });

  it('highlights dates, § references and diarienummer', () => {
    const line = 'Antagen av kommunfullmäktige den 25 april 2007, § 85 (dnr KS 2024/512), gäller till 2028-12-31 och för 2019–2022; se 11 § språklagen.';
    assert.equal(scopeOf(line, '25 april 2007'), 'constant.numeric.date.policylint');
    assert.equal(scopeOf(line, '2028-12-31'), 'constant.numeric.date.policylint');
    assert.equal(scopeOf(line, '2019–2022'), 'constant.numeric.date.period.policylint');
    assert.equal(scopeOf(line, '§ 85'), 'constant.other.reference.paragraph.policylint');
    assert.equal(scopeOf(line, '11 §'), 'constant.other.reference.paragraph.policylint');
    assert.equal(scopeOf(line, 'dnr KS 2024/512'), 'constant.other.reference.diarienummer.policylint');
    // Not a case number: a body and a date.
    assert.equal(scopeOf('Beslut i KS 2024-09-09, § 132.', '2024-09-09'), 'constant.numeric.date.policylint');
  });

  it('leaves HTML comments and code alone', () => {
    assert.ok(tokens('<!-- policylint-disable skall -->').every(([, s]) => s === ''));
    assert.ok(tokens('Text `ska` här').find(([t]) => t.includes('ska'))![1] === '');
  });
});

const SAMPLE_LINES = [
  'Kommunen ska redovisa, nämnderna bör delta och får söka medel; policyn skall följas.',
  'Kommunstyrelsen ansvarar och barn- och utbildningsnämnden samt kommunledningsförvaltningen rapporterar till KF.',
  'Policyn ska revideras vart fjärde år och följas upp årligen i årsredovisningen, senast ett år efter valet.',
  'Antagen av kommunfullmäktige den 25 april 2007, § 85 (dnr KS 2024/512), gäller till 2028-12-31 och för 2019–2022; se 11 § språklagen.',
];

describe('semantic tokens (the server colours governing documents only)', () => {
  const highlighter = new Highlighter(loadRuleSet().bodies);

  it('gives the same tokens in JavaScript as the grammar gives in Oniguruma', () => {
    for (const line of SAMPLE_LINES) {
      const fromServer = highlighter.tokens(line).map((t) => [line.slice(t.start, t.start + t.length), t.pattern.scope]);
      const fromGrammar = tokens(line).filter(([, scope]) => scope);
      assert.deepEqual(fromServer, fromGrammar, line);
    }
  });

  it('leaves front matter, code and comments alone and keeps positions', () => {
    const text = '---\ntyp: policy\nbeslutad: 2024-01-01\n---\n\n```\nKS ska\n```\n<!-- ska -->\nText `ska` här, men KS ska.\n';
    const found = highlighter.tokens(text).map((t) => `${t.line}:${t.start}:${text.split('\n')[t.line]!.slice(t.start, t.start + t.length)}`);
    assert.deepEqual(found, ['9:20:KS', '9:23:ska']);
  });

  it('answers only for documents in scope: a README gets none, a policy draft gets its colours', async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(join(tmpdir(), 'policylint-tokens-'));
    const client = new LspClient({ workspaceFolders: [dir] });
    try {
      const init = await client.request<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
        capabilities: { textDocument: { semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } }, workspace: { configuration: true } },
      });
      await client.notify('initialized', {});
      const legend = init.capabilities.semanticTokensProvider?.legend;
      assert.ok(legend, 'the server offers semantic tokens');
      const readme = await client.open(join(dir, 'README.md'), '# Anteckningar\n\nKS ska titta på detta senast 2025-01-01.\n');
      const draft = await client.open(join(dir, 'utkast.md'), '# Internationell policy för Vänersby kommun\n\nKommunstyrelsen skall följa upp policyn årligen.\n');
      const data = async (uri: string): Promise<number[]> => (await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data;
      assert.deepEqual(await data(readme), []);
      const tokensOfDraft = await data(draft);
      // [line delta, start, length, type, modifiers] for "Kommunstyrelsen", "skall", "årligen".
      const decoded = [];
      for (let i = 0; i < tokensOfDraft.length; i += 5) decoded.push([legend.tokenTypes[tokensOfDraft[i + 3]!], tokensOfDraft[i + 2], tokensOfDraft[i + 4]]);
      assert.deepEqual(decoded.slice(-3), [
        ['type', 15, 0],
        ['keyword', 5, 1],
        ['string', 7, 0],
      ]);
      assert.deepEqual(legend.tokenModifiers, ['archaic']);
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
