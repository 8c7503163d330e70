// Frames list (/3/Frames) with links to each frame, to model building and to deletion.
import { del, get, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { bytes } from '../components/format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { href } from '../router.ts';

interface FrameBase {
  frame_id: { name: string };
  rows: number;
  columns: number;
  byte_size: number;
}

/** All frames. */
export function FramesView() {
  const list = useLoad(() => get<{ frames: FrameBase[] }>('/3/Frames'), []);
  const remove = useAction(async (key: string) => {
    await del(`/3/Frames/${seg(key)}`);
    list.reload();
  });
  const frames = list.data?.frames ?? [];
  return (
    <section>
      <h1>Frames</h1>
      <ErrorBox error={list.error} />
      <ErrorBox error={remove.error} />
      {list.data && frames.length === 0 ? (
        <p class="muted">
          No frames. <a href={href(['import'])}>Import data</a>.
        </p>
      ) : null}
      {frames.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Frame</th>
              <th>Rows</th>
              <th>Columns</th>
              <th>Size</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {frames.map((f) => (
              <tr key={f.frame_id.name}>
                <td>
                  <a href={href(['frames', f.frame_id.name])}>{f.frame_id.name}</a>
                </td>
                <td class="n">{f.rows}</td>
                <td class="n">{f.columns}</td>
                <td class="n">{bytes(f.byte_size)}</td>
                <td>
                  <a href={href(['build'], { training_frame: f.frame_id.name })}>Build model</a>{' '}
                  <button type="button" onClick={() => remove.run(f.frame_id.name)} disabled={remove.busy}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
