// What a room's write carries (match/publish.ts ProgressWriter): the log and events from where the
// store's end, and whether the store must cut past them — only after a write that was reported
// lost (it may have been kept after all); SQLite skips the cut otherwise.
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../shared/engine/index.js';
import { ProgressWriter } from '../../server/match/publish.js';
import { PhaseClock } from '../../server/match/clock.js';
import { emptyWrite } from '../../server/store/matchStore.js';
import { newMatch } from '../shared/helpers.js';

describe('the progress a room writes', () => {
  it('carries what is new since the last kept write, and cuts past it only after a lost one', () => {
    let m = newMatch();
    const clock = new PhaseClock(() => undefined);
    const p = new ProgressWriter({ log: m.log.length, events: m.events.length, rounds: m.history.length });
    const next = () => {
      const r = applyAction(m, 'armenia', { type: 'done' });
      if (r.ok) m = r.match;
      const w = emptyWrite('m', null);
      p.fill(w, m, clock);
      return w;
    };
    const first = next();
    expect(first.log.entries.length).toBeGreaterThan(0);
    expect(first.cut).toBe(false);
    p.kept();
    const second = next();
    expect(second.log.from).toBe(first.log.from + first.log.entries.length);
    p.lost();
    // The lost write's entries come again, and the store cuts whatever it may hold past them.
    const again = next();
    expect(again.log.from).toBe(second.log.from);
    expect(again.cut).toBe(true);
    p.kept();
    expect(next().cut).toBe(false);
    p.skipped();
    expect(next().cut).toBe(false);
    clock.clear();
  });
});
