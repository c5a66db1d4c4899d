const keywords = new Set(['and', 'or', 'not', 'is', 'null', 'in', 'between', 'case', 'when', 'then', 'else', 'end', 'true', 'false']);

/** A column name as an expression names it: bare when the expression language reads it back as that name, else "quoted". */
export function columnRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !keywords.has(name.toLowerCase()) ? name : `"${name}"`;
}

/** A string literal of the expression language. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
