// Public surface of frame: columns (Vec), frames and their operations.
export { categoricalFromLabels, compareLevels, Frame } from './frame.ts';
export { type ColumnType, type Storage, Vec } from './vec.ts';
