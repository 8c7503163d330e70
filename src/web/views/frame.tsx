// One frame: per-column type, min/max/mean/sigma, missing, cardinality and a small histogram
// (/3/Frames/{id}/summary), the first rows, and actions: convert a column to a factor, split the
// frame (both through Rapids, as the clients do), download and delete.
import { useState } from 'preact/hooks';
import type { ColV3, FrameV3 } from '../../schema/index.ts';
import { del, get, rapids, rid, seg } from '../api.ts';
import { histogramChart } from '../components/charts.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { num } from '../components/format.ts';
import { PlotView } from '../components/plot.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { go, href } from '../router.ts';

function cell(c: ColV3, r: number): string {
  if (c.string_data) return c.string_data[r] ?? 'NA';
  const v = c.data?.[r];
  if (v === undefined || v === 'NaN' || (typeof v === 'number' && Number.isNaN(v))) return 'NA';
  return c.domain && typeof v === 'number' ? (c.domain[v] ?? String(v)) : num(v);
}

function ColumnRow({
  c,
  index,
  frame,
  onChanged,
}: {
  c: ColV3;
  index: number;
  frame: string;
  onChanged: () => void;
}) {
  const toFactor = useAction(async () => {
    // `:=` returns a modified copy; assigning it back under the same key replaces the frame.
    await rapids(
      `(assign ${rid(frame)} (:= ${rid(frame)} (as.factor (cols_py ${rid(frame)} ${index})) ${index} []))`,
    );
    onChanged();
  });
  const bins = c.histogram_bins;
  return (
    <tr>
      <th scope="row">{c.label}</th>
      <td>{c.type}</td>
      <td class="n">{c.type === 'enum' || c.type === 'string' ? '' : num(c.mins?.[0])}</td>
      <td class="n">{c.type === 'enum' || c.type === 'string' ? '' : num(c.maxs?.[0])}</td>
      <td class="n">{c.type === 'enum' || c.type === 'string' ? '' : num(c.mean)}</td>
      <td class="n">{c.type === 'enum' || c.type === 'string' ? '' : num(c.sigma)}</td>
      <td class="n">{c.missing_count}</td>
      <td class="n">{c.type === 'enum' ? c.domain_cardinality : ''}</td>
      <td>
        {bins && bins.length > 0 ? (
          <PlotView
            label={`histogram of ${c.label}`}
            deps={[bins]}
            make={() => histogramChart(bins, c.histogram_base, c.histogram_stride || 1)}
          />
        ) : null}
      </td>
      <td>
        {c.type === 'int' || c.type === 'real' || c.type === 'string' ? (
          <button type="button" onClick={() => toFactor.run()} disabled={toFactor.busy}>
            To factor
          </button>
        ) : null}
        <ErrorBox error={toFactor.error} />
      </td>
    </tr>
  );
}

function SplitForm({ frame }: { frame: string }) {
  const base = frame.replace(/\.hex$/, '');
  const [ratio, setRatio] = useState('0.75');
  const [seed, setSeed] = useState('1234');
  const [names, setNames] = useState([`${base}_train.hex`, `${base}_valid.hex`]);
  const [made, setMade] = useState<string[]>([]);
  const split = useAction(async () => {
    const r = Number(ratio);
    if (!(r > 0 && r < 1))
      throw new Error(`ratio: expected a number between 0 and 1 (exclusive), got '${ratio}'`);
    if (!/^-?\d+$/.test(seed)) throw new Error(`seed: expected an integer, got '${seed}'`);
    // The python client's split_frame: one uniform column, rows at or below the ratio go first.
    const rnd = `${base}_runif_${Date.now().toString(36)}`;
    await rapids(
      `(tmp= ${rid(names[0])} (rows ${rid(frame)} (<= (tmp= ${rid(rnd)} (h2o.runif ${rid(frame)} ${seed})) ${r})))`,
    );
    await rapids(`(tmp= ${rid(names[1])} (rows ${rid(frame)} (> ${rid(rnd)} ${r})))`);
    await rapids(`(rm ${rid(rnd)})`);
    setMade(names);
  });
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        void split.run();
      }}
    >
      <label>
        Ratio <input name="ratio" size={5} value={ratio} onInput={(e) => setRatio(e.currentTarget.value)} />
      </label>
      <label>
        Seed <input name="seed" size={8} value={seed} onInput={(e) => setSeed(e.currentTarget.value)} />
      </label>
      <label>
        First{' '}
        <input name="split0" value={names[0]} onInput={(e) => setNames([e.currentTarget.value, names[1]])} />
      </label>
      <label>
        Second{' '}
        <input name="split1" value={names[1]} onInput={(e) => setNames([names[0], e.currentTarget.value])} />
      </label>
      <button type="submit" disabled={split.busy}>
        Split
      </button>
      <ErrorBox error={split.error} />
      {made.length > 0 ? (
        <span class="ok">
          Made{' '}
          {made.map((m) => (
            <a key={m} href={href(['frames', m])}>
              {m}{' '}
            </a>
          ))}
        </span>
      ) : null}
    </form>
  );
}

/** The frame view. */
export function FrameView({ frameKey }: { frameKey: string }) {
  const summary = useLoad(
    () => get<{ frames: FrameV3[] }>(`/3/Frames/${seg(frameKey)}/summary`, { row_count: 10 }),
    [frameKey],
  );
  const remove = useAction(async () => {
    await del(`/3/Frames/${seg(frameKey)}`);
    go(['frames']);
  });
  const f = summary.data?.frames[0];
  return (
    <section>
      <h1>Frame {frameKey}</h1>
      <ErrorBox error={summary.error} />
      {f ? (
        <>
          <p>
            {f.rows} rows, {f.total_column_count} columns.{' '}
            <a href={href(['build'], { training_frame: frameKey })}>Build a model</a>{' '}
            <a href={`/3/DownloadDataset?frame_id=${encodeURIComponent(frameKey)}`} download>
              Download CSV
            </a>{' '}
            <button type="button" onClick={() => remove.run()} disabled={remove.busy}>
              Delete frame
            </button>
          </p>
          <ErrorBox error={remove.error} />
          <h2>Columns</h2>
          <div class="table-wrap">
            <table class="columns">
              <thead>
                <tr>
                  <th>Column</th>
                  <th>Type</th>
                  <th>Min</th>
                  <th>Max</th>
                  <th>Mean</th>
                  <th>Sigma</th>
                  <th>Missing</th>
                  <th>Levels</th>
                  <th>Histogram</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {f.columns.map((c, i) => (
                  <ColumnRow key={c.label} c={c} index={i} frame={frameKey} onChanged={summary.reload} />
                ))}
              </tbody>
            </table>
          </div>
          <h2>Split</h2>
          <SplitForm frame={frameKey} />
          <h2>First rows</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  {f.columns.map((c) => (
                    <th key={c.label}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: Math.min(f.row_count || 10, f.rows) }, (_, r) => (
                  <tr key={r}>
                    {f.columns.map((c) => (
                      <td key={c.label}>{cell(c, r)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
