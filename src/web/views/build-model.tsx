// Build a Deep Learning model from a form generated from /3/ModelBuilders/deeplearning's parameter
// metadata: critical parameters first, secondary next, expert folded away. Values are checked by
// the server's validation (/parameters) as they change, so messages sit beside their fields
// before training; a 412 from the build itself lands in the same places. "Grid search" mode (Flow's
// "Grid?") lets gridable fields take several values and posts a grid job instead.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FrameV3, JobV3, ValidationMessageV3 } from '../../schema/index.ts';
import { ApiError, get, literal, post, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { go } from '../router.ts';
import { serves } from '../routes.ts';
import { problemMessages, submitGrid, validateGridValues } from './grid-build.ts';
import { GridCriteria } from './grid-criteria.tsx';
import {
  type CriteriaFields,
  type GridFields,
  gridExample,
  hyperParameters,
  isGridable,
  NO_CRITERIA,
  searchCriteria,
} from './grid-values.ts';
import { type FieldContext, fromText, ParamField, type ParamMeta } from './param-field.tsx';

interface BuilderMeta {
  model_builders: Record<string, { algo_full_name?: string; parameters: ParamMeta[] }>;
}

const LEVELS = ['critical', 'secondary', 'expert'];
/** H2O's internal field names that its messages may carry, mapped to parameter names. */
const FIELD_ALIASES: Record<string, string> = {
  train: 'training_frame',
  valid: 'validation_frame',
  response: 'response_column',
};

/** The parameter a validation message is about. */
export function fieldOf(m: ValidationMessageV3): string {
  // The grid route names a bad hyper-parameter value `hyper_parameters.<name>`.
  const f = m.field_name.replace(/^_/, '').replace(/^hyper_parameters\./, '');
  return FIELD_ALIASES[f] ?? f;
}

/**
 * Typed parameters to send: everything the user changed from the default (except the `gridded`
 * ones, whose values are the grid's), plus client-side parse errors.
 */
function payload(params: ParamMeta[], values: Record<string, unknown>, gridded: Set<string> = new Set()) {
  const body: Record<string, unknown> = {};
  const errors: ValidationMessageV3[] = [];
  for (const p of params) {
    if (gridded.has(p.name)) continue;
    let v = values[p.name];
    if (typeof v === 'string' && p.type !== 'enum' && p.type !== 'Key<Frame>' && p.type !== 'VecSpecifier') {
      try {
        v = fromText(p, v);
      } catch (e) {
        errors.push({
          __meta: { schema_version: 3, schema_name: 'ValidationMessageV3', schema_type: 'ValidationMessage' },
          message_type: 'ERRR',
          field_name: p.name,
          message: (e as Error).message,
        });
        continue;
      }
    }
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && p.name === 'ignored_columns'))
      continue;
    const dflt = p.default_value;
    if (dflt !== null && dflt !== undefined && literal(v) === literal(dflt)) continue;
    body[p.name] = v;
  }
  return { body, errors };
}

/** The model builder form. */
export function BuildModelView({ initial }: { initial: Record<string, string> }) {
  const meta = useLoad(async () => {
    if (!(await serves('GET', '/3/ModelBuilders/deeplearning')))
      throw new Error('this server does not serve model building (/3/ModelBuilders/deeplearning) yet');
    return get<BuilderMeta>('/3/ModelBuilders/deeplearning');
  }, []);
  const frames = useLoad(() => get<{ frames: { frame_id: { name: string } }[] }>('/3/Frames'), []);
  const params = useMemo(() => meta.data?.model_builders.deeplearning?.parameters ?? [], [meta.data]);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [messages, setMessages] = useState<ValidationMessageV3[]>([]);
  const [canValidate, setCanValidate] = useState(false);
  const [mode, setMode] = useState<'single' | 'grid'>(initial.mode === 'grid' ? 'grid' : 'single');
  const [gridFields, setGridFields] = useState<GridFields>({});
  const [criteria, setCriteria] = useState<CriteriaFields>(NO_CRITERIA);
  const [gridId, setGridId] = useState('');
  const isGrid = mode === 'grid';
  const gridded = new Set(isGrid ? Object.keys(gridFields).filter((k) => gridFields[k].on) : []);
  useEffect(() => {
    void serves('POST', '/3/ModelBuilders/deeplearning/parameters').then(setCanValidate, () =>
      setCanValidate(false),
    );
  }, []);

  useEffect(() => {
    if (params.length === 0) return;
    const v: Record<string, unknown> = {};
    for (const p of params)
      v[p.name] =
        p.type === 'boolean' || p.type === 'enum' || p.type.startsWith('Key')
          ? p.default_value
          : p.default_value === null
            ? ''
            : p.default_value;
    for (const [k, x] of Object.entries(initial)) if (k !== 'mode') v[k] = x;
    setValues(v);
  }, [params]);

  const trainKey = typeof values.training_frame === 'string' ? values.training_frame : '';
  const cols = useLoad(
    () =>
      trainKey === ''
        ? Promise.resolve([])
        : get<{ frames: FrameV3[] }>(`/3/Frames/${seg(trainKey)}`, { row_count: 0 }).then((r) =>
            r.frames[0].columns.map((c) => c.label),
          ),
    [trainKey],
  );
  const ctx: FieldContext = {
    frames: (frames.data?.frames ?? []).map((f) => f.frame_id.name),
    columns: cols.data ?? [],
    models: [],
  };

  // Ask the server to validate (debounced) whenever a value changes, when it serves H2O's
  // /parameters route; without it the build itself still validates (412).
  useEffect(() => {
    if (params.length === 0 || !canValidate) return;
    let live = true;
    const t = setTimeout(async () => {
      const { body, errors } = payload(params, values, gridded);
      let server: ValidationMessageV3[];
      try {
        const r = await post<{ messages: ValidationMessageV3[] | null }>(
          '/3/ModelBuilders/deeplearning/parameters',
          body,
        );
        server = r.messages ?? [];
      } catch (e) {
        server = e instanceof ApiError ? e.messages : [];
      }
      // While typing, "tick a parameter" (field '') would only nag; it is checked on submit.
      const grid = isGrid ? await checkGrid(body, false) : [];
      if (live) setMessages([...errors, ...grid, ...server]);
    }, 400);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [values, params, canValidate, isGrid, gridFields, criteria]);

  /** Client-side problems of the grid fields and criteria, then the server's word on each grid value. */
  async function checkGrid(
    fixed: Record<string, unknown>,
    submitting: boolean,
  ): Promise<ValidationMessageV3[]> {
    const h = hyperParameters(params, gridFields);
    const c = searchCriteria(criteria);
    const local = problemMessages([...h.problems, ...c.problems].filter((p) => submitting || p.field !== ''));
    const server = canValidate ? await validateGridValues(fixed, h.hyper, fieldOf) : [];
    return [...local, ...server];
  }

  const buildGrid = async () => {
    const { body, errors } = payload(params, values, gridded);
    const grid = await checkGrid(body, true);
    const blocking = [...errors, ...grid].filter((m) => m.message_type === 'ERRR');
    if (blocking.length > 0) {
      setMessages([...errors, ...grid]);
      throw new Error('fix the highlighted parameters first');
    }
    try {
      const r = await submitGrid(
        body,
        hyperParameters(params, gridFields).hyper,
        searchCriteria(criteria).criteria,
        gridId,
      );
      setMessages(r.messages);
      if (r.job.dest) go(['grids', r.job.dest.name], { job: r.job.key.name });
    } catch (e) {
      if (e instanceof ApiError && e.messages.length > 0) setMessages(e.messages);
      throw e;
    }
  };

  const build = useAction(async () => {
    if (isGrid) return buildGrid();
    const { body, errors } = payload(params, values);
    if (errors.length > 0) {
      setMessages(errors);
      throw new Error('fix the highlighted parameters first');
    }
    try {
      const job = await post<JobV3 & { messages: ValidationMessageV3[] | null }>(
        '/3/ModelBuilders/deeplearning',
        body,
      );
      setMessages(job.messages ?? []);
      if (job.dest) go(['models', job.dest.name], { job: job.key.name });
    } catch (e) {
      if (e instanceof ApiError && e.messages.length > 0) setMessages(e.messages);
      throw e;
    }
  });

  const byField = (name: string) =>
    messages.filter((m) => fieldOf(m) === name && m.message_type !== 'HIDE' && m.message_type !== 'TRACE');
  const known = new Set(params.map((p) => p.name));
  // Grid criteria messages sit beside the criteria fields (in grid mode, where those are shown).
  const isCriteria = (f: string) => isGrid && (f === 'grid_id' || f.startsWith('search_criteria.'));
  const general = messages.filter(
    (m) =>
      !known.has(fieldOf(m)) &&
      !isCriteria(fieldOf(m)) &&
      (m.message_type === 'ERRR' || m.message_type === 'WARN'),
  );
  const gridState = (p: ParamMeta) => {
    if (!isGrid || !isGridable(p)) return undefined;
    const f = gridFields[p.name] ?? { on: false, text: '' };
    return {
      ...f,
      example: gridExample(p),
      onToggle: (on: boolean) => setGridFields({ ...gridFields, [p.name]: { ...f, on } }),
      onText: (text: string) => setGridFields({ ...gridFields, [p.name]: { ...f, text } }),
    };
  };
  const errorCount = messages.filter((m) => m.message_type === 'ERRR').length;
  const group = (level: string) =>
    params
      .filter((p) => (p.level || 'expert') === level)
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map((p) => (
        <ParamField
          key={p.name}
          p={p}
          value={values[p.name]}
          onChange={(v) => setValues({ ...values, [p.name]: v })}
          messages={byField(p.name)}
          ctx={ctx}
          grid={gridState(p)}
        />
      ));

  return (
    <section>
      <h1>Build a Deep Learning model</h1>
      <ErrorBox error={meta.error} />
      <div class="row mode" role="radiogroup" aria-label="What to build">
        <label>
          <input type="radio" name="mode" checked={!isGrid} onChange={() => setMode('single')} /> Single model
        </label>
        <label>
          <input type="radio" name="mode" checked={isGrid} onChange={() => setMode('grid')} /> Grid search
        </label>
      </div>
      <form
        class="builder"
        onSubmit={(e) => {
          e.preventDefault();
          void build.run();
        }}
      >
        {general.length > 0 ? (
          <ul class="messages">
            {general.map((m) => (
              <li key={m.message} class={m.message_type === 'ERRR' ? 'error' : 'warn'}>
                {m.field_name ? `${m.field_name}: ` : ''}
                {m.message}
              </li>
            ))}
          </ul>
        ) : null}
        {isGrid ? (
          <GridCriteria
            criteria={criteria}
            onCriteria={setCriteria}
            gridId={gridId}
            onGridId={setGridId}
            stoppingMetrics={params.find((p) => p.name === 'stopping_metric')?.values ?? []}
            messagesFor={(f) => messages.filter((m) => fieldOf(m) === f)}
          />
        ) : null}
        {LEVELS.slice(0, 2).map((l) => (
          <fieldset key={l}>
            <legend>{l === 'critical' ? 'Required and common' : 'Secondary'}</legend>
            <div class="fields">{group(l)}</div>
          </fieldset>
        ))}
        <details>
          <summary>Expert parameters</summary>
          <div class="fields">{group('expert')}</div>
        </details>
        <div class="row sticky">
          <button type="submit" disabled={build.busy || params.length === 0}>
            {isGrid ? 'Build grid' : 'Build model'}
          </button>
          {errorCount > 0 ? (
            <span class="error-text">
              {errorCount} parameter error{errorCount > 1 ? 's' : ''}
            </span>
          ) : null}
          <ErrorBox error={build.error} />
        </div>
      </form>
    </section>
  );
}
