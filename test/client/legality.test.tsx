// @vitest-environment happy-dom
// The panels ask the engine: over seeded bot games, every action button of the demands, treaty and
// planning panels is enabled exactly when checkAction accepts what it would send, and what an
// enabled button sends is accepted by applyAction on the real match.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { applyAction, checkAction, demandOptions, playingSeats, viewFor, type Action, type Match } from '../../shared/engine/index.js';
import { botActions } from '../../shared/bots/index.js';
import { playMatch } from '../../shared/sim/play.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { createI18n } from '../../client/i18n.js';
import { createGameStore } from '../../client/store/game.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { Demands } from '../../client/ui/play/Demands.js';
import { Planning } from '../../client/ui/play/Planning.js';
import { Treaty } from '../../client/ui/play/Treaty.js';
import { act, matchAt, scenario } from './fixtures.js';

afterEach(cleanup);

/** Matches at many points of bot games: before every `every`-th bot turn (5 is prime to the 24 turns of a round, so every phase comes up). */
function tables(seeds: number[], every: number): Match[] {
  const out: Match[] = [];
  let n = 0;
  for (const seed of seeds) {
    playMatch(scenario, seed, {}, (m, seat) => {
      if (n++ % every === 0) out.push(m);
      return botActions(m, seat);
    });
  }
  return out;
}

function mount(m: Match, seat: PlayingSeat, ui: ReactNode) {
  const store = createGameStore();
  store.getState().setScenario(scenario);
  store.getState().setSession({ matchId: 'm1', code: 'ABCDEF', seat, name: 'Ani' });
  store.getState().receiveView(viewFor(m, seat));
  const act = vi.fn(async () => true);
  const intents = { act, chat: vi.fn(), control: vi.fn() } as never;
  const { container } = render(
    <I18nextProvider i18n={createI18n('en')}>
      <GameProvider store={store} intents={intents}>
        {ui}
      </GameProvider>
    </I18nextProvider>,
  );
  return { container, act, view: viewFor(m, seat) };
}

const button = (root: Element, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);

describe('panels enable what the engine accepts', () => {
  const points = tables([1, 2], 5);
  const seats = playingSeats(scenario);
  let checked = 0;
  let enabled = 0;

  /** The button is enabled exactly when the engine accepts `action`; clicked, it sends something the match accepts. */
  function expectEngine(m: Match, seat: PlayingSeat, b: HTMLButtonElement | undefined, action: Action, act: ReturnType<typeof vi.fn>) {
    if (!b) return;
    const refusal = checkAction(viewFor(m, seat), scenario, seat, action);
    expect({ action, disabled: b.disabled }).toEqual({ action, disabled: refusal !== null });
    if (!b.disabled) {
      enabled++;
      act.mockClear();
      fireEvent.click(b);
      const [sent] = act.mock.calls[0] as [Action];
      expect(applyAction(m, seat, sent)).toMatchObject({ ok: true });
    }
    checked++;
  }

  it('has views at many points of several games', () => {
    expect(points.length).toBeGreaterThan(40);
    expect(new Set(points.map((m) => m.phase)).size).toBeGreaterThanOrEqual(4); // the phases bots act in
  });

  it('demands: answers, the choice after a refusal, issuing', () => {
    for (const m of points) {
      for (const seat of seats.filter((s) => s === 'armenia' || s === 'azerbaijan')) {
        const { container, act, view } = mount(m, seat, <Demands />);
        for (const d of view.demands) {
          const card = container.querySelector(`article[data-demand="${d.id}"]`);
          if (!card) continue;
          expectEngine(m, seat, button(card, 'Accept'), { type: 'respond', demand: d.id, answer: 'accept' }, act);
          expectEngine(m, seat, button(card, 'Refuse'), { type: 'respond', demand: d.id, answer: 'refuse' }, act);
          expectEngine(m, seat, button(card, 'Stand down'), { type: 'chooseEscalation', demand: d.id, escalate: false }, act);
        }
        const options = demandOptions(view, scenario);
        for (const o of options) {
          const el = container.querySelector<HTMLOptionElement>(`option[value="${o.id}"]`)!;
          expect(el.disabled).toBe(o.blocks.some((b) => b !== 'wrong_phase'));
        }
        const issue = container.querySelector<HTMLButtonElement>('[data-testid=issue-demand]')!;
        const first = options.find((o) => o.refusal === null);
        expectEngine(m, seat, issue, { type: 'issueDemand', demand: first?.id ?? options[0].id, deadline: 0 }, act);
        cleanup();
      }
    }
  });

  it('treaty: sign, withdraw, instruments', () => {
    for (const m of points) {
      for (const seat of seats) {
        const { container, act, view } = mount(m, seat, <Treaty />);
        for (const p of view.proposals) {
          const card = container.querySelector(`article[data-proposal="${p.id}"]`);
          if (!card) continue;
          expectEngine(m, seat, button(card, 'Sign'), { type: 'sign', proposal: p.id }, act);
          expectEngine(m, seat, button(card, 'Withdraw'), { type: 'withdrawProposal', proposal: p.id }, act);
        }
        for (const x of scenario.instruments) {
          const row = container.querySelector(`li[data-instrument="${x.id}"]`);
          if (row) expectEngine(m, seat, row.querySelector('button')!, { type: 'useInstrument', instrument: x.id }, act);
        }
        cleanup();
      }
    }
  });

  it('planning: the saved plan (or none) may be saved exactly when the engine takes it', () => {
    for (const m of points) {
      for (const seat of seats.filter((s) => s === 'armenia' || s === 'azerbaijan')) {
        const { container, act } = mount(m, seat, <Planning />);
        const plan = m.parties[seat].plan;
        const action: Action = { type: 'plan', procure: plan?.procure ?? [], reform: plan?.reform ?? 0, diplomacy: plan?.diplomacy ?? 0, prepareEscalation: plan?.prepareEscalation ?? null };
        expectEngine(m, seat, container.querySelector<HTMLButtonElement>('[data-testid=submit-plan]')!, action, act);
        cleanup();
      }
    }
  });

  it('planning: an item under embargo cannot be ordered, with the engine’s reason', () => {
    const m0 = matchAt('planning');
    const item = scenario.procurement.find((p) => p.buyers.includes('armenia') && p.supplier !== 'domestic')!;
    const m: Match = { ...m0, embargoes: [{ supplier: item.supplier, until: m0.round }] };
    const { container } = mount(m, 'armenia', <Planning />);
    const row = container.querySelector(`tr[data-item="${item.id}"]`)!;
    expect(button(row, '+')!.disabled).toBe(true);
    expect(row.querySelector('[data-testid=why-not]')!.textContent).toContain(`supplier ${item.supplier} is under embargo`);
    const other = container.querySelector(`tr[data-item="arm-local-drones"]`)!;
    expect(button(other, '+')!.disabled).toBe(false);
  });

  it('treaty: one summit a round, as the server rules', () => {
    const m = act(matchAt('planning'), 'russia', { type: 'useInstrument', instrument: 'summit-moscow' });
    const { container } = mount(m, 'eu', <Treaty />);
    const summit = container.querySelector('li[data-instrument="summit-brussels"]')!;
    expect(summit.querySelector('button')!.disabled).toBe(true);
    expect(summit.textContent).toContain('a summit is already convened this round');
    expect(container.querySelector<HTMLButtonElement>('li[data-instrument="border-commission"] button')!.disabled).toBe(false);
  });

  it('demands: deadlines up to the scenario’s, and a demand in one’s own words needs its text', () => {
    const { container } = mount(matchAt('demands'), 'armenia', <Demands />);
    const deadline = [...container.querySelectorAll('select')].find((x) => x.querySelector('option[value="0"]') && !x.querySelector('option[value=""]'))!;
    expect(deadline.options.length).toBe(scenario.demandRules.maxDeadline + 1);
    fireEvent.change(container.querySelector('[data-testid=demand-select]')!, { target: { value: '' } });
    const issue = container.querySelector<HTMLButtonElement>('[data-testid=issue-demand]')!;
    expect(issue.disabled).toBe(true);
    fireEvent.change(container.querySelector('textarea')!, { target: { value: 'Open the Lachin road' } });
    expect(issue.disabled).toBe(false);
  });

  it('checked many buttons', () => {
    expect(checked).toBeGreaterThan(300);
    expect(enabled).toBeGreaterThan(50);
  });
});
