import type { Grain } from '../model/index.js';
import { recordForecast, scoreForecasts } from '../store/index.js';
import { attemptStep, readAnalysedTotal, type AnalysisContext } from './analysis-context.js';
import { forecastTotal } from './forecast-total.js';

/** Forecasts each metric's total at each grain (kept, one transaction each), then scores every kept forecast whose periods are over. */
export async function monitorForecasts(ctx: AnalysisContext, grains: readonly Grain[]): Promise<void> {
  const through: Partial<Record<Grain, string>> = {};
  for (const grain of grains) {
    ctx.progress(`forecasts by ${grain}: ${ctx.metrics.length} totals`);
    for (const metric of ctx.metrics) {
      await attemptStep(ctx, metric, `forecast by ${grain}`, async () => {
        const total = await readAnalysedTotal(ctx, metric, grain);
        const last = total?.series.timestamps.at(-1);
        if (last !== undefined && (through[grain] ?? '') < last) through[grain] = last;
        const forecast = total ? forecastTotal(total) : { reason: 'no total is stored' };
        if ('reason' in forecast) {
          ctx.summary.unforecast.push({ metric, grain, reason: forecast.reason });
          return;
        }
        await recordForecast(ctx.db, { ...forecast, runId: ctx.runId });
        ctx.summary.forecasts++;
      });
    }
  }
  await attemptStep(ctx, 'forecasts', 'score against actuals', async () => void (ctx.summary.scoredPoints = await scoreForecasts(ctx.db, through)));
}
