import { metricLabel, type Project } from '../../model/index.js';
import { metricRequirements } from './metric-requirements.js';
import { missingPieces } from './missing-pieces.js';
import type { SchemaRecognition } from './recognition.js';

/** Whether the warehouse has what a catalogue metric needs, and if not, each missing piece in words. */
export interface MetricAssessment {
  id: string;
  name: string;
  computable: boolean;
  missing: string[];
}

/**
 * Assesses every metric of the catalogue against what was recognised, from the metric's own
 * definition (no requirement lists kept by hand). With the org's stage names, a metric that
 * compares stage_name with a stage the org does not have is not computable either.
 */
export function assessMetrics(
  catalogue: Pick<Project, 'metrics' | 'datasets'>,
  recognition: SchemaRecognition,
  stages?: readonly string[],
): MetricAssessment[] {
  return [...catalogue.metrics.values()].map((metric) => {
    const missing = missingPieces(catalogue, recognition, metricRequirements(catalogue, metric.id), stages);
    return { id: metric.id, name: metricLabel(metric), computable: missing.length === 0, missing };
  });
}

