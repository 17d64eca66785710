import * as vscode from 'vscode';
import type { ComplianceResult } from '../../server/src/lsp/protocol.js';
import { checklist, checklistSummary, type ChecklistNode } from './complianceModel.js';

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
      const uri = vscode.Uri.parse(target.uri);
      const line = Math.max(0, Number(/^L(\d+)/.exec(uri.fragment)?.[1] ?? '1') - 1);
      await vscode.window.showTextDocument(uri.with({ fragment: '' }), { selection: new vscode.Range(line, 0, line, 0), preview: true });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
