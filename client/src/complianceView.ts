import * as vscode from 'vscode';
import type { ComplianceResult } from '../../server/src/lsp/protocol.js';
import { checklist, checklistSummary, type ChecklistNode } from './complianceModel.js';

/** The scheme of the bundled source documents opened from the view: read-only copies. */
export const SOURCE_SCHEME = 'policylint-source';

/** Serves a bundled source document (rules/sources/*.md) as a read-only document. */
export class SourceDocuments implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri.with({ scheme: 'file' })));
  }
}

/** "Show compliance": the checklist of the active document as a TreeView. */
export class ComplianceView implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: ChecklistNode[] = [];
  private result: ComplianceResult | undefined;
  private uri: vscode.Uri | undefined;

  set(result: ComplianceResult | undefined, uri?: vscode.Uri): void {
    this.result = result;
    this.uri = uri;
    this.nodes = checklist(result);
    this.changed.fire(undefined);
  }

  summary(): string {
    return checklistSummary(this.result);
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    return node ? node.children : this.nodes;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.uri?.toString() ?? ''}#${node.id}`;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
    if (node.target) item.command = { title: '', command: 'policylint.compliance.reveal', arguments: [node] };
    return item;
  }

  async reveal(node: ChecklistNode): Promise<void> {
    const target = node.target;
    if (!target) return;
    if (target.kind === 'range' && this.uri) {
      const r = target.range;
      const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      await vscode.window.showTextDocument(this.uri, { selection: range, preserveFocus: false });
    } else if (target.kind === 'source') {
      // Read-only (a content provider's document), with the quoted sentence selected.
      const file = vscode.Uri.parse(target.uri).with({ fragment: '' });
      const doc = await vscode.workspace.openTextDocument(file.with({ scheme: SOURCE_SCHEME }));
      const at = doc.getText().indexOf(target.quote);
      const selection = at >= 0 ? new vscode.Range(doc.positionAt(at), doc.positionAt(at + target.quote.length)) : undefined;
      await vscode.window.showTextDocument(doc, { ...(selection ? { selection } : {}), preview: true });
    } else if (target.kind === 'command') {
      await vscode.commands.executeCommand(target.command);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
