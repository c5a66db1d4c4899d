import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node, type Pair } from 'yaml';

export type FieldPath = readonly (string | number)[];

/** The node at `path` (value and, for a mapping field, its key), or the deepest ancestor that exists. */
export function nodeAt(doc: Document, path: FieldPath): { node: Node | null; key: Node | null; found: boolean } {
  let node = resolve(doc, doc.contents);
  let key: Node | null = null;
  for (const part of path) {
    const step = childOf(doc, node, part);
    if (!step) return { node, key, found: false };
    node = step.value ?? step.key;
    key = step.key;
  }
  return { node, key, found: true };
}

function childOf(doc: Document, node: Node | null, part: string | number): { key: Node | null; value: Node | null } | null {
  if (isMap(node)) {
    // toJS lets the last duplicate key win, so the last pair is the one whose value was validated.
    const pair = node.items.findLast((item) => keyText(item) === String(part));
    return pair ? { key: asNode(pair.key), value: resolve(doc, asNode(pair.value)) } : null;
  }
  if (isSeq(node) && typeof part === 'number') {
    const item = node.items[part];
    return item === undefined ? null : { key: null, value: resolve(doc, asNode(item)) };
  }
  return null;
}

export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function asNode(value: unknown): Node | null {
  return value !== null && typeof value === 'object' && 'range' in value ? (value as Node) : null;
}

function resolve(doc: Document, node: Node | null): Node | null {
  if (!isAlias(node)) return node;
  return asNode(node.resolve(doc)) ?? node;
}

/** Offset in the file of the character at `offset` in a scalar's value (escapes, quotes and folding accounted for). */
export function scalarSourceOffset(source: string, node: Node, offset: number): number {
  const [start, end] = node.range ?? [0, 0];
  if (!isScalar(node)) return start;
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      return walkFlowScalar(source, start + 1, end - 1, offset, 'single');
    case Scalar.QUOTE_DOUBLE:
      return walkFlowScalar(source, start + 1, end - 1, offset, 'double');
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return walkBlockScalar(source, start, end, offset);
    default:
      return walkFlowScalar(source, start, end, offset, 'plain');
  }
}

function walkFlowScalar(source: string, start: number, end: number, offset: number, style: 'plain' | 'single' | 'double'): number {
  let i = start;
  let v = 0;
  while (i < end && v < offset) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      const run = /^[ \t\r\n]*/.exec(source.slice(i, end))![0];
      const breaks = run.split('\n').length - 1;
      // A line break folds to one space; n breaks keep n - 1 newlines; plain spaces count as written.
      if (breaks > 0) {
        i += run.length;
        v += breaks === 1 ? 1 : breaks - 1;
        continue;
      }
    }
    if (style === 'single' && c === "'" && source[i + 1] === "'") i += 2;
    else if (style === 'double' && c === '\\') i += doubleEscapeLength(source, i);
    else i++;
    v++;
  }
  return i;
}

function doubleEscapeLength(source: string, i: number): number {
  const next = source[i + 1];
  if (next === 'x') return 4;
  if (next === 'u') return 6;
  if (next === 'U') return 10;
  return 2;
}

/** Block scalars: an approximation that keeps lines and strips the indentation (exact for literal style). */
function walkBlockScalar(source: string, start: number, end: number, offset: number): number {
  const contentStart = source.indexOf('\n', start) + 1;
  if (contentStart <= 0 || contentStart >= end) return start;
  const lines = source.slice(contentStart, end).split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  if (indents.length === 0) return start;
  const indent = Math.min(...indents);
  let lineStart = contentStart;
  let remaining = offset;
  for (const line of lines) {
    const length = Math.max(0, line.length - indent);
    if (remaining <= length) return lineStart + Math.min(indent, line.length) + remaining;
    remaining -= length + 1;
    lineStart += line.length + 1;
  }
  return end;
}
