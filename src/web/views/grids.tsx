// Grids: the list (/99/Grids) and one grid's models as a table sortable by any metric (its
// summary_table), with links to each model.
import type { TwoDimTableV3 } from '../../schema/index.ts';
import { get, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { TwoDimTable } from '../components/table.tsx';
import { useLoad } from '../hooks.ts';
import { href } from '../router.ts';

interface GridJson {
  grid_id: { name: string };
  model_ids: { name: string }[];
  hyper_names?: string[];
  failure_details?: string[];
  warning_details?: string[];
  summary_table?: TwoDimTableV3 | null;
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

/** One grid. */
export function GridView({ gridKey }: { gridKey: string }) {
  const grid = useLoad(() => get<GridJson>(`/99/Grids/${seg(gridKey)}`), [gridKey]);
  const g = grid.data;
  return (
    <section>
      <h1>Grid {gridKey}</h1>
      <ErrorBox error={grid.error} />
      {g ? (
        <>
          <p>Hyper-parameters: {(g.hyper_names ?? []).join(', ')}. Click a column header to sort.</p>
          <TwoDimTable table={g.summary_table} sortable caption="Models by metric" />
          <p>
            Models:{' '}
            {g.model_ids.map((m) => (
              <a key={m.name} href={href(['models', m.name])}>
                {m.name}{' '}
              </a>
            ))}
          </p>
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
