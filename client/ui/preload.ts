// The briefing, the play screen and the map are their own chunks (the map's Phaser is most of the bytes): fetch
// them as soon as a player asks for a match, while the server is still creating and joining it,
// rather than after the briefing. The browser keeps one copy of each module: App's lazy import
// and the map's mount then find them loaded.
let started = false;
const briefing = () => import('./Briefing.js');

export function preloadPlay(): void {
  if (started) return;
  started = true;
  void briefing().catch(() => (started = false));
  void import('./play/PlayScreen.js').catch(() => (started = false));
  void import('../map/mountMap.js').catch(() => (started = false));
}

/**
 * The engine's rules (the briefing's chunk, ~36 KB) once the home page is idle: the first screen
 * stays small and interactive early, and Play now on a slow network does not wait for them.
 */
export function preloadRulesWhenIdle(): void {
  const load = () => void briefing().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1500);
}
