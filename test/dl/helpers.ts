// Shared helpers for end-to-end training tests: the booklet's data files from ../shared/data.
import { join } from 'node:path';
import { asfactor, type Frame } from '../../src/frame/index.ts';
import { importFiles } from '../../src/parse/index.ts';

/** Path of a file under shared/data (CI has it beside the checkout). */
export function dataPath(rel: string): string {
  return join(import.meta.dirname, '..', '..', '..', 'shared', 'data', rel);
}

/** Imports a data file, converting the named columns to factors. */
export async function load(rel: string, factors: string[] = []): Promise<Frame> {
  let f = await importFiles(dataPath(rel));
  for (const c of factors) f = f.withColumn(c, asfactor(f.col(c)));
  return f;
}
