// `h2o-ts serve [--ip IP] [--port PORT]`: start the H2O v3 REST server (default 127.0.0.1:54321) so the
// official h2o Python and R clients can connect. Runs until POST /3/Shutdown or Ctrl-C.
import type { Command } from 'commander';
import { H2OInputError } from '../core/index.ts';
import { type AuthOptions, createServer } from '../server/index.ts';

interface ServeOptions {
  ip: string;
  port: string;
  root?: string[];
  token?: string;
  username?: string;
  password?: string;
  name: string;
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

/** Authentication from the options or the H2O_TS_TOKEN / H2O_TS_PASSWORD environment variables. */
function authFrom(o: ServeOptions): AuthOptions | undefined {
  const token = o.token ?? process.env.H2O_TS_TOKEN;
  if (token) return { token };
  const password = o.password ?? process.env.H2O_TS_PASSWORD;
  if (o.username !== undefined || password !== undefined) {
    if (!o.username || !password) throw new H2OInputError('--username and --password must be given together');
    return { username: o.username, password };
  }
  return undefined;
}

/** Register the serve command on `program`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description("serve H2O's v3 REST API (the h2o Python/R clients connect to it)")
    .option('--ip <ip>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '54321')
    .option('--root <dir...>', 'confine file import/export/save to these directories')
    .option('--token <token>', 'require this bearer token (or set H2O_TS_TOKEN)')
    .option('--username <name>', 'require HTTP basic login with this user name')
    .option('--password <password>', 'password for --username (or set H2O_TS_PASSWORD)')
    .option('--name <name>', 'cloud name reported by /3/Cloud', 'h2o-ts')
    .action(async (o: ServeOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new H2OInputError(`--port: got '${o.port}', expected an integer 0-65535`);
      }
      const auth = authFrom(o);
      if (!LOCAL.has(o.ip) && auth === undefined) {
        process.stderr.write(
          `warning: binding ${o.ip} without authentication; anyone who can reach it can use it (see --token)\n`,
        );
      }
      const server = await createServer({ ip: o.ip, port, roots: o.root, auth, cloudName: o.name });
      const url = await server.listen();
      process.stdout.write(`h2o-ts server listening on ${url}\n`);
      const stop = () => void server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => server.app.server.once('close', () => resolve()));
    });
}
