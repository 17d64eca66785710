import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
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
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(JSON.stringify(MARKDOWN_STUB), 'markdown.json');
        if (scopeName === INJECTION) {
          const file = join(REPO, 'syntaxes', 'policylint.injection.tmLanguage.json');
          return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
        }
        return null;
      },
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
    });
    grammar = (await registry.loadGrammar('text.html.markdown'))!;
    assert.ok(grammar);
  });

  it('declares the injection into Markdown the way package.json contributes it', () => {
    const raw = JSON.parse(readFileSync(join(REPO, 'syntaxes', 'policylint.injection.tmLanguage.json'), 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION);
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown -comment/);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes?: { grammars?: { scopeName: string; injectTo?: string[]; path: string }[] } };
    const contributed = pkg.contributes?.grammars?.find((g) => g.scopeName === INJECTION);
    assert.ok(contributed, 'package.json contributes the grammar');
    assert.deepEqual(contributed.injectTo, ['text.html.markdown']);
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
  });

  it('leaves HTML comments and code alone', () => {
    assert.ok(tokens('<!-- policylint-disable skall -->').every(([, s]) => s === ''));
    assert.ok(tokens('Text `ska` här').find(([t]) => t.includes('ska'))![1] === '');
  });
});
