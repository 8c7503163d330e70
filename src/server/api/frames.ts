// Frames: GET /3/Frames (list), GET /3/Frames/{id} (window of rows and columns with rollups),
// GET /3/Frames/{id}/summary (plus histograms and percentiles), DELETE /3/Frames(/{id}),
// POST /3/Frames/{id}/export (a job writing CSV) and GET /3/DownloadDataset (CSV text).
import type { FastifyInstance } from 'fastify';
import { H2OInputError } from '../../core/index.ts';
import { exportCsv, frameToCsv } from '../../frame/index.ts';
import { route } from '../app.ts';
import { notFound } from '../errors.ts';
import { confinePath } from '../files.ts';
import { frameJson } from '../frame-json.ts';
import { jobJson } from '../jobs.ts';
import { keyOf, meta } from '../meta.ts';
import type { Params } from '../params.ts';
import type { ServerState } from '../state.ts';

function window(p: Params, fullSummary: boolean) {
  return {
    rowOffset: p.int('row_offset', 0),
    rowCount: p.int('row_count', fullSummary ? 0 : 100),
    columnOffset: p.int('column_offset', 0),
    columnCount: p.int('column_count', -1),
    fullSummary,
  };
}

/** Registers the frame endpoints. */
export function registerFrames(app: FastifyInstance, state: ServerState): void {
  const { catalog } = state;
  route(app, state, 'GET', '/3/Frames', 'All frames', () => ({
    __meta: meta('FramesListV3', 'Frames'),
    frames: catalog.keys('frame').map((k) => {
      const f = catalog.get('frame', k);
      return {
        __meta: meta('FrameBaseV3', 'Frame'),
        frame_id: keyOf('frame', k),
        byte_size: f.byteSize(),
        is_text: false,
        rows: f.nRows,
        columns: f.nCols,
      };
    }),
  }));
  route(app, state, 'GET', '/3/Frames/:frame_id', 'One frame: a window of rows and columns', (p) => {
    const key = p.required('frame_id');
    return {
      __meta: meta('FramesV3', 'Frames'),
      frames: [frameJson(key, catalog.get('frame', key), window(p, false))],
    };
  });
  route(app, state, 'GET', '/3/Frames/:frame_id/summary', 'Rollups, histograms and percentiles', (p) => {
    const key = p.required('frame_id');
    return {
      __meta: meta('FramesV3', 'Frames'),
      frames: [frameJson(key, catalog.get('frame', key), window(p, true))],
    };
  });
  route(app, state, 'GET', '/3/Frames/:frame_id/columns/:column/summary', 'One column with rollups', (p) => {
    const key = p.required('frame_id');
    const f = catalog.get('frame', key);
    const col = f.index(p.required('column'));
    const one = f.select([col]);
    return { __meta: meta('FramesV3', 'Frames'), frames: [frameJson(key, one, window(p, true))] };
  });
  route(app, state, 'DELETE', '/3/Frames/:frame_id', 'Remove a frame', (p) => {
    const key = p.required('frame_id');
    if (catalog.find('frame', key) === undefined) throw notFound('Frame', key);
    catalog.remove(key);
    return { __meta: meta('FramesV3', 'Frames'), frame_id: keyOf('frame', key) };
  });
  route(app, state, 'DELETE', '/3/Frames', 'Remove every frame', () => {
    for (const k of catalog.keys('frame')) catalog.remove(k);
    return { __meta: meta('FramesV3', 'Frames') };
  });
  const exportFrame = (p: Params) => {
    const key = p.required('frame_id');
    const f = catalog.get('frame', key);
    const path = confinePath(p.required('path'), state.options.roots, 'path');
    const force = p.bool('force', false);
    const job = state.jobs.start(
      `Export frame ${key} to ${path}`,
      { kind: 'frame', name: key },
      async (ctx) => {
        if (!force) {
          const { access } = await import('node:fs/promises');
          const exists = await access(path).then(
            () => true,
            () => false,
          );
          if (exists) throw new H2OInputError(`File ${path} already exists; set force=True to overwrite it`);
        }
        ctx.progress(0.1, 'Writing CSV');
        await exportCsv(f, path);
      },
    );
    return { __meta: meta('FramesV3', 'Frames'), job: jobJson(job) };
  };
  route(app, state, 'POST', '/3/Frames/:frame_id/export', 'Write a frame to a CSV file (job)', exportFrame);
  route(app, state, 'GET', '/3/Frames/:frame_id/export', 'Write a frame to a CSV file (job)', exportFrame);
  route(app, state, 'GET', '/3/DownloadDataset', 'A frame as CSV text', (p, _req, reply) => {
    const key = p.required('frame_id');
    void reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${key}.csv"`);
    return frameToCsv(catalog.get('frame', key));
  });
}
