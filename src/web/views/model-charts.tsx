// The model's charts: scoring history (training vs validation over epochs, redrawn as new rows
// arrive), confusion matrix heat map, ROC curve (binomial) and variable importance bars.
import { useState } from 'preact/hooks';
import type { TwoDimTableV3 } from '../../schema/index.ts';
import {
  confusionChart,
  rocChart,
  type SeriesPoint,
  scoringChart,
  varimpChart,
} from '../components/charts.ts';
import { PlotView } from '../components/plot.tsx';
import { tableColumn } from '../components/table.tsx';
import type { Metrics } from './model-types.ts';

/** Metrics that appear as `Training X` (and maybe `Validation X`) columns of the scoring history. */
export function scoringMetrics(sh: TwoDimTableV3): string[] {
  return sh.columns
    .filter((c) => c.name.startsWith('Training ') && c.name !== 'Training Speed')
    .map((c) => c.name.slice('Training '.length));
}

/** Points of one metric: x is Epochs (else Iterations, else the row number). */
export function scoringPoints(sh: TwoDimTableV3, metric: string): { points: SeriesPoint[]; xLabel: string } {
  const xName = tableColumn(sh, 'Epochs') ? 'Epochs' : tableColumn(sh, 'Iterations') ? 'Iterations' : '';
  const xs = xName === '' ? undefined : tableColumn(sh, xName);
  const points: SeriesPoint[] = [];
  for (const series of ['training', 'validation'] as const) {
    const col = tableColumn(sh, `${series === 'training' ? 'Training' : 'Validation'} ${metric}`);
    if (col === undefined) continue;
    col.forEach((y, i) => {
      const x = xs === undefined ? i : Number(xs[i]);
      if (typeof y === 'number' && Number.isFinite(y) && Number.isFinite(x)) points.push({ x, y, series });
    });
  }
  return { points, xLabel: xName || 'Scoring event' };
}

function defaultMetric(metrics: string[], category: string): string {
  const prefer =
    category === 'Regression'
      ? ['Deviance', 'RMSE', 'MSE']
      : category === 'AutoEncoder'
        ? ['MSE', 'RMSE']
        : ['LogLoss', 'Classification Error', 'RMSE'];
  return prefer.find((m) => metrics.some((x) => x.toLowerCase() === m.toLowerCase())) ?? metrics[0] ?? '';
}

/** Scoring-history line chart with a metric picker. */
export function ScoringHistoryChart({ sh, category }: { sh: TwoDimTableV3; category: string }) {
  const metrics = scoringMetrics(sh);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const metric = chosen !== undefined && metrics.includes(chosen) ? chosen : defaultMetric(metrics, category);
  const { points, xLabel } = scoringPoints(sh, metric);
  return (
    <div>
      <label>
        Metric{' '}
        <select name="scoring_metric" value={metric} onChange={(e) => setChosen(e.currentTarget.value)}>
          {metrics.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      {points.length === 0 ? (
        <p class="muted">No scoring events yet.</p>
      ) : (
        <PlotView
          label={`scoring history: ${metric} by ${xLabel}`}
          deps={[sh.rowcount, metric, points.length]}
          make={() => scoringChart(points, xLabel, metric)}
        />
      )}
    </div>
  );
}

/**
 * Labels and counts of a confusion-matrix TwoDimTable: columns are the predicted levels then
 * `Error` and `Rate` (after an optional row-header column); rows are actual levels then `Totals`.
 */
export function confusionCounts(t: TwoDimTableV3): { labels: string[]; counts: number[][] } {
  const first = t.columns[0]?.name === '' ? 1 : 0;
  const labels = t.columns
    .slice(first)
    .map((c) => c.name)
    .filter((n) => n !== 'Error' && n !== 'Rate');
  const counts = labels.map((_l, a) => labels.map((_m, p) => Number(t.data[first + p][a])));
  return { labels, counts };
}

/** Confusion matrix heat map of one metrics object. */
export function ConfusionMatrixChart({ m, title }: { m: Metrics; title: string }) {
  const t = m.cm?.table;
  if (!t) return null;
  const { labels, counts } = confusionCounts(t);
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <PlotView label={`${title} heat map`} deps={[t]} make={() => confusionChart(labels, counts)} />
    </figure>
  );
}

/** ROC curve of a binomial metrics object (thresholds_and_metric_scores' fpr/tpr). */
export function RocChart({ m, title }: { m: Metrics; title: string }) {
  const t = m.thresholds_and_metric_scores;
  if (!t) return null;
  const fpr = tableColumn(t, 'fpr')?.map(Number);
  const tpr = tableColumn(t, 'tpr')?.map(Number);
  if (!fpr || !tpr) return null;
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <PlotView
        label={`${title} ROC curve`}
        deps={[t]}
        make={() => rocChart(fpr, tpr, m.AUC ?? Number.NaN)}
      />
    </figure>
  );
}

/** Variable importance bars (scaled importance). */
export function VarimpChart({ t }: { t: TwoDimTableV3 }) {
  const names = tableColumn(t, 'Variable')?.map(String);
  const scaled = tableColumn(t, 'Scaled Importance')?.map(Number);
  if (!names || !scaled) return null;
  return <PlotView label="variable importance" deps={[t]} make={() => varimpChart(names, scaled)} />;
}
