// Whether the play screen is in its phone layout: narrow, or a phone turned sideways. The same
// query is written in styles.css (search "compact layout"); the two must match.
import { useSyncExternalStore } from 'react';

export const COMPACT_QUERY = '(max-width: 699px), (max-height: 499px)';

const media = () => (typeof matchMedia === 'function' ? matchMedia(COMPACT_QUERY) : null);

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

export function useCompact(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false, () => false);
}
