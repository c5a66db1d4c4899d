import type { CatalogTable } from '../../semantic/index.js';
import { salesforceObjects, type SalesforceObject } from '../salesforce/index.js';
import { findColumnByName } from './find-column.js';
import { findNearMisses, nameDistance } from './find-near-misses.js';
import { findStageHistory } from './find-stage-history.js';
import { matchObject } from './match-object.js';
import { isCustomField, isCustomObject, normaliseName } from './normalise-name.js';
import type { NearMiss, ObjectMatch, SchemaRecognition } from './recognition.js';

/** Reads the tables of one schema as Salesforce objects: which are there, under which names, and what is close but not equal. */
export function recogniseSchema(schema: string, tables: CatalogTable[]): SchemaRecognition {
  const objects: ObjectMatch[] = [];
  const missingObjects: string[] = [];
  const nearMisses: NearMiss[] = [];
  const stageHistory = findStageHistory(tables);
  const used = new Set<CatalogTable>(stageHistory?.found.map((f) => f.table) ?? []);
  const unkeyed: { object: SalesforceObject; table: CatalogTable }[] = [];

  for (const object of salesforceObjects) {
    if (object.name === 'opportunity_history') {
      if (stageHistory) objects.push(stageHistory.match);
      else missingObjects.push(object.name);
      continue;
    }
    const named = tables.filter((t) => normaliseName(t.name) === normaliseName(object.name));
    const keyed = named.filter((t) => object.key.some((k) => findColumnByName(t, k)));
    unkeyed.push(...named.filter((t) => !keyed.includes(t)).map((table) => ({ object, table })));
    // A history-mode copy named opportunity_history stands for Opportunity when there is no opportunity table: its current rows.
    const table = bestTable(object, keyed) ?? (object.name === 'opportunity' && stageHistory?.source === 'history_mode' ? stageHistory.match.table : undefined);
    if (!table) {
      missingObjects.push(object.name);
      continue;
    }
    used.add(table);
    objects.push(matchObject(object, table));
  }

  const free = tables.filter((t) => !used.has(t) && !isCustomObject(t.name));
  // Each table is offered for the missing object it is nearest to (opportunities: opportunity, not opportunity_stage).
  const nearest = new Map<string, { object: string; distance: number }>();
  for (const name of missingObjects) {
    for (const candidate of findNearMisses(name, free.map((t) => t.name))) {
      const distance = nameDistance(name, candidate);
      if ((nearest.get(candidate)?.distance ?? Infinity) > distance) nearest.set(candidate, { object: name, distance });
    }
  }
  for (const [candidate, { object }] of nearest) nearMisses.push({ object, expected: object, found: `${schema}.${candidate}` });
  for (const { object, table } of unkeyed) {
    if (used.has(table)) continue;
    nearMisses.push({ object: object.name, expected: `${object.name} (with ${object.key.join(', ')})`, found: `${schema}.${table.name}` });
  }
  for (const match of objects) nearMisses.push(...columnNearMisses(schema, match));

  const total = salesforceObjects.reduce((n, o) => n + o.columns.length, 0);
  const found = objects.reduce((n, o) => n + o.columns.length, 0);
  return {
    schema,
    tables,
    objects,
    missingObjects,
    ...(stageHistory ? { stageHistory } : {}),
    nearMisses,
    customObjects: tables.filter((t) => !used.has(t) && isCustomObject(t.name)),
    completeness: found / total,
  };
}

/** Of the tables named like the object, the one spelt as a loader spells it, else the one with most of its columns. */
function bestTable(object: SalesforceObject, tables: CatalogTable[]): CatalogTable | undefined {
  const exact = tables.find((t) => t.name === object.name || t.name === object.api);
  if (exact) return exact;
  const score = (t: CatalogTable) => object.columns.filter((c) => findColumnByName(t, c.name)).length;
  return [...tables].sort((a, b) => score(b) - score(a))[0];
}

/** Columns of the table that no logical column took and that are close to a missing one. */
function columnNearMisses(schema: string, match: ObjectMatch): NearMiss[] {
  const taken = new Set(match.columns.map((c) => c.physical));
  const free = match.table.columns.map((c) => c.name).filter((name) => !taken.has(name) && !/^_fivetran_/i.test(name));
  return match.missing
    .filter((logical) => !(logical in match.missingReasons))
    .flatMap((logical) =>
      findNearMisses(logical, free)
        .filter((candidate) => isCustomField(logical) || !isCustomField(candidate) || normaliseName(candidate).startsWith(normaliseName(logical)))
        .map((candidate) => ({ object: match.object.name, expected: `${match.object.name}.${logical}`, found: `${schema}.${match.table.name}.${candidate}` })),
    );
}
