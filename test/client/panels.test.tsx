// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act as flush, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { advancePhase, viewFor, type Match } from '../../shared/engine/index.js';
import type { Seat } from '../../shared/engine/types.js';
import { createI18n } from '../../client/i18n.js';
import { createGameStore } from '../../client/store/game.js';
import type { Intents } from '../../client/net/intents.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { Demands } from '../../client/ui/play/Demands.js';
import { Meters } from '../../client/ui/play/Meters.js';
import { Chat } from '../../client/ui/play/Chat.js';
import { Planning } from '../../client/ui/play/Planning.js';
import { Treaty } from '../../client/ui/play/Treaty.js';
import { NewsLog } from '../../client/ui/play/NewsLog.js';
import { RoundReport } from '../../client/ui/play/RoundReport.js';
import { Toasts } from '../../client/ui/Toasts.js';
import { ACCEPTED_MS, MAX_TOASTS } from '../../client/ui/feedback.js';
import { act, matchAt, scenario, withDemand } from './fixtures.js';

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  expect([...missing]).toEqual([]);
  missing.clear();
});

function fakeIntents(): Intents & { act: ReturnType<typeof vi.fn>; chat: ReturnType<typeof vi.fn> } {
  return {
    listScenarios: vi.fn(async () => []),
    create: vi.fn(),
    join: vi.fn(),
    takeSeat: vi.fn(),
    playNow: vi.fn(),
    act: vi.fn(async () => true),
    chat: vi.fn(async () => true),
    control: vi.fn(async () => true),
    debrief: vi.fn(),
    leave: vi.fn(),
  } as never;
}

function mount(m: Match, seat: Seat, ui: ReactNode) {
  const store = createGameStore();
  store.getState().setScenario(scenario);
  store.getState().setSession({ matchId: 'm1', code: 'ABCDEF', seat, name: 'Ani' });
  store.getState().receiveView(viewFor(m, seat));
  const intents = fakeIntents();
  const i18n = createI18n('en', (k) => missing.add(k));
  render(
    <I18nextProvider i18n={i18n}>
      <GameProvider store={store} intents={intents}>
        {ui}
      </GameProvider>
    </I18nextProvider>,
  );
  return { store, intents };
}

describe('demands panel', () => {
  it('shows the addressee an honest risk preview and sends a refusal', () => {
    const m = advancePhase(withDemand()).match; // negotiation
    const { intents } = mount(m, 'armenia', <Demands />);
    const risk = screen.getByTestId('refuse-risk');
    expect(risk.textContent).toMatch(/Escalation (likely|could|unlikely)/);
    expect(risk.textContent).toMatch(/\d+–\d+%/);
    fireEvent.click(screen.getByTestId('refuse'));
    expect(intents.act).toHaveBeenCalledWith({ type: 'respond', demand: m.demands[0].id, answer: 'refuse' }, 'actions.refuse');
  });

  it('lets the issuer choose escalation after a refusal, in the response phase', () => {
    let m = advancePhase(withDemand()).match;
    m = act(m, 'armenia', { type: 'respond', demand: m.demands[0].id, answer: 'refuse' });
    m = advancePhase(m).match; // response
    const { intents } = mount(m, 'azerbaijan', <Demands />);
    fireEvent.click(screen.getByText('Press by force'));
    expect(intents.act).toHaveBeenCalledWith(expect.objectContaining({ type: 'chooseEscalation', demand: m.demands[0].id, escalate: true }), 'actions.escalate');
  });

  it('issues a catalogue demand with a deadline', () => {
    const m = matchAt('demands');
    const { intents } = mount(m, 'armenia', <Demands />);
    fireEvent.click(screen.getByTestId('issue-demand'));
    const [action] = intents.act.mock.calls[0];
    expect(action).toMatchObject({ type: 'issueDemand', deadline: 0 });
    expect(scenario.demands.find((d) => d.id === action.demand)?.from).toBe('armenia');
  });
});

describe('meters', () => {
  it('shows own strength exactly and the other side as a range, with the gap in words', () => {
    mount(matchAt('planning'), 'armenia', <Meters />);
    expect(screen.getByTestId('gap').textContent).toMatch(/gap|Parity|Reversed/);
    const table = screen.getByRole('table');
    expect(within(table).getByText('(estimate)')).toBeTruthy();
    expect(table.textContent).toMatch(/\d+–\d+/);
    expect(screen.getAllByRole('meter').length).toBeGreaterThan(3);
  });
});

describe('planning', () => {
  it('sums the plan against the budget and sends it', () => {
    const { intents } = mount(matchAt('planning'), 'armenia', <Planning />);
    const item = scenario.procurement.find((p) => p.buyers.includes('armenia'))!;
    fireEvent.click(screen.getByLabelText(`One more: ${item.name.en}`));
    expect(screen.getByTestId('plan-total').textContent).toContain(`Cost ${item.cost} of`);
    fireEvent.click(screen.getByTestId('submit-plan'));
    expect(intents.act).toHaveBeenCalledWith({ type: 'plan', procure: [{ item: item.id, qty: 1 }], reform: 0, diplomacy: 0, prepareEscalation: null }, 'actions.plan');
  });
});

describe('chat', () => {
  it('renders messages as plain text, never HTML', () => {
    const { store } = mount(matchAt('negotiation'), 'armenia', <Chat />);
    flush(() => store.getState().receiveChat({ id: 1, channel: 'table', seat: 'azerbaijan', name: '<b>Elnur</b>', text: '<img src=x onerror="alert(1)"> hello', at: 1 }));
    const log = screen.getByTestId('chat-log');
    expect(log.querySelector('img')).toBeNull();
    expect(log.querySelector('b')).toBeNull();
    expect(log.textContent).toContain('<img src=x onerror="alert(1)"> hello');
    expect(screen.getAllByRole('tab').map((b) => b.getAttribute('data-channel'))).toEqual(['table', 'armenia-azerbaijan', 'armenia-russia', 'armenia-eu']);
  });
});

describe('treaty, news, report, feedback', () => {
  it('lists proposals with signatures and lets a party sign', () => {
    let m = matchAt('negotiation');
    m = act(m, 'eu', { type: 'propose', clauses: scenario.clauses.slice(0, 3).map((c) => c.id) });
    const { intents } = mount(m, 'armenia', <Treaty />);
    expect(screen.getByText(/Armenia not signed/)).toBeTruthy();
    fireEvent.click(screen.getByText('Sign'));
    expect(intents.act).toHaveBeenCalledWith({ type: 'sign', proposal: m.proposals[0].id }, 'actions.sign');
  });

  it('renders every event of a played round without a missing text', () => {
    let m = advancePhase(withDemand()).match;
    m = act(m, 'armenia', { type: 'respond', demand: m.demands[0].id, answer: 'refuse' });
    m = advancePhase(m).match;
    m = act(m, 'azerbaijan', { type: 'chooseEscalation', demand: m.demands[0].id, escalate: true });
    const before = m;
    m = advancePhase(advancePhase(m).match).match;
    const { store } = mount(before, 'armenia', <><NewsLog /><RoundReport /></>);
    flush(() => {
      store.getState().receiveView(viewFor(advancePhase(before).match, 'armenia'));
      store.getState().receiveView(viewFor(m, 'armenia'));
    });
    const log = screen.getByTestId('news-log');
    expect(log.textContent).toMatch(/escalates in/);
    expect(log.textContent).not.toMatch(/\bevent\.|\{\{/);
    expect(screen.getByTestId('round-report').textContent).toMatch(/Before and after/);
  });

  it('lets each accepted toast go after its own time, and shows at most a few', () => {
    vi.useFakeTimers();
    try {
      const { store } = mount(matchAt('planning'), 'armenia', <Toasts />);
      const accept = () =>
        flush(() => {
          const id = store.getState().startPending('actions.plan');
          store.getState().settlePending(id, true);
        });
      accept();
      // Later actions keep coming faster than the timeout: the first toast still goes on time.
      for (let i = 0; i < 5; i++) {
        flush(() => void vi.advanceTimersByTime(ACCEPTED_MS / 4));
        accept();
      }
      expect(document.querySelectorAll('.toast').length).toBeLessThanOrEqual(MAX_TOASTS);
      flush(() => void vi.advanceTimersByTime(ACCEPTED_MS / 4));
      const left = store.getState().pending.length;
      expect(left).toBeLessThan(6);
      expect(left).toBeGreaterThan(0);
      flush(() => void vi.advanceTimersByTime(ACCEPTED_MS));
      expect(store.getState().pending).toEqual([]);
      expect(document.querySelectorAll('.toast').length).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a refusal with the server’s reason', () => {
    const { store } = mount(matchAt('planning'), 'armenia', <Toasts />);
    flush(() => {
      const id = store.getState().startPending('actions.plan');
      store.getState().settlePending(id, false, 'over_budget', 'the plan costs 12 but the budget is 8');
    });
    const toast = document.querySelector('[data-status=refused]')!;
    expect(toast.textContent).toContain('over budget');
    expect(toast.textContent).toContain('the plan costs 12 but the budget is 8');
  });
});
