import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { REPO } from '../helpers/paths.js';
import { applyEdits, LspClient, messageText } from './lspClient.js';

const DRAFT = readFileSync(join(REPO, 'examples', 'strandvik-internationell-strategi.md'), 'utf8');
/** Markdown that is not a governing document: a project's notes, with words the rules would flag. */
const NOTES = '# Anteckningar från mötet\n\nVi pratade om att SKL skall ses över och att landstinget har frågan.\n';

function workspace(): { root: string; policies: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'policylint-lsp-'));
  const policies = join(root, 'styrdokument');
  const outside = join(root, 'annat');
  mkdirSync(policies);
  mkdirSync(outside);
  writeFileSync(join(policies, '.policylintrc.yaml'), 'extends: policylint:recommended\n');
  return { root, policies, outside };
}

function textEdits(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit;
  assert.ok(edit, `action "${action.title}" has an edit`);
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? (c.edits as TextEdit[]) : []));
}

function byCode(items: Diagnostic[], code: string): Diagnostic[] {
  return items.filter((d) => d.code === code);
}

describe('language server over stdio (pull diagnostics)', function () {
  this.timeout(30_000);
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;
  let uri: string;

  before(async () => {
    ws = workspace();
    client = new LspClient({ workspaceFolders: [ws.root] });
    const init = await client.initialize();
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics announced');
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.completionProvider);
    assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.policylint']);
    // Its own version, not one npm happens to set in the environment.
    assert.equal(init.serverInfo?.version, (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
    uri = await client.open(join(ws.policies, 'utkast.md'), DRAFT);
  });

  after(async () => {
    await client.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('registers watchers for config files and word lists', async () => {
    const registration = await client.until(() => client.registrations.find((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
    const globs = (registration as { registerOptions: { watchers: { globPattern: string }[] } }).registerOptions.watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/.policylintrc.yaml'));
    assert.ok(globs.includes('**/.policylint/ordlista.txt'));
  });

  it('pulls diagnostics with code, source, doc link, related clauses and data', async () => {
    const items = await client.pullItems(uri);
    assert.ok(items.length > 5, `expected diagnostics, got ${items.length}`);
    const skall = byCode(items, 'skall');
    assert.ok(skall.length >= 5);
    const d = skall[0]!;
    assert.equal(d.source, 'policylint');
    assert.equal(d.severity, 3);
    assert.equal(d.range.start.line, 2);
    assert.equal(d.message, 'Skriv "ska" i stället för "skall".');
    assert.match(d.codeDescription!.href, /docs\/rules\/skall\.md$/);
    const related = d.relatedInformation![0]!;
    assert.match(related.location.uri, /rules\/sources\/alingsas\.md$/);
    assert.match(related.message, /Alingsås kommun, Internationell policy/);
    assert.match(related.message, /skall vila på/);
    assert.deepEqual(Object.keys(d.data as object).sort(), ['fixable', 'index', 'ruleId', 'version']);
    assert.ok(byCode(items, 'goals').length === 1, 'the missing goals section is reported');
  });

  it('answers "unchanged" for the same version', async () => {
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const second = await client.pull(uri, (first as { resultId: string }).resultId);
    assert.equal(second.kind, 'unchanged');
  });

  it('hovers a diagnostic with the rule, the rationale and the quoted clause', async () => {
    const d = byCode(await client.pullItems(uri), 'skall')[0]!;
    const hover = await client.hover(uri, d.range.start);
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Skriv "ska" i stället för "skall"\*\*/);
    assert.match(value, /Språklagen/);
    assert.match(value, /> den gemensamma plattform som Alingsås kommuns internationella arbete skall vila på/);
    assert.match(value, /Alingsås kommun, \*Internationell policy\*/);
    assert.match(value, /antagen av kommunfullmäktige 2007-04-25 § 85/);
    assert.match(value, /\[Öppna källan\]\(file:\/\/.*rules\/sources\/alingsas\.md#L\d+\)/);
  });

  it('hovers a known section heading with what the source documents say there', async () => {
    const hover = await client.hover(uri, { line: 12, character: 4 }); // "## Syfte"
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /Syfte/);
    assert.match(value, /Åmåls kommun/);
    assert.match(value, /rules\/sources\/amal\.md#L\d+/);
  });

  it('hovers a body name with what it is', async () => {
    // Line 36: "… kommunfullmäktiges ordförande eller kommunstyrelsens ordförande."
    const line = DRAFT.split('\n')[35]!;
    const hover = await client.hover(uri, { line: 35, character: line.indexOf('kommunstyrelsens') + 3 });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*kommunstyrelsen\*\*/);
    assert.match(value, /Leder och samordnar/);
  });

  it('keeps the section list open after the space of "## " (the space is a trigger character)', async () => {
    const docUri = await client.open(join(ws.policies, 'rubrik.md'), `${DRAFT}\n## `);
    const line = DRAFT.split('\n').length;
    const items = await client.complete(docUri, { line, character: 3 }, ' ');
    assert.ok(
      items.some((i) => i.label === '## Syfte'),
      items.map((i) => i.label).join(', '),
    );
    // Elsewhere a space still opens nothing.
    assert.deepEqual(await client.complete(uri, { line: 2, character: 5 }, ' '), []);
  });

  it('completes section snippets and the metadata block at the start of a line', async () => {
    const lines = DRAFT.split('\n').length;
    const docUri = await client.open(join(ws.policies, 'komplettering.md'), `${DRAFT}\n## `);
    const items = await client.complete(docUri, { line: lines, character: 3 }, '#');
    const labels = items.map((i) => i.label);
    for (const l of ['## Syfte', '## Mål', '## Organisation och ansvar', '## Uppföljning och utvärdering', '## Revidering', '## Ekonomi och finansiering', '## Relaterade styrdokument']) {
      assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
    }
    const follow = items.find((i) => i.label === '## Uppföljning och utvärdering')!;
    assert.equal(follow.insertTextFormat, 2);
    assert.match((follow.textEdit as TextEdit).newText, /\$\{1\|\[hur ofta\],årligen,varje år,en gång per år,varje mandatperiod\|\}/);
    // The missing section sorts first.
    const goals = items.find((i) => i.label === '## Mål')!;
    assert.ok(goals.sortText! < follow.sortText!);

    const top = await client.open(join(ws.policies, 'ny.md'), '');
    const topItems = await client.complete(top, { line: 0, character: 0 });
    const fm = topItems.find((i) => i.label === 'Metadata (front matter)');
    assert.ok(fm, 'front matter snippet offered on the first line');
    assert.match((fm.textEdit as TextEdit).newText, /^---\nstatus: utkast\ntyp: \$\{1\|policy,strategi,riktlinje,program,plan\|\}\nbeslutad-av: \$\{2\|kommunfullmäktige,kommunstyrelsen\|\}/);
    assert.ok(topItems.find((i) => i.label === 'Metadata (tabell)'));
  });

  it('completes rule ids and directive words inside policylint comments', async () => {
    const docUri = await client.open(join(ws.policies, 'kommentar.md'), `${DRAFT}\n<!-- policylint-disable-next-line skall `);
    const line = DRAFT.split('\n').length;
    const prefix = '<!-- policylint-disable-next-line skall ';
    const items = await client.complete(docUri, { line, character: prefix.length }, ' ');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('follow-up') && labels.includes('outdated-name'));
    assert.ok(!labels.includes('skall'), 'ids already listed are not offered again');

    await client.change(docUri, [{ range: { start: { line, character: 0 }, end: { line, character: prefix.length } }, text: '<!-- policylint-' }]);
    const words = (await client.complete(docUri, { line, character: '<!-- policylint-'.length }, '-')).map((i) => i.label);
    assert.deepEqual(words, ['policylint-disable-next-line', 'policylint-disable-line', 'policylint-disable-file', 'policylint-disable', 'policylint-enable']);
  });

  it('completes body names in running text', async () => {
    const docUri = await client.open(join(ws.policies, 'organ.md'), `${DRAFT}\nArbetet leds av kommunst`);
    const line = DRAFT.split('\n').length;
    const items = await client.complete(docUri, { line, character: 'Arbetet leds av kommunst'.length });
    const ks = items.find((i) => i.label === 'kommunstyrelsen');
    assert.ok(ks);
    assert.deepEqual((ks.textEdit as TextEdit).range.start, { line, character: 'Arbetet leds av '.length });
  });

  it('offers skall → ska and applies it', async () => {
    const d = byCode(await client.pullItems(uri), 'skall')[0]!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const fix = actions.find((a) => a.kind === 'quickfix' && /ska/.test(a.title) && a.isPreferred);
    assert.ok(fix, `fix among ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyEdits(DRAFT, textEdits(fix, uri));
    assert.match(fixed.split('\n')[2]!, /Denna strategi ska ge/);
  });

  it('offers inserting the missing section as plain edits when the client has no snippet edits', async () => {
    const d = byCode(await client.pullItems(uri), 'goals')[0]!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const insert = actions.find((a) => a.title === 'Infoga avsnittet "Mål"');
    assert.ok(insert, actions.map((a) => a.title).join(' | '));
    const edits = textEdits(insert, uri);
    assert.equal(edits.length, 1);
    assert.match(edits[0]!.newText, /^## Mål\n\nKommunen\n/);
    const fixed = applyEdits(DRAFT, edits);
    // Before "Organisation och ansvar" (here "## Ansvar"), after the other sections.
    assert.ok(fixed.indexOf('## Mål') < fixed.indexOf('## Ansvar'));
    assert.ok(fixed.indexOf('## Mål') > fixed.indexOf('## Syfte'));
  });

  it('offers fixing every "skall" in the document beside the single fix', async () => {
    const items = byCode(await client.pullItems(uri), 'skall');
    assert.ok(items.length >= 2, 'the example has several "skall"');
    const actions = await client.codeActions(uri, items[0]!.range, [items[0]!]);
    const all = actions.find((a) => a.title.startsWith('Rätta alla ”skall” i dokumentet'))!;
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    const fixed = applyEdits(DRAFT, textEdits(all, uri));
    assert.doesNotMatch(fixed, /(?<![\p{L}])skall(?![\p{L}])/iu);
    assert.equal(fixed, DRAFT.replace(/(?<![\p{L}])(S|s)kall(?![\p{L}])/gu, '$1ka'));
  });

  it('offers disabling a rule for a line and for the file, named in words', async () => {
    const d = byCode(await client.pullItems(uri), 'skall')[0]!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const line = actions.find((a) => a.title === 'Stäng av ”Skriv "ska" i stället för "skall"” på den här raden')!;
    const file = actions.find((a) => a.title === 'Stäng av ”Skriv "ska" i stället för "skall"” i hela filen')!;
    const lineFixed = applyEdits(DRAFT, textEdits(line, uri));
    assert.equal(lineFixed.split('\n')[2], '<!-- policylint-disable-next-line skall -->');
    const fileFixed = applyEdits(DRAFT, textEdits(file, uri));
    assert.ok(fileFixed.startsWith('<!-- policylint-disable-file skall -->\n# Internationell strategi'));

    // The engine honours the inserted comment.
    const check = await client.open(join(ws.policies, 'avstangd.md'), lineFixed);
    const remaining = byCode(await client.pullItems(check), 'skall');
    assert.ok(remaining.every((r) => r.range.start.line !== 3));
    assert.equal(remaining.length, byCode(await client.pullItems(uri), 'skall').length - 1);
  });

  it('fixes all safe problems with source.fixAll.policylint', async () => {
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.policylint');
    const fixed = applyEdits(DRAFT, textEdits(actions[0]!, uri));
    assert.doesNotMatch(fixed, /\bskall\b/);
    assert.match(fixed, /Sveriges Kommuner och Regioner/);
  });

  it('re-lints an edit at once', async () => {
    const before = byCode(await client.pullItems(uri), 'skall').length;
    const d = byCode(await client.pullItems(uri), 'skall')[0]!;
    await client.change(uri, [{ range: d.range, text: 'ska' }]);
    const after = await client.pullItems(uri);
    assert.equal(byCode(after, 'skall').length, before - 1);
  });

  it('shows on the title what the document says about its governance', async () => {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.match(hover!.contents.value, /Vad dokumentet säger om sin styrning/);
    assert.match(hover!.contents.value, /Revideras \(ingen cykel\): vid behov, rad 42/);
    assert.match(hover!.contents.value, /Läsbarhet \(hela dokumentet\): LIX \d+ \((mycket lätt|lätt|medelsvår|svår|mycket svår)\)/);
  });

  it("shows a section's readability on its heading", async () => {
    const line = DRAFT.split('\n').findIndex((l) => l.startsWith('## Syfte'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    assert.match(hover!.contents.value, /Läsbarhet \(avsnittet\): LIX \d+/);
  });

  it('answers the compliance request with found and missing elements', async () => {
    const result = await client.request<{ linted: boolean; items: { ruleId: string; status: string; sources: { uri: string }[] }[]; counts: { errors: number } }>('policylint/compliance', { uri });
    assert.ok(result.linted);
    const status = Object.fromEntries(result.items.map((i) => [i.ruleId, i.status]));
    assert.equal(status.goals, 'missing');
    assert.equal(status.purpose, 'found');
    assert.equal(status['follow-up'], 'incomplete');
    assert.ok(result.counts.errors > 0);
    assert.match(result.items.find((i) => i.ruleId === 'follow-up')!.sources[0]!.uri, /^file:.*#L\d+$/);
    // Each element named with its state in the document's language, and what the document says.
    const items = result.items as unknown as { ruleId: string; element: string; state: string; facts: string[] }[];
    const purpose = items.find((i) => i.ruleId === 'purpose')!;
    assert.deepEqual([purpose.element, purpose.state], ['Syfte', 'finns']);
    const review = items.find((i) => i.ruleId === 'review-cycle')!;
    assert.equal(review.element, 'Revidering');
    assert.ok(review.facts.includes('Revideras (ingen cykel): vid behov, rad 42'), review.facts.join(' | '));
    assert.match((result as unknown as { readability: string }).readability, /^LIX \d+ \((mycket lätt|lätt|medelsvår|svår|mycket svår)\)$/);
  });

  it('returns a new-document template with every section and the metadata as front matter', async () => {
    const result = await client.request<{ snippet: string; text: string }>('policylint/template', { documentType: 'policy' });
    assert.match(result.text, /^---\nstatus: utkast\ntyp: policy\nbeslutad-av: kommunfullmäktige\n/);
    for (const h of ['## Syfte', '## Mål', '## Organisation och ansvar', '## Uppföljning och utvärdering', '## Revidering', '## Relaterade styrdokument']) assert.ok(result.text.includes(h), h);
    assert.ok(result.snippet.endsWith('$0'));
  });

  it('refreshes diagnostics with new severities when the config file changes', async () => {
    const configFile = join(ws.policies, '.policylintrc.yaml');
    assert.equal(byCode(await client.pullItems(uri), 'skall')[0]!.severity, 3);
    writeFileSync(configFile, 'extends: policylint:recommended\nrules:\n  skall: error\n  outdated-name: "off"\n');
    const refreshes = client.refreshes;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    await client.until(() => client.refreshes > refreshes, 'workspace/diagnostic/refresh');
    const items = await client.pullItems(uri);
    assert.equal(byCode(items, 'skall')[0]!.severity, 1);
    assert.equal(byCode(items, 'outdated-name').length, 0);
  });

  it('reports a broken config once, naming file, line and cause, and keeps serving', async () => {
    const configFile = join(ws.policies, '.policylintrc.yaml');
    writeFileSync(configFile, 'extends: policylint:recommended\nrules:\n  skal: error\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    const items = await client.pullItems(uri);
    assert.ok(items.length > 0, 'still lints (with the default rules)');
    await client.pullItems(uri);
    const message = await client.until(() => client.messages.find((m) => m.message.includes('.policylintrc.yaml')), 'error notification');
    assert.equal(message.type, 1);
    assert.match(message.message, /\.policylintrc\.yaml:3: okänd regel "skal"/);
    const configUri = pathToFileURL(configFile).href;
    const published = await client.until(() => client.published.get(configUri), 'config diagnostic');
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0]!.range.start.line, 2);
    assert.equal(client.messages.filter((m) => m.message.includes('skal')).length, 1, 'notified once');

    writeFileSync(configFile, 'extends: policylint:recommended\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.until(() => client.published.get(configUri)?.diagnostics.length === 0 && true, 'config diagnostic cleared');
  });

  it('leaves other Markdown outside policylint folders alone, unless it says it is a governing document or include matches', async () => {
    const plain = await client.open(join(ws.outside, 'README.md'), NOTES);
    assert.deepEqual(await client.pullItems(plain), []);
    assert.deepEqual(await client.complete(plain, { line: 0, character: 0 }), []);

    // A draft whose title says what it is needs no configuration.
    const titled = await client.open(join(ws.outside, 'utkast.md'), DRAFT);
    assert.ok((await client.pullItems(titled)).some((d) => d.code === 'skall'));

    const typed = await client.open(join(ws.outside, 'policy.md'), `---\ntyp: policy\n---\n\n${DRAFT}`);
    assert.ok((await client.pullItems(typed)).length > 0);

    client.settings = { include: ['annat/**/*.md'] };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await client.pullItems(plain)).length > 0, 'included by the setting');
    client.settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.pullItems(plain), []);
  });

  it('registers for configuration changes, and a changed language applies at once', async () => {
    await client.until(() => client.registrations.find((r) => (r as { method: string }).method === 'workspace/didChangeConfiguration'), 'configuration registration');
    const uri = await client.open(join(ws.policies, 'sprak.md'), DRAFT);
    assert.match(messageText((await client.pullItems(uri)).find((d) => d.code === 'skall')!), /^Skriv "ska"/);
    client.settings = { language: 'en' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.match(messageText((await client.pullItems(uri)).find((d) => d.code === 'skall')!), /^Write "ska"/);
    client.settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('sends at most maxNumberOfProblems diagnostics, errors first, with a notice of the rest', async () => {
    const text = `${DRAFT}\n${Array.from({ length: 40 }, (_, i) => `Kommunen skall ordna möte nummer ${i + 1}.`).join('\n\n')}\n`;
    const many = await client.open(join(ws.policies, 'manga.md'), text);
    client.settings = { maxNumberOfProblems: 0 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const all = await client.pullItems(many);
    const severe = all.filter((d) => d.severity === 1 || d.severity === 2);
    const infos = all.filter((d) => d.severity === 3);
    assert.ok(severe.length > 0 && infos.length >= 40, `a mix of severities (${severe.length} errors and warnings, ${infos.length} info)`);
    assert.ok(!all.some((d) => d.code === 'max-problems'), 'no notice without a limit');

    client.settings = { maxNumberOfProblems: severe.length + 2 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const capped = await client.pullItems(many);
    const notice = capped.filter((d) => d.code === 'max-problems');
    assert.equal(notice.length, 1);
    assert.match(messageText(notice[0]!), new RegExp(`^Visar ${severe.length + 2} av ${all.length} problem`));
    assert.deepEqual(notice[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const shown = capped.filter((d) => d.code !== 'max-problems');
    const key = (d: Diagnostic): string => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
    // Every error and warning, then the first two info findings in document order.
    assert.deepEqual(shown.map(key).sort(), [...severe, ...infos.slice(0, 2)].map(key).sort());

    // A sent finding still leads to its fixes: its data points into the whole result.
    const fixable = shown.filter((d) => (d.data as { fixable?: boolean }).fixable);
    assert.ok(fixable.length > 0);
    for (const d of fixable) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: many }, range: d.range, context: { diagnostics: [d] } });
      assert.ok(
        actions.some((a) => a.edit && textEdits(a, many).length > 0 && a.diagnostics?.[0]?.code === d.code),
        `a fix for ${key(d)}`,
      );
    }
    client.settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('lints Markdown whatever the client calls its language (Emacs gfm-mode sends "gfm")', async () => {
    const uri = await client.open(join(ws.policies, 'gfm.md'), DRAFT, 'gfm');
    assert.ok((await client.pullItems(uri)).some((d) => d.code === 'skall'));
  });

  it('gives each problem one related location: the clause that quotes its word, or none', async () => {
    const uri = await client.open(join(ws.policies, 'relaterat.md'), `${DRAFT}\nKommunen samarbetar med SKL och Ungdomsstyrelsen.\n`);
    const items = await client.pullItems(uri);
    for (const d of items) assert.ok((d.relatedInformation ?? []).length <= 1, `${String(d.code)} has ${d.relatedInformation?.length} related locations`);
    const skl = items.find((d) => d.code === 'outdated-name' && /"SKL"/.test(messageText(d)))!;
    assert.equal(skl.relatedInformation, undefined, 'no source quotes SKL: none is shown');
    const youth = items.find((d) => d.code === 'outdated-name' && /Ungdomsstyrelsen/.test(messageText(d)))!;
    assert.match(youth.relatedInformation![0]!.message, /Ungdomsstyrelsen/);
  });

  it('"Aktivera policylint här" writes the starter config into the workspace folder, once', async () => {
    const notes = join(ws.outside, 'vision.md');
    const docUri = await client.open(notes, '# Vision 2030\n\nKommunen skall växa.\n');
    assert.deepEqual(await client.pullItems(docUri), [], 'not recognised as a governing document');
    const result = await client.request<{ file: string }>('workspace/executeCommand', { command: 'policylint.server.enableHere', arguments: [{ uri: docUri }] });
    assert.equal(result.file, join(ws.root, '.policylintrc.yaml'));
    assert.match(readFileSync(result.file, 'utf8'), /^extends: policylint:recommended$/m);
    assert.ok(
      (await client.pullItems(docUri)).some((d) => d.code === 'skall'),
      'linted once the config is there',
    );
    await assert.rejects(client.request('workspace/executeCommand', { command: 'policylint.server.enableHere', arguments: [{ uri: docUri }] }), /finns redan/);
    rmSync(result.file);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(result.file).href, type: 3 }] });
  });

  it('lints the whole workspace, opened or not, and pushes diagnostics for unopened files', async () => {
    writeFileSync(join(ws.policies, 'oppnad-inte.md'), DRAFT);
    writeFileSync(join(ws.outside, 'anteckningar.md'), NOTES);
    const result = await client.request<{ files: number; errors: number; withProblems: string[] }>('workspace/executeCommand', { command: 'policylint.server.lintWorkspace', arguments: [] });
    const unopened = pathToFileURL(join(ws.policies, 'oppnad-inte.md')).href;
    assert.ok(result.withProblems.includes(unopened));
    assert.ok(!result.withProblems.some((u) => u.endsWith('anteckningar.md')));
    const pushed = await client.until(() => client.published.get(unopened), 'pushed diagnostics for the unopened file');
    assert.ok(pushed.diagnostics.some((d) => d.code === 'skall'));
  });

  it('adds a word to the project word list, creating it next to the config', async () => {
    const result = await client.request<{ file: string; added: boolean }>('workspace/executeCommand', { command: 'policylint.server.addToWordList', arguments: [{ uri, word: 'Strandvik' }] });
    assert.equal(result.file, join(ws.policies, '.policylint', 'ordlista.txt'));
    assert.ok(result.added);
    const text = readFileSync(result.file, 'utf8');
    assert.match(text, /^#.*\nStrandvik\n$/);
    const again = await client.request<{ added: boolean }>('workspace/executeCommand', { command: 'policylint.server.addToWordList', arguments: [{ uri, word: 'Strandvik' }] });
    assert.equal(again.added, false);
  });

  it('uses English messages when asked', async () => {
    client.settings = { language: 'en' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const d = byCode(await client.pullItems(uri), 'skall')[0]!;
    assert.equal(d.message, 'Write "ska" instead of "skall".');
    client.settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });
});

describe('language server over stdio (push diagnostics, snippet edits)', function () {
  this.timeout(30_000);
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;

  before(async () => {
    ws = workspace();
    client = new LspClient({ workspaceFolders: [ws.root], pull: false, snippetEdits: true });
    const init = await client.initialize();
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });

  after(async () => {
    await client.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('pushes diagnostics on open and after an edit', async () => {
    const uri = await client.open(join(ws.policies, 'utkast.md'), DRAFT);
    const first = await client.until(() => client.published.get(uri), 'published diagnostics');
    const skall = first.diagnostics.filter((d) => d.code === 'skall');
    assert.ok(skall.length >= 5);
    assert.ok(first.diagnostics.every((d) => d.source === 'policylint' && d.codeDescription));
    const version = await client.change(uri, [{ range: skall[0]!.range, text: 'ska' }]);
    const second = await client.until(() => client.published.get(uri)?.version === version && client.published.get(uri), 'fresh diagnostics');
    assert.equal(second.diagnostics.filter((d) => d.code === 'skall').length, skall.length - 1);
  });

  it('inserts a missing section as a snippet edit when the client supports it', async () => {
    const uri = pathToFileURL(join(ws.policies, 'utkast.md')).href;
    const d = client.published.get(uri)!.diagnostics.find((x) => x.code === 'goals')!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const insert = actions.find((a) => a.title === 'Infoga avsnittet "Mål"')!;
    const change = insert.edit!.documentChanges![0] as { edits: { snippet?: { kind: string; value: string } }[] };
    assert.equal(change.edits[0]!.snippet!.kind, 'snippet');
    assert.match(change.edits[0]!.snippet!.value, /## Mål\n\n\$\{1:Kommunen\}/);
  });

  it('re-pushes with new severities when the config changes', async () => {
    const uri = pathToFileURL(join(ws.policies, 'utkast.md')).href;
    const configFile = join(ws.policies, '.policylintrc.yaml');
    writeFileSync(configFile, 'extends: policylint:recommended\nrules:\n  skall: "off"\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    await client.until(() => client.published.get(uri)!.diagnostics.every((d) => d.code !== 'skall'), 'skall turned off');
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = pathToFileURL(join(ws.policies, 'utkast.md')).href;
    await client.close(uri);
    await client.until(() => client.published.get(uri)!.diagnostics.length === 0, 'cleared');
  });
});

describe('language server over stdio (a client that cannot watch files, like Neovim 0.7)', function () {
  this.timeout(30_000);
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;

  before(async () => {
    ws = workspace();
    client = new LspClient({ workspaceFolders: [ws.root], pull: false, watchedFiles: false });
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('applies an edited config without being told: the server watches its config files and word lists itself', async () => {
    const uri = await client.open(join(ws.policies, 'utkast.md'), `${DRAFT}\nVänersbyborna deltar.\n`);
    await client.until(() => client.published.get(uri)?.diagnostics.some((d) => d.code === 'skall'), 'first diagnostics');
    writeFileSync(join(ws.policies, '.policylintrc.yaml'), 'extends: policylint:recommended\nrules:\n  skall: "off"\n');
    await client.until(() => client.published.get(uri)!.diagnostics.every((d) => d.code !== 'skall'), 'skall turned off by the edited config');
    assert.ok(client.registrations.every((r) => (r as { method: string }).method !== 'workspace/didChangeWatchedFiles'));
  });
});

describe('policylint-server launcher', () => {
  it('prints usage without a transport', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, [join(REPO, 'bin', 'policylint-server.js')], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--stdio/);
    assert.ok(existsSync(join(REPO, 'bin', 'policylint-server.js')));
  });
});
