// Public surface of parse: sources, parse setup (guessing), import of files/URLs, and inline CSV text.
export { type ImportOptions, importFiles, parseWithSetup } from './import-files.ts';
export { isUrl, listSources } from './list-sources.ts';
export { parseCsvText } from './parse-csv-text.ts';
export { parseSetup } from './parse-setup.ts';
export { CsvScanner, ESCAPED, fieldText, QUOTED, type RowHandler } from './scanner.ts';
export { type ColumnType, DEFAULT_NA_STRINGS, type ParseSetup, type ParseSetupOptions } from './types.ts';
