import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, sectionTitles, waitFor } from './helpers.js';

describe('completion', () => {
  it('offers the section snippets at a new heading', async () => {
    const editor = await open('utkast/komplett-policy.md');
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\n## '));
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    try {
      const titles = sectionTitles();
      const items = await waitFor(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
        const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
        return snippets.length >= titles.length ? snippets : undefined;
      }, 'section snippets');
      const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
      for (const title of titles) {
        const item = items.find((i) => label(i).includes(title));
        assert.ok(item, `no snippet for "${title}" among ${items.map(label).join(', ')}`);
      }
      const followUp = items.find((i) => label(i).includes('Uppföljning'))!;
      const insert = followUp.insertText instanceof vscode.SnippetString ? followUp.insertText.value : (followUp.insertText ?? '');
      assert.match(insert, /^## Uppföljning och utvärdering/);
      assert.match(insert, /\$\{?\d/, 'the section is a snippet with placeholders');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
