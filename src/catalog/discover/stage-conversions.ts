import type { ConversionMetric } from '../../model/index.js';
import { previousStageField } from './adapt-dataset.js';
import { stringLiteral } from './column-ref.js';
import { snakeId } from './normalise-name.js';
import type { OrgStage } from './read-stages.js';
import type { StageHistorySource } from './recognition.js';

export interface GeneratedMetric {
  id: string;
  /** The metric as written to metrics/<id>.yaml. */
  definition: Record<string, unknown>;
}

/**
 * One conversion metric per pair of consecutive open stages of the org, and from the last open stage
 * to winning: the share of opportunities that, after first entering stage A, reach B or any later
 * stage. With field history, entering A is a row whose new or old value is A (the stage an
 * opportunity was created in appears only as the old value of its first change).
 */
export function stageConversionMetrics(
  stages: readonly OrgStage[],
  dataset: string,
  source: StageHistorySource,
  template?: Pick<ConversionMetric, 'window' | 'layer' | 'indicator' | 'cadence' | 'tags'>,
): GeneratedMetric[] {
  const open = stages.filter((s) => !s.isClosed);
  const won = stages.filter((s) => s.isClosed && s.isWon);
  const sequence = [...open, ...won];
  const out: GeneratedMetric[] = [];
  for (let i = 0; i < open.length; i++) {
    const from = open[i]!;
    const reached = sequence.slice(i + 1);
    const to = reached[0];
    if (!to) continue;
    const id = `stage_conversion_${snakeId(from.name)}_to_${snakeId(to.name)}`.replace(/__+/g, '_');
    const enters = `stage_name = ${stringLiteral(from.name)}`;
    out.push({
      id,
      definition: {
        id,
        name: `${from.name} → ${to.name} conversion`,
        description: `Opportunities that reach ${to.name} (or a later stage) after first entering ${from.name}, by the period they entered ${from.name}.`,
        kind: 'conversion',
        dataset,
        entity: 'opportunity_id',
        time: 'created_date',
        from: source === 'field_history' ? `${enters} or ${previousStageField} = ${stringLiteral(from.name)}` : enters,
        to: `stage_name in (${reached.map((s) => stringLiteral(s.name)).join(', ')})`,
        ...(template?.window ? { window: template.window.text } : {}),
        format: 'percent',
        layer: template?.layer ?? 'pipeline_health',
        indicator: template?.indicator ?? 'leading',
        cadence: template?.cadence ?? 'weekly',
        tags: [...new Set([...(template?.tags ?? []), 'stage_conversion', 'discovered'])],
      },
    });
  }
  return out;
}
