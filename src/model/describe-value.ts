/** A found value in a few words, for messages such as `expected a number, found the text "high"`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** A zod "expected" type in the words of a YAML author. */
export function describeExpected(expected: string): string {
  const words: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value lines)',
    array: 'a list',
    record: 'a mapping',
    null: 'an empty value',
  };
  return words[expected] ?? `a ${expected}`;
}

export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(short);
}

/** The value at `path` inside a plain value, and whether the last key exists at all. */
export function valueAt(root: unknown, path: readonly (string | number)[]): { value: unknown; exists: boolean } {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return { value: undefined, exists: false };
    value = (value as Record<string | number, unknown>)[part];
  }
  return { value, exists: true };
}
