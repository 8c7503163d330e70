// The h2o-ts command line (commander). Each command lives in its own file and registers itself here;
// user errors print one line and exit non-zero, never a stack trace.
import { Command, CommanderError } from 'commander';
import { H2OInputError, ValidationError } from '../core/index.ts';

/** A command's module and its register function; loaded only when needed (see buildProgram). */
type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  describe: async () => (await import('./describe.ts')).registerDescribe,
  serve: async () => (await import('./serve.ts')).registerServe,
  train: async () => (await import('./train.ts')).registerTrain,
  predict: async () => (await import('./predict.ts')).registerPredict,
  anomaly: async () => (await import('./anomaly.ts')).registerAnomaly,
  export: async () => (await import('./export.ts')).registerExport,
  grid: async () => (await import('./grid.ts')).registerGrid,
};

/**
 * The program with its commands registered. With `only` set to a known command name, just that
 * command's module is loaded: `describe` then never loads the server or the training code, which
 * keeps start-up short and keeps one command's broken module from breaking the others.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('h2o-ts')
    .description("H2O-3's Deep Learning platform in TypeScript")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const names = only !== undefined && only in COMMANDS ? [only] : Object.keys(COMMANDS);
  const loaded = await Promise.allSettled(names.map((n) => COMMANDS[n]()));
  loaded.forEach((r, k) => {
    if (r.status === 'fulfilled') r.value(program);
    else if (names.length === 1) throw r.reason;
    else
      process.stderr.write(`warning: command '${names[k]}' is unavailable: ${(r.reason as Error).message}\n`);
  });
  return program;
}

/** Run the CLI with `argv` as process.argv gives it (node, script, args...). Sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`describe ... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  try {
    await (await buildProgram(argv[2])).parseAsync(argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

/** Prints the one-line message for an error and returns the exit code: 1 user error, 2 internal. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode; // commander already printed its message
  if (e instanceof H2OInputError || e instanceof ValidationError) {
    process.stderr.write(`error: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`internal error: ${err.message}${process.env.H2O_TS_DEBUG ? `\n${err.stack}` : ''}\n`);
  return 2;
}
