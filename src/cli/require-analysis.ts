import { latestAnalysedRun, listRuns, type Store } from '../store/index.js';
import { RuntimeFailure } from './cli-error.js';

/** Stops a reader of analysis results early, saying what to run, when the store holds no analysis yet. */
export async function requireAnalysis(store: Store): Promise<void> {
  if ((await latestAnalysedRun(store)) !== null) return;
  if ((await listRuns(store, { limit: 1 })).length === 0) {
    throw new RuntimeFailure(`nothing is stored yet in ${store.description}`, ['run kpitree sync first: the analysis runs after each sync']);
  }
  throw new RuntimeFailure(`no analysis is stored yet in ${store.description}`, ['run kpitree sync without --no-analyze: the analysis runs after each sync']);
}
