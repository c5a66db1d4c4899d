import { z } from 'zod';
import { describeZodIssue } from './describe-zod-issue.js';
import { formatField, type ProjectIssue } from './project.js';
import type { YamlFile } from './yaml-file.js';

type Path = (string | number)[];

/** Validates one definition of a file; every problem becomes an issue at the offending node. */
export function validateDefinition<T>(
  schema: z.ZodType<T>,
  file: YamlFile,
  value: unknown,
  prefix: Path = [],
): { data: T; issues: [] } | { data?: undefined; issues: ProjectIssue[] } {
  const result = z.safeParse(schema, value);
  if (result.success) return { data: result.data, issues: [] };
  const seen = new Set<string>();
  const issues: ProjectIssue[] = [];
  for (const problem of result.error.issues.flatMap((issue) => describeZodIssue(issue, value, schema))) {
    const path = [...prefix, ...problem.path];
    const position =
      problem.at === 'key' ? file.locateKey(path) : problem.at === 'parent' ? file.locate(path.slice(0, -1)) : file.locate(path, problem.offset);
    const issue: ProjectIssue = {
      file: file.path,
      ...position,
      field: formatField(path),
      message: problem.message,
      ...(problem.hint ? { hint: problem.hint } : {}),
    };
    const key = `${issue.line}:${issue.column}:${issue.field}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return { issues };
}
