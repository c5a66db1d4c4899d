import { isMap, isSeq, parse, parseDocument, stringify } from 'yaml';
import type { ProjectFile } from '../../model/index.js';
import { adaptDataset, writableDatasets } from './adapt-dataset.js';
import { assessMetrics } from './assess-metrics.js';
import type { DiscoveryReport } from './discovery-report.js';
import { discoveryMarkdown } from './discovery-markdown.js';
import { filterDefinitionFiles } from './filter-definition-files.js';
import type { Catalogue } from './load-catalogue.js';
import { locateDataset, physicalColumn } from './locate-dataset.js';
import { projectConfigText } from './project-config-text.js';
import { pruneTree, type RawTreeNode } from './prune-tree.js';
import type { OrgStage } from './read-stages.js';
import { stageHistorySourceLabels, type Recognition } from './recognition.js';
import { stageConversionMetrics, type GeneratedMetric } from './stage-conversions.js';
import { reportCustomFields, reportObjects } from './report-objects.js';
import { customObjectDataset } from './custom-object-dataset.js';

export interface PlanInput {
  catalogue: Catalogue;
  recognition: Recognition;
  /** The org's stages, when opportunity_stage could be read; `stageNote` says how it went. */
  stages?: OrgStage[];
  stageNote?: string;
  /** The warehouse url as given (never holding a password) and its printable description. */
  warehouse: { url: string; description: string; baseDir: string };
}

/** The files of a discovered project and the report of what was found and decided. Pure: nothing is read or written. */
export function planDiscoveredProject(input: PlanInput): { files: ProjectFile[]; report: DiscoveryReport } {
  const { catalogue, recognition, stages } = input;
  const project = catalogue.project;
  const decisions: string[] = [];
  if (recognition.choice) decisions.push(recognition.choice);
  decisions.push(`Names: ${recognition.naming === 'mixed' ? 'a mix of Fivetran and Airbyte names' : `${recognition.naming === 'fivetran' ? 'Fivetran' : 'Airbyte'} names`}; every logical column spelt otherwise is a dataset field (stage_name: StageName), so metrics keep one vocabulary.`);

  const metrics = assessMetrics(project, recognition, stages?.map((s) => s.name));
  const computable = new Set(metrics.filter((m) => m.computable).map((m) => m.id));
  const written = writableDatasets(project, recognition);

  const history = recognition.stageHistory;
  const historyDataset = [...project.datasets.values()].find((d) => {
    const located = written.has(d.id) ? locateDataset(d, recognition) : undefined;
    return located !== undefined && 'match' in located && located.match !== undefined && located.match === history?.match;
  });
  if (history) {
    const others = history.found.slice(1).map((f) => `${f.table.name} (${f.source})`);
    decisions.push(`Stage history: ${stageHistorySourceLabels[history.source]}, table ${history.match.table.name}${others.length ? `; also present, not used: ${others.join(', ')}` : ''}.`);
    if (history.source === 'history_mode') decisions.push(`Stage history comes from versions: a stage change is the start of a version (${history.validFrom}), and snapshot metrics value each version until ${history.validTo}.`);
    if (history.source === 'field_history') decisions.push(`Stage history comes from OpportunityFieldHistory: stage_name is new_value; the stage an opportunity was created in appears only as the old_value of its first change, so the stage conversions made here count rows whose old or new value is that stage; catalogue metrics that look for an opportunity's first stage in the history see it only when the opportunity returned to it.`);
  }
  if (input.stageNote) decisions.push(`Stages: ${input.stageNote}.`);

  let generated: GeneratedMetric[] = [];
  if (stages && history && historyDataset) {
    const located = locateDataset(historyDataset, recognition);
    const lacks = 'missing' in located ? ['the table'] : ['opportunity_id', 'stage_name', 'created_date'].filter((c) => 'missing' in physicalColumn(located, c));
    if (lacks.length === 0) {
      // The template is the catalogue's stage-pair conversion (tagged so), computable here or not:
      // its stage names may be the very ones this org spells differently.
      const conversions = [...project.metrics.values()].filter((m) => m.kind === 'conversion' && m.dataset === historyDataset.id);
      const template = conversions.find((m) => m.tags.includes('stage_conversion')) ?? conversions.find((m) => computable.has(m.id));
      generated = stageConversionMetrics(stages, historyDataset.id, history.source, template?.kind === 'conversion' ? template : undefined).filter((g) => !project.metrics.has(g.id));
      decisions.push(
        generated.length > 0
          ? `Stage conversions: ${generated.length} metric${generated.length === 1 ? '' : 's'} made from the org's stages (${generated.map((g) => g.id).join(', ')}).`
          : "Stage conversions: the catalogue's metrics already cover every pair of the org's stages.",
      );
    } else {
      decisions.push(`Stage conversions per stage pair were not made: the stage history lacks ${lacks.join(', ')}.`);
    }
  }

  const files: ProjectFile[] = [];
  const datasetNotes: string[] = [];
  const customDimensions = new Map<string, string[]>();
  const writtenDimensions = new Set<string>();
  for (const dataset of project.datasets.values()) {
    if (!written.has(dataset.id)) {
      datasetNotes.push(`dataset ${dataset.id} not written: ${(locateDataset(dataset, recognition) as { missing?: string }).missing ?? 'a column of its row filter is missing'}`);
      continue;
    }
    const adapted = adaptDataset(dataset, { catalogue: project, recognition, written });
    files.push({ path: `datasets/${dataset.id}.yaml`, text: stringify(adapted.definition) });
    for (const dimension of (adapted.definition.dimensions as { name: string }[] | undefined) ?? []) writtenDimensions.add(dimension.name);
    if (adapted.customDimensions.length) customDimensions.set(adapted.table, [...(customDimensions.get(adapted.table) ?? []), ...adapted.customDimensions]);
    datasetNotes.push(...adapted.notes.map((note) => `dataset ${dataset.id}: ${note}`));
  }

  for (const table of recognition.customObjects) {
    const dataset = customObjectDataset(table, new Set(project.datasets.keys()));
    if (!dataset) continue;
    files.push({ path: `datasets/${dataset.id}.yaml`, text: stringify(dataset) });
    customDimensions.set(table.name, (dataset.dimensions ?? []).map((d) => d.expr));
    datasetNotes.push(`dataset ${dataset.id} written for the custom object ${table.name}, with its custom fields as dimensions`);
  }

  const validTo = history?.source === 'history_mode' ? history.validTo : undefined;
  files.push(
    ...filterDefinitionFiles(catalogue.files, 'metrics', (id) => computable.has(id), (id, definition) => {
      const metric = project.metrics.get(id);
      if (!validTo || metric?.kind !== 'snapshot' || metric.dataset !== historyDataset?.id || definition.has('valid_to')) return false;
      definition.set('valid_to', validTo);
      decisions.push(`Metric ${id}: valid_to is ${validTo}, the end of each version.`);
      return true;
    }),
  );
  for (const metric of generated) files.push({ path: `metrics/${metric.id}.yaml`, text: stringify(metric.definition) });
  const writtenMetrics = new Set([...computable, ...generated.map((g) => g.id)]);

  const treeNotes: string[] = [];
  for (const file of catalogue.files.filter((f) => f.path.startsWith('trees/'))) {
    const raw = parse(file.text) as { id: string; root: RawTreeNode };
    const pruned = pruneTree(raw.root, writtenMetrics);
    treeNotes.push(...pruned.notes.map((note) => `tree ${raw.id}: ${note}`));
    if (pruned.root) files.push({ path: file.path, text: pruned.notes.length === 0 ? file.text : stringify({ ...raw, root: pruned.root }) });
  }

  const owners = catalogue.files.find((f) => f.path === 'owners.yaml');
  if (owners) files.push({ path: 'owners.yaml', text: filterOwnership(owners.text, writtenMetrics) });

  const config = project.config;
  files.push({
    path: 'kpitree.yaml',
    text: projectConfigText({
      name: config.name,
      description: `${config.description ?? 'The Salesforce revenue catalogue'} — discovered in ${input.warehouse.description}, schema ${recognition.schema}.`,
      url: input.warehouse.url,
      baseDir: input.warehouse.baseDir,
      schema: recognition.schema,
      calendar: config.calendar,
      syncDimensions: config.sync.dimensions.filter((dimension) => writtenDimensions.has(dimension)),
    }),
  });

  const objects = reportObjects(recognition);
  const report: DiscoveryReport = {
    warehouse: input.warehouse.description,
    schema: recognition.schema,
    naming: recognition.naming,
    schemas: recognition.schemas,
    objects,
    ...(history
      ? { stageHistory: { source: history.source, table: `${history.match.table.schema}.${history.match.table.name}`, description: stageHistorySourceLabels[history.source], alsoFound: history.found.slice(1).map((f) => f.table.name) } }
      : {}),
    ...(stages ? { stages: stages.map((s) => s.name) } : {}),
    metrics: [...metrics, ...generated.map((g) => ({ id: g.id, name: String(g.definition.name), computable: true, missing: [] }))],
    generated: generated.map((g) => g.id),
    nearMisses: recognition.nearMisses,
    customObjects: recognition.customObjects.map((t) => t.name),
    customFields: reportCustomFields(recognition, customDimensions),
    decisions: [...decisions, ...datasetNotes, ...treeNotes],
  };
  files.push({ path: 'DISCOVERY.md', text: discoveryMarkdown(report) });
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), report };
}

/** owners.yaml with ownership entries only for the metrics written. */
function filterOwnership(text: string, metrics: ReadonlySet<string>): string {
  const doc = parseDocument(text);
  const ownership = doc.get('ownership');
  if (!isSeq(ownership)) return text;
  const before = ownership.items.length;
  ownership.items = ownership.items.filter((item) => isMap(item) && metrics.has(String(item.get('metric'))));
  return ownership.items.length === before ? text : doc.toString();
}
