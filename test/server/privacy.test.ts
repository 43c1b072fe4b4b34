// No client ever receives another seat's private data: plans, strength, intelligence, private
// events, the escalation choice before resolution, private chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRead } from '../../server/match/chat.js';
import { createMatch, ok, Player, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.stop();
});

const PRIVATE_PARTY_KEYS = ['strength', 'budget', 'reform', 'pipeline', 'plan', 'intel'];

describe('privacy', () => {
  it('keeps every seat to its own view and channels', async () => {
    const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
    const m = await createMatch(t.url, { seed: 11, timers: long });
    const arm = await Player.join(t, m.code, 'armenia', 'A');
    const aze = await Player.join(t, m.code, 'azerbaijan', 'B');
    const rus = await Player.join(t, m.code, 'russia', 'C');
    const eu = await Player.join(t, m.code, 'eu', 'D');
    const spec = await Player.join(t, m.code, 'spectator', 'E');
    const fac = await Player.join(t, m.code, 'facilitator', 'F', m.facilitatorToken);
    const players = [arm, aze, rus, eu];
    const everyone = [...players, spec, fac];
    const allDone = async () => {
      const before = fac.view.phase;
      for (const p of players) ok(await p.act({ type: 'done' }));
      await fac.until(() => fac.view.phase !== before, 3000, 'phase change');
    };
    // Messages and state of round 1, phase by phase, up to the end of the response phase.
    await allDone(); // planning
    ok(await arm.act({ type: 'plan', procure: [{ item: 'arm-srbm', qty: 1 }], reform: 0, diplomacy: 0, prepareEscalation: null }));
    ok(await aze.act({ type: 'plan', procure: [], reform: 7, diplomacy: 3, prepareEscalation: 'berdzor' }));
    await allDone(); // demands
    ok(await aze.act({ type: 'issueDemand', demand: 'lachin-handover', deadline: 0 }));
    await allDone(); // negotiation
    ok(await arm.send('chat', { channel: 'armenia-russia', text: 'SECRET-ARM-RUS' }));
    ok(await aze.send('chat', { channel: 'azerbaijan-eu', text: 'SECRET-AZE-EU' }));
    ok(await eu.send('chat', { channel: 'russia-eu', text: 'SECRET-RUS-EU' }));
    ok(await arm.send('chat', { channel: 'armenia-azerbaijan', text: 'SECRET-ARM-AZE' }));
    ok(await rus.send('chat', { channel: 'table', text: 'PUBLIC-TABLE' }));
    await allDone(); // response
    const demand = aze.view.demands[0];
    ok(await arm.act({ type: 'respond', demand: demand.id, answer: 'refuse' }));
    ok(await aze.act({ type: 'chooseEscalation', demand: demand.id, escalate: true, region: 'berdzor' }));
    await arm.until(() => arm.view.demands[0].status === 'refused', 2000, 'refusal seen');
    // A late joiner gets history only of its channels.
    const late = await Player.join(t, m.code, 'eu', 'Late');
    everyone.push(late);

    for (const p of everyone) {
      const raw = JSON.stringify(p.messages);
      // Every view the client held, whole or rebuilt from updates: what an update carries ends up here.
      expect(p.gaps).toBe(0);
      if (p !== late) expect(p.messages.some((x) => x.type === 'viewUpdate')).toBe(true);
      for (const view of p.views as any[]) {
        expect(view.seat).toBe(p.seat);
        if (p.seat === 'facilitator') {
          expect(view.open).toBe(true);
          continue;
        }
        expect(view.open).toBe(false);
        for (const party of ['armenia', 'azerbaijan']) {
          if (party === p.seat) continue;
          for (const k of PRIVATE_PARTY_KEYS) expect(view.parties[party], `${p.seat} sees ${party}.${k}`).not.toHaveProperty(k);
        }
        for (const e of view.events) if (e.to !== null) expect(e.to, `${p.seat} got event ${e.key}`).toContain(p.seat);
        for (const d of view.demands) if (d.from !== p.seat && !d.resolved) expect(d.escalate).toBeNull();
        for (const h of view.history) expect(h).not.toHaveProperty('ratio');
      }
      for (const { type, payload } of p.messages) {
        if (type === 'chat') expect(canRead(p.seat as any, payload.channel), `${p.seat} got ${payload.channel}`).toBe(true);
        if (type === 'chatHistory') for (const c of payload) expect(canRead(p.seat as any, c.channel), `${p.seat} history ${c.channel}`).toBe(true);
      }
      // Markers, as a last net under the structural checks.
      const should = (marker: string, seats: string[]) => expect(raw.includes(marker), `${p.seat} and ${marker}`).toBe(seats.includes(p.seat));
      should('SECRET-ARM-RUS', ['armenia', 'russia', 'facilitator']);
      should('SECRET-AZE-EU', ['azerbaijan', 'eu', 'facilitator']);
      should('SECRET-RUS-EU', ['russia', 'eu', 'facilitator']);
      should('SECRET-ARM-AZE', ['armenia', 'azerbaijan', 'facilitator']);
      should('arm-srbm', ['armenia', 'facilitator']);
      should('escalation.chosen', ['azerbaijan', 'facilitator']);
      expect(raw.includes('PUBLIC-TABLE')).toBe(true);
      // The synced state is public: no private fields in it.
      const state = JSON.stringify(p.room.state.toJSON());
      expect(state).not.toMatch(/plan|strength|intel|budget|SECRET/);
    }
    // The facilitator did see the plan and the choice.
    expect((fac.view.parties.azerbaijan as any).plan.prepareEscalation).toBe('berdzor');
  });
});
