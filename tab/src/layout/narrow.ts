// Whether the tab is as narrow as the meeting side panel, for layouts CSS alone cannot switch
// (a table of actions becomes a list of cards). The same breakpoint as AppLayout's media query.
import { useSyncExternalStore } from 'react';

const NARROW_QUERY = '(max-width: 599px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_QUERY).matches);
}
