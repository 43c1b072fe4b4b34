// Mount and unmount the Phaser game: loaded as its own chunk when a match starts.
import * as Phaser from 'phaser';
import type { MapBus } from './bus.js';
import { RegionMapScene } from './scene.js';

export interface MapHandle {
  destroy(): void;
}

export function mountMap(parent: HTMLElement, bus: MapBus): MapHandle {
  const game = new Phaser.Game({
    // Canvas 2D, not WebGL: the scene is one baked image plus a few tweened shapes, which Canvas
    // draws cheaply everywhere. Where the browser renders without a GPU (blocklisted drivers on
    // school machines, headless Chromium), a WebGL canvas is read back to the CPU every frame:
    // measured during an escalation, 27 ms of CPU per frame with WebGL against 5 ms with Canvas.
    type: Phaser.CANVAS,
    parent,
    backgroundColor: '#eef3f7',
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 640, height: parent.clientHeight || 480 },
    render: { antialias: true },
    scene: [],
  });
  game.scene.add('region-map', RegionMapScene, true, { bus });
  // The map is drawn at the size its box gets: Phaser follows the window, this follows the box
  // (a tab shown again, a panel that grew, a phone turned).
  // A hidden map (another view on a phone) sleeps: no frames drawn for nobody.
  const watch = new ResizeObserver(() => {
    const hidden = parent.clientWidth < 1 || parent.clientHeight < 1;
    if (hidden) return game.loop.running && game.loop.sleep();
    if (game.loop.started && !game.loop.running) game.loop.wake();
    if (game.scale.getParentBounds()) game.scale.refresh();
  });
  watch.observe(parent);
  return {
    destroy: () => {
      watch.disconnect();
      game.destroy(true);
    },
  };
}
