// Server state shared by the endpoint groups: the catalog, the jobs, sessions and options.
import type { Catalog } from './catalog.ts';
import type { Jobs } from './jobs.ts';

/** Optional authentication for non-local binds: H2O-style basic login or a bearer token. */
export type AuthOptions = { username: string; password: string } | { token: string };

/** Options of `createServer`. */
export interface ServerOptions {
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  ip?: string;
  /** Port; 54321 as H2O, 0 for any free port (tests). */
  port?: number;
  /** When set, file import/export/save is confined to these directories. */
  roots?: string[];
  auth?: AuthOptions;
  /** Largest request body in bytes (default 256 MiB, enough for PostFile uploads). */
  bodyLimit?: number;
  /** Name reported as `cloud_name`. */
  cloudName?: string;
  /** fastify/pino request logging (off by default). */
  logger?: boolean;
}

/** One route as listed by /3/Metadata/endpoints. */
export interface RouteInfo {
  method: string;
  url: string;
  summary: string;
}

/** Everything the endpoint groups share. */
export interface ServerState {
  readonly options: Required<Pick<ServerOptions, 'ip' | 'port' | 'cloudName'>> & ServerOptions;
  readonly catalog: Catalog;
  readonly jobs: Jobs;
  readonly startedAt: number;
  readonly sessions: Set<string>;
  readonly routes: RouteInfo[];
  /** Time zone set by Rapids `setTimeZone` (reported by /3/Cloud). */
  timeZone: string;
  /** Address actually bound, set once listening. */
  address: string;
  /** Stops the server (POST /3/Shutdown). */
  shutdown(): void;
}
