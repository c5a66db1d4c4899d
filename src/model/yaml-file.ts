import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { formatField, type ProjectIssue, type SourcePosition } from './project.js';
import { keyText, nodeAt, scalarSourceOffset, type FieldPath } from './yaml-locate.js';

/** A parsed YAML file: its plain value, its syntax issues, and positions of its fields. */
export interface YamlFile {
  path: string;
  /** The document as plain values; undefined when the file is empty or could not be read as YAML. */
  value: unknown;
  issues: ProjectIssue[];
  /** Position of the value at `path` (or of its deepest existing ancestor), `offset` characters into a scalar. */
  locate(path: FieldPath, offset?: number): SourcePosition;
  /** Position of the key of the field at `path`; of its value when it has no key. */
  locateKey(path: FieldPath): SourcePosition;
}

const syntaxMessages: Record<string, { message?: string; hint?: string }> = {
  MULTIPLE_DOCS: { message: 'a file holds one YAML document, but this one has several (separated by ---)', hint: 'remove the --- line or split the file' },
  TAB_AS_INDENT: { hint: 'indent with spaces' },
  BAD_INDENT: { hint: 'check the indentation of this line against the lines above it' },
  BLOCK_AS_IMPLICIT_KEY: { hint: 'quote a value that contains ": "' },
};

export function parseYamlFile(path: string, text: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const locate = (fieldPath: FieldPath, offset?: number): SourcePosition => {
    const { node, found } = nodeAt(doc, fieldPath);
    if (!node) return { line: 1, column: 1 };
    const start = offset !== undefined && found ? scalarSourceOffset(text, node, offset) : (node.range?.[0] ?? 0);
    return position(start);
  };
  const locateKey = (fieldPath: FieldPath): SourcePosition => {
    const { key, found } = nodeAt(doc, fieldPath);
    return found && key?.range ? position(key.range[0]) : locate(fieldPath);
  };
  const issue = (offset: number, field: string, message: string, hint?: string): ProjectIssue => ({
    file: path,
    ...position(offset),
    field,
    message,
    ...(hint ? { hint } : {}),
  });

  const issues = syntaxIssues(doc, issue);
  const readable = doc.errors.every((error) => error.code === 'DUPLICATE_KEY');
  let value: unknown;
  if (doc.contents === null) {
    issues.push(issue(0, '', 'the file is empty'));
  } else if (readable) {
    value = toPlainValue(doc, issue, issues);
  }
  return { path, value, issues, locate, locateKey };
}

type MakeIssue = (offset: number, field: string, message: string, hint?: string) => ProjectIssue;

function syntaxIssues(doc: Document, issue: MakeIssue): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const seenLines = new Set<number>();
  for (const error of doc.errors) {
    const offset = error.pos[0];
    const made = error.code === 'DUPLICATE_KEY' ? duplicateKeyIssue(doc, offset, issue) : syntaxIssue(error, issue);
    // One parse error tends to cause more on the same line; the first says what went wrong.
    if (seenLines.has(made.line)) continue;
    seenLines.add(made.line);
    issues.push(made);
  }
  return issues;
}

function syntaxIssue(error: YAMLError, issue: MakeIssue): ProjectIssue {
  const known = syntaxMessages[error.code] ?? {};
  const message = known.message ?? `YAML syntax error: ${error.message.split('\n')[0]!.replace(/\.$/, '')}`;
  return issue(error.pos[0], '', message, known.hint);
}

function duplicateKeyIssue(doc: Document, offset: number, issue: MakeIssue): ProjectIssue {
  const found = findKeyAt(doc.contents, offset, []);
  if (!found) return issue(offset, '', 'duplicate key: a mapping may set each key once');
  const first = found.firstKey.range?.[0] ?? offset;
  const firstLine = issue(first, '', '').line;
  const message = `duplicate key "${found.name}": it is already set on line ${firstLine}`;
  return issue(offset, formatField(found.path), message, 'a mapping sets each key once; remove or rename one of them');
}

function findKeyAt(node: unknown, offset: number, path: (string | number)[]): { path: (string | number)[]; name: string; firstKey: Node } | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyText(pair) ?? '';
      const key = pair.key as Node | null;
      if (key?.range?.[0] === offset) {
        const firstPair = node.items.find((item) => keyText(item) === name)!;
        return { path: [...path, name], name, firstKey: firstPair.key as Node };
      }
      const inner = findKeyAt(pair.value, offset, [...path, name]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = findKeyAt(item, offset, [...path, i]);
      if (inner) return inner;
    }
  }
  return null;
}

function toPlainValue(doc: Document, issue: MakeIssue, issues: ProjectIssue[]): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    let reported = false;
    visit(doc, {
      Alias(_, alias) {
        if (alias.resolve(doc) !== undefined) return;
        reported = true;
        issues.push(issue(alias.range?.[0] ?? 0, '', `unknown alias "*${alias.source}": no anchor "&${alias.source}" comes before it`));
      },
    });
    if (!reported) issues.push(issue(0, '', `the YAML could not be read: ${(error as Error).message.split('\n')[0]}`));
    return undefined;
  }
}
