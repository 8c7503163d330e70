// Types shared by parse setup, import and the CLI: the options a user may override and the setup H2O
// reports back (separator, header, names, types, NA strings, a preview and warnings).
import type { ColumnType } from '../frame/index.ts';

export type { ColumnType };

/** What a user may set instead of letting parse setup guess (H2O's ParseSetup fields). */
export interface ParseSetupOptions {
  /** One character: ',', '\t', ';', '|', ' ' or any other single character. */
  separator: string;
  /** True when the first line of each file holds the column names. */
  header: boolean;
  columnNames: string[];
  /** One per column; 'numeric' lets the data decide between int and real. */
  columnTypes: (ColumnType | 'numeric')[];
  /** Cell texts read as NA, in addition to the empty cell. */
  naStrings: string[];
}

/** The result of parse setup: everything needed to parse the sources into a Frame. */
export interface ParseSetup {
  sources: string[];
  separator: string;
  header: boolean;
  columnNames: string[];
  columnTypes: ColumnType[];
  naStrings: string[];
  /** The first rows of the first source as text (after the header). */
  preview: string[][];
  warnings: string[];
}

/** NA strings used when the user gives none (the empty cell is always NA). */
export const DEFAULT_NA_STRINGS: readonly string[] = ['NA', 'N/A', 'null'];
