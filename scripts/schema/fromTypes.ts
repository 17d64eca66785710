/**
 * The rule schema's descriptions come from the doc comments of the TypeScript types
 * (server/src/engine/rules/model.ts, types.ts), so a key is explained in one place and editors
 * show the same words as the code. Also checks that schema and types name the same keys.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

type JsonObject = Record<string, unknown>;

/** Doc comments of every interface's properties: interface → property → comment. */
export interface TypeDocs {
  properties: Map<string, Map<string, string>>;
  /** Check kind → the interface that defines it (from the CheckDefinition union). */
  kinds: Map<string, string | undefined>;
  /** Doc comments of type aliases and interfaces themselves. */
  types: Map<string, string>;
}

function docOf(node: ts.Node): string | undefined {
  const texts = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((d) => ts.getTextOfJSDocComment(d.comment))
    .filter((t): t is string => Boolean(t));
  return texts.length ? texts.join(' ').replace(/\s+/g, ' ').trim() : undefined;
}

function literalKind(members: ts.NodeArray<ts.TypeElement>): string | undefined {
  for (const m of members) {
    if (ts.isPropertySignature(m) && m.name.getText() === 'kind' && m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)) return m.type.literal.text;
  }
  return undefined;
}

export function readTypeDocs(files: readonly string[]): TypeDocs {
  const docs: TypeDocs = { properties: new Map(), kinds: new Map(), types: new Map() };
  const interfaceKinds = new Map<string, string>();
  const unionMembers: ts.TypeNode[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        const props = new Map<string, string>();
        for (const m of statement.members) if (ts.isPropertySignature(m)) props.set(m.name.getText(), docOf(m) ?? '');
        docs.properties.set(statement.name.text, props);
        const kind = literalKind(statement.members);
        if (kind) interfaceKinds.set(statement.name.text, kind);
        const doc = docOf(statement);
        if (doc) docs.types.set(statement.name.text, doc);
      }
      if (ts.isTypeAliasDeclaration(statement)) {
        const doc = docOf(statement);
        if (doc) docs.types.set(statement.name.text, doc);
        if (statement.name.text === 'CheckDefinition' && ts.isUnionTypeNode(statement.type)) unionMembers.push(...statement.type.types);
      }
    }
  }
  for (const member of unionMembers) {
    if (ts.isTypeReferenceNode(member)) {
      const name = member.typeName.getText();
      const kind = interfaceKinds.get(name);
      if (kind) docs.kinds.set(kind, name);
    } else if (ts.isTypeLiteralNode(member)) {
      const kind = literalKind(member.members);
      if (kind) docs.kinds.set(kind, undefined);
    }
  }
  return docs;
}

/**
 * Sets `description` on every key of the rule schema from the types' doc comments. Returns the
 * problems: keys without a comment, keys in one of schema and type but not the other.
 */
export function describeRuleSchema(schema: JsonObject, docs: TypeDocs): string[] {
  const problems: string[] = [];
  const props = (o: unknown): JsonObject => ((o as JsonObject).properties ?? {}) as JsonObject;

  /** Describes each key of `properties` from interface `name`; `skip` are keys the schema handles apart. */
  const describe = (properties: JsonObject, name: string, skip: readonly string[] = []): void => {
    const fields = docs.properties.get(name);
    if (!fields) {
      problems.push(`no interface ${name}`);
      return;
    }
    for (const [key, value] of Object.entries(properties)) {
      if (skip.includes(key) || value === true) continue;
      const doc = fields.get(key);
      if (doc === undefined) problems.push(`${name}: the schema has "${key}", the type has not`);
      else if (!doc) problems.push(`${name}.${key} has no doc comment`);
      else (value as JsonObject).description = doc;
    }
    for (const key of fields.keys()) if (!(key in properties) && !skip.includes(key) && key !== 'kind') problems.push(`${name}: the type has "${key}", the schema has not`);
  };

  describe(props(schema), 'RuleDefinition', ['file']);
  const definitions = schema.definitions as JsonObject;
  describe(props(definitions.bilingual), 'Bilingual');
  describe(props((props(schema).sources as JsonObject).items), 'SourceRef');

  const check = props(schema).check as JsonObject;
  const kindDoc = docs.types.get('CheckDefinition');
  if (kindDoc) (props(check).kind as JsonObject).description = kindDoc;
  const described = new Set<string>();
  for (const branch of check.allOf as JsonObject[]) {
    const kindSchema = props(branch.if).kind as { const?: string; enum?: string[] };
    const kinds = kindSchema.const ? [kindSchema.const] : (kindSchema.enum ?? []);
    const then = branch.then as JsonObject;
    for (const kind of kinds) {
      if (!docs.kinds.has(kind)) problems.push(`the schema has check kind "${kind}", CheckDefinition has not`);
      described.add(kind);
      const iface = docs.kinds.get(kind);
      if (iface) describe(props(then), iface);
      else if (Object.keys(props(then)).some((k) => k !== 'kind')) problems.push(`check kind "${kind}" has keys in the schema but no interface`);
    }
    if (kinds.includes('replace')) describe(props((props(then).entries as JsonObject).items), 'ReplaceEntry');
  }
  for (const kind of docs.kinds.keys()) if (!described.has(kind)) problems.push(`CheckDefinition has kind "${kind}", the schema gives it no branch`);
  const kindEnum = (props(check).kind as { enum: string[] }).enum;
  for (const kind of docs.kinds.keys()) if (!kindEnum.includes(kind)) problems.push(`check.kind's enum lacks "${kind}"`);
  return problems;
}
