// Loads one API resource for a component, with a way to try again after a failure.
import { useCallback, useEffect, useState } from 'react';
import type { ClientPathsWithMethod } from 'openapi-fetch';
import { asApiError, type ApiError } from './api-error';
import type { Answer } from './answers';
import { answerOf, type ApiClient } from './client';
import type { paths } from './schema';
import { useApi } from '../session/session';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export type Query<T> = QueryState<T> & {
  /** Loads again: after an error, or after a change made elsewhere on the page. */
  reload: () => void;
};

/** A route the tab may read with GET. */
export type ReadPath = ClientPathsWithMethod<ApiClient, 'get'>;

/** The path and query parameters of a GET route, as the OpenAPI document declares them. */
export type ReadParams<Path extends ReadPath> = Pick<paths[Path]['get']['parameters'], 'path' | 'query'>;

export interface ReadOptions<Path extends ReadPath> {
  params?: ReadParams<Path>;
  /** Waits (stays loading) while true, such as while the page does not yet know what to ask for. */
  skip?: boolean;
}

/** GETs `path` with its parameters, and again whenever they change. */
export function useApiQuery<Path extends ReadPath>(path: Path, { params, skip = false }: ReadOptions<Path> = {}): Query<Answer<Path>> {
  const api = useApi();
  const [state, setState] = useState<QueryState<Answer<Path>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const paramsKey = JSON.stringify(params ?? {});

  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    // Each caller's path and parameters are checked against the document where it calls the hook;
    // here one call stands for all of them, which TypeScript cannot follow through the generic path.
    const get = api.GET as unknown as (
      path: string,
      init: { params: unknown; signal: AbortSignal },
    ) => Promise<{ data?: Answer<Path>; error?: unknown; response: Response }>;
    answerOf(get(path, { params: JSON.parse(paramsKey) as unknown, signal: controller.signal }))
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
  }, [api, path, paramsKey, skip, attempt]);

  return { ...state, reload };
}
