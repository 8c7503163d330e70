// Handles on server-side objects: a frame (key, shape, rows) and a model (metrics, predict, anomaly,
// deep features, save). Each method is one or two REST calls; nothing is cached but the model JSON.
import type { FrameV3 } from '../schema/index.ts';
import type { H2OConnection } from './h2o.ts';

const seg = encodeURIComponent;

/** Column values of a frame window: numbers (NaN for NA), or strings for enum/string columns. */
export type ColumnData = (number | string | null)[];

/** A frame held by the server under `key`. */
export class FrameHandle {
  constructor(
    readonly h2o: H2OConnection,
    readonly key: string,
  ) {}

  /** FrameV3 of rows [offset, offset+count) (count -1 = all rows). */
  async get(rowOffset = 0, rowCount = 10): Promise<FrameV3> {
    const r = await this.h2o.call('GET', `/3/Frames/${seg(this.key)}`, {
      row_offset: String(rowOffset),
      row_count: String(rowCount),
    });
    return r.frames[0];
  }

  /** Column names, row and column counts. */
  async dim(): Promise<{ names: string[]; nRows: number; nCols: number }> {
    const f = await this.get(0, 0);
    return { names: f.columns.map((c) => c.label), nRows: f.rows, nCols: f.num_columns };
  }

  /** The first `n` rows as records, enum codes shown as their labels (as `head()` prints them). */
  async head(n = 10): Promise<Record<string, number | string | null>[]> {
    const f = await this.get(0, n);
    const rows: Record<string, number | string | null>[] = [];
    for (let i = 0; i < f.row_count; i++) {
      const row: Record<string, number | string | null> = {};
      for (const c of f.columns) {
        const v = c.string_data ? c.string_data[i] : c.data![i];
        row[c.label] =
          c.domain && typeof v === 'number'
            ? (c.domain[v] ?? null)
            : v === 'NaN'
              ? Number.NaN
              : (v as number | string);
      }
      rows.push(row);
    }
    return rows;
  }

  /** Converts column `column` to a factor in place (Rapids `:=` with `as.factor`, as h2o-py's asfactor()). */
  async asfactor(column: string): Promise<void> {
    const q = JSON.stringify(column);
    const k = this.key;
    await this.h2o.rapids(`(assign ${k} (:= ${k} (as.factor (cols_py ${k} ${q})) ${q} []))`);
  }

  async remove(): Promise<void> {
    await this.h2o.call('DELETE', `/3/Frames/${seg(this.key)}`);
  }
}

/** A model held by the server; `json` is its DeepLearningModelV3 (as fetched when the handle was made). */
export class ModelHandle {
  constructor(
    readonly h2o: H2OConnection,
    // biome-ignore lint/suspicious/noExplicitAny: DeepLearningModelV3 JSON
    readonly json: any,
  ) {}

  get id(): string {
    return this.json.model_id.name;
  }

  get category(): string {
    return this.json.output.model_category;
  }

  /** Stored metrics: training (default), validation or cross-validation; null when absent. */
  // biome-ignore lint/suspicious/noExplicitAny: ModelMetrics*V3 JSON
  metrics(which: { valid?: boolean; xval?: boolean } = {}): any {
    const o = this.json.output;
    return which.xval ? o.cross_validation_metrics : which.valid ? o.validation_metrics : o.training_metrics;
  }

  /** A named metric (`MSE`, `logloss`, `AUC`, ...) of the stored metrics; NaN when absent. */
  metric(name: string, which: { valid?: boolean; xval?: boolean } = {}): number {
    const v = this.metrics(which)?.[name];
    return typeof v === 'number' ? v : Number.NaN;
  }

  mse(which: { valid?: boolean; xval?: boolean } = {}): number {
    return this.metric('MSE', which);
  }

  /** Variable importances as rows (Variable, Relative/Scaled Importance, Percentage); [] when none. */
  varimp(): {
    variable: string;
    relative_importance: number;
    scaled_importance: number;
    percentage: number;
  }[] {
    const t = this.json.output.variable_importances;
    if (!t) return [];
    return t.data[0].map((v: string, i: number) => ({
      variable: v,
      relative_importance: t.data[1][i],
      scaled_importance: t.data[2][i],
      percentage: t.data[3][i],
    }));
  }

  /** The fold models of an nfolds run (h2o-py's cross_validation_models()); [] without any. */
  async crossValidationModels(): Promise<ModelHandle[]> {
    const keys: { name: string }[] = this.json.output.cross_validation_models ?? [];
    return Promise.all(
      keys.map(
        async (k) =>
          new ModelHandle(this.h2o, (await this.h2o.call('GET', `/3/Models/${seg(k.name)}`)).models[0]),
      ),
    );
  }

  /** Predictions on a frame (a job); resolves to the prediction frame. */
  async predict(frame: FrameHandle | string): Promise<FrameHandle> {
    const f = typeof frame === 'string' ? frame : frame.key;
    const job = await this.h2o.call('POST', `/4/Predictions/models/${seg(this.id)}/frames/${seg(f)}`, {});
    const done = await this.h2o.waitJob(job.key.name);
    return new FrameHandle(this.h2o, done.dest!.name);
  }

  /** Metrics of the model on a frame that has the response column. */
  // biome-ignore lint/suspicious/noExplicitAny: ModelMetrics*V3 JSON
  async performance(frame: FrameHandle | string): Promise<any> {
    const f = typeof frame === 'string' ? frame : frame.key;
    const r = await this.h2o.call('POST', `/3/ModelMetrics/models/${seg(this.id)}/frames/${seg(f)}`, {});
    return r.model_metrics[0];
  }

  private async predictWith(frame: FrameHandle | string, form: Record<string, string>): Promise<FrameHandle> {
    const f = typeof frame === 'string' ? frame : frame.key;
    const r = await this.h2o.call('POST', `/3/Predictions/models/${seg(this.id)}/frames/${seg(f)}`, form);
    return new FrameHandle(this.h2o, r.predictions_frame.name);
  }

  /** Reconstruction error of an autoencoder (`Reconstruction.MSE`, or per feature). */
  anomaly(frame: FrameHandle | string, opts: { perFeature?: boolean } = {}): Promise<FrameHandle> {
    return this.predictWith(frame, {
      reconstruction_error: 'True',
      reconstruction_error_per_feature: opts.perFeature ? 'True' : 'False',
    });
  }

  /** Activations of hidden layer `layer` (0-based) for every row. */
  deepFeatures(frame: FrameHandle | string, layer: number): Promise<FrameHandle> {
    return this.predictWith(frame, { deep_features_hidden_layer: String(layer) });
  }

  /** Saves the model to a server-side path; resolves to the file written. */
  async save(path: string, opts: { force?: boolean } = {}): Promise<string> {
    const r = await this.h2o.call('GET', `/99/Models.bin/${seg(this.id)}`, {
      dir: path,
      force: opts.force ? 'True' : 'False',
    });
    return r.dir;
  }

  async remove(): Promise<void> {
    await this.h2o.call('DELETE', `/3/Models/${seg(this.id)}`);
  }
}
