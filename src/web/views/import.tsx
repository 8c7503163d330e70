// Import: a server-side path, folder or URL (ImportFilesMulti) or an uploaded file (PostFile), then
// the parse setup preview (separator, header, names, types, first rows) the user may change before
// parsing. Mirrors Flow's importFiles -> setupParse -> parseFiles cells.
import { useState } from 'preact/hooks';
import type { JobV3 } from '../../schema/index.ts';
import { post, upload, waitJob } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { JobBar } from '../components/job-bar.tsx';
import { useAction } from '../hooks.ts';
import { href } from '../router.ts';

interface Setup {
  source_frames: { name: string }[];
  separator: number;
  check_header: number;
  column_names: string[];
  column_types: string[];
  destination_frame: string;
  data: string[][];
  warnings?: string[];
}

const TYPES = ['Numeric', 'Enum', 'String', 'Time'];
const SEPARATORS: [number, string][] = [
  [44, 'comma ,'],
  [9, 'tab'],
  [59, 'semicolon ;'],
  [124, 'pipe |'],
  [32, 'space'],
];

function ParseSetupForm({ setup, onParsed }: { setup: Setup; onParsed: (job: JobV3) => void }) {
  const [names, setNames] = useState(setup.column_names);
  const [types, setTypes] = useState(setup.column_types);
  const [dest, setDest] = useState(setup.destination_frame);
  const [sep, setSep] = useState(setup.separator);
  const [header, setHeader] = useState(setup.check_header);
  const [job, setJob] = useState<JobV3 | undefined>(undefined);
  const sources = setup.source_frames.map((s) => s.name);
  const parse = useAction(async () => {
    const r = await post<{ job: JobV3 }>('/3/Parse', {
      source_frames: sources,
      destination_frame: dest,
      separator: sep,
      check_header: header,
      column_names: names,
      column_types: types,
      delete_on_done: true,
      blocking: false,
    });
    const done = await waitJob(r.job.key.name, setJob);
    if (done.status === 'DONE') onParsed(done);
  });
  const setAt = <T,>(arr: T[], i: number, v: T) => arr.map((x, j) => (j === i ? v : x));
  return (
    <form
      class="parse-setup"
      onSubmit={(e) => {
        e.preventDefault();
        void parse.run();
      }}
    >
      <h2>Parse setup</h2>
      {setup.warnings?.map((w) => (
        <p class="warn" key={w}>
          {w}
        </p>
      ))}
      <div class="row">
        <label>
          Destination frame{' '}
          <input
            name="destination_frame"
            value={dest}
            onInput={(e) => setDest(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          Separator{' '}
          <select name="separator" value={sep} onChange={(e) => setSep(Number(e.currentTarget.value))}>
            {SEPARATORS.some(([c]) => c === sep) ? null : <option value={sep}>{`code ${sep}`}</option>}
            {SEPARATORS.map(([c, l]) => (
              <option key={c} value={c}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Column headers{' '}
          <select
            name="check_header"
            value={header}
            onChange={(e) => setHeader(Number(e.currentTarget.value))}
          >
            <option value={1}>first line is a header</option>
            <option value={-1}>no header</option>
            <option value={0}>guess</option>
          </select>
        </label>
      </div>
      <div class="table-wrap">
        <table class="preview">
          <thead>
            <tr>
              {names.map((n, i) => (
                <th key={i}>
                  <input
                    aria-label={`name of column ${i + 1}`}
                    value={n}
                    onInput={(e) => setNames(setAt(names, i, e.currentTarget.value))}
                  />
                  <select
                    aria-label={`type of column ${i + 1}`}
                    value={types[i]}
                    onChange={(e) => setTypes(setAt(types, i, e.currentTarget.value))}
                  >
                    {TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {setup.data.map((row, r) => (
              <tr key={r}>
                {row.map((v, c) => (
                  <td key={c}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" disabled={parse.busy}>
        Parse
      </button>
      <ErrorBox error={parse.error} />
      {job ? <JobBar job={job} /> : null}
    </form>
  );
}

/** The import view. */
export function ImportView() {
  const [path, setPath] = useState('');
  const [setup, setSetup] = useState<Setup | undefined>(undefined);
  const [imported, setImported] = useState<string[]>([]);
  const [parsed, setParsed] = useState<string | undefined>(undefined);
  // "Imported" is said only once the parse setup succeeded, so a file that cannot be parsed shows
  // its error alone.
  const guess = async (keys: string[]) => {
    const s = await post<Setup>('/3/ParseSetup', { source_frames: keys, check_header: 0 });
    setImported(keys);
    setSetup(s);
  };
  const imp = useAction(async () => {
    setSetup(undefined);
    setImported([]);
    setParsed(undefined);
    const r = await post<{ destination_frames: string[]; fails: string[] }>('/3/ImportFilesMulti', {
      paths: [path.trim()],
    });
    if (r.fails.length > 0) throw new Error(`could not import: ${r.fails.join(', ')}`);
    if (r.destination_frames.length === 0) throw new Error(`no files found at '${path}'`);
    await guess(r.destination_frames);
  });
  const up = useAction(async (file: File) => {
    setSetup(undefined);
    setImported([]);
    setParsed(undefined);
    const r = await upload<{ destination_frame: string }>(
      '/3/PostFile',
      { destination_frame: file.name },
      file,
    );
    await guess([r.destination_frame]);
  });
  return (
    <section>
      <h1>Import data</h1>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void imp.run();
        }}
      >
        <label class="grow">
          Path, folder or URL on the server{' '}
          <input
            name="path"
            value={path}
            onInput={(e) => setPath(e.currentTarget.value)}
            placeholder="/data/iris.csv or https://..."
            required
          />
        </label>
        <button type="submit" disabled={imp.busy}>
          Import
        </button>
      </form>
      <ErrorBox error={imp.error} />
      <label>
        Or upload a file{' '}
        <input
          type="file"
          name="upload"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void up.run(f);
          }}
        />
      </label>
      <ErrorBox error={up.error} />
      {imported.length > 0 ? <p class="muted">Imported: {imported.join(', ')}</p> : null}
      {setup ? (
        <ParseSetupForm key={imported.join()} setup={setup} onParsed={(j) => setParsed(j.dest?.name)} />
      ) : null}
      {parsed ? (
        <p class="ok">
          Parsed into <a href={href(['frames', parsed])}>{parsed}</a>.{' '}
          <a href={href(['build'], { training_frame: parsed })}>Build a model on it</a>
        </p>
      ) : null}
    </section>
  );
}
