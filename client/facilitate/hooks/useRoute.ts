// The console's current page, following the path as links and the back button change it.
import { useEffect, useState } from 'react';
import { parseRoute, type Page } from '../route.js';

export function useRoute(): Page {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return route;
}
