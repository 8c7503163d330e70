// Cluster endpoints: /3/Cloud, /3/About, /3/Capabilities(/API), /3/InitID, sessions,
// /3/SessionProperties, /3/Shutdown, /3/KillMinus3. They never touch frames or jobs, so they answer
// at once even while training runs (training runs off the main thread).
import { randomBytes } from 'node:crypto';
import { availableParallelism, freemem, totalmem } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { route } from '../app.ts';
import { meta } from '../meta.ts';
import type { ServerState } from '../state.ts';

/** The H2O release whose REST API we follow; the R client needs a plain dotted version. */
export const H2O_VERSION = '3.46.0.7';

function newSessionKey(): string {
  return `_sid_${randomBytes(4).toString('hex')}`;
}

/** CloudV3 JSON (every field the python and R clients read). */
export function cloudJson(state: ServerState, skipTicks: boolean): Record<string, unknown> {
  const cores = availableParallelism();
  const mem = process.memoryUsage();
  const addr = state.address || `${state.options.ip}:${state.options.port}`;
  const node = {
    __meta: meta('NodeV3'),
    h2o: addr,
    ip_port: addr,
    healthy: true,
    last_ping: Date.now(),
    pid: process.pid,
    num_cpus: cores,
    cpus_allowed: cores,
    nthreads: cores,
    sys_load: 0,
    my_cpu_pct: -1,
    sys_cpu_pct: -1,
    mem_value_size: mem.arrayBuffers,
    free_mem: freemem(),
    max_mem: totalmem(),
    pojo_mem: mem.heapUsed,
    swap_mem: 0,
    free_disk: 0,
    max_disk: 0,
    num_keys: state.catalog.size,
    tcps_active: 0,
    open_fds: -1,
    rpcs_active: 0,
    gflops: 0,
    mem_bw: 0,
  };
  return {
    __meta: meta('CloudV3'),
    skip_ticks: skipTicks,
    version: H2O_VERSION,
    branch_name: 'rel-3.46.0',
    last_commit_hash: 'h2o-ts',
    describe: 'h2o-ts',
    compiled_by: 'h2o-ts',
    compiled_on: '2025-01-01',
    build_number: '7',
    build_age: '0 days',
    build_too_old: false,
    node_idx: 0,
    cloud_name: state.options.cloudName,
    cloud_size: 1,
    cloud_uptime_millis: Date.now() - state.startedAt,
    cloud_internal_timezone: state.timeZone,
    datafile_parser_timezone: state.timeZone,
    cloud_healthy: true,
    bad_nodes: 0,
    consensus: true,
    locked: true,
    is_client: false,
    nodes: [node],
    internal_security_enabled: state.options.auth !== undefined,
    leader_idx: 0,
    web_ip: state.options.ip,
    hadoop_version: null,
    telemetry_enabled: false,
  };
}

const CAPABILITIES = ['Core V3', 'Core V4', 'Algos', 'AutoML', 'Rapids'];

/** Registers the cluster endpoints. */
export function registerCloud(app: FastifyInstance, state: ServerState): void {
  // GET / (the R client's liveness check) serves the web UI: see web.ts.
  const cloud = (p: import('../params.ts').Params) => cloudJson(state, p.bool('skip_ticks', false));
  route(app, state, 'GET', '/3/Cloud', 'Cluster status', cloud);
  route(app, state, 'GET', '/3/About', 'Build information', () => ({
    __meta: meta('AboutV3'),
    entries: [
      { __meta: meta('AboutEntryV3'), name: 'Build project version', value: H2O_VERSION },
      { __meta: meta('AboutEntryV3'), name: 'Implementation', value: 'h2o-ts (TypeScript)' },
      { __meta: meta('AboutEntryV3'), name: 'Node.js version', value: process.version },
    ],
  }));
  const caps = () => ({
    __meta: meta('CapabilitiesV3'),
    capabilities: CAPABILITIES.map((name) => ({ __meta: meta('CapabilityEntryV3'), name })),
  });
  route(app, state, 'GET', '/3/Capabilities', 'Capabilities of this server', caps);
  route(app, state, 'GET', '/3/Capabilities/API', 'REST API capabilities', caps);
  route(app, state, 'GET', '/3/Capabilities/Core', 'Core capabilities', caps);
  route(app, state, 'GET', '/3/InitID', 'New session key (R client)', () => {
    const key = newSessionKey();
    state.sessions.add(key);
    return {
      __meta: meta('InitIDV3'),
      session_key: key,
      session_properties_allowed: false,
      is_client: false,
    };
  });
  route(app, state, 'POST', '/4/sessions', 'Open a session (python client)', () => {
    const key = newSessionKey();
    state.sessions.add(key);
    return { __meta: meta('SessionIdV4', 'Iced', 4), session_key: key, session_id: key };
  });
  route(app, state, 'DELETE', '/4/sessions/:session_key', 'Close a session', (p) => {
    const key = p.required('session_key');
    state.sessions.delete(key);
    return { __meta: meta('SessionIdV4', 'Iced', 4), session_key: key };
  });
  const sessionProps = (p: import('../params.ts').Params) => ({
    __meta: meta('SessionPropertyV3'),
    session_key: p.string('session_key', ''),
    key: p.string('key', ''),
    value: p.string('value', ''),
  });
  route(app, state, 'GET', '/3/SessionProperties', 'Session property (none are kept)', sessionProps);
  route(
    app,
    state,
    'POST',
    '/3/SessionProperties',
    'Set a session property (accepted, ignored)',
    sessionProps,
  );
  route(app, state, 'POST', '/3/Shutdown', 'Stop the server', () => {
    state.shutdown();
    return { __meta: meta('ShutdownV3') };
  });
  route(app, state, 'GET', '/3/KillMinus3', 'Dump stack traces to the log (R client, on errors)', () => ({
    __meta: meta('KillMinus3V3'),
  }));
}
