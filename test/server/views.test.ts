// Views travel as a whole view and then updates (server/match/views.ts): over whole bot games, every
// seat's view rebuilt from the updates must equal what viewFor says, after every single move.
// The engine keeps a field's object when its data did not change (shared/engine/draft.ts).
import { describe, expect, it } from 'vitest';
import { applyViewUpdate } from '../../shared/protocol/index.js';
import { botActions } from '../../shared/bots/index.js';
import { advancePhase, applyAction, createMatch, playingSeats, VIEW_FIELDS, viewFields, viewFor, type Match, type Seat, type SeatView } from '../../shared/engine/index.js';
import { loadScenario, listScenarioIds } from '../../shared/scenario/files.js';
import { SeatViews } from '../../server/match/views.js';

function check(m: Match, views: SeatViews, held: Map<Seat, SeatView>, counts: { updates: number; full: number; fieldsSent: number }) {
  views.startUpdate(m);
  for (const [seat, view] of held) {
    const msg = views.next(m, seat);
    if (msg?.type === 'view') {
      counts.full++;
      held.set(seat, msg.payload);
    } else if (msg) {
      counts.updates++;
      counts.fieldsSent += Object.keys(msg.payload.changed).length;
      const next = applyViewUpdate(view, msg.payload);
      expect(next, `${seat}: update does not follow`).not.toBeNull();
      held.set(seat, next!);
    }
    expect(held.get(seat), `${seat} round ${m.round} ${m.phase}`).toEqual(viewFor(m, seat));
    // Updates are made field by field: every field, so made, is the view.
    expect(viewFields(m, seat, VIEW_FIELDS)).toEqual(viewFor(m, seat));
  }
}

describe('view updates', () => {
  it('shares only what did not change', () => {
    const m = createMatch(loadScenario('august-2022'), 1);
    const shared = advancePhase(m).match;
    expect(shared.regions).toBe(m.regions);
    expect(shared).toEqual(advancePhase(m).match);
    expect(shared.phase).not.toBe(m.phase);
  });

  for (const id of listScenarioIds().slice(0, 3)) {
    it(`rebuild every seat's view over bot games (${id})`, () => {
      const scenario = loadScenario(id);
      const counts = { updates: 0, full: 0, fieldsSent: 0 };
      for (const seed of [1, 2, 3]) {
        let m = createMatch(scenario, seed);
        const seats: Seat[] = [...playingSeats(scenario), 'facilitator', 'spectator'];
        const views = new SeatViews();
        const held = new Map<Seat, SeatView>(seats.map((s) => [s, views.full(m, s)]));
        for (let step = 0; step < 400 && !m.ended; step++) {
          for (const seat of playingSeats(scenario)) {
            for (const action of botActions(m, seat)) {
              const r = applyAction(m, seat, action);
              if (!r.ok) continue;
              m = r.match;
              check(m, views, held, counts);
              if (m.ended) break;
            }
            if (m.ended) break;
          }
          if (m.ended) break;
          m = advancePhase(m).match;
          check(m, views, held, counts);
          // Now and then a seat's clients all leave and one comes back: a whole view again.
          if (step % 7 === 3) {
            const seat = seats[step % seats.length];
            views.forget(seat);
            held.set(seat, views.full(m, seat));
          }
        }
        expect(m.ended).not.toBeNull();
      }
      expect(counts.updates).toBeGreaterThan(100);
      // Updates carry a few fields, not the whole view.
      expect(counts.fieldsSent / counts.updates).toBeLessThan(12);
    });
  }
});
