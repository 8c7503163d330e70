// One model-builder parameter as a form field, chosen from its metadata type (H2O's
// ModelParameterSchemaV3: name, label, help, type, values, level), with its messages beside it.
import type { ValidationMessageV3 } from '../../schema/index.ts';
import { type ParamMeta, toText } from './param-text.ts';

export { fromText, type ParamMeta, toText } from './param-text.ts';

/** What the form knows about frames and columns, for frame and column pickers. */
export interface FieldContext {
  frames: string[];
  columns: string[];
  models: string[];
}

/** Messages for one field, errors first. */
function Messages({ messages, id }: { messages: ValidationMessageV3[]; id: string }) {
  if (messages.length === 0) return null;
  return (
    <ul class="messages" id={id}>
      {messages.map((m) => (
        <li key={m.message} class={m.message_type === 'ERRR' ? 'error' : 'warn'}>
          {m.message}
        </li>
      ))}
    </ul>
  );
}

/** A parameter's grid state in grid-search mode: ticked or not, the `;`-separated values typed. */
export interface GridState {
  on: boolean;
  text: string;
  example: string;
  onToggle: (on: boolean) => void;
  onText: (text: string) => void;
}

/** One parameter: label, input, help, messages; with `grid`, a "grid" tick that swaps in a values field. */
export function ParamField({
  p,
  value,
  onChange,
  messages,
  ctx,
  grid,
}: {
  p: ParamMeta;
  value: unknown;
  onChange: (v: unknown) => void;
  messages: ValidationMessageV3[];
  ctx: FieldContext;
  grid?: GridState;
}) {
  const id = `param-${p.name}`;
  const msgId = `${id}-msg`;
  const invalid = messages.some((m) => m.message_type === 'ERRR');
  const common = { id, name: p.name, 'aria-invalid': invalid, 'aria-describedby': `${id}-help ${msgId}` };
  let input: preact.JSX.Element;
  if (grid?.on) {
    // The same id as the single-value input, so the label, help and messages stay attached.
    input = (
      <input
        type="text"
        {...common}
        class="grid-values"
        placeholder={grid.example}
        value={grid.text}
        onInput={(e) => grid.onText(e.currentTarget.value)}
      />
    );
  } else if (p.type === 'boolean') {
    input = (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  } else if (p.type === 'Key<Frame>') {
    input = (
      <select
        {...common}
        value={toText(value)}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">(none)</option>
        {ctx.frames.map((f) => (
          <option key={f}>{f}</option>
        ))}
      </select>
    );
  } else if (
    p.type === 'VecSpecifier' ||
    p.name === 'response_column' ||
    p.name === 'weights_column' ||
    p.name === 'offset_column' ||
    p.name === 'fold_column'
  ) {
    input = (
      <select
        {...common}
        value={toText(value)}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">(none)</option>
        {ctx.columns.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    );
  } else if (p.name === 'ignored_columns') {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    input = (
      <select
        {...common}
        multiple
        size={Math.min(6, Math.max(2, ctx.columns.length))}
        onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}
      >
        {ctx.columns.map((c) => (
          <option key={c} selected={chosen.has(c)}>
            {c}
          </option>
        ))}
      </select>
    );
  } else if (p.type === 'enum' || (p.values !== null && p.values.length > 0 && !p.type.endsWith('[]'))) {
    input = (
      <select {...common} value={toText(value)} onChange={(e) => onChange(e.currentTarget.value)}>
        {(p.values ?? []).map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        type="text"
        {...common}
        value={typeof value === 'string' ? value : toText(value)}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field${invalid ? ' invalid' : ''}`}>
      <label for={id}>
        {p.label || p.name}
        {p.required ? <span aria-hidden="true"> *</span> : null}{' '}
        {p.label && p.label !== p.name ? <code>{p.name}</code> : null}
      </label>
      {grid ? (
        <label class="grid-tick">
          <input
            type="checkbox"
            name={`grid-${p.name}`}
            checked={grid.on}
            onChange={(e) => grid.onToggle(e.currentTarget.checked)}
          />{' '}
          grid <span class="sr-only">over {p.name}</span>
        </label>
      ) : null}
      {input}
      <small id={`${id}-help`} class="help">
        {p.help}
      </small>
      <Messages messages={messages} id={msgId} />
    </div>
  );
}
