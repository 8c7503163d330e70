// /3/Metadata/schemas(/{name}) and /3/Metadata/endpoints. The python client turns each listed field
// name into an attribute of its Cloud and error classes, so every field we emit is listed here.
import type { FastifyInstance } from 'fastify';
import { route } from '../app.ts';
import { notFound } from '../errors.ts';
import { meta } from '../meta.ts';
import type { ServerState } from '../state.ts';

const ERROR_FIELDS = [
  'timestamp',
  'error_url',
  'msg',
  'dev_msg',
  'http_status',
  'values',
  'exception_type',
  'exception_msg',
  'stacktrace',
];

/** Field names per schema (H2O's names). */
const SCHEMAS: Record<string, { type: string; fields: string[] }> = {
  CloudV3: {
    type: 'Iced',
    fields: [
      'skip_ticks',
      'version',
      'branch_name',
      'last_commit_hash',
      'describe',
      'compiled_by',
      'compiled_on',
      'build_number',
      'build_age',
      'build_too_old',
      'node_idx',
      'cloud_name',
      'cloud_size',
      'cloud_uptime_millis',
      'cloud_internal_timezone',
      'datafile_parser_timezone',
      'cloud_healthy',
      'bad_nodes',
      'consensus',
      'locked',
      'is_client',
      'nodes',
      'internal_security_enabled',
      'leader_idx',
      'web_ip',
      'hadoop_version',
      'telemetry_enabled',
    ],
  },
  H2OErrorV3: { type: 'H2OError', fields: ERROR_FIELDS },
  H2OModelBuilderErrorV3: {
    type: 'H2OModelBuilderError',
    fields: [...ERROR_FIELDS, 'parameters', 'messages', 'error_count'],
  },
  JobV3: {
    type: 'Job',
    fields: [
      'key',
      'description',
      'status',
      'progress',
      'progress_msg',
      'start_time',
      'msec',
      'dest',
      'warnings',
      'exception',
      'stacktrace',
      'auto_recoverable',
      'ready_for_view',
    ],
  },
  TwoDimTableV3: { type: 'TwoDimTable', fields: ['name', 'description', 'columns', 'rowcount', 'data'] },
  FrameV3: {
    type: 'Frame',
    fields: [
      'frame_id',
      'byte_size',
      'is_text',
      'row_offset',
      'row_count',
      'column_offset',
      'column_count',
      'full_column_count',
      'total_column_count',
      'checksum',
      'rows',
      'num_columns',
      'default_percentiles',
      'columns',
      'compatible_models',
      'chunk_summary',
      'distribution_summary',
    ],
  },
};

function schemaJson(name: string) {
  const s = SCHEMAS[name];
  return {
    __meta: meta('SchemaMetadataV3'),
    name,
    superclass: 'Schema',
    type: s.type,
    fields: s.fields.map((f) => ({
      __meta: meta('FieldMetadataV3'),
      name: f,
      type: 'Object',
      is_schema: false,
      schema_name: null,
      value: null,
      help: f,
      label: f,
      required: false,
      level: 'critical',
      direction: 'OUTPUT',
      is_inherited: false,
      inherited_from: null,
      is_gridable: false,
      values: [],
      json: true,
      is_member_of_frames: null,
      is_mutually_exclusive_with: null,
    })),
  };
}

/** Registers the metadata endpoints. */
export function registerMetadata(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'GET', '/3/Metadata/schemas', 'All schemas we describe', () => ({
    __meta: meta('MetadataV3', 'Metadata'),
    routes: [],
    schemas: Object.keys(SCHEMAS).map(schemaJson),
  }));
  route(app, state, 'GET', '/3/Metadata/schemas/:schemaname', 'One schema and its fields', (p) => {
    const name = p.required('schemaname');
    if (!(name in SCHEMAS)) throw notFound('Schema', name);
    return { __meta: meta('MetadataV3', 'Metadata'), routes: [], schemas: [schemaJson(name)] };
  });
  route(app, state, 'GET', '/3/Metadata/endpoints', 'Every route this server answers', () => ({
    __meta: meta('MetadataV3', 'Metadata'),
    schemas: [],
    routes: state.routes.map((r) => ({
      __meta: meta('RouteV3'),
      http_method: r.method,
      url_pattern: r.url.replace(/:(\w+)/g, '{$1}'),
      summary: r.summary,
      api_name: r.url,
      handler_class: 'h2o-ts',
      handler_method: r.method.toLowerCase(),
      input_schema: 'Iced',
      output_schema: 'Iced',
      path_params: [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]),
      markdown: '',
    })),
  }));
}
