// The console's pages live in the path, so a refresh or the back button keeps the page.
// hooks/useRoute.ts follows it.

export type Page =
  | { page: 'start' }
  | { page: 'overview'; session: string }
  | { page: 'sheet'; session: string }
  | { page: 'debrief'; session: string }
  | { page: 'room'; session: string; room: string };

export function parseRoute(path: string): Page {
  const parts = path.replace(/^\/facilitate\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [session, what, room] = parts;
  if (!session) return { page: 'start' };
  if (what === 'sheet') return { page: 'sheet', session };
  if (what === 'debrief') return { page: 'debrief', session };
  if (what === 'room' && room) return { page: 'room', session, room };
  return { page: 'overview', session };
}

export function pathOf(p: Page): string {
  const base = '/facilitate';
  if (p.page === 'start') return base;
  const s = `${base}/${encodeURIComponent(p.session)}`;
  if (p.page === 'overview') return s;
  if (p.page === 'room') return `${s}/room/${encodeURIComponent(p.room)}`;
  return `${s}/${p.page}`;
}

export function navigate(p: Page): void {
  history.pushState(null, '', pathOf(p));
  dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** A link's click inside the console: open the page here, but leave ctrl/⌘/shift/middle clicks to the browser. */
export function follow(e: { preventDefault(): void; button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }, p: Page): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(p);
}
