// Actions on a model: predict on a frame (a job; then view the first rows or download the CSV),
// save to a server-side folder (Models.bin), and export links (POJO, model JSON).
import { useState } from 'preact/hooks';
import type { FrameV3, JobV3 } from '../../schema/index.ts';
import { get, post, seg, waitJob } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { num } from '../components/format.ts';
import { JobBar } from '../components/job-bar.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { href } from '../router.ts';
import { serves } from '../routes.ts';

function FramePreview({ frame }: { frame: FrameV3 }) {
  const rows = Math.min(frame.rows, frame.row_count || 10);
  return (
    <div class="table-wrap">
      <table class="predictions">
        <caption>
          First {rows} of {frame.rows} predictions
        </caption>
        <thead>
          <tr>
            {frame.columns.map((c) => (
              <th key={c.label}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {frame.columns.map((c) => {
                const v = c.data?.[r];
                return (
                  <td key={c.label} class={c.domain || typeof v !== 'number' ? '' : 'n'}>
                    {c.domain && typeof v === 'number' ? c.domain[v] : (c.string_data?.[r] ?? num(v))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Predict, save and export for one model. */
export function ModelActions({ modelKey, havePojo }: { modelKey: string; havePojo: boolean }) {
  const frames = useLoad(() => get<{ frames: { frame_id: { name: string } }[] }>('/3/Frames'), []);
  const [frame, setFrame] = useState('');
  const [job, setJob] = useState<JobV3 | undefined>(undefined);
  const [pred, setPred] = useState<FrameV3 | undefined>(undefined);
  const [dir, setDir] = useState('');
  const [saved, setSaved] = useState('');
  // Only link downloads this server answers (a dead link would download an error page).
  const exports = useLoad(
    async () => ({
      pojo: havePojo && (await serves('GET', `/3/Models.java/${seg(modelKey)}`)),
      js: await serves('GET', `/3/Models.js/${seg(modelKey)}`),
    }),
    [modelKey, havePojo],
  );
  const names = (frames.data?.frames ?? []).map((f) => f.frame_id.name);
  const target = frame || names[0] || '';
  const predict = useAction(async () => {
    setPred(undefined);
    if (target === '') throw new Error('frame: choose a frame to predict on');
    const j = await post<JobV3>(`/4/Predictions/models/${seg(modelKey)}/frames/${seg(target)}`);
    const done = await waitJob(j.key.name, setJob);
    if (done.status !== 'DONE' || !done.dest) return;
    const r = await get<{ frames: FrameV3[] }>(`/3/Frames/${seg(done.dest.name)}`, { row_count: 10 });
    setPred(r.frames[0]);
  });
  const save = useAction(async () => {
    if (dir.trim() === '') throw new Error('dir: give a folder on the server to save the model in');
    const r = await get<{ dir: string }>(`/99/Models.bin/${seg(modelKey)}`, { dir: dir.trim(), force: true });
    setSaved(r.dir);
  });
  return (
    <>
      <h2>Predict</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void predict.run();
        }}
      >
        <label>
          Frame{' '}
          <select name="predict_frame" value={target} onChange={(e) => setFrame(e.currentTarget.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={predict.busy}>
          Predict
        </button>
        <ErrorBox error={predict.error} />
      </form>
      {job ? <JobBar job={job} /> : null}
      {pred ? (
        <>
          <p>
            Predictions in <a href={href(['frames', pred.frame_id.name])}>{pred.frame_id.name}</a>{' '}
            <a href={`/3/DownloadDataset?frame_id=${encodeURIComponent(pred.frame_id.name)}`} download>
              Download CSV
            </a>
          </p>
          <FramePreview frame={pred} />
        </>
      ) : null}
      <h2>Save and export</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <label class="grow">
          Folder on the server{' '}
          <input
            name="save_dir"
            value={dir}
            onInput={(e) => setDir(e.currentTarget.value)}
            placeholder="/tmp/models"
          />
        </label>
        <button type="submit" disabled={save.busy}>
          Save model
        </button>
        <ErrorBox error={save.error} />
        {saved ? <span class="ok">Saved to {saved}</span> : null}
      </form>
      <p>
        {exports.data?.pojo ? (
          <a href={`/3/Models.java/${seg(modelKey)}`} download>
            Download POJO
          </a>
        ) : null}{' '}
        {exports.data?.js ? (
          <a href={`/3/Models.js/${seg(modelKey)}`} download>
            Download JS module
          </a>
        ) : null}{' '}
        <a href={`/3/Models/${seg(modelKey)}`} download={`${modelKey}.json`}>
          Download model JSON
        </a>
      </p>
    </>
  );
}
