// @vitest-environment happy-dom
// The client's side of seat keys and secrets (issue 11) and of finding a match again (issue 12): the
// lobby keeps the facilitator key away from the projected code; a class's lobby asks for the seat's
// key; the join link carries it; the seats' briefings join the public scenario as the room gives
// them; "resume your match" lists this browser's seats; the join sheet says which address it uses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { createI18n } from '../../client/i18n.js';
import { ConsoleContext, type ConsoleCtx } from '../../client/facilitate/consoleContext.js';
import { JoinSheet } from '../../client/facilitate/pages/JoinSheet.js';
import { joinLink, joinLinkParams } from '../../client/joinLink.js';
import type { FacilitatorApi, SessionInfo } from '../../client/net/facilitator.js';
import type { Intents, ResumableSeat } from '../../client/net/intents.js';
import { createGameStore } from '../../client/store/game.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { Lobby } from '../../client/ui/Lobby.js';
import { ResumeMatches } from '../../client/ui/ResumeMatches.js';
import { publicScenario, seatBriefs } from '../../shared/protocol/index.js';
import { scenario } from './fixtures.js';

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  expect([...missing]).toEqual([]);
  missing.clear();
});

const i18n = () => createI18n('en', (k) => missing.add(k));
const seats = { armenia: { controller: 'human' as const }, azerbaijan: { controller: 'human' as const }, eu: { controller: 'bot' as const } };

function game(ui: ReactNode, store = createGameStore(), intents: Partial<Intents> = {}) {
  render(
    <I18nextProvider i18n={i18n()}>
      <GameProvider store={store} intents={intents as Intents}>
        {ui}
      </GameProvider>
    </I18nextProvider>,
  );
  return store;
}

describe('the lobby', () => {
  it('keeps the facilitator key and the seats’ keys folded away, not beside the join code', () => {
    const store = createGameStore();
    store.getState().setJoinInfo({ matchId: 'm1', roomId: 'm1', code: 'ABC234', scenario: 'august-2022', ended: false, open: true, seats });
    store.getState().setFacilitatorToken('SECRET-TOKEN');
    store.getState().setSeatKeys({ armenia: 'AAAAABBBBBCCCCCDDDDD' });
    game(<Lobby />, store);
    const code = screen.getByRole('region', { name: 'Join code' });
    expect(code.textContent).toContain('ABC234');
    expect(code.textContent).not.toContain('SECRET-TOKEN');
    const keys = screen.getByTestId('facilitator-keys') as HTMLDetailsElement;
    expect(keys.tagName).toBe('DETAILS');
    expect(keys.open).toBe(false);
    expect(within(keys).getByTestId('facilitator-token').textContent).toBe('SECRET-TOKEN');
    expect(keys.textContent).toContain('AAAAA-BBBBB-CCCCC-DDDDD');
  });

  it('asks a class’s player for the seat’s key, and takes the seat with it', async () => {
    const takeSeat = vi.fn(async () => undefined);
    const store = createGameStore();
    store.getState().setJoinInfo({ matchId: 'm1', roomId: 'm1', code: 'ABC234', scenario: 'august-2022', ended: false, open: false, seats });
    store.getState().setSession({ matchId: 'm1', code: 'ABC234', seat: null, name: 'Ani' });
    game(<Lobby />, store, { takeSeat, leave: vi.fn() });
    fireEvent.change(screen.getByLabelText('Seat key'), { target: { value: 'aaaaa-bbbbb-ccccc-ddddd' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Take the seat of Armenia' })));
    expect(takeSeat).toHaveBeenCalledWith('armenia', 'aaaaa-bbbbb-ccccc-ddddd');
  });

  it('asks no key in an open match', () => {
    const store = createGameStore();
    store.getState().setJoinInfo({ matchId: 'm1', roomId: 'm1', code: 'ABC234', scenario: 'august-2022', ended: false, open: true, seats });
    game(<Lobby />, store, { leave: vi.fn() });
    expect(screen.queryByLabelText('Seat key')).toBeNull();
  });
});

describe('the join link', () => {
  it('carries the seat’s key, read back as typed', () => {
    expect(joinLink('http://192.168.1.23:2567', 'ABC234', 'armenia', 'AAAAABBBBBCCCCCDDDDD')).toBe('http://192.168.1.23:2567/?code=ABC234&seat=armenia&key=AAAAABBBBBCCCCCDDDDD');
    expect(joinLinkParams('?code=abc234&seat=armenia&key=aaaaa-bbbbb')).toEqual({ code: 'ABC234', seat: 'armenia', key: 'AAAAABBBBB' });
    // A key without a seat means nothing.
    expect(joinLinkParams('?code=abc234&key=aaaaa')).toEqual({ code: 'ABC234', seat: null });
  });
});

describe('the scenario a player holds', () => {
  it('is the public part, with the briefings the room gave', () => {
    const store = createGameStore();
    store.getState().setScenario(publicScenario(scenario));
    expect(store.getState().scenario!.seats.armenia).toEqual({ name: scenario.seats.armenia!.name });
    act(() => store.getState().receiveBriefs(seatBriefs(scenario, 'armenia', false)));
    expect(store.getState().scenario!.seats.armenia!.briefing).toEqual(scenario.seats.armenia!.briefing);
    expect(store.getState().scenario!.seats.azerbaijan).toEqual({ name: scenario.seats.azerbaijan!.name });
    // A rejoin loads the scenario again: the briefings stay.
    store.getState().setScenario(publicScenario(scenario));
    expect(store.getState().scenario!.seats.armenia!.objectives).toEqual(scenario.seats.armenia!.objectives);
  });
});

describe('resume your match', () => {
  it('lists this browser’s seats in running matches, to take again or forget', async () => {
    const list: ResumableSeat[] = [{ matchId: 'm1', code: 'ABC234', seat: 'armenia', name: 'Ani', at: 1 }];
    const forget = vi.fn();
    const onResume = vi.fn();
    await act(async () => void game(<ResumeMatches onResume={onResume} disabled={false} />, createGameStore(), { resumable: async () => list, forget }));
    fireEvent.click(screen.getByRole('button', { name: 'Resume as Armenia' }));
    expect(onResume).toHaveBeenCalledWith('m1');
    expect(screen.getByTestId('resume').textContent).toContain('ABC234');
    fireEvent.click(screen.getByRole('button', { name: 'Forget it' }));
    expect(forget).toHaveBeenCalledWith('m1');
    expect(screen.queryByTestId('resume')).toBeNull();
  });
});

describe('the join sheet', () => {
  it('points every link and QR code at the address phones reach, says which, and prints each seat’s key', () => {
    const info: SessionInfo = {
      sessionId: 's1',
      name: 'Year 12',
      scenario: 'august-2022',
      createdAt: 0,
      seed: 1,
      timers: {} as SessionInfo['timers'],
      limits: { maxPauses: 3, maxExtensionSeconds: 600 },
      passphrase: false,
      rooms: [{ matchId: 'm1', code: 'ABC234', label: 'Room 1', forkOf: null, createdAt: 0, ended: null, seats, keys: { armenia: 'AAAAABBBBBCCCCCDDDDD', azerbaijan: 'EEEEEFFFFFGGGGGHHHHH' } }],
      joinAddress: { url: 'http://192.168.1.23:2567', source: 'lan' },
    };
    const ctx = { session: 's1', api: {} as FacilitatorApi, info, overview: null, refreshInfo: vi.fn(), refreshOverview: vi.fn(), report: vi.fn(), roomLabel: () => 'Room 1' } as ConsoleCtx;
    render(
      <I18nextProvider i18n={i18n()}>
        <ConsoleContext.Provider value={ctx}>
          <JoinSheet />
        </ConsoleContext.Provider>
      </I18nextProvider>,
    );
    expect(screen.getByTestId('sheet-address').textContent).toMatch(/http:\/\/192\.168\.1\.23:2567: this server on the local network/);
    const links = screen.getAllByTestId('seat-link').map((a) => a.getAttribute('href'));
    expect(links).toEqual([joinLink('http://192.168.1.23:2567', 'ABC234', 'armenia', 'AAAAABBBBBCCCCCDDDDD'), joinLink('http://192.168.1.23:2567', 'ABC234', 'azerbaijan', 'EEEEEFFFFFGGGGGHHHHH')]);
    expect(screen.getAllByTestId('seat-key').map((k) => k.textContent)).toEqual(['AAAAA-BBBBB-CCCCC-DDDDD', 'EEEEE-FFFFF-GGGGG-HHHHH']);
    expect(screen.getByRole('img', { name: 'QR code to join Room 1 as Armenia' })).toBeTruthy();
  });
});
