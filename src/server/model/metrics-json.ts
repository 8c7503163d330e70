// ModelMetrics*V3 JSON of the engine's metric objects: H2O's field names, TwoDimTables sent
// column-major, the confusion matrix under `cm.table`, NaN written as "NaN". The `__meta` names
// matter: the python client picks its metrics class from schema_name and prints by schema_type.
import type { ModelMetrics } from '../../dl/index.ts';
import { ConfusionMatrix, type TwoDimTable } from '../../metrics/index.ts';
import type { TwoDimTableV3 } from '../../schema/index.ts';
import { jsonNumber, keyOf, meta, twoDimTable } from '../meta.ts';

/** A metrics TwoDimTable (row-major) as a TwoDimTableV3 (column-major). */
export function tableJson(t: TwoDimTable): TwoDimTableV3 {
  return twoDimTable(t.name, t.columns, t.rows, t.description);
}

// Engine names that H2O's JSON spells differently.
const RENAMED: Record<string, string> = { MAE: 'mae', RMSLE: 'rmsle' };

/** Where the metrics came from, for the `model` and `frame` keys of the JSON. */
export interface MetricsSource {
  model: string;
  frame: string | null;
  /** Prediction frame kept with the metrics (Predictions answers), if any. */
  predictions?: unknown;
  /** Response levels of a classifier (the clients print them beside the confusion matrix). */
  domain?: string[] | null;
}

/** ModelMetrics{Binomial,Multinomial,Regression,AutoEncoder}V3 of a metrics object; null stays null. */
export function metricsJson(m: ModelMetrics | null, src: MetricsSource): Record<string, unknown> | null {
  if (m === null) return null;
  const category = m.model_category;
  const kind = category === 'AutoEncoder' ? 'AutoEncoder' : category;
  const out: Record<string, unknown> = {
    __meta: meta(`ModelMetrics${kind}V3`, `ModelMetrics${kind}`),
    model: keyOf('model', src.model),
    model_checksum: 0,
    frame: src.frame === null ? null : keyOf('frame', src.frame),
    frame_checksum: 0,
    description: m.description ?? null,
    model_category: category,
    scoring_time: Date.now(),
    predictions: src.predictions ?? null,
    custom_metric_name: null,
    custom_metric_value: 0,
  };
  for (const [k, v] of Object.entries(m)) {
    if (k === 'auc2' || k === 'confusion_matrix' || k === 'model_category' || k === 'description') continue;
    const name = RENAMED[k] ?? k;
    if (typeof v === 'number') out[name] = jsonNumber(v);
    else if (typeof v === 'string' || typeof v === 'boolean') out[name] = v;
    else if (isTable(v)) out[name] = tableJson(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) out[name] = v.map(jsonNumber);
  }
  const cm = confusionTable((m as { confusion_matrix?: unknown }).confusion_matrix);
  if (category === 'Binomial' || category === 'Multinomial') {
    out.cm = cm ? { __meta: meta('ConfusionMatrixV3', 'ConfusionMatrix'), table: tableJson(cm) } : null;
    out.domain = src.domain ?? null;
  }
  if (category === 'Multinomial') {
    // Keys the python client reads with [] even though our engine does not compute them.
    for (const k of ['multinomial_auc_table', 'multinomial_aucpr_table']) out[k] ??= null;
    for (const k of ['AUC', 'pr_auc']) out[k] ??= 'NaN';
    out.hit_ratio_table ??= null;
  }
  if (category === 'Binomial') {
    for (const k of ['thresholds_and_metric_scores', 'max_criteria_and_metric_scores', 'gains_lift_table'])
      out[k] ??= null;
  }
  if (category === 'Regression' || category === 'Binomial' || category === 'Multinomial') {
    out.loglikelihood ??= 'NaN';
    out.AIC ??= 'NaN';
    out.r2 ??= 'NaN';
  }
  return out;
}

function isTable(v: unknown): v is TwoDimTable {
  return (
    v !== null &&
    typeof v === 'object' &&
    Array.isArray((v as TwoDimTable).columns) &&
    Array.isArray((v as TwoDimTable).rows) &&
    typeof (v as TwoDimTable).name === 'string'
  );
}

/**
 * The confusion matrix table; a model loaded from a file carries the matrix as plain data. H2O sends
 * it without the row-header column (the R client names the rows after the class columns and fails
 * on an extra column), so the first column of our table is dropped here.
 */
function confusionTable(cm: unknown): TwoDimTable | null {
  const plain = cm as { domain?: string[]; counts?: number[][] } | null | undefined;
  const matrix =
    cm instanceof ConfusionMatrix
      ? cm
      : plain && Array.isArray(plain.domain) && Array.isArray(plain.counts)
        ? new ConfusionMatrix(plain.domain, plain.counts)
        : null;
  if (matrix === null) return null;
  const t = matrix.toTable();
  return { ...t, columns: t.columns.slice(1), rows: t.rows.map((r) => r.slice(1)) };
}
