import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFilter, todayIso } from '../../src/cli/parse-options.js';
import { copyCrmProject, type ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';

describe('--where values', () => {
  it('split on commas, keep quoted commas and quotes, and read (none) as a missing value', () => {
    expect(parseFilter('region=EMEA,NA')).toEqual({ dimension: 'region', values: ['EMEA', 'NA'] });
    expect(parseFilter('account="Acme, Inc.",Bolt')).toEqual({ dimension: 'account', values: ['Acme, Inc.', 'Bolt'] });
    expect(parseFilter('name="the ""best"" one"')).toEqual({ dimension: 'name', values: ['the "best" one'] });
    expect(parseFilter('region!=(none)')).toEqual({ dimension: 'region', values: [null], exclude: true });
    expect(parseFilter('region="(none)"')).toEqual({ dimension: 'region', values: ['(none)'] });
  });

  it('refuse what they cannot read, saying why', () => {
    expect(() => parseFilter('region="EMEA')).toThrow('unclosed quote');
    expect(() => parseFilter('region=EMEA,')).toThrow('empty value');
    expect(() => parseFilter('region="EMEA"x')).toThrow('expected a comma after a quoted value');
  });
});

describe('today', () => {
  it('is the date in the calendar time zone', () => {
    const lateInNewYork = new Date('2025-05-01T02:00:00Z');
    expect(todayIso(lateInNewYork, 'UTC')).toBe('2025-05-01');
    expect(todayIso(lateInNewYork, 'America/New_York')).toBe('2025-04-30');
  });
});

describe('CLI options on the CRM fixture', () => {
  let project: ProjectCopy;
  beforeEach(async () => {
    project = await copyCrmProject();
  });
  afterEach(() => project.remove());

  it('names --where when its dimension is unknown', async () => {
    const run = await runCli(['query', 'pipeline_created', '-p', project.dir, '--where', 'colour=red']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --where: dimension "colour" is not defined/);
  });

  it('tree without --period shows the last period over in the calendar time zone', async () => {
    await project.edit('kpitree.yaml', (text) => text.replace('timezone: UTC', 'timezone: America/New_York'));
    const run = await runCli(['tree', '-p', project.dir], { now: '2025-05-01T02:00:00Z' });
    expect(run.stdout.split('\n')[0]).toContain('month 2025-03');
  });

  it('refuses a range of more periods than a query covers, as bad input', async () => {
    const run = await runCli(['query', 'won_deals', '-p', project.dir, '--grain', 'day', '--from', '1990-01-01', '--to', '2025-12-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--from: 1990-01-01 to 2025-12-31 is 13149 days; a query covers at most 10000 periods/);
  });
});
