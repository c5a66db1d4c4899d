import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject, formatIssue, loadProject, type Calendar, type Project } from '../../src/model/index.js';

export const crmProjectDir = fileURLToPath(new URL('../fixtures/crm', import.meta.url));

function readTree(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? readTree(path) : [path];
  });
}

/** The CRM fixture project, loaded with the model layer; any issue fails loudly. */
export function loadCrmProject(calendar?: Partial<Calendar>): Project {
  const files = readTree(crmProjectDir).map((path) => ({ path: relative(crmProjectDir, path), text: readFileSync(path, 'utf8') }));
  const { project, issues } = loadProject(files);
  issues.push(...checkProject(project));
  if (issues.length > 0) throw new Error(`fixture project has issues:\n${issues.map(formatIssue).join('\n')}`);
  return { ...project, config: { ...project.config, calendar: { ...project.config.calendar, ...calendar } } };
}
