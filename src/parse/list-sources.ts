// listSources: what one path or URL names — a file, every file of a folder, the files matching a glob
// (`data/part-*.csv`, `logs/**/x.csv`), or an http(s) URL — as H2O's importFiles expands it.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { H2OInputError } from '../core/index.ts';

/** True for http:// and https:// URLs. */
export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/**
 * The sources named by `pathOrUrl`, sorted: a URL as is; a file; a folder's files (not hidden ones,
 * not subfolders); or the files a glob matches (`*`, `?`, `[abc]` within a name, `**` for any depth).
 * Throws an H2OInputError naming the path when nothing is found.
 */
export async function listSources(pathOrUrl: string): Promise<string[]> {
  if (typeof pathOrUrl !== 'string' || pathOrUrl.trim() === '') {
    throw new H2OInputError(`path: expected a file, folder, glob or http(s) URL, got '${String(pathOrUrl)}'`);
  }
  if (isUrl(pathOrUrl)) return [pathOrUrl];
  if (/[*?[]/.test(pathOrUrl)) {
    const found = await glob(pathOrUrl);
    if (found.length === 0)
      throw new H2OInputError(`${pathOrUrl}: no files match this pattern`, { status: 404 });
    return found;
  }
  const st = await stat(pathOrUrl).catch(() => null);
  if (st === null) throw new H2OInputError(`${pathOrUrl}: file or folder not found`, { status: 404 });
  if (st.isFile()) return [pathOrUrl];
  if (st.isDirectory()) {
    const files: string[] = [];
    for (const e of await readdir(pathOrUrl, { withFileTypes: true })) {
      if (e.isFile() && !e.name.startsWith('.')) files.push(join(pathOrUrl, e.name));
    }
    if (files.length === 0) throw new H2OInputError(`${pathOrUrl}: the folder has no files`, { status: 404 });
    return files.sort();
  }
  throw new H2OInputError(`${pathOrUrl}: not a regular file or folder`);
}

async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  // The fixed prefix (no wildcard) is where the walk starts.
  let k = 0;
  while (k < parts.length && !/[*?[]/.test(parts[k])) k++;
  const base = parts.slice(0, k).join(sep) || (pattern.startsWith('/') ? '/' : '.');
  const out: string[] = [];
  await walk(base === '' ? '/' : base, parts.slice(k), out);
  return out.map((p) => (pattern.startsWith('/') ? resolve(p) : p)).sort();
}

async function walk(dir: string, rest: string[], out: string[]): Promise<void> {
  if (rest.length === 0) return;
  const [head, ...tail] = rest;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (head === '**') {
    await walk(dir, tail, out); // zero folders
    for (const e of entries) if (e.isDirectory()) await walk(join(dir, e.name), rest, out);
    return;
  }
  const re = globToRegExp(head);
  for (const e of entries) {
    if (!re.test(e.name) || (e.name.startsWith('.') && !head.startsWith('.'))) continue;
    const p = join(dir, e.name);
    if (tail.length === 0 && e.isFile()) out.push(p);
    else if (tail.length > 0 && e.isDirectory()) await walk(p, tail, out);
  }
}

function globToRegExp(g: string): RegExp {
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${g
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
