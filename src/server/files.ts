// Confinement of server-side file access (import, export, model save/load) to configured roots, so a
// server bound beyond localhost cannot be used to read or write arbitrary files.
import { resolve, sep } from 'node:path';
import { H2OInputError } from '../core/index.ts';

/**
 * The absolute form of `path`; when `roots` is set it must lie inside one of them, else a 403 naming
 * the parameter, the path and the allowed roots. URLs (http, https) pass through unchanged.
 */
export function confinePath(path: string, roots: readonly string[] | undefined, param: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const abs = resolve(path.replace(/^file:\/\//, ''));
  if (roots === undefined || roots.length === 0) return abs;
  for (const r of roots) {
    const root = resolve(r);
    if (abs === root || abs.startsWith(root.endsWith(sep) ? root : root + sep)) return abs;
  }
  throw new H2OInputError(
    `parameter '${param}': path '${abs}' is outside the allowed roots (${roots.map((r) => resolve(r)).join(', ')})`,
    { status: 403 },
  );
}
