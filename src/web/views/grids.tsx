// Grids: the list (/99/Grids) and one grid's models as a table ranked by a chosen metric (the
// server re-sorts with `sort_by`, as H2O Flow's grid view does) and sortable by any column header.
// With `?job=` (from the builder) it follows the grid's job and refreshes as models arrive.
import type { TwoDimTableV3 } from '../../schema/index.ts';
import { get, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { FollowedJobBar } from '../components/job-bar.tsx';
import { TwoDimTable } from '../components/table.tsx';
import { useFollowedJob, useLoad } from '../hooks.ts';
import { go, href } from '../router.ts';

interface GridJson {
  grid_id: { name: string };
  model_ids: { name: string }[];
  hyper_names?: string[];
  failure_details?: string[];
  warning_details?: string[];
  summary_table?: TwoDimTableV3 | null;
  sort_by?: string;
  training_metrics?: (Record<string, unknown> | null)[];
  validation_metrics?: (Record<string, unknown> | null)[];
  cross_validation_metrics?: (Record<string, unknown> | null)[];
}

/**
 * Which metrics the server ranks a grid's models by (cross-validation, else validation, else
 * training, as H2O does) and the metric names found there.
 */
export function rankingMetrics(g: GridJson): { source: string; names: string[] } {
  const sources: [string, (Record<string, unknown> | null)[] | undefined][] = [
    ['cross-validation', g.cross_validation_metrics],
    ['validation', g.validation_metrics],
    ['training', g.training_metrics],
  ];
  for (const [source, list] of sources) {
    const m = list?.find((x) => x !== null);
    if (m) {
      const names = Object.keys(m).filter((k) => typeof m[k] === 'number' && k !== 'nobs');
      return { source, names };
    }
  }
  return { source: 'training', names: [] };
}

/** All grids. */
export function GridsView() {
  const list = useLoad(() => get<{ grids: GridJson[] }>('/99/Grids'), []);
  const grids = list.data?.grids ?? [];
  return (
    <section>
      <h1>Grids</h1>
      <ErrorBox error={list.error} />
      {list.data && grids.length === 0 ? <p class="muted">No grids yet.</p> : null}
      <ul>
        {grids.map((g) => (
          <li key={g.grid_id.name}>
            <a href={href(['grids', g.grid_id.name])}>{g.grid_id.name}</a> ({g.model_ids.length} models)
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One grid; the ranking metric lives in the route (`?sort_by=`) so back and bookmarks keep it, and so
 * does the job being followed (`?job=`).
 */
export function GridView({
  gridKey,
  sortBy,
  jobKey,
}: {
  gridKey: string;
  sortBy: string;
  jobKey: string | null;
}) {
  const setSortBy = (m: string) =>
    go(['grids', gridKey], jobKey === null ? { sort_by: m } : { sort_by: m, job: jobKey });
  // The server stores the grid when its first model is done.
  const { job, running, mayBeMissing } = useFollowedJob(jobKey);
  const grid = useLoad(
    async () => {
      if (mayBeMissing) {
        const all = await get<{ grids: { grid_id: { name: string } }[] }>('/99/Grids');
        if (!all.grids.some((x) => x.grid_id.name === gridKey)) return undefined;
      }
      return get<GridJson>(`/99/Grids/${seg(gridKey)}`, sortBy === '' ? {} : { sort_by: sortBy });
    },
    [gridKey, sortBy, running, mayBeMissing],
    running ? 1000 : undefined,
  );
  const g = grid.data;
  const ranking = g ? rankingMetrics(g) : { source: '', names: [] };
  const metrics = ranking.names;
  return (
    <section>
      <h1>Grid {gridKey}</h1>
      {job.data && jobKey !== null ? (
        <FollowedJobBar job={job.data} jobKey={jobKey} running={running} onCancelled={job.reload} />
      ) : null}
      <ErrorBox error={grid.error} />
      {g === undefined && !grid.loading && job.data && !running ? (
        <p class="muted">No grid: its job ended {job.data.status}.</p>
      ) : null}
      {g ? (
        <>
          <p>Hyper-parameters: {(g.hyper_names ?? []).join(', ')}.</p>
          <label>
            Rank by{' '}
            <select
              name="sort_by"
              value={sortBy || g.sort_by}
              onChange={(e) => setSortBy(e.currentTarget.value)}
            >
              {g.sort_by && !metrics.includes(g.sort_by) ? <option>{g.sort_by}</option> : null}
              {metrics.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>{' '}
          <span class="muted">({ranking.source} metrics, best first); click a column header to re-sort.</span>
          <TwoDimTable
            key={g.sort_by}
            table={g.summary_table}
            sortable
            caption={`Models by ${g.sort_by ?? 'metric'}`}
            cellHref={(col, v) =>
              col === 'model_ids' && typeof v === 'string' ? href(['models', v]) : undefined
            }
          />
          {(g.failure_details ?? []).map((f) => (
            <p key={f} class="error">
              {f}
            </p>
          ))}
          {(g.warning_details ?? []).map((w) => (
            <p key={w} class="warn">
              {w}
            </p>
          ))}
        </>
      ) : null}
    </section>
  );
}
