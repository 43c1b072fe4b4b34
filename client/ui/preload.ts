// The play screen and the map are their own chunks (the map's Phaser is most of the bytes): fetch
// them as soon as a player asks for a match, while the server is still creating and joining it,
// rather than after the briefing. The browser keeps one copy of each module: App's lazy import
// and the map's mount then find them loaded.
let started = false;

export function preloadPlay(): void {
  if (started) return;
  started = true;
  void import('./play/PlayScreen.js').catch(() => (started = false));
  void import('../map/mountMap.js').catch(() => (started = false));
}
