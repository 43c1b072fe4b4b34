import { describe, expect, it } from 'vitest';
import { advancePhase } from '../../shared/engine/index.js';
import { createGameStore, screenOf } from '../../client/store/game.js';
import { act, matchAt, viewFor, withDemand } from './fixtures.js';

describe('game store', () => {
  it('chooses the screen from what the server said', () => {
    const s = createGameStore();
    expect(screenOf(s.getState())).toBe('home');
    s.getState().setSession({ matchId: 'm', code: 'ABCDEF', seat: null, name: 'Ani' });
    expect(screenOf(s.getState())).toBe('lobby');
    s.getState().setSession({ matchId: 'm', code: 'ABCDEF', seat: 'armenia', name: 'Ani' });
    s.getState().receiveView(viewFor(matchAt('news'), 'armenia'));
    expect(screenOf(s.getState())).toBe('lobby');
    s.getState().passLobby();
    expect(screenOf(s.getState())).toBe('briefing');
    s.getState().readBriefing();
    expect(screenOf(s.getState())).toBe('play');
    const ended = act(matchAt('planning'), 'armenia', { type: 'capitulate' });
    s.getState().receiveView(viewFor(ended, 'armenia'));
    expect(screenOf(s.getState())).toBe('debrief');
  });

  it('builds one round report with the view before resolution and the one after', () => {
    const s = createGameStore();
    let m = withDemand();
    while (m.phase !== 'response') m = advancePhase(m).match;
    m = act(m, 'armenia', { type: 'respond', demand: m.demands[0].id, answer: 'refuse' });
    s.getState().receiveView(viewFor(m, 'armenia'));
    const before = s.getState().view!;
    m = advancePhase(m).match; // resolution
    s.getState().receiveView(viewFor(m, 'armenia'));
    m = advancePhase(m).match; // report
    s.getState().receiveView(viewFor(m, 'armenia'));
    const report = s.getState().report!;
    expect(report.round).toBe(1);
    expect(report.before).toBe(before);
    expect(report.after.phase).toBe('report');
    s.getState().dismissReport();
    expect(s.getState().reportDismissed).toBe(1);
    m = advancePhase(m).match; // round 2 news
    s.getState().receiveView(viewFor(m, 'armenia'));
    expect(s.getState().beforeResolution?.round).toBe(2);
  });

  it('tracks each intent from pending to accepted or refused with the reason', () => {
    const s = createGameStore();
    const a = s.getState().startPending('actions.plan');
    const b = s.getState().startPending('actions.refuse');
    expect(s.getState().pending.map((p) => p.status)).toEqual(['pending', 'pending']);
    s.getState().settlePending(a, true);
    s.getState().settlePending(b, false, 'wrong_phase', 'respond is allowed in the negotiation or response phase');
    expect(s.getState().pending.find((p) => p.id === a)?.status).toBe('accepted');
    expect(s.getState().pending.find((p) => p.id === b)).toMatchObject({ status: 'refused', code: 'wrong_phase' });
  });

  it('keeps chat once per message and counts unread by channel', () => {
    const s = createGameStore();
    const msg = (id: number, channel: string) => ({ id, channel, seat: 'armenia' as const, name: 'Ani', text: `m${id}`, at: id });
    s.getState().receiveChat(msg(1, 'table'));
    s.getState().receiveChat(msg(1, 'table'));
    s.getState().receiveChat(msg(2, 'armenia-eu'));
    expect(s.getState().chat).toHaveLength(2);
    expect(s.getState().unread).toEqual({ 'armenia-eu': 1 });
    s.getState().receiveChatHistory([msg(0, 'table'), msg(2, 'armenia-eu')]);
    expect(s.getState().chat.map((m) => m.id)).toEqual([0, 1, 2]);
    s.getState().setChatChannel('armenia-eu');
    expect(s.getState().unread['armenia-eu']).toBe(0);
  });
});
