import type { z } from 'zod';
import { closestName } from './closest-name.js';
import { describeExpected, describeValue, quote, valueAt } from './describe-value.js';
import { fieldHelp } from './field-help.js';
import { knownFieldsAt } from './schema-at.js';

type ZodIssue = z.core.$ZodIssue;
type Path = (string | number)[];

/** One problem with a field, in words; `at` says where it points: the value, the key, or the mapping that lacks the field. */
export interface FieldProblem {
  path: Path;
  message: string;
  hint?: string;
  /** Characters into a string value (expression errors). */
  offset?: number;
  at: 'value' | 'key' | 'parent';
}

/** Turns a zod issue about `root` (validated by `schema`) into plain sentences, without zod's own wording. */
export function describeZodIssue(issue: ZodIssue, root: unknown, schema: z.core.$ZodType, base: Path = []): FieldProblem[] {
  const path: Path = [...base, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
  const name = lastName(path);
  const { value, exists } = valueAt(root, path);
  const missing = !exists && path.length > 0;
  const problem = (message: string, hint?: string, at: FieldProblem['at'] = 'value'): FieldProblem[] => [
    { path, message, ...(hint ? { hint } : {}), at },
  ];

  switch (issue.code) {
    case 'invalid_type':
      if (missing) return missingField(path, name);
      return problem(`expected ${describeExpected(issue.expected)}, found ${describeValue(value)}`);
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (missing) return missingField(path, name, `one of ${allowed.join(', ')}`);
      if (allowed.length === 1) return problem(`expected ${quote(allowed[0]!)}, found ${describeValue(value)}`);
      return problem(`${display(value)} is not a valid ${name}: expected one of ${allowed.join(', ')}`, closeHint(value, allowed));
    }
    case 'invalid_union':
      return describeUnion(issue, root, schema, path, value, missing);
    case 'unrecognized_keys': {
      const known = knownFieldsAt(schema, root, path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field ${quote(key)}`,
        at: 'key' as const,
        ...(known.length > 0 ? { hint: closeHint(key, known) ?? `known fields: ${known.join(', ')}` } : {}),
      }));
    }
    case 'too_small':
    case 'too_big':
      return problem(describeBound(issue, value));
    case 'invalid_format':
      if (issue.format === 'email') return problem(`expected an email address, found ${describeValue(value)}`);
      if (issue.message.startsWith('Invalid')) return problem(`${display(value)} is not a valid ${name}`);
      return problem(`${issue.message} (found ${display(value)})`);
    case 'not_multiple_of':
      return problem(`expected a multiple of ${issue.divisor}, found ${describeValue(value)}`);
    case 'custom': {
      const message = issue.message && issue.message !== 'Invalid input' ? issue.message : 'this value is not valid';
      const offset = issue.params?.offset;
      return [{ path, message, at: 'value', ...(typeof offset === 'number' ? { offset } : {}) }];
    }
    default:
      return problem(`this value is not valid here (${describeValue(value)})`);
  }
}

function describeUnion(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  root: unknown,
  schema: z.core.$ZodType,
  path: Path,
  value: unknown,
  missing: boolean,
): FieldProblem[] {
  const name = lastName(path);
  if (issue.discriminator !== undefined && 'options' in issue) {
    const options = (issue.options ?? []).map(String);
    if (missing) return missingField(path, name, `one of ${options.join(', ')}`);
    const hint = closeHint(value, options);
    return [{ path, message: `unknown ${name} ${display(value)}: expected one of ${options.join(', ')}`, ...(hint ? { hint } : {}), at: 'value' }];
  }
  if (missing) return missingField(path, name);
  // Members that failed on the type of the value itself say what was expected; any other member fits the type.
  const wrongType = (errors: ZodIssue[]) => errors.some((e) => e.path.length === 0 && e.code === 'invalid_type');
  const fitting = issue.errors.filter((errors) => !wrongType(errors));
  if (fitting.length === 0) {
    const expected = issue.errors.flatMap((errors) => errors.filter((e) => e.code === 'invalid_type').map((e) => describeExpected(e.expected)));
    return [{ path, message: `expected ${[...new Set(expected)].join(' or ')}, found ${describeValue(value)}`, at: 'value' }];
  }
  const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((inner) => describeZodIssue(inner, root, schema, path));
}

function missingField(path: Path, name: string, hint?: string): FieldProblem[] {
  const help = fieldHelp[name];
  return [{ path, message: `missing field ${quote(name)}${help ? ` (${help})` : ''}`, ...(hint ? { hint } : {}), at: 'parent' }];
}

function describeBound(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>, value: unknown): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === 'string') {
    return small && Number(limit) === 1 ? 'expected a text, found an empty one' : `expected a text of ${small ? 'at least' : 'at most'} ${limit} characters`;
  }
  if (issue.origin === 'array') return `expected ${small ? 'at least' : 'at most'} ${limit} items`;
  const words = small ? (issue.inclusive ? 'at least' : 'greater than') : issue.inclusive ? 'at most' : 'less than';
  return `expected a number ${words} ${limit}, found ${describeValue(value)}`;
}

function closeHint(value: unknown, candidates: string[]): string | undefined {
  const close = typeof value === 'string' ? closestName(value, candidates) : null;
  return close ? `did you mean ${quote(close)}?` : undefined;
}

function display(value: unknown): string {
  return typeof value === 'string' ? quote(value) : describeValue(value);
}

function lastName(path: Path): string {
  const last = path.findLast((part) => typeof part === 'string');
  return typeof last === 'string' ? last : 'value';
}
