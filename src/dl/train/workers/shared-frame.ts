// Frames across the worker boundary without copies: a Vec's storage already sits on
// SharedArrayBuffers, so posting the typed arrays shares them; the worker rebuilds Vec objects
// around the same memory. Only numeric and categorical columns travel (the network reads no strings).
import { Frame, Vec } from '../../../frame/index.ts';

/** Plain-data description of one column (its typed arrays are shared, not copied, by postMessage). */
export interface SharedColumn {
  name: string;
  type: Vec['type'];
  length: number;
  data: Vec['data'];
  naBits: Uint8Array | null;
  domain: readonly string[] | null;
  isConstant: boolean;
}

/** Describes the columns `names` of `frame` for postMessage. */
export function describeFrame(frame: Frame, names: readonly string[]): SharedColumn[] {
  return names.map((name) => {
    const v = frame.col(name);
    return {
      name,
      type: v.type,
      length: v.length,
      data: v.data,
      naBits: v.naBits,
      domain: v.domain,
      isConstant: v.isConstant,
    };
  });
}

/** Rebuilds a Frame over the shared storage described by {@link describeFrame}. */
export function reviveFrame(cols: readonly SharedColumn[]): Frame {
  const vecs = cols.map((c) => {
    // Vec's constructor is private to keep user code on its validating factories; here the storage
    // is a Vec's own, already validated on the main thread, so the fields are restored as they were.
    const v = Object.create(Vec.prototype) as Vec;
    return Object.assign(v, {
      type: c.type,
      length: c.length,
      data: c.data,
      naBits: c.naBits,
      domain: c.domain,
      strings: null,
      isConstant: c.isConstant,
    });
  });
  return new Frame(
    cols.map((c) => c.name),
    vecs,
  );
}
