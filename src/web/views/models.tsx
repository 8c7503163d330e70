// Models list (/3/Models) and loading a saved model from a server-side path (POST /99/Models.bin/).
import { useState } from 'preact/hooks';
import { del, get, post, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { go, href } from '../router.ts';
import type { ModelJson } from './model-types.ts';

/** All models, with delete and load. */
export function ModelsView() {
  const list = useLoad(() => get<{ models: ModelJson[] }>('/3/Models'), []);
  const [path, setPath] = useState('');
  const load = useAction(async () => {
    if (path.trim() === '') throw new Error('dir: give the path of a saved model file on the server');
    const r = await post<{ models: { model_id: { name: string } }[] }>('/99/Models.bin/', {
      dir: path.trim(),
    });
    go(['models', r.models[0].model_id.name]);
  });
  const remove = useAction(async (key: string) => {
    await del(`/3/Models/${seg(key)}`);
    list.reload();
  });
  const models = list.data?.models ?? [];
  return (
    <section>
      <h1>Models</h1>
      <ErrorBox error={list.error} />
      <ErrorBox error={remove.error} />
      {list.data && models.length === 0 ? (
        <p class="muted">
          No models yet. <a href={href(['build'])}>Build one</a>.
        </p>
      ) : null}
      {models.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Model</th>
              <th>Algorithm</th>
              <th>Category</th>
              <th>Response</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.model_id.name}>
                <td>
                  <a href={href(['models', m.model_id.name])}>{m.model_id.name}</a>
                </td>
                <td>{m.algo_full_name ?? m.algo}</td>
                <td>{m.output?.model_category}</td>
                <td>{m.response_column_name}</td>
                <td>
                  <button type="button" onClick={() => remove.run(m.model_id.name)} disabled={remove.busy}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>Load a saved model</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void load.run();
        }}
      >
        <label class="grow">
          Saved model path on the server{' '}
          <input name="load_dir" value={path} onInput={(e) => setPath(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={load.busy}>
          Load
        </button>
        <ErrorBox error={load.error} />
      </form>
    </section>
  );
}
