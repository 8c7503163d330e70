// TypeScript types of H2O's v3 REST JSON (types only, no runtime code), shared by the server and the
// remote client. Field names are H2O's; only the fields our server emits and the clients read.

/** `__meta` block that the h2o clients dispatch on while decoding. */
export interface MetaV3 {
  schema_version: number;
  schema_name: string;
  schema_type: string;
}

/** KeyV3 and its subclasses (FrameKeyV3, ModelKeyV3, JobKeyV3, GridKeyV3). */
export interface KeyV3 {
  __meta: MetaV3;
  name: string;
  type: string;
  URL: string | null;
}

/** Status of a job as H2O spells it. */
export type JobStatus = 'CREATED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface JobV3 {
  __meta: MetaV3;
  key: KeyV3;
  description: string;
  status: JobStatus;
  progress: number;
  progress_msg: string;
  start_time: number;
  msec: number;
  dest: KeyV3 | null;
  warnings: string[] | null;
  exception: string | null;
  stacktrace: string | null;
  auto_recoverable: boolean;
  ready_for_view: boolean;
}

export interface H2OErrorV3 {
  __meta: MetaV3;
  timestamp: number;
  error_url: string;
  msg: string;
  dev_msg: string;
  http_status: number;
  values: Record<string, unknown>;
  exception_type: string;
  exception_msg: string;
  stacktrace: string[];
}

/** Validation message of a model builder (`message_type` ERRR/WARN/INFO as H2O spells them). */
export interface ValidationMessageV3 {
  __meta: MetaV3;
  message_type: string;
  field_name: string;
  message: string;
}

export interface H2OModelBuilderErrorV3 extends H2OErrorV3 {
  parameters: Record<string, unknown> | null;
  messages: ValidationMessageV3[];
  error_count: number;
}

export interface TwoDimTableColumnV3 {
  name: string;
  type: 'string' | 'int' | 'long' | 'double' | 'float';
  format: string;
  description: string;
}

/** A table sent column-major: `data[c][r]`. */
export interface TwoDimTableV3 {
  __meta: MetaV3;
  name: string;
  description: string;
  columns: TwoDimTableColumnV3[];
  rowcount: number;
  data: (string | number | null)[][];
}

export interface ColV3 {
  __meta: MetaV3;
  label: string;
  type: 'int' | 'real' | 'enum' | 'string' | 'time' | 'uuid';
  missing_count: number;
  zero_count: number;
  positive_infinity_count: number;
  negative_infinity_count: number;
  mins: number[];
  maxs: number[];
  mean: number | string;
  sigma: number | string;
  data: (number | string)[] | null;
  string_data: (string | null)[] | null;
  domain: string[] | null;
  domain_cardinality: number;
  precision: number;
  histogram_bins: number[] | null;
  histogram_base: number;
  histogram_stride: number;
  percentiles: number[] | null;
}

export interface FrameV3 {
  __meta: MetaV3;
  frame_id: KeyV3;
  byte_size: number;
  is_text: boolean;
  row_offset: number;
  row_count: number;
  column_offset: number;
  column_count: number;
  full_column_count: number;
  total_column_count: number;
  checksum: number;
  rows: number;
  num_columns: number;
  default_percentiles: number[];
  columns: ColV3[];
  compatible_models: string[] | null;
  chunk_summary: TwoDimTableV3 | null;
  distribution_summary: TwoDimTableV3 | null;
}
