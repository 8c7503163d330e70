// Data hooks shared by the views: load once (with reload) and poll while a view is open.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { JobV3 } from '../schema/index.ts';
import { get, seg } from './api.ts';

/** State of an async load. */
export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `deps` change (and every `pollMs` when given), keeping the last good data while
 * a reload is in flight so the view does not flicker.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], pollMs?: number): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      setLoading(true);
      loadRef.current().then(
        (d) => {
          if (!live) return;
          setData(d);
          setError(undefined);
          setLoading(false);
          if (pollMs !== undefined) timer = setTimeout(run, pollMs);
        },
        (e: Error) => {
          if (!live) return;
          setError(e);
          setLoading(false);
          if (pollMs !== undefined) timer = setTimeout(run, pollMs * 4);
        },
      );
    };
    run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [...deps, tick, pollMs]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Runs an action, tracking busy state and its error (shown next to the control that caused it). */
export function useAction<A extends unknown[]>(
  act: (...args: A) => Promise<void>,
): { run: (...args: A) => Promise<void>; busy: boolean; error: Error | undefined; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const run = async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      await act(...args);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clear: () => setError(undefined) };
}

/**
 * Follows job `jobKey` (polled every 500 ms; none when null) for a view of the object it builds:
 * the job, whether it still runs, and whether that object may not exist yet (until the job is known
 * DONE — not yet polled, running, failed or cancelled), so the view asks a list before a 404.
 */
export function useFollowedJob(jobKey: string | null) {
  const job = useLoad(
    () =>
      jobKey === null
        ? Promise.resolve(undefined)
        : get<{ jobs: JobV3[] }>(`/3/Jobs/${seg(jobKey)}`).then((r) => r.jobs[0]),
    [jobKey],
    500,
  );
  const running = job.data !== undefined && (job.data.status === 'RUNNING' || job.data.status === 'CREATED');
  const mayBeMissing = jobKey !== null && job.data?.status !== 'DONE';
  return { job, running, mayBeMissing };
}
