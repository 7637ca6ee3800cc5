import type { ReactNode } from 'react';
import type { Query } from '../api/use-api-query';
import { ErrorState } from './ErrorState';
import { Loading } from './Loading';

export interface QueryViewProps<T> {
  query: Query<T>;
  /** "Loading your actions" */
  loadingLabel: string;
  /** "Could not load your actions" */
  errorTitle: string;
  children: (data: T) => ReactNode;
}

/** Loading, then the content, or the API's error with a Retry button. */
export function QueryView<T>({ query, loadingLabel, errorTitle, children }: QueryViewProps<T>) {
  if (query.status === 'loading') return <Loading label={loadingLabel} />;
  if (query.status === 'error') return <ErrorState title={errorTitle} error={query.error} onRetry={query.reload} />;
  return <>{children(query.data)}</>;
}
