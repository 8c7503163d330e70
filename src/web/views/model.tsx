// One model: summary, scoring history (polled while its training job runs, so the chart draws
// live), metrics, confusion matrices, ROC, variable importance, cross-validation summary and
// parameters, then the actions (predict, save, export).
import { get, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { num } from '../components/format.ts';
import { FollowedJobBar } from '../components/job-bar.tsx';
import { TwoDimTable } from '../components/table.tsx';
import { useFollowedJob, useLoad } from '../hooks.ts';
import { href } from '../router.ts';
import { ModelActions } from './model-actions.tsx';
import { ConfusionMatrixChart, RocChart, ScoringHistoryChart, VarimpChart } from './model-charts.tsx';
import type { Metrics, ModelJson, ModelParam } from './model-types.ts';

const SHOWN: (keyof Metrics)[] = [
  'MSE',
  'RMSE',
  'r2',
  'logloss',
  'AUC',
  'pr_auc',
  'mean_per_class_error',
  'mean_residual_deviance',
  'mae',
  'nobs',
];

function MetricsTable({ rows }: { rows: [string, Metrics | null][] }) {
  const present = rows.filter((r): r is [string, Metrics] => r[1] !== null);
  if (present.length === 0) return null;
  const keys = SHOWN.filter((k) => present.some(([, m]) => typeof m[k] === 'number'));
  return (
    <table class="metrics">
      <thead>
        <tr>
          <th>Metric</th>
          {present.map(([n]) => (
            <th key={n}>{n}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            {present.map(([n, m]) => (
              <td key={n} class="n">
                {num(m[k])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The model view; `jobKey` (from the builder) keeps it polling while training runs. */
export function ModelView({ modelKey, jobKey }: { modelKey: string; jobKey: string | null }) {
  const { job, running, mayBeMissing } = useFollowedJob(jobKey);
  const model = useLoad(
    async () => {
      if (mayBeMissing) {
        const all = await get<{ models: { model_id: { name: string } }[] }>('/3/Models');
        if (!all.models.some((x) => x.model_id.name === modelKey)) return undefined;
      }
      return get<{ models: ModelJson[] }>(`/3/Models/${seg(modelKey)}`).then((r) => r.models[0]);
    },
    [modelKey, running, mayBeMissing],
    running ? 1000 : undefined,
  );
  const m = model.data;
  const o = m?.output;
  const category = o?.model_category ?? '';
  // What the user set (input_value) versus what the builder adjusted on its own (H2O reports the
  // effective value, e.g. rate 0 under ADADELTA): counted apart so "changed" means the user's choices.
  const differs = (p: ModelParam) => JSON.stringify(p.actual_value) !== JSON.stringify(p.default_value);
  const isSet = (p: ModelParam) => p.input_value !== null && p.input_value !== undefined;
  const params = m?.parameters ?? [];
  const setByUser = params.filter(isSet);
  const adjusted = params.filter((p) => !isSet(p) && differs(p));
  return (
    <section>
      <h1>Model {modelKey}</h1>
      {job.data && jobKey !== null ? (
        <FollowedJobBar job={job.data} jobKey={jobKey} running={running} onCancelled={job.reload} />
      ) : null}
      <ErrorBox error={model.error} />
      {m && o ? (
        <>
          <p>
            {m.algo_full_name}, {category}
            {m.response_column_name ? (
              <>
                {' '}
                predicting <code>{m.response_column_name}</code>
              </>
            ) : null}
            .{' '}
            {category === 'AutoEncoder' ? (
              <a href={href(['anomaly'], { model: modelKey })}>Anomaly scores</a>
            ) : null}
          </p>
          <h2>Scoring history</h2>
          {o.scoring_history ? (
            <ScoringHistoryChart sh={o.scoring_history} category={category} />
          ) : (
            <p class="muted">No scoring history yet.</p>
          )}
          <h2>Metrics</h2>
          <MetricsTable
            rows={[
              ['training', o.training_metrics],
              ['validation', o.validation_metrics],
              ['cross-validation', o.cross_validation_metrics],
            ]}
          />
          <div class="charts">
            {o.training_metrics ? (
              <ConfusionMatrixChart m={o.training_metrics} title="Training confusion matrix" />
            ) : null}
            {o.validation_metrics ? (
              <ConfusionMatrixChart m={o.validation_metrics} title="Validation confusion matrix" />
            ) : null}
            {o.training_metrics ? <RocChart m={o.training_metrics} title="Training ROC" /> : null}
            {o.validation_metrics ? <RocChart m={o.validation_metrics} title="Validation ROC" /> : null}
          </div>
          {o.variable_importances ? (
            <>
              <h2>Variable importance</h2>
              <VarimpChart t={o.variable_importances} />
            </>
          ) : null}
          {o.cross_validation_metrics_summary ? (
            <>
              <h2>Cross-validation</h2>
              <TwoDimTable table={o.cross_validation_metrics_summary} />
              {o.cross_validation_models ? (
                <p>
                  Fold models:{' '}
                  {o.cross_validation_models.map((k) => (
                    <a key={k.name} href={href(['models', k.name])}>
                      {k.name}{' '}
                    </a>
                  ))}
                </p>
              ) : null}
            </>
          ) : null}
          <h2>Model summary</h2>
          <TwoDimTable table={o.model_summary} />
          <details>
            <summary>Scoring history table</summary>
            <TwoDimTable table={o.scoring_history} />
          </details>
          <details>
            <summary>
              Parameters ({setByUser.length} set
              {adjusted.length > 0 ? `, ${adjusted.length} more adjusted by the builder` : ''})
            </summary>
            <table>
              <thead>
                <tr>
                  <th>Parameter</th>
                  <th>Value</th>
                  <th>Default</th>
                </tr>
              </thead>
              <tbody>
                {m.parameters.map((p) => (
                  <tr
                    key={p.name}
                    class={isSet(p) ? 'changed' : adjusted.includes(p) ? 'adjusted' : ''}
                    title={
                      isSet(p)
                        ? 'set in the build request'
                        : adjusted.includes(p)
                          ? 'adjusted by the builder'
                          : undefined
                    }
                  >
                    <th scope="row">{p.name}</th>
                    <td>{JSON.stringify(p.actual_value)}</td>
                    <td>{JSON.stringify(p.default_value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {!running ? <ModelActions modelKey={modelKey} havePojo={m.have_pojo === true} /> : null}
        </>
      ) : running || (jobKey !== null && job.data === undefined) ? (
        <p class="muted">Training; the model shows here once the server has it.</p>
      ) : model.data === undefined && !model.loading && job.data ? (
        <p class="muted">No model: its job ended {job.data.status}.</p>
      ) : null}
    </section>
  );
}
