import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, fixture, hoverText, open, ruleFile, waitFor, waitForDiagnostics } from './helpers.js';

describe('hover', () => {
  for (const ruleId of ['skall', 'follow-up']) {
    it(`over a ${ruleId} diagnostic quotes the rule's source clause`, async () => {
      const uri = fixture('utkast/ofullstandig-policy.md');
      await open('utkast/ofullstandig-policy.md');
      const ds = await waitForDiagnostics(uri, (d) => !!byRule(d, ruleId), ruleId);
      const at = byRule(ds, ruleId)!.range.start.translate(0, ruleId === 'skall' ? 2 : 0);
      const quote = ruleFile(ruleId).sources[0]!.quote.replace(/\s+/g, ' ').trim();
      const text = await waitFor(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
        const t = hoverText(hovers ?? []);
        return t.includes(ruleId) ? t : undefined;
      }, `a hover naming ${ruleId}`);
      assert.ok(text.replace(/\s+/g, ' ').includes(quote), `the hover should quote "${quote}"; it says:\n${text}`);
      assert.match(text, /^> /m, 'the clause is shown as a block quote');
    });
  }
});
