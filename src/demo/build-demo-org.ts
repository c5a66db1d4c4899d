import { rename, rm, writeFile } from 'node:fs/promises';
import { demoTableSpecs, type Naming } from './demo-schema.js';
import { generateDemoOrg, planDemoOrg, type DemoOrgOptions } from './generate-org.js';
import { buildManifest, type DemoManifest } from './manifest.js';
import type { OrgWriter } from './org-writer.js';

export interface DemoProgress {
  rowsWritten: number;
  /** Rows per table so far (Fivetran names). */
  tables: Record<string, number>;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Share done, 0–1, and the time left at the pace so far (null until it can be guessed). */
  done: number;
  etaMs: number | null;
  finished: boolean;
}

export interface BuildDemoOrgOptions extends DemoOrgOptions {
  naming: Naming;
  schema: string;
  writer: OrgWriter;
  /** Where the ground truth goes (JSON); none when absent. */
  manifestPath?: string;
  /** Called at most every `progressEveryMs` and once at the end; throwing aborts the build. */
  onProgress?: (progress: DemoProgress) => void;
  progressEveryMs?: number;
  /** Stops the build between chunks (Ctrl-C): the writer is aborted and the signal's reason thrown. */
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Generates the org and streams it into the writer; commits, then writes the manifest beside it.
 * On any failure the writer is aborted, so neither half a warehouse nor a manifest is left.
 */
export async function buildDemoOrg(options: BuildDemoOrgOptions): Promise<DemoManifest> {
  const now = options.now ?? Date.now;
  const plan = planDemoOrg(options);
  const tables = demoTableSpecs(options.naming);
  const byObject = new Map(tables.map((t) => [t.object, t]));
  const counts: Record<string, number> = Object.fromEntries(tables.map((t) => [t.object, 0]));
  const started = now();
  let rowsWritten = 0;
  let lastReport = started;
  const progress = (done: number, finished: boolean): DemoProgress => {
    const elapsedMs = now() - started;
    const rowsPerSecond = elapsedMs > 0 ? (rowsWritten * 1000) / elapsedMs : 0;
    const etaMs = finished ? 0 : done > 0.02 ? (elapsedMs * (1 - done)) / done : null;
    return { rowsWritten, tables: { ...counts }, elapsedMs, rowsPerSecond, done, etaMs, finished };
  };

  const { writer } = options;
  await writer.begin(tables);
  try {
    for (const chunk of generateDemoOrg(plan)) {
      // Let the event loop turn (signals, timers, sockets): the writes may all be synchronous.
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      for (const batch of chunk.batches) {
        const written = await writer.write(byObject.get(batch.object)!, batch);
        counts[batch.object] = (counts[batch.object] ?? 0) + written;
        rowsWritten += written;
      }
      if (options.onProgress && now() - lastReport >= (options.progressEveryMs ?? 500)) {
        lastReport = now();
        options.onProgress(progress(chunk.done, false));
      }
    }
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  options.onProgress?.(progress(1, true));

  const manifest = buildManifest(
    { seed: options.seed, scale: options.scale, asOf: options.asOf, months: options.months, span: plan.span, naming: options.naming, target: writer.description, schema: options.schema, counts },
    plan.incidents,
    plan.people,
  );
  if (options.manifestPath) await writeJsonAtomically(options.manifestPath, manifest);
  return manifest;
}

async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.writing`;
  try {
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
