// A whole match through the protocol: 4 seats (Armenia a team of two, the EU a bot), a refused
// demand that leads to escalation, the facilitator's clock, the record read back over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createMatch, ok, Player, startServer, type Created, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('a whole match through the protocol', () => {
  let m: Created;
  let arm1: Player, arm2: Player, aze: Player, rus: Player, fac: Player, spec: Player;
  const humans = () => [arm1, aze, rus];
  const phase = () => fac.view.phase;
  const allDone = async () => {
    const before = `${fac.view.round}:${fac.view.phase}`;
    for (const p of humans()) {
      if (fac.view.ended) return;
      const r = await p.act({ type: 'done' });
      if (r.kind === 'refused' && r.code !== 'match_over') throw new Error(`${p.seat} done refused: ${r.code} ${r.reason}`);
    }
    await fac.until(() => `${fac.view.round}:${fac.view.phase}` !== before || !!fac.view.ended, 5000, 'phase change');
  };

  beforeAll(async () => {
    m = await createMatch(t.url, { seats: { armenia: 'human', azerbaijan: 'human', russia: 'human', eu: 'bot' }, seed: 7, timers: { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 } });
    fac = await Player.join(t, m.code, 'facilitator', 'Teacher', m.facilitatorToken);
    arm1 = await Player.join(t, m.code, 'armenia', 'Ani');
    arm2 = await Player.join(t, m.code, 'armenia', 'Aram');
    aze = await Player.join(t, m.code, 'azerbaijan', 'Leyla');
    rus = await Player.join(t, m.code, 'russia', 'Sergei');
    spec = await Player.join(t, m.code, 'spectator', 'Guest');
  });

  it('shows the public state to everyone', () => {
    expect(arm1.state.code).toBe(m.code);
    expect(arm1.state.phase).toBe('news');
    expect(arm1.state.seats.get('armenia').occupants.length).toBe(2);
    expect(arm1.state.seats.get('eu').botPlaying).toBe(true);
    expect(arm1.state.facilitators).toBe(1);
    expect(arm1.state.phaseEndsAt).toBeGreaterThan(Date.now());
  });

  it('refuses a demand from the wrong seat and out of phase', async () => {
    const r = await arm1.act({ type: 'issueDemand', demand: 'lachin-handover', deadline: 0 });
    expect(r).toMatchObject({ kind: 'refused', code: 'wrong_phase' });
    const c = await arm1.send('control', { op: 'advance' });
    expect(c).toMatchObject({ kind: 'refused', code: 'not_facilitator' });
  });

  it('plays round 1: a refused demand, an escalation', async () => {
    await allDone(); // news → planning
    expect(phase()).toBe('planning');
    ok(await arm2.act({ type: 'plan', procure: [{ item: 'arm-local-drones', qty: 1 }], reform: 0, diplomacy: 0, prepareEscalation: null }));
    ok(await aze.act({ type: 'plan', procure: [], reform: 0, diplomacy: 0, prepareEscalation: 'berdzor' }));
    // Both team members see their own plan; nobody else does.
    await arm1.until(() => !!(arm1.view.parties.armenia as any).plan, 2000, 'plan in view');
    expect((arm1.view.parties.armenia as any).plan.procure).toEqual([{ item: 'arm-local-drones', qty: 1 }]);
    await allDone(); // → demands
    expect(phase()).toBe('demands');
    ok(await aze.act({ type: 'issueDemand', demand: 'lachin-handover', deadline: 0, stakes: 'force' }));
    const demand = aze.view.demands.find((d) => d.def === 'lachin-handover')!;
    expect(demand.status).toBe('open');
    await allDone(); // → negotiation
    ok(await rus.send('chat', { channel: 'table', text: 'Let us talk in Sochi.' }));
    await allDone(); // → response
    expect(phase()).toBe('response');
    ok(await arm1.act({ type: 'respond', demand: demand.id, answer: 'refuse' }));
    ok(await aze.act({ type: 'chooseEscalation', demand: demand.id, escalate: true, region: 'berdzor' }));
    // Armenia does not learn the choice before resolution.
    expect(arm1.view.demands.find((d) => d.id === demand.id)!.escalate).toBeNull();
    await allDone(); // → resolution
    expect(phase()).toBe('resolution');
    const keys = fac.view.events.map((e) => e.key);
    if (process.env.DEBUG_TEST) console.log(keys.slice(-12), arm1.state.escalation, fac.view.ended);
    expect(keys.some((k) => k === 'escalation.success' || k === 'escalation.failure')).toBe(true);
    expect(arm1.view.demands.find((d) => d.id === demand.id)!.escalate).toEqual({ region: 'berdzor' });
    expect(arm1.state.escalation).toBeGreaterThan(0);
    await allDone(); // → report
    await allDone(); // → round 2 news
    expect(fac.view.round).toBe(2);
    // The two Armenia clients saw the same final view.
    expect(arm2.view).toEqual(arm1.view);
  });

  it('runs the facilitator clock', async () => {
    ok(await fac.send('control', { op: 'pause' }));
    await arm1.until(() => arm1.state.paused === true, 2000, 'paused');
    expect(arm1.state.phaseEndsAt).toBe(0);
    expect((await fac.send('control', { op: 'pause' })).kind).toBe('refused');
    ok(await fac.send('control', { op: 'extend', seconds: 60 }));
    // Other clients' patches go out with the reply, not necessarily before it arrives here.
    await arm1.until(() => arm1.state.pausedRemaining > 3600_000, 2000, 'extended');
    ok(await fac.send('control', { op: 'resume' }));
    await arm1.until(() => arm1.state.paused === false && arm1.state.phaseEndsAt > 0, 2000, 'resumed');
    const round = fac.view.round;
    ok(await fac.send('control', { op: 'advance' }));
    expect(fac.view.phase).toBe('planning');
    expect(fac.view.round).toBe(round);
  });

  it('plays on to the end of the scenario and keeps the record', async () => {
    for (let guard = 0; guard < 200 && !fac.view.ended; guard++) await allDone();
    expect(fac.view.ended).not.toBeNull();
    await spec.until(() => spec.state.ended !== '', 2000, 'ended in state');
    expect((await arm1.act({ type: 'done' }))).toMatchObject({ kind: 'refused', code: 'match_over' });
    const rec = await api(t.url, `/api/matches/${m.matchId}`, { token: m.facilitatorToken });
    expect(rec.status).toBe(200);
    expect(rec.body.ended).toBe(fac.view.ended!.kind);
    expect(rec.body.participants.length).toBe(6);
    expect(rec.body.log.length).toBeGreaterThan(20);
    expect(rec.body.chat.map((c: any) => c.text)).toContain('Let us talk in Sochi.');
    const debrief = await api(t.url, `/api/matches/${m.matchId}/debrief`);
    expect(debrief.status).toBe(200);
    expect(debrief.body.rounds.length).toBeGreaterThan(1);
    expect(debrief.body.scores.length).toBe(4);
    expect(debrief.body.timeline.length).toBe(fac.view.events.length);
  });
});
