// The grid-search part of the builder form (H2O Flow's "Grid?" mode): grid id and search criteria,
// strategy first, the RandomDiscrete limits only when that strategy is chosen (as Flow shows them).
import type { ValidationMessageV3 } from '../../schema/index.ts';
import type { CriteriaFields } from './grid-values.ts';

const LIMITS: [keyof CriteriaFields, string, string][] = [
  ['max_models', 'Max models', 'Stop after this many models (0 or empty: no limit).'],
  [
    'max_runtime_secs',
    'Max runtime (s)',
    'Stop starting models after this many seconds (0 or empty: no limit).',
  ],
  ['seed', 'Seed', 'Seed of the random walk over combinations (empty: random).'],
  [
    'stopping_rounds',
    'Stopping rounds',
    'Stop when the best model of the last k has not improved (optional).',
  ],
  ['stopping_tolerance', 'Stopping tolerance', 'Relative improvement that counts (optional).'],
];

/** One text input of the criteria, with its messages beside it. */
function Field({
  id,
  label,
  help,
  value,
  onInput,
  messages,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  onInput: (v: string) => void;
  messages: ValidationMessageV3[];
}) {
  const invalid = messages.some((m) => m.message_type === 'ERRR');
  return (
    <div class={`field${invalid ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        type="text"
        id={id}
        name={id}
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${id}-help ${id}-msg`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <small id={`${id}-help`} class="help">
        {help}
      </small>
      {messages.length > 0 ? (
        <ul class="messages" id={`${id}-msg`}>
          {messages.map((m) => (
            <li key={m.message} class={m.message_type === 'ERRR' ? 'error' : 'warn'}>
              {m.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Grid id and search criteria; `messagesFor(name)` gives the messages of `search_criteria.<name>` or `grid_id`. */
export function GridCriteria({
  criteria,
  onCriteria,
  gridId,
  onGridId,
  stoppingMetrics,
  messagesFor,
}: {
  criteria: CriteriaFields;
  onCriteria: (c: CriteriaFields) => void;
  gridId: string;
  onGridId: (id: string) => void;
  stoppingMetrics: string[];
  messagesFor: (field: string) => ValidationMessageV3[];
}) {
  const set = (k: keyof CriteriaFields, v: string) => onCriteria({ ...criteria, [k]: v });
  return (
    <fieldset>
      <legend>Grid search</legend>
      <p class="muted">
        Tick <em>grid</em> beside a parameter and enter its values separated by <code>;</code> (lists in
        brackets: <code>[32,32]; [64]</code>). Every other field is the same for all models.
      </p>
      <div class="fields">
        <Field
          id="grid-grid_id"
          label="Grid id"
          help="Key of the grid (empty: the server names it)."
          value={gridId}
          onInput={onGridId}
          messages={messagesFor('grid_id')}
        />
        <div class="field">
          <label for="grid-strategy">Strategy</label>
          <select
            id="grid-strategy"
            name="strategy"
            value={criteria.strategy}
            onChange={(e) => set('strategy', e.currentTarget.value)}
          >
            <option value="Cartesian">Cartesian (every combination)</option>
            <option value="RandomDiscrete">RandomDiscrete (random combinations, with limits)</option>
          </select>
          <small class="help">How the combinations are walked.</small>
        </div>
        {criteria.strategy === 'RandomDiscrete' ? (
          <>
            {LIMITS.map(([k, label, help]) => (
              <Field
                key={k}
                id={`grid-${k}`}
                label={label}
                help={help}
                value={criteria[k]}
                onInput={(v) => set(k, v)}
                messages={messagesFor(`search_criteria.${k}`)}
              />
            ))}
            <div class="field">
              <label for="grid-stopping_metric">Stopping metric</label>
              <select
                id="grid-stopping_metric"
                name="stopping_metric"
                value={criteria.stopping_metric}
                onChange={(e) => set('stopping_metric', e.currentTarget.value)}
              >
                <option value="">(server default)</option>
                {stoppingMetrics.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
              <small class="help">Metric the stopping rounds watch (optional).</small>
            </div>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
