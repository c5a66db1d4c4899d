import type { Project } from '../../model/index.js';
import { describeMissingColumns, locateDataset, physicalColumn, type MissingColumn } from './locate-dataset.js';
import type { Requirement } from './metric-requirements.js';
import type { SchemaRecognition } from './recognition.js';

/** The requirements the warehouse cannot meet, each in words ("needs lead.mql_date__c (a custom field) in salesforce.lead"). */
export function missingPieces(
  catalogue: Pick<Project, 'datasets'>,
  recognition: SchemaRecognition,
  requirements: Requirement[],
  /** The org's stages, when known: a stage the org lacks is missing too. */
  stages?: readonly string[],
): string[] {
  const pieces = new Set<string>();
  // Missing columns of one table (for one reason) are named together.
  const columns = new Map<string, MissingColumn[]>();
  for (const requirement of requirements) {
    const piece = requirement.kind === 'stage' ? undefined : missingPiece(catalogue, recognition, requirement);
    if (typeof piece === 'string') pieces.add(piece);
    else if (piece) {
      const key = `${piece.where}|${piece.reason ?? ''}`;
      if (!columns.has(key)) pieces.add(key);
      columns.set(key, [...(columns.get(key) ?? []), piece].filter((c, i, all) => all.findIndex((d) => d.column === c.column && d.object === c.object) === i));
    }
  }
  for (const [key, missing] of columns) {
    pieces.delete(key);
    pieces.add(describeMissingColumns(missing));
  }
  const lacking = requirements.flatMap((r) => (r.kind === 'stage' && stages && !stages.some((s) => s.toLowerCase() === r.stage.toLowerCase()) ? [r.stage] : []));
  if (stages && lacking.length > 0) {
    const names = lacking.map((s) => `"${s}"`).join(', ');
    pieces.add(`needs the stage${lacking.length === 1 ? '' : 's'} ${names}, which the org's opportunity_stage does not list (its stages: ${stages.join(', ')})`);
  }
  return [...pieces];
}

function missingPiece(catalogue: Pick<Project, 'datasets'>, recognition: SchemaRecognition, requirement: Exclude<Requirement, { kind: 'stage' }>): string | MissingColumn | undefined {
  if (requirement.kind === 'definition') return `needs ${requirement.what}, which the catalogue does not define`;
  const dataset = catalogue.datasets.get(requirement.dataset)!;
  const located = locateDataset(dataset, recognition);
  if ('missing' in located) return located.missing;
  if (requirement.kind === 'table') return undefined;
  const column = physicalColumn(located, requirement.column);
  return 'missing' in column ? column.column : undefined;
}
