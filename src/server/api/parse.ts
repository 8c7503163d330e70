// /3/ParseSetup (guess separator, header, names and types of raw keys) and /3/Parse (a job that
// builds the frame). Values are spelled as H2O spells them: separator as a character code,
// check_header 1/-1/0, column types Numeric/Enum/String/Time.
import type { FastifyInstance } from 'fastify';
import { H2OInputError } from '../../core/index.ts';
import type { ColumnType } from '../../frame/index.ts';
import { importFiles, type ParseSetupOptions, parseSetup } from '../../parse/index.ts';
import { route } from '../app.ts';
import { jobJson } from '../jobs.ts';
import { keyOf, meta } from '../meta.ts';
import type { Params } from '../params.ts';
import type { ServerState } from '../state.ts';

const H2O_TYPES: Record<ColumnType, string> = {
  int: 'Numeric',
  real: 'Numeric',
  enum: 'Enum',
  string: 'String',
  time: 'Time',
};
const FROM_H2O: Record<string, ColumnType | 'numeric'> = {
  numeric: 'numeric',
  int: 'int',
  real: 'real',
  enum: 'enum',
  categorical: 'enum',
  factor: 'enum',
  string: 'string',
  uuid: 'string',
  time: 'time',
};

/** H2O's name for a parsed frame: base name, known extensions dropped, `.hex` appended. */
export function hexName(source: string): string {
  let n =
    source
      .replace(/[?#].*$/, '')
      .split(/[\\/]/)
      .pop() ?? 'frame';
  for (;;) {
    const m = /\.(gz|zip|bz2|csv|txt|tsv|data|dat|svm|svmlight|arff|xls|xlsx|parquet)$/i.exec(n);
    if (m === null) break;
    n = n.slice(0, m.index);
  }
  n = n.replace(/[^A-Za-z0-9_]/g, '_');
  if (n === '' || /^\d/.test(n)) n = `X${n}`;
  return `${n}.hex`;
}

function sourcesOf(state: ServerState, p: Params): { keys: string[]; paths: string[] } {
  const keys = p.stringList('source_frames');
  if (keys === undefined || keys.length === 0)
    throw new H2OInputError("parameter 'source_frames' is required");
  const paths = keys.flatMap((k) => {
    const raw = state.catalog.find('raw', k);
    if (raw === undefined) {
      throw new H2OInputError(`parameter 'source_frames': '${k}' is not an imported file; import it first`, {
        status: 404,
      });
    }
    return raw.paths;
  });
  return { keys, paths };
}

/** The user's overrides in ParseSetup/Parse parameters, in parse's vocabulary. */
function overrides(p: Params): Partial<ParseSetupOptions> {
  const o: Partial<ParseSetupOptions> = {};
  if (p.has('separator')) {
    const s = p.string('separator', '');
    // H2O sends the separator as a character code ("44"); a literal character is accepted too.
    const code = /^\d+$/.test(s) ? Number(s) : Number.NaN;
    if (!(Number.isNaN(code) && s.length === 1) && !(code >= 0 && code < 256)) {
      throw new H2OInputError(
        `parameter 'separator': got '${s}', expected a character code 0-255 or one character`,
      );
    }
    // -1 means "guess" in H2O's ParseSetup; 0 is not a separator either.
    if (Number.isNaN(code)) o.separator = s;
    else if (code > 0) o.separator = String.fromCharCode(code);
  }
  const header = p.int('check_header', 0);
  if (header !== 0 && header !== 1 && header !== -1) {
    throw new H2OInputError(
      `parameter 'check_header': got ${header}, expected 1 (header), -1 (no header) or 0 (guess)`,
    );
  }
  if (header !== 0) o.header = header === 1;
  const names = p.stringList('column_names');
  if (names !== undefined && names.length > 0) o.columnNames = names;
  const types = p.stringList('column_types');
  if (types !== undefined && types.length > 0) {
    o.columnTypes = types.map((t) => {
      const ct = FROM_H2O[t.toLowerCase()];
      if (ct === undefined) {
        throw new H2OInputError(
          `parameter 'column_types': unknown type '${t}'; allowed: Numeric, Enum, String, Time, UUID`,
        );
      }
      return ct;
    });
  }
  const na = p.literal('na_strings');
  if (Array.isArray(na)) {
    const flat = na.flat(2).filter((x): x is string => typeof x === 'string');
    if (flat.length > 0) o.naStrings = flat;
  }
  return o;
}

/** Registers the parse endpoints. */
export function registerParse(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'POST', '/3/ParseSetup', 'Guess how to parse raw keys', async (p) => {
    const { keys, paths } = sourcesOf(state, p);
    const s = await parseSetup(paths, overrides(p));
    return {
      __meta: meta('ParseSetupV3', 'ParseSetup'),
      source_frames: keys.map((k) => keyOf('frame', k)),
      parse_type: 'CSV',
      separator: s.separator.charCodeAt(0),
      single_quotes: false,
      check_header: s.header ? 1 : -1,
      column_names: s.columnNames,
      column_types: s.columnTypes.map((t) => H2O_TYPES[t]),
      na_strings: s.columnNames.map(() => [...s.naStrings]),
      column_name_filter: null,
      column_offset: 0,
      column_count: 0,
      destination_frame: hexName(paths[0]),
      header_lines: s.header ? 1 : 0,
      number_columns: s.columnNames.length,
      data: s.preview,
      chunk_size: 4194304,
      total_filtered_column_count: s.columnNames.length,
      custom_non_data_line_markers: null,
      decrypt_tool: null,
      skipped_columns: null,
      force_col_types: false,
      partition_by: null,
      escapechar: 0,
      tz_adjust_to_local: false,
      warnings: s.warnings,
    };
  });

  route(app, state, 'POST', '/3/Parse', 'Parse raw keys into a frame (job)', async (p) => {
    const { keys, paths } = sourcesOf(state, p);
    const dest = p.string('destination_frame', '') || hexName(paths[0]);
    const opts = overrides(p);
    const deleteOnDone = p.bool('delete_on_done', true);
    const job = state.jobs.start(`Parse ${paths.join(', ')}`, { kind: 'frame', name: dest }, async (ctx) => {
      ctx.progress(0, 'Parsing');
      const frame = await importFiles(paths, {
        ...opts,
        signal: ctx.signal,
        onProgress: (f) => ctx.progress(f * 0.99, 'Parsing'),
        onWarning: (w) => ctx.warn(w),
      });
      state.catalog.put('frame', dest, frame);
      if (deleteOnDone) for (const k of keys) state.catalog.remove(k);
    });
    if (p.bool('blocking', false)) await job.done;
    return {
      __meta: meta('ParseV3', 'Parse'),
      destination_frame: keyOf('frame', dest),
      source_frames: keys.map((k) => keyOf('frame', k)),
      parse_type: 'CSV',
      separator: opts.separator?.charCodeAt(0) ?? 44,
      check_header: opts.header === undefined ? 0 : opts.header ? 1 : -1,
      delete_on_done: deleteOnDone,
      blocking: p.bool('blocking', false),
      job: jobJson(job),
      rows: 0,
    };
  });
}
