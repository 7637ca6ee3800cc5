// Hash routes such as `#/cases/123?tab=risk`: Teams deep links and static tab URLs carry the hash,
// and the server serves the same index.html for every path under /tab/.
import { useSyncExternalStore } from 'react';

export interface Route {
  /** Without the leading slash: '' for home, 'cases/123'. */
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const withoutMark = hash.replace(/^#\/?/, '');
  const queryStart = withoutMark.indexOf('?');
  const rawPath = queryStart === -1 ? withoutMark : withoutMark.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : withoutMark.slice(queryStart + 1);
  return { path: rawPath.replace(/\/+$/, ''), query: new URLSearchParams(rawQuery) };
}

export function hrefFor(path: string, query?: Record<string, string> | URLSearchParams): string {
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#/${path.replace(/^\/+/, '')}${search ? `?${search}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string> | URLSearchParams): void {
  window.location.hash = hrefFor(path, query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The current route; components re-render when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseHash(hash);
}
