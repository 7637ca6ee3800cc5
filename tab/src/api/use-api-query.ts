// Loads one API resource for a component, with a way to try again after a failure.
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from './api-error';
import { useApi } from '../session/session';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export type Query<T> = QueryState<T> & {
  /** Loads again: after an error, or after a change made elsewhere on the page. */
  reload: () => void;
};

/** GETs `path` (skipped while it is null) and reloads whenever the path changes. */
export function useApiQuery<T>(path: string | null): Query<T> {
  const api = useApi();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
  }, [api, path, attempt]);

  return { ...state, reload };
}
