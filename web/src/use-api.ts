/** Loading a resource from the API into a page: data, error and loading flags, and a reload. */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api';

/** The state of one request. */
export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (null: nothing to load) and re-fetches when it changes or on reload(). */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null || tick < 0) return; // tick: reload() re-runs this effect
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>(path, { signal: ctl.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        const err = e instanceof ApiError ? e : new ApiError({ status: 0, title: 'Error', detail: String(e), code: 'CLIENT' });
        setState({ data: null, error: err, loading: false });
      },
    );
    return () => ctl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
