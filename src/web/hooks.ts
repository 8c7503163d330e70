// Data hooks shared by the views: load once (with reload) and poll while a view is open.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

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
