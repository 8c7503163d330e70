// Writes an exported scorer to disk: `<dir>/<ClassName>.java` for pojo (javac wants the file named
// after its public class) or an `.mjs` module for js. Written to a temporary name, then renamed.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { H2OInputError } from '../../core/index.ts';
import type { DeepLearningModel } from '../deep-learning-model.ts';
import { pojoSource } from './java-pojo.ts';
import { jsModuleSource } from './js-module.ts';
import { safeIdentifier } from './scoring-spec.ts';

/** Export formats. */
export const EXPORT_FORMATS = ['js', 'pojo'] as const;

/**
 * Writes `model` as a standalone scorer. `out` is a folder (the file is named after the model) or,
 * for js, a file path ending in .js/.mjs. Returns the path written. Throws H2OInputError for an
 * unknown format.
 */
export function exportModel(
  model: DeepLearningModel,
  options: { format: string; out: string; className?: string },
): string {
  const { format, out } = options;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new H2OInputError(`format: unknown value '${format}'. Allowed: ${EXPORT_FORMATS.join(', ')}.`);
  const isFile = format === 'js' && /\.m?js$/.test(out) && !(existsSync(out) && statSync(out).isDirectory());
  let file: string;
  let text: string;
  if (format === 'pojo') {
    const { className, source } = pojoSource(model, options.className);
    file = join(out, `${className}.java`);
    text = source;
  } else {
    file = isFile ? out : join(out, `${safeIdentifier(options.className ?? model.modelId)}.mjs`);
    text = jsModuleSource(model);
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return file;
}
