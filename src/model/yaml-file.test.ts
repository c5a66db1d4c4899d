import { describe, expect, it } from 'vitest';
import { parseYamlFile } from './yaml-file.js';

describe('parseYamlFile', () => {
  it('reports a syntax error at the line and column the YAML parser gives, in one plain sentence', () => {
    const file = parseYamlFile('metrics/broken.yaml', 'id: won\nkind: count\ndataset: [opportunities\ntime: created_date\n');
    expect(file.value).toBeUndefined();
    expect(file.issues).toHaveLength(1);
    const issue = file.issues[0]!;
    expect(issue).toMatchObject({ file: 'metrics/broken.yaml', line: 4, column: 1, field: '' });
    expect(issue.message).toBe('YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]');
    expect(issue.message).not.toMatch(/\n|at line/);
    expect(issue.message).not.toContain(String.fromCharCode(27));
  });

  it('reports tabs used as indentation, with a hint', () => {
    expect(parseYamlFile('metrics/tabs.yaml', 'id: won\nkind:\n\tcount\n').issues).toEqual([
      { file: 'metrics/tabs.yaml', line: 3, column: 1, field: '', message: 'YAML syntax error: Tabs are not allowed as indentation', hint: 'indent with spaces' },
    ]);
  });

  it('reports several documents in one file', () => {
    expect(parseYamlFile('metrics/two.yaml', 'id: a\n---\nid: b\n').issues).toMatchObject([
      { line: 2, column: 1, message: 'a file holds one YAML document, but this one has several (separated by ---)' },
    ]);
  });

  it('reports a duplicate key at the second one, naming the line of the first, and keeps the value readable', () => {
    const file = parseYamlFile('metrics/dup.yaml', 'id: revenue\ntarget:\n  value: 1\n  value: 2\n');
    expect(file.issues).toEqual([
      {
        file: 'metrics/dup.yaml', line: 4, column: 3, field: 'target.value',
        message: 'duplicate key "value": it is already set on line 3', hint: 'a mapping sets each key once; remove or rename one of them',
      },
    ]);
    expect(file.value).toEqual({ id: 'revenue', target: { value: 2 } });
  });

  it('reports an empty file, comments only counting as empty', () => {
    expect(parseYamlFile('trees/empty.yaml', '# nothing yet\n').issues).toEqual([{ file: 'trees/empty.yaml', line: 1, column: 1, field: '', message: 'the file is empty' }]);
    expect(parseYamlFile('trees/blank.yaml', '').issues).toHaveLength(1);
  });

  it('reports an alias without its anchor at the alias', () => {
    expect(parseYamlFile('metrics/alias.yaml', 'id: won\nkind: count\ndataset: *base\n').issues).toEqual([
      { file: 'metrics/alias.yaml', line: 3, column: 10, field: '', message: 'unknown alias "*base": no anchor "&base" comes before it' },
    ]);
  });

  it('locates values, keys, the nearest existing parent, and offsets inside scalars', () => {
    const text = 'a:\n  b: [x, "y\\"z"]\n  c: |\n    first\n    second line\n';
    const file = parseYamlFile('f.yaml', text);
    expect(file.locate(['a', 'b', 1])).toEqual({ line: 2, column: 10 });
    expect(file.locate(['a', 'b', 1], 2)).toEqual({ line: 2, column: 14 });
    expect(file.locateKey(['a', 'c'])).toEqual({ line: 3, column: 3 });
    expect(file.locate(['a', 'missing', 'deeper'])).toEqual({ line: 2, column: 3 });
    expect(file.locate(['a', 'c'], 8)).toEqual({ line: 5, column: 7 });
  });
});
