// Autoencoder anomaly scores: per-row reconstruction error of a frame (POST /3/Predictions with
// reconstruction_error=True, as h2o's anomaly() does), plotted with the highest errors highlighted.
import { useState } from 'preact/hooks';
import type { FrameV3 } from '../../schema/index.ts';
import { get, post, seg } from '../api.ts';
import { anomalyChart } from '../components/charts.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { num } from '../components/format.ts';
import { PlotView } from '../components/plot.tsx';
import { useAction, useLoad } from '../hooks.ts';
import type { ModelJson } from './model-types.ts';

const MAX_ROWS = 20000;
const HIGHLIGHT = 10;

/** The anomaly view (`?model=` preselects the autoencoder). */
export function AnomalyView({ initialModel }: { initialModel: string }) {
  const models = useLoad(() => get<{ models: ModelJson[] }>('/3/Models'), []);
  const frames = useLoad(() => get<{ frames: { frame_id: { name: string } }[] }>('/3/Frames'), []);
  const aes = (models.data?.models ?? [])
    .filter((m) => m.output?.model_category === 'AutoEncoder')
    .map((m) => m.model_id.name);
  const names = (frames.data?.frames ?? []).map((f) => f.frame_id.name);
  const [model, setModel] = useState(initialModel);
  const [frame, setFrame] = useState('');
  const [errors, setErrors] = useState<number[] | undefined>(undefined);
  const m = model || aes[0] || '';
  const f = frame || names[0] || '';
  const score = useAction(async () => {
    if (m === '') throw new Error('model: choose an autoencoder model (build one with autoencoder enabled)');
    const r = await post<{ model_metrics: { predictions: { frame_id: { name: string } } }[] }>(
      `/3/Predictions/models/${seg(m)}/frames/${seg(f)}`,
      { reconstruction_error: true, reconstruction_error_per_feature: false },
    );
    const key = r.model_metrics[0].predictions.frame_id.name;
    const fr = await get<{ frames: FrameV3[] }>(`/3/Frames/${seg(key)}`, { row_count: MAX_ROWS });
    setErrors((fr.frames[0].columns[0].data ?? []).map(Number));
  });
  const top = errors
    ? errors
        .map((e, row) => ({ row, e }))
        .sort((a, b) => b.e - a.e)
        .slice(0, HIGHLIGHT)
    : [];
  return (
    <section>
      <h1>Anomaly detection</h1>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void score.run();
        }}
      >
        <label>
          Autoencoder{' '}
          <select name="model" value={m} onChange={(e) => setModel(e.currentTarget.value)}>
            {aes.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Frame{' '}
          <select name="frame" value={f} onChange={(e) => setFrame(e.currentTarget.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={score.busy}>
          Score
        </button>
        <ErrorBox error={score.error} />
      </form>
      {errors ? (
        <>
          <PlotView
            label="reconstruction error per row"
            deps={[errors]}
            make={() => anomalyChart(errors, HIGHLIGHT)}
          />
          <table>
            <caption>{HIGHLIGHT} highest reconstruction errors</caption>
            <thead>
              <tr>
                <th title="row 1 is the frame's first row">Row (from 1)</th>
                <th>Reconstruction.MSE</th>
              </tr>
            </thead>
            <tbody>
              {top.map((t) => (
                <tr key={t.row}>
                  <td class="n">{t.row + 1}</td>
                  <td class="n">{num(t.e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
