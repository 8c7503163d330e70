// The catalog of keyed objects (H2O's DKV idea): frames, models, grids and imported-but-unparsed
// sources under string keys. Only the server keeps state; library code stays stateless.
import type { Frame } from '../frame/index.ts';
import { notFound } from './errors.ts';

/** Files imported by ImportFiles, waiting for ParseSetup/Parse (H2O's "raw" frames). */
export interface RawSource {
  /** Absolute paths or URLs, one per file. */
  paths: string[];
}

/** What a key can hold. Models and grids are opaque here; the model engine defines their shape. */
export type CatalogEntry =
  | { kind: 'frame'; value: Frame }
  | { kind: 'model'; value: unknown }
  | { kind: 'grid'; value: unknown }
  | { kind: 'raw'; value: RawSource };

/** Kinds of catalog entries. */
export type EntryKind = CatalogEntry['kind'];

type ValueOf<K extends EntryKind> = Extract<CatalogEntry, { kind: K }>['value'];

const KIND_NAMES: Record<EntryKind, string> = {
  frame: 'Frame',
  model: 'Model',
  grid: 'Grid',
  raw: 'Raw file',
};

/** Keyed storage; insertion order is kept so listings are stable. */
export class Catalog {
  private readonly entries = new Map<string, CatalogEntry>();

  /** Stores `value` under `key`, replacing whatever was there. */
  put<K extends EntryKind>(kind: K, key: string, value: ValueOf<K>): void {
    this.entries.set(key, { kind, value } as CatalogEntry);
  }

  /** The value under `key` if it is of `kind`, else undefined. */
  find<K extends EntryKind>(kind: K, key: string): ValueOf<K> | undefined {
    const e = this.entries.get(key);
    return (e !== undefined && e.kind === kind ? e.value : undefined) as ValueOf<K> | undefined;
  }

  /** The value under `key`; a 404 H2OInputError naming the kind and key when absent. */
  get<K extends EntryKind>(kind: K, key: string): ValueOf<K> {
    const v = this.find(kind, key);
    if (v === undefined) throw notFound(KIND_NAMES[kind], key);
    return v as ValueOf<K>;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  kindOf(key: string): EntryKind | undefined {
    return this.entries.get(key)?.kind;
  }

  /** Removes a key; true if it existed. */
  remove(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Keys of one kind, in insertion order. */
  keys(kind?: EntryKind): string[] {
    const out: string[] = [];
    for (const [k, e] of this.entries) if (kind === undefined || e.kind === kind) out.push(k);
    return out;
  }

  /** Removes every key not in `retained`; returns the removed keys. */
  clear(retained: ReadonlySet<string> = new Set()): string[] {
    const gone = this.keys().filter((k) => !retained.has(k));
    for (const k of gone) this.entries.delete(k);
    return gone;
  }

  get size(): number {
    return this.entries.size;
  }
}
