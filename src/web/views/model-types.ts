// The parts of H2O's DeepLearningModelV3 JSON that the model views read (protocol §6).
import type { TwoDimTableV3 } from '../../schema/index.ts';

/** ModelMetrics*V3 (binomial, multinomial, regression, autoencoder), the fields we show. */
export interface Metrics {
  __meta: { schema_name: string; schema_type: string };
  frame?: { name: string } | null;
  MSE?: number;
  RMSE?: number;
  nobs?: number;
  r2?: number;
  logloss?: number;
  AUC?: number;
  pr_auc?: number;
  mean_per_class_error?: number;
  mean_residual_deviance?: number;
  mae?: number;
  cm?: { table: TwoDimTableV3 } | null;
  thresholds_and_metric_scores?: TwoDimTableV3 | null;
  hit_ratio_table?: TwoDimTableV3 | null;
}

/** ModelParameterSchemaV3 as the model echoes it. */
export interface ModelParam {
  name: string;
  label?: string;
  default_value: unknown;
  actual_value: unknown;
  input_value?: unknown;
}

/** The model JSON (`/3/Models/{id}` -> models[0]). */
export interface ModelJson {
  model_id: { name: string };
  algo: string;
  algo_full_name: string;
  response_column_name: string | null;
  have_pojo?: boolean;
  parameters: ModelParam[];
  output: {
    model_category: string;
    model_summary: TwoDimTableV3 | null;
    scoring_history: TwoDimTableV3 | null;
    training_metrics: Metrics | null;
    validation_metrics: Metrics | null;
    cross_validation_metrics: Metrics | null;
    cross_validation_metrics_summary: TwoDimTableV3 | null;
    cross_validation_models: { name: string }[] | null;
    variable_importances: TwoDimTableV3 | null;
    run_time?: number;
    names?: string[];
  };
}
