// @vitest-environment happy-dom
// The facilitator console's pages with a fake API: overview, controls, join sheet, inject validation,
// scenario upload errors, the class debrief, the join link and the console's routes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act as flush, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { createI18n } from '../../client/i18n.js';
import { ConsoleContext, type ConsoleCtx } from '../../client/facilitate/consoleContext.js';
import { OverviewPage } from '../../client/facilitate/pages/OverviewPage.js';
import { JoinSheet } from '../../client/facilitate/pages/JoinSheet.js';
import { customEffects } from '../../client/facilitate/customEffects.js';
import { InjectForm } from '../../client/facilitate/parts/InjectForm.js';
import { Start } from '../../client/facilitate/pages/Start.js';
import { createSessionBody } from '../../shared/protocol/classApi.js';
import { MAX_ROOMS } from '../../shared/protocol/values.js';
import { Timeline } from '../../client/facilitate/parts/Timeline.js';
import { qrPath } from '../../client/facilitate/qrPath.js';
import { parseRoute, pathOf } from '../../client/facilitate/route.js';
import ClassDebriefPage from '../../client/facilitate/pages/ClassDebrief.js';
import { chartData } from '../../client/facilitate/roomCharts.js';
import { RoomPage } from '../../client/facilitate/pages/RoomPage.js';
import { joinLink, joinLinkParams } from '../../client/joinLink.js';
import { ApiError, type FacilitatorApi, type Overview, type RoomDebrief, type RoomLive, type SessionInfo } from '../../client/net/facilitator.js';
import { scenario } from './fixtures.js';

// uPlot needs a real canvas (happy-dom has none: drawing after a test ends threw at random); the chart is the e2e test's business.
vi.mock('../../client/ui/debrief/Chart.js', () => ({ LineChart: ({ testid }: { testid?: string }) => <div data-testid={testid ?? 'chart'} /> }));

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  expect([...missing]).toEqual([]);
  missing.clear();
});

const seat = (controller: 'human' | 'bot', names: [string, boolean][] = []) => ({
  controller,
  botPlaying: controller === 'bot',
  done: false,
  occupants: names.map(([name, connected]) => ({ name, connected })),
});

function room(n: number, over: Partial<RoomLive> = {}): RoomLive {
  return {
    matchId: `m${n}`,
    code: `ABCD${n}${n}`,
    label: `Room ${n}`,
    forkOf: null,
    live: true,
    round: 2,
    rounds: 6,
    phase: 'negotiation',
    reported: 1,
    remaining: 95_000,
    phaseEndsAt: Date.now() + 95_000,
    paused: false,
    escalation: 2,
    stability: 55,
    balance: { ratio: 2.4, gap: 'clear' },
    signed: false,
    settlement: null,
    ended: null,
    seats: { armenia: seat('human', [['Ani', true], ['Aram', false]]), azerbaijan: seat('human', [['Elnur', true]]), russia: seat('bot'), eu: seat('human') },
    facilitators: 1,
    spectators: 0,
    pausesUsed: 1,
    extensionSecondsUsed: 60,
    ...over,
  };
}

const info: SessionInfo = {
  sessionId: 's1',
  name: 'Year 12',
  scenario: 'august-2022',
  createdAt: 0,
  seed: 1,
  timers: {} as SessionInfo['timers'],
  limits: { maxPauses: 3, maxExtensionSeconds: 600 },
  passphrase: true,
  rooms: [1, 2].map((n) => ({
    matchId: `m${n}`,
    code: `ABCD${n}${n}`,
    label: `Room ${n}`,
    forkOf: null,
    createdAt: 0,
    ended: null,
    seats: { armenia: { controller: 'human' }, azerbaijan: { controller: 'human' }, russia: { controller: 'bot' }, eu: { controller: 'human' } },
    keys: {},
  })),
  joinAddress: { url: location.origin, source: 'request' },
};

function fakeApi(over: Partial<FacilitatorApi> = {}) {
  const ok = async () => ({ results: [{ matchId: 'm1', ok: true }] });
  return {
    token: 't',
    info: vi.fn(async () => info),
    overview: vi.fn(),
    control: vi.fn(ok),
    inject: vi.fn(ok),
    broadcast: vi.fn(ok),
    setSeat: vi.fn(ok),
    chat: vi.fn(async () => ({ matchId: 'm1', channels: ['table'], messages: [] })),
    timeline: vi.fn(),
    fork: vi.fn(),
    debrief: vi.fn(),
    log: vi.fn(async () => []),
    exportClass: vi.fn(),
    exportRoom: vi.fn(),
    ...over,
  } as unknown as Record<keyof FacilitatorApi, ReturnType<typeof vi.fn>>;
}

function mount(ui: ReactNode, ctx: Partial<ConsoleCtx> = {}) {
  const overview: Overview = { sessionId: 's1', at: Date.now(), limits: info.limits, rooms: [room(1), room(2, { paused: true, remaining: 30_000, phaseEndsAt: 0 })] };
  const api = fakeApi();
  const report = vi.fn();
  const value: ConsoleCtx = {
    session: 's1',
    api: api as unknown as FacilitatorApi,
    info,
    overview,
    refreshInfo: vi.fn(async () => undefined),
    refreshOverview: vi.fn(async () => undefined),
    report,
    roomLabel: (id) => info.rooms.find((r) => r.matchId === id)?.label ?? id,
    ...ctx,
  };
  const i18n = createI18n('en', (k) => missing.add(k));
  render(
    <I18nextProvider i18n={i18n}>
      <ConsoleContext.Provider value={value}>{ui}</ConsoleContext.Provider>
    </I18nextProvider>,
  );
  return { api: (ctx.api as unknown as typeof api) ?? api, report };
}

describe('live overview', () => {
  it('shows every room: round, phase, time left, escalation, balance, treaty, who is connected, which seats are bots', () => {
    mount(<OverviewPage />);
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    const one = within(cards[0]);
    expect(one.getByRole('heading', { name: 'Room 1' })).toBeTruthy();
    expect(one.getByTestId('round').textContent).toBe('2 of 6');
    expect(one.getByTestId('phase').textContent).toBe('Talks');
    expect(one.getByTestId('left').textContent).toMatch(/^1:3\d$/);
    expect(cards[0].textContent).toContain('2 · border clashes');
    expect(cards[0].textContent).toContain('2.40 : 1 Clear gap');
    expect(one.getByTestId('signed').textContent).toBe('not signed');
    const arm = cards[0].querySelector('[data-seat=armenia]')!;
    expect(arm.querySelector('.on')!.textContent).toContain('Ani');
    expect(arm.querySelector('.off')!.textContent).toContain('Aram');
    expect(cards[0].querySelector('[data-seat=russia] [data-testid=controller]')!.textContent).toBe('bot');
    expect(cards[0].textContent).toContain('Pauses 1/3 · extra time 1/10 min');
    // The paused room says so, with the time it holds.
    expect(within(cards[1]).getByTestId('left').textContent).toBe('paused · 0:30');
    expect(within(cards[1]).getByTestId('room-pause').textContent).toBe('Resume');
  });

  it('controls one room, and all rooms at once', async () => {
    const { api } = mount(<OverviewPage />);
    await flush(async () => {
      fireEvent.click(within(screen.getAllByRole('article')[0]).getByTestId('room-pause'));
    });
    expect(api.control).toHaveBeenCalledWith(['m1'], 'pause', undefined);
    await flush(async () => {
      fireEvent.click(within(screen.getAllByRole('article')[1]).getByTestId('room-pause'));
    });
    expect(api.control).toHaveBeenCalledWith(['m2'], 'resume', undefined);
    await flush(async () => {
      fireEvent.click(screen.getByTestId('all-advance'));
    });
    expect(api.control).toHaveBeenLastCalledWith(null, 'advance', undefined);
  });

  it("reports a room's refusal with its reason", async () => {
    const { api, report } = mount(<OverviewPage />);
    api.control.mockResolvedValueOnce({ results: [{ matchId: 'm1', ok: true }, { matchId: 'm2', ok: false, code: 'limit_reached', reason: 'Room 2 has used its 3 pauses (limit 3)' }] });
    await flush(async () => {
      fireEvent.click(screen.getByTestId('all-pause'));
    });
    const lines = report.mock.calls[0][0].lines;
    expect(lines).toEqual([
      { ok: true, text: 'Room 1: done' },
      { ok: false, text: 'Room 2: refused — limit reached' },
    ]);
  });
});

describe('join sheet', () => {
  it('gives each room its code and a QR code for every seat people play, none for bots', () => {
    mount(<JoinSheet />);
    expect(screen.getAllByTestId('sheet-code').map((e) => e.textContent)).toEqual(['ABCD11', 'ABCD22']);
    const rooms = screen.getAllByRole('listitem').filter((li) => li.classList.contains('fac-sheet-room'));
    expect(rooms).toHaveLength(2);
    expect(rooms[0].querySelectorAll('svg.qr')).toHaveLength(3);
    expect(rooms[0].querySelector('[data-seat=russia] svg')).toBeNull();
    expect(rooms[0].querySelector('[data-seat=russia]')!.textContent).toContain('played by a bot');
    const links = within(rooms[1]).getAllByTestId('seat-link').map((a) => a.getAttribute('href'));
    expect(links).toEqual([joinLink(location.origin, 'ABCD22', 'armenia'), joinLink(location.origin, 'ABCD22', 'azerbaijan'), joinLink(location.origin, 'ABCD22', 'eu')]);
    expect(screen.getByRole('img', { name: 'QR code to join Room 1 as Armenia' })).toBeTruthy();
  });

  it('draws a real QR symbol: finder patterns in three corners', () => {
    const { size, d } = qrPath('http://localhost:2567/?code=ABCDEF&seat=armenia');
    expect(size).toBeGreaterThanOrEqual(25);
    expect((size - 17) % 4).toBe(0);
    // The top-left finder's first row is seven dark modules: one run from 0 to 7.
    expect(d.startsWith('M0 0h7v1h-7z')).toBe(true);
  });
});

describe('inject an event', () => {
  // The deck comes from GET /api/scenarios/:id, else the bundled copy.
  beforeEach(() => vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404 }))));
  it('checks a custom event before sending it, and names each problem', async () => {
    const { api } = mount(<InjectForm rooms={['m1']} />);
    fireEvent.click(screen.getByTestId('inject-custom'));
    fireEvent.change(document.querySelector('[data-effect="support.armenia"]')!, { target: { value: '150' } });
    fireEvent.change(document.querySelector('[data-effect="escalation"]')!, { target: { value: '1.5' } });
    await flush(async () => {
      fireEvent.click(screen.getByTestId('inject-submit'));
    });
    const errors = screen.getByTestId('inject-errors').textContent!;
    expect(errors).toContain('headline: write a headline');
    expect(errors).toContain("Armenia's support: must be between -100 and 100");
    expect(errors).toContain('Escalation level: must be between -4 and 4');
    expect(api.inject).not.toHaveBeenCalled();
    expect(document.querySelector('[data-effect="support.armenia"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[data-effect="stability"]')!.getAttribute('aria-invalid')).toBe('false');
  });

  it("sends a valid custom event, and shows the server's precise errors", async () => {
    const { api } = mount(<InjectForm rooms={null} />);
    api.inject.mockRejectedValueOnce(new ApiError(400, 'bad event', ['custom.effects.tension.nowhere: unknown region "nowhere"']));
    fireEvent.click(screen.getByTestId('inject-custom'));
    fireEvent.change(screen.getByTestId('inject-headline'), { target: { value: 'Protests in Yerevan' } });
    fireEvent.change(screen.getByTestId('inject-text'), { target: { value: 'Thousands march.' } });
    fireEvent.change(document.querySelector('[data-effect="support.armenia"]')!, { target: { value: '-10' } });
    fireEvent.change(document.querySelector('[data-effect="stability"]')!, { target: { value: '-5' } });
    fireEvent.click(screen.getByText('More effects (scenario format, JSON)'));
    fireEvent.change(screen.getByTestId('inject-extra'), { target: { value: '{"tension": {"nowhere": 10}}' } });
    await flush(async () => {
      fireEvent.click(screen.getByTestId('inject-submit'));
    });
    expect(api.inject).toHaveBeenCalledWith(null, {
      custom: { headline: 'Protests in Yerevan', text: 'Thousands march.', effects: { support: { armenia: -10 }, stability: -5, tension: { nowhere: 10 } } },
    });
    expect(screen.getByTestId('inject-errors').textContent).toContain('custom.effects.tension.nowhere: unknown region "nowhere"');
  });

  it('builds effects from the fields', () => {
    const t = (k: string) => k;
    expect(customEffects({ 'standing.azerbaijan': '5', 'budget.armenia': '0', escalation: '1' }, '', t)).toEqual({ effects: { standing: { azerbaijan: 5 }, escalation: 1 }, issues: [], invalid: [] });
    expect(customEffects({}, '[1]', t).issues).toHaveLength(1);
  });
});

describe('create a session', () => {
  it("lists the server's precise errors when an uploaded scenario is refused", async () => {
    const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/scenarios' && init?.method === 'POST')
        return new Response(JSON.stringify({ error: 'invalid scenario', issues: ['rounds: Too big: expected number to be <=60', 'seats.armenia.objectives: Too small: expected array to have >=1 items'] }), { status: 400 });
      return new Response(JSON.stringify([{ id: 'august-2022', title: { en: 'August 2022' }, rounds: 6, mediators: ['russia', 'eu'], directChannel: true, timers: scenario.timers }]), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetcher);
    mount(<Start />);
    await flush(async () => undefined);
    const file = new File(['{"id": "x", "rounds": 99}'], 'mine.json', { type: 'application/json' });
    await flush(async () => {
      fireEvent.change(screen.getByLabelText('Or upload a scenario file (.json)'), { target: { files: [file] } });
    });
    await flush(async () => undefined);
    const box = screen.getByTestId('upload-errors');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain('rounds: Too big: expected number to be <=60');
    expect(box.textContent).toContain('seats.armenia.objectives');
    // The form offers the scenario's seats, each human or bot, and its timers in minutes.
    expect(screen.getByTestId('seat-russia-bot')).toBeTruthy();
    expect((document.querySelector('[data-phase=negotiation]') as HTMLInputElement).value).toBe(String(Math.round((scenario.timers.negotiation / 60) * 100) / 100));
  });
});

describe('the rooms field', () => {
  it('has the server’s limit and says it in plain words when asked for more', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } })));
    mount(<Start />);
    await flush(async () => undefined);
    const field = screen.getByLabelText('Rooms', { exact: true }) as HTMLInputElement;
    expect(field.max).toBe(String(MAX_ROOMS));
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toContain(`1 to ${MAX_ROOMS} rooms.`);
    expect(screen.queryByTestId('rooms-capped')).toBeNull();
    fireEvent.change(field, { target: { value: '20' } });
    expect(field.value).toBe(String(MAX_ROOMS));
    expect(screen.getByTestId('rooms-capped').textContent).toBe(`A session has at most ${MAX_ROOMS} rooms: for more groups, create a second session.`);
    // The server takes exactly that many.
    expect(createSessionBody.shape.rooms.safeParse(MAX_ROOMS).success).toBe(true);
    expect(createSessionBody.shape.rooms.safeParse(MAX_ROOMS + 1).success).toBe(false);
  });
});

describe('timeline and debrief', () => {
  it("shows decisions, injects and the facilitator's actions, with what the deciding seat knew", () => {
    mount(
      <Timeline
        scenario={scenario}
        entries={[
          {
            at: 0,
            round: 1,
            phase: 'negotiation',
            kind: 'response',
            seat: 'armenia',
            events: [],
            knew: { balance: { low: 1.5, high: 2, gap: 'clear', exact: false }, truth: 2.6, intel: null, escalation: 1, stability: 60, openDemands: 1, news: [] },
          },
          { at: 0, round: 1, phase: 'negotiation', kind: 'facilitator', seat: null, events: [], facilitator: { op: 'pause', detail: {} } },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0].textContent).toContain('What Armenia knew');
    expect(items[0].textContent).toContain('between 1.50 and 2.00 : 1');
    expect(items[0].textContent).toContain('2.60 : 1 — outside its estimate');
    expect(items[1].textContent).toContain('Paused');
  });

  it('charts every room on the rounds of all rooms, with gaps where a room has none', () => {
    const meters = (round: number, ratio: number) => ({ round, ratio, escalation: 1, stability: 50, support: { armenia: 50, azerbaijan: 60 } }) as RoomDebrief['rounds'][number];
    const r = (id: string, rounds: RoomDebrief['rounds']) => ({ matchId: id, label: id, rounds }) as RoomDebrief;
    const c = chartData([r('a', [meters(0, 3), meters(1, 2.5)]), r('b', [meters(0, 3), meters(1, 2), meters(2, 1.5)])]);
    expect(c.rounds).toEqual([0, 1, 2]);
    expect(c.ratio[0].values).toEqual([3, 2.5, null]);
    expect(c.ratio[1].values).toEqual([3, 2, 1.5]);
  });
});

describe('a room and the class debrief', () => {
  beforeEach(() => vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404 }))));

  it('reads every channel, swaps a seat and forks from a resolved round', async () => {
    const api = fakeApi();
    api.chat.mockResolvedValue({
      matchId: 'm1',
      channels: ['table', 'armenia-azerbaijan', 'armenia-eu'],
      messages: [
        { id: 1, channel: 'table', seat: 'eu', name: 'Claire', text: 'Talks in Brussels?', at: 0 },
        { id: 2, channel: 'armenia-eu', seat: 'armenia', name: 'Ani', text: '<b>only to the EU</b>', at: 1 },
      ],
    });
    api.timeline.mockResolvedValue({ entries: [] });
    api.fork.mockResolvedValue({ matchId: 'm3', code: 'FORK33', label: 'Room 1 · fork @1', forkOf: { matchId: 'm1', round: 1 } });
    mount(<RoomPage matchId="m1" />, { api: api as never });
    await flush(async () => undefined);
    await flush(async () => undefined);
    const log = screen.getByTestId('channel-log');
    expect(log.textContent).toContain('Claire:');
    expect(log.textContent).toContain('<b>only to the EU</b>');
    expect(log.querySelector('b')).toBeNull();
    fireEvent.change(screen.getByTestId('channel-select'), { target: { value: 'armenia-eu' } });
    expect(screen.getByTestId('channel-log').textContent).not.toContain('Claire');
    await flush(async () => {
      fireEvent.click(screen.getByTestId('swap-armenia'));
    });
    expect(api.setSeat).toHaveBeenCalledWith(['m1'], 'armenia', 'bot');
    expect(screen.getByTestId('swap-russia').textContent).toBe('Give Russia back to people');
    await flush(async () => {
      fireEvent.click(screen.getByTestId('fork'));
    });
    expect(api.fork).toHaveBeenCalledWith('m1', 1);
  });

  it('shows a seat’s key on demand, gives it a new one, and removes a participant', async () => {
    const api = fakeApi({ renewKey: vi.fn(async () => ({ matchId: 'm1', keys: {} })), remove: vi.fn(async () => ({ matchId: 'm1', removed: 1 })) } as never);
    api.chat.mockResolvedValue({ matchId: 'm1', channels: ['table'], messages: [] });
    api.timeline.mockResolvedValue({ entries: [] });
    const withKeys: SessionInfo = { ...info, rooms: info.rooms.map((r) => ({ ...r, keys: { armenia: 'AAAAABBBBBCCCCCDDDDD' } })) };
    const refreshInfo = vi.fn(async () => undefined);
    mount(<RoomPage matchId="m1" />, { api: api as never, info: withKeys, refreshInfo });
    await flush(async () => undefined);
    expect(screen.queryByTestId('key-of-armenia')).toBeNull();
    fireEvent.click(screen.getByTestId('key-armenia'));
    expect(screen.getByTestId('key-of-armenia').textContent).toBe('AAAAA-BBBBB-CCCCC-DDDDD');
    await flush(async () => {
      fireEvent.click(screen.getByTestId('renew-armenia'));
    });
    expect(api.renewKey).toHaveBeenCalledWith('m1', 'armenia');
    expect(refreshInfo).toHaveBeenCalled();
    await flush(async () => {
      fireEvent.click(screen.getAllByTestId('remove-armenia')[1]);
    });
    expect(api.remove).toHaveBeenCalledWith('m1', 'armenia', 'Aram');
  });

  it('puts every room side by side: ending, balance, escalations, settlement, objectives', async () => {
    const score = (seat: string, met: boolean[]) => ({ seat, objectives: met.map((m, i) => ({ id: `${seat}-${i}`, points: 10, met: m })), objectivePoints: 0, lastingPeace: 20, total: 40 });
    const roomDebrief = (n: number, over: Partial<RoomDebrief>): RoomDebrief => ({
      matchId: `m${n}`,
      code: `ABCD${n}${n}`,
      label: `Room ${n}`,
      forkOf: null,
      ended: { kind: 'stopped', round: 2 },
      round: 2,
      phase: 'news',
      finalBalance: { ratio: 2.1, gap: 'clear' },
      escalation: { final: 1, max: 3, attempts: { azerbaijan: 2 }, successes: { azerbaijan: 1 } } as RoomDebrief['escalation'],
      settlement: null,
      lastingPeace: 20,
      scores: [score('armenia', [true, false]), score('azerbaijan', [true])] as RoomDebrief['scores'],
      provisional: false,
      rounds: [],
      seats: { armenia: { controller: 'human' }, azerbaijan: { controller: 'bot' } },
      ...over,
    });
    const api = fakeApi();
    api.debrief.mockResolvedValue({
      sessionId: 's1',
      name: 'Year 12',
      scenario: 'august-2022',
      rooms: [
        roomDebrief(1, {}),
        roomDebrief(2, { ended: { kind: 'settlement', round: 3 }, settlement: { round: 3, proposal: 'p1', durability: 64, auspices: 'eu', ratio: 1.6, concessionBalance: 0.8, clauses: [] } }),
      ],
      log: [{ id: 1, at: 0, matchId: 'm1', op: 'pause', detail: {}, ok: false, reason: 'Room 1 has used its 2 pauses (limit 2)' }],
    });
    mount(<ClassDebriefPage />, { api: api as never });
    await flush(async () => undefined);
    const table = screen.getByTestId('compare');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim().slice(0, 6))).toEqual(['Room 1', 'Room 2']);
    expect(screen.getAllByTestId('ending').map((e) => e.textContent)).toEqual(['ended by you · round 2', 'settlement signed · round 3']);
    expect(table.textContent).toContain('2 attempted, 1 succeeded · highest 3 (incursion)');
    expect(table.textContent).toContain('signed in round 3 · durability 64 of 100 · concession balance 80%');
    expect(table.textContent).toContain('1 of 2 met · score 40');
    expect(table.querySelectorAll('td.met').length).toBe(4);
    expect(screen.getByTestId('facilitator-log').textContent).toContain('refused: Room 1 has used its 2 pauses (limit 2)');
  });
});

describe('links and routes', () => {
  it('reads a join link', () => {
    expect(joinLinkParams('?code=abc2ef&seat=armenia')).toEqual({ code: 'ABC2EF', seat: 'armenia' });
    expect(joinLinkParams('?code=ABCDEF&seat=turkey')).toEqual({ code: 'ABCDEF', seat: null });
    expect(joinLinkParams('?seat=eu')).toEqual({ code: '', seat: null });
  });

  it('keeps the page in the path', () => {
    for (const p of [{ page: 'start' }, { page: 'overview', session: 's1' }, { page: 'sheet', session: 's1' }, { page: 'debrief', session: 's1' }, { page: 'room', session: 's1', room: 'm 2' }] as const)
      expect(parseRoute(pathOf(p))).toEqual(p);
    expect(parseRoute('/facilitate/')).toEqual({ page: 'start' });
  });
});
