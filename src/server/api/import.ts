// File import: /3/ImportFiles (R client, GET or POST), /3/ImportFilesMulti (python client) and
// /3/PostFile(.bin) uploads. Imported files become "raw" keys (`nfs://abs/path`, or the URL) that
// ParseSetup and Parse read; nothing is parsed yet. Paths are confined to the configured roots.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { H2OInputError } from '../../core/index.ts';
import { listSources } from '../../parse/index.ts';
import { route } from '../app.ts';
import { confinePath } from '../files.ts';
import { keyOf, meta } from '../meta.ts';
import type { ServerState } from '../state.ts';

/** The raw key H2O gives an imported file: `nfs:/` + absolute path, or the URL itself. */
export function rawKeyOf(source: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source : `nfs:/${source}`;
}

interface ImportResult {
  files: string[];
  destination_frames: string[];
  fails: string[];
}

async function importPaths(state: ServerState, paths: string[], pattern: string): Promise<ImportResult> {
  const out: ImportResult = { files: [], destination_frames: [], fails: [] };
  let re: RegExp | null = null;
  if (pattern !== '') {
    try {
      re = new RegExp(pattern);
    } catch {
      throw new H2OInputError(`parameter 'pattern': '${pattern}' is not a valid regular expression`);
    }
  }
  for (const raw of paths) {
    const path = confinePath(raw, state.options.roots, 'path');
    let sources: string[];
    try {
      sources = await listSources(path);
    } catch {
      out.fails.push(raw);
      continue;
    }
    for (const s of sources) {
      if (re !== null && !re.test(s)) continue;
      const key = rawKeyOf(s);
      state.catalog.put('raw', key, { paths: [s] });
      out.files.push(s);
      out.destination_frames.push(key);
    }
  }
  return out;
}

/** The uploaded bytes of a PostFile request: the first part of a multipart body, or the raw body. */
function uploadedBytes(req: FastifyRequest): Buffer {
  const body = req.body;
  if (!Buffer.isBuffer(body)) throw new H2OInputError('PostFile: expected a file in the request body');
  const ct = req.headers['content-type'] ?? '';
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ct);
  if (!/^multipart\/form-data/i.test(ct) || m === null) return body;
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const start = body.indexOf(boundary);
  const headerEnd = body.indexOf('\r\n\r\n', start);
  const end = body.indexOf(Buffer.from(`\r\n${boundary.toString()}`), headerEnd);
  if (start < 0 || headerEnd < 0 || end < 0) throw new H2OInputError('PostFile: malformed multipart body');
  return body.subarray(headerEnd + 4, end);
}

/** Registers the import endpoints. */
export function registerImport(app: FastifyInstance, state: ServerState): void {
  const single = async (p: import('../params.ts').Params) => {
    const path = p.required('path');
    const r = await importPaths(state, [path], p.string('pattern', ''));
    return {
      __meta: meta('ImportFilesV3', 'ImportFiles'),
      path,
      pattern: p.string('pattern', ''),
      ...r,
      dels: [],
    };
  };
  route(app, state, 'GET', '/3/ImportFiles', 'Import a file or folder (server-side path)', single);
  route(app, state, 'POST', '/3/ImportFiles', 'Import a file or folder (server-side path)', single);
  route(app, state, 'POST', '/3/ImportFilesMulti', 'Import several files or folders', async (p) => {
    const paths = p.stringList('paths');
    if (paths === undefined || paths.length === 0) throw new H2OInputError("parameter 'paths' is required");
    const r = await importPaths(state, paths, p.string('pattern', ''));
    return {
      __meta: meta('ImportFilesMultiV3', 'ImportFilesMulti'),
      paths,
      pattern: p.string('pattern', ''),
      ...r,
      dels: [],
    };
  });
  const postFile = async (p: import('../params.ts').Params, req: FastifyRequest) => {
    const bytes = uploadedBytes(req);
    const dest = p.string('destination_frame', '') || `upload_${Date.now().toString(16)}`;
    const dir = await mkdtemp(join(tmpdir(), 'h2o-ts-upload-'));
    const file = join(dir, basename(dest).replace(/[^\w.-]/g, '_') || 'upload');
    await writeFile(file, bytes);
    state.catalog.put('raw', dest, { paths: [file] });
    return {
      __meta: meta('PostFileV3'),
      destination_frame: dest,
      total_bytes: bytes.length,
      key: keyOf('keyed', dest),
    };
  };
  route(app, state, 'POST', '/3/PostFile', 'Upload a file (becomes a raw key)', postFile);
  route(app, state, 'POST', '/3/PostFile.bin', 'Upload a file (becomes a raw key)', postFile);
}
