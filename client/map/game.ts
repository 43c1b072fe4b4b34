// Mount and unmount the Phaser game: loaded as its own chunk when a match starts.
import * as Phaser from 'phaser';
import type { MapBus } from './bus.js';
import { RegionMapScene } from './scene.js';

export interface MapHandle {
  destroy(): void;
}

export function mountMap(parent: HTMLElement, bus: MapBus): MapHandle {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#eef3f7',
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 640, height: parent.clientHeight || 480 },
    // Kept so that tests and screenshots can read the canvas.
    render: { antialias: true, preserveDrawingBuffer: true },
    scene: [],
  });
  game.scene.add('region-map', RegionMapScene, true, { bus });
  return { destroy: () => game.destroy(true) };
}
