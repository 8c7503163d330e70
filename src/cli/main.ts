// The h2o-ts command line (commander). Each command lives in its own file and registers itself here;
// user errors print one line and exit non-zero, never a stack trace.
import { Command, CommanderError } from 'commander';
import { H2OInputError, ValidationError } from '../core/index.ts';
import { registerDescribe } from './describe.ts';
import { registerPredict } from './predict.ts';
import { registerServe } from './serve.ts';
import { registerTrain } from './train.ts';

/** Build the program with every command registered (exported for tests and for other commands). */
export function buildProgram(): Command {
  const program = new Command('h2o-ts')
    .description("H2O-3's Deep Learning platform in TypeScript")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerDescribe(program);
  registerServe(program);
  registerTrain(program);
  registerPredict(program);
  return program;
}

/** Run the CLI with `argv` as process.argv gives it (node, script, args...). Sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`describe ... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  try {
    await buildProgram().parseAsync(argv);
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
