/**
 * A child process for the kill test: opens a store, replaces a window with `count` values (2.0,
 * run 2) and prints "wrote N" after every batch, then "committed". The test kills it midway.
 * Arguments: url schema|- metric from count
 */
import { openStore } from '../open-store.js';
import { replaceSeriesWindow } from '../series/replace-series-window.js';
import { bigWindowRows } from './big-window.js';

const [url, schema, metric, from, count] = process.argv.slice(2);
const store = await openStore(url!, { schema: schema === '-' ? undefined : schema, lockTimeoutMs: 10_000 });
const { rows, to } = bigWindowRows(from!, Number(count), 2);
console.log('opened');
await replaceSeriesWindow(store, { metric: metric!, grain: 'day', from: from!, to, rows, runId: 2, onProgress: (n) => console.log(`wrote ${n}`) });
console.log('committed');
await store.close();
