// One model-builder parameter as a form field, chosen from its metadata type (H2O's
// ModelParameterSchemaV3: name, label, help, type, values, level), with its messages beside it.
import type { ValidationMessageV3 } from '../../schema/index.ts';

/** The parameter metadata fields the form reads. */
export interface ParamMeta {
  name: string;
  label: string;
  help: string;
  required: boolean;
  type: string;
  default_value: unknown;
  actual_value?: unknown;
  level: string;
  values: string[] | null;
  is_member_of_frames?: string[] | null;
}

/** What the form knows about frames and columns, for frame and column pickers. */
export interface FieldContext {
  frames: string[];
  columns: string[];
  models: string[];
}

/** The text a value is edited as (arrays as `a, b`). */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(toText).join(', ');
  if (typeof v === 'object')
    return String(
      (v as { name?: string; column_name?: string }).name ??
        (v as { column_name?: string }).column_name ??
        '',
    );
  return String(v);
}

/** Parses the edited text back to the parameter's type; throws naming the parameter. */
export function fromText(p: ParamMeta, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const isArray = p.type.endsWith('[]');
  const base = p.type.replace(/\[\]$/, '');
  const one = (s: string): unknown => {
    if (/^(int|long|double|float)$/.test(base)) {
      const n = Number(s);
      if (s === '' || Number.isNaN(n)) throw new Error(`${p.name}: '${s}' is not a number`);
      if ((base === 'int' || base === 'long') && !Number.isInteger(n))
        throw new Error(`${p.name}: '${s}' is not a whole number`);
      return n;
    }
    return s;
  };
  if (isArray)
    return t
      .split(/[\s,]+/)
      .filter((s) => s !== '')
      .map(one);
  return one(t);
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

/** One parameter: label, input, help, messages. */
export function ParamField({
  p,
  value,
  onChange,
  messages,
  ctx,
}: {
  p: ParamMeta;
  value: unknown;
  onChange: (v: unknown) => void;
  messages: ValidationMessageV3[];
  ctx: FieldContext;
}) {
  const id = `param-${p.name}`;
  const msgId = `${id}-msg`;
  const invalid = messages.some((m) => m.message_type === 'ERRR');
  const common = { id, name: p.name, 'aria-invalid': invalid, 'aria-describedby': `${id}-help ${msgId}` };
  let input: preact.JSX.Element;
  if (p.type === 'boolean') {
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
      {input}
      <small id={`${id}-help`} class="help">
        {p.help}
      </small>
      <Messages messages={messages} id={msgId} />
    </div>
  );
}
