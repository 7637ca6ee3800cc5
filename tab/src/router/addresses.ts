// Where a link or a navigation goes, as react-router's `To`: `pageAddress('cases/123')` is `#/cases/123`
// once the hash router writes it.
import type { To } from 'react-router';

/** The page at `path` (without the leading slash: '' is home), with an optional query string. */
export function pageAddress(path: string, query?: Record<string, string> | URLSearchParams): To {
  const search = query ? new URLSearchParams(query).toString() : '';
  return { pathname: `/${path.replace(/^\/+/, '')}`, search: search ? `?${search}` : '' };
}
