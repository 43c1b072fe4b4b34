// The regional map: draws what the store says (through the bus) and reports hover and taps.
// It only draws: no game rules, no network.
import * as Phaser from 'phaser';
import type { MapBus, MapState } from './bus.js';
import { CONTROLLER_COLOUR, MARKER, OKABE_ITO } from './palette.js';
import { labelFontsReady, loadLabelFonts, MAP_FONT as FONT } from './fonts.js';
import { fitProjection, inRing, type Projection } from './projection.js';

export class RegionMapScene extends Phaser.Scene {
  private bus!: MapBus;
  private state: MapState | null = null;
  private proj: Projection | null = null;
  private base!: Phaser.GameObjects.Graphics;
  /** Regions, labels and markers baked into one texture: a frame then draws one image instead of
   *  every polygon and label. */
  private baked: Phaser.Textures.DynamicTexture | null = null;
  /** What the baked texture shows; a new state that draws the same is not baked again. */
  private bakedKey = '';
  private bakes = 0;
  /** Hover and selection outlines: redrawn on their own, without baking. */
  private overlay!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private hovered: string | null = null;
  /** Labels whose font was asked for: the map is baked once it has loaded (or the wait ran out). */
  private fontAsked = new Set<string>();
  private fontWaited = new Set<string>();
  private unsubscribe: (() => void)[] = [];

  constructor() {
    super('region-map');
  }

  init(data: { bus: MapBus }) {
    this.bus = data.bus;
  }

  create() {
    // Never shown itself: drawn into the baked texture.
    this.base = this.add.graphics().setVisible(false);
    this.overlay = this.add.graphics();
    this.unsubscribe.push(
      this.bus.on('map:state', (s) => {
        this.state = s;
        this.redraw();
      }),
      this.bus.on('map:escalation', (e) => this.animateEscalation(e.region, e.success)),
    );
    const last = this.bus.last.get('map:state') as MapState | undefined;
    if (last) this.state = last;
    this.scale.on('resize', () => this.redraw());
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.hover(this.regionAt(p.x, p.y)));
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      const id = this.regionAt(p.x, p.y);
      this.bus.emit('region:select', id);
    });
    this.input.on('gameout', () => this.hover(null));
    this.events.once('shutdown', () => this.unsubscribe.forEach((u) => u()));
    this.redraw();
    this.bus.emit('map:ready', { width: this.scale.width, height: this.scale.height });
  }

  private hover(id: string | null) {
    if (id === this.hovered) return;
    this.hovered = id;
    this.bus.emit('region:hover', id);
    this.drawOutlines();
  }

  private regionAt(x: number, y: number): string | null {
    if (!this.state || !this.proj) return null;
    // Playable regions first: context regions lie underneath.
    const ordered = [...this.state.regions].sort((a, b) => Number(a.def.kind !== 'context') - Number(b.def.kind !== 'context')).reverse();
    for (const r of ordered) {
      const ring = r.def.polygon[0].map((p) => this.proj!.project(p));
      if (inRing(x, y, ring)) return r.def.id;
    }
    return null;
  }

  private redraw() {
    const s = this.state;
    if (!s || !this.base) return;
    const { width, height } = this.scale;
    const key = JSON.stringify([width, height, s.regions.map((r) => [r.name, r.state]), s.rings, s.clashes]);
    const names = s.regions.map((r) => r.name).join(' ');
    if (!this.fontWaited.has(names) && !labelFontsReady(names)) {
      if (!this.fontAsked.has(names)) {
        this.fontAsked.add(names);
        void loadLabelFonts(names).then(() => {
          this.fontWaited.add(names);
          if (this.sys.isActive()) this.redraw();
        });
      }
      return;
    }
    if (key !== this.bakedKey && width >= 1 && height >= 1) {
      this.bakedKey = key;
      this.proj = fitProjection(s.regions.map((r) => r.def), width, height, 28);
      this.drawBase(s, this.proj, width, height);
      this.bake(width, height);
    }
    this.drawOutlines();
  }

  /** The selected and the hovered region, outlined above the baked map. */
  private drawOutlines() {
    const g = this.overlay;
    g.clear();
    if (!this.state || !this.proj) return;
    for (const id of new Set([this.state.selected, this.hovered])) {
      const r = id && this.state.regions.find((x) => x.def.id === id);
      if (!r) continue;
      g.lineStyle(3, 0x111111, 1);
      for (const ring of r.def.polygon) g.strokePoints(ring.map((p) => new Phaser.Math.Vector2(...this.proj!.project(p))), true, true);
    }
  }

  private drawBase(s: MapState, proj: Projection, width: number, height: number) {
    const g = this.base;
    g.clear();
    g.fillStyle(0xeef3f7, 1);
    g.fillRect(0, 0, width, height);
    const order = [...s.regions].sort((a, b) => Number(a.def.kind !== 'context') - Number(b.def.kind !== 'context'));
    for (const r of order) {
      const context = r.def.kind === 'context';
      const colour = CONTROLLER_COLOUR[r.state.controller] ?? 0xbbbbbb;
      for (const ring of r.def.polygon) {
        const pts = ring.map((p) => {
          const [x, y] = proj.project(p);
          return new Phaser.Math.Vector2(x, y);
        });
        g.fillStyle(colour, context ? 0.5 : 0.85);
        g.fillPoints(pts, true);
        // Tension darkens the region; the same figure is in the region list as text.
        if (!context && r.state.tension > 0) {
          g.fillStyle(OKABE_ITO.black, (r.state.tension / 100) * 0.45);
          g.fillPoints(pts, true);
        }
        g.lineStyle(1, 0xffffff, 0.9);
        g.strokePoints(pts, true, true);
      }
    }
    // Own forces' reach.
    for (const ring of s.rings) {
      const [cx, cy] = proj.project(ring.center);
      g.lineStyle(2, ring.kind === 'missiles' ? OKABE_ITO.vermillion : OKABE_ITO.green, 0.8);
      g.strokeCircle(cx, cy, proj.kmToPx(ring.km));
    }
    // Where force was used this round: a lasting mark after the animation.
    for (const c of s.clashes) {
      const r = s.regions.find((x) => x.def.id === c.region);
      if (!r) continue;
      const [x, y] = proj.project(r.def.label);
      g.lineStyle(3, MARKER.escalation, 1);
      g.strokeCircle(x, y, 22);
      g.lineStyle(1.5, 0xffffff, 1);
      g.strokeCircle(x, y, 25);
    }
    // Labels: larger regions first; a label that would overlap a placed one moves a little or
    // is left out (hover and the region list still name it).
    const placed: Phaser.Geom.Rectangle[] = [];
    const byArea = [...order].sort((a, b) => Number(b.def.kind !== 'context') - Number(a.def.kind !== 'context') || ringArea(b.def.polygon[0]) - ringArea(a.def.polygon[0]));
    for (const r of byArea) {
      const [lx, ly] = proj.project(r.def.label);
      if (lx < -50 || ly < -50 || lx > width + 50 || ly > height + 50) continue;
      const context = r.def.kind === 'context';
      const text = this.label(lx, ly, r.name, {
        fontFamily: FONT,
        fontSize: context ? '12px' : '13px',
        color: context ? '#444444' : '#111111',
        fontStyle: context ? 'italic' : 'bold',
        stroke: '#ffffff',
        strokeThickness: 3,
        align: 'center',
      }).setOrigin(0.5, 0.5);
      this.labels.push(text);
      let fits = false;
      for (const [dx, dy, size] of [[0, 0, 13], [0, -13, 13], [0, 13, 13], [0, 0, 11], [0, -11, 11], [0, 11, 11]] as const) {
        if (!context) text.setFontSize(size);
        // Kept whole inside the map: a neighbouring country's label near the edge moves inwards.
        const halfW = text.width / 2 + 4;
        const halfH = text.height / 2 + 2;
        text.setPosition(Phaser.Math.Clamp(lx + dx, halfW, width - halfW), Phaser.Math.Clamp(ly + dy, halfH, height - halfH));
        const b = text.getBounds();
        if (!placed.some((p) => Phaser.Geom.Intersects.RectangleToRectangle(p, b))) {
          placed.push(b);
          fits = true;
          break;
        }
      }
      if (!fits) text.setVisible(false);
      if (context) continue;
      let mx = lx - 14;
      const my = text.y + 15;
      if (r.state.peacekeepers) this.marker(mx, my, 'circle', MARKER.peacekeepers, 'PK'), (mx += 18);
      if (r.state.monitors) this.marker(mx, my, 'diamond', MARKER.monitors, 'M'), (mx += 18);
      if (r.state.displaced > 0) this.marker(mx, my, 'triangle', MARKER.displaced, formatCount(r.state.displaced));
    }
  }

  /**
   * A label for the baked texture only: made outside the scene's display list, so it can never be
   * drawn on its own over the map (a failed bake once left labels standing at the left edge).
   */
  private label(x: number, y: number, text: string, style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.GameObjects.Text {
    const label = this.make.text({ x, y, text, style }, false);
    this.labels.push(label);
    return label;
  }

  /** Draw the base drawing and its visible labels into the baked texture; the labels are then let go. */
  private bake(width: number, height: number) {
    try {
      if (!this.baked) {
        this.baked = this.textures.addDynamicTexture('map-base', width, height, false)!;
        this.add.image(0, 0, this.baked).setOrigin(0, 0).setDepth(-1);
      } else if (this.baked.width !== width || this.baked.height !== height) this.baked.setSize(width, height, false);
      // An array is drawn whatever each object's visibility: leave out the labels that did not fit.
      this.baked.clear().draw(this.base).draw(this.labels.filter((l) => l.visible)).render();
    } finally {
      this.labels.forEach((l) => l.destroy());
      this.labels = [];
    }
    this.bus.emit('map:baked', ++this.bakes);
  }

  private marker(x: number, y: number, shape: 'circle' | 'diamond' | 'triangle', colour: number, label: string) {
    const g = this.base;
    g.fillStyle(colour, 1);
    g.lineStyle(1.5, 0x111111, 1);
    if (shape === 'circle') {
      g.fillCircle(x, y, 7);
      g.strokeCircle(x, y, 7);
    } else if (shape === 'diamond') {
      const pts = [new Phaser.Math.Vector2(x, y - 8), new Phaser.Math.Vector2(x + 8, y), new Phaser.Math.Vector2(x, y + 8), new Phaser.Math.Vector2(x - 8, y)];
      g.fillPoints(pts, true);
      g.strokePoints(pts, true, true);
    } else {
      g.fillTriangle(x, y - 8, x + 8, y + 6, x - 8, y + 6);
      g.strokeTriangle(x, y - 8, x + 8, y + 6, x - 8, y + 6);
    }
    this.label(x + (shape === 'triangle' ? 10 : 0), y, label, { fontFamily: FONT, fontSize: '10px', color: '#111111', fontStyle: 'bold', stroke: '#ffffff', strokeThickness: shape === 'triangle' ? 3 : 0 }).setOrigin(
      shape === 'triangle' ? 0 : 0.5,
      0.5,
    );
  }

  /** Expanding rings where an escalation happened: solid for success, dashed-looking pulses for a repelled one. */
  private animateEscalation(regionId: string, success: boolean) {
    const r = this.state?.regions.find((x) => x.def.id === regionId);
    if (!r || !this.proj) return;
    const [x, y] = this.proj.project(r.def.label);
    for (let i = 0; i < 3; i++) {
      const ring = this.add.circle(x, y, 10, MARKER.escalation, success ? 0.35 : 0.15).setStrokeStyle(3, MARKER.escalation, 1);
      this.tweens.add({ targets: ring, scale: 6, alpha: 0, duration: 1400, delay: i * 450, ease: 'Cubic.easeOut', onComplete: () => ring.destroy() });
    }
    const flash = this.add.text(x, y - 28, success ? '⚠' : '✕', { fontFamily: FONT, fontSize: '26px', color: '#d55e00', stroke: '#ffffff', strokeThickness: 4 }).setOrigin(0.5);
    this.tweens.add({ targets: flash, y: y - 48, alpha: 0, duration: 2600, onComplete: () => flash.destroy() });
  }
}

function ringArea(ring: readonly (readonly [number, number])[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

function formatCount(n: number): string {
  return n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
}
