// Public surface of frame: columns (Vec), frames and their operations (asfactor, split, summary, export).
export { asfactor, levelLabel } from './asfactor.ts';
export { exportCsv, frameToCsv } from './export-csv.ts';
export { categoricalFromLabels, compareLevels, Frame } from './frame.ts';
export { splitFrame } from './split-frame.ts';
export { type ColumnSummary, type Histogram, summarizeVec, summary } from './summary.ts';
export { type ColumnType, type Storage, Vec } from './vec.ts';
