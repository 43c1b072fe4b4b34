// @vitest-environment happy-dom
// Words that say exactly what happened: a demand imposed by force says so, a demand's later lines
// name it, the round report's map lines say only what changed and its displaced add up, another
// seat's private lines are told in the third person, war says it ends the match and when, and the
// match's code is on screen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act as flush, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { advancePhase, viewFor, type Match } from '../../shared/engine/index.js';
import type { MatchEvent, Seat } from '../../shared/engine/types.js';
import { createI18n } from '../../client/i18n.js';
import { createGameStore } from '../../client/store/game.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { describeEvent, namer } from '../../client/ui/names.js';
import { Demands } from '../../client/ui/play/Demands.js';
import { NewsLog } from '../../client/ui/play/NewsLog.js';
import { PhaseBar, WarWarning } from '../../client/ui/play/PhaseBar.js';
import { RoundReport } from '../../client/ui/play/RoundReport.js';
import { displacedLine, mapChanges } from '../../client/ui/play/reportLines.js';
import { warRoundsLeft } from '../../client/ui/war.js';
import { act, matchAt, scenario, withDemand } from './fixtures.js';

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  expect([...missing]).toEqual([]);
  missing.clear();
});
const i18n = createI18n('en', (k) => missing.add(k));
const t = i18n.t.bind(i18n);

function mount(m: Match, seat: Seat, ui: ReactNode, before?: Match) {
  const store = createGameStore();
  store.getState().setScenario(scenario);
  store.getState().setSession({ matchId: 'm1', code: 'QX7R2K', seat, name: 'Ani' });
  if (before) store.getState().receiveView(viewFor(before, seat));
  store.getState().receiveView(viewFor(m, seat));
  const intents = { act: vi.fn(async () => true), chat: vi.fn(), control: vi.fn() } as never;
  render(
    <I18nextProvider i18n={i18n}>
      <GameProvider store={store} intents={intents}>
        {ui}
      </GameProvider>
    </I18nextProvider>,
  );
  return store;
}

/** Round 1 up to resolution: Armenia refuses Azerbaijan's demand and Azerbaijan presses by force, for a seed where it prevails. */
function imposedByForce(): { before: Match; after: Match } {
  for (let seed = 1; seed < 80; seed++) {
    let m = advancePhase(withDemand(seed)).match;
    m = act(m, 'armenia', { type: 'respond', demand: m.demands[0].id, answer: 'refuse' });
    m = advancePhase(m).match;
    m = act(m, 'azerbaijan', { type: 'chooseEscalation', demand: m.demands[0].id, escalate: true });
    const after = advancePhase(advancePhase(m).match).match; // resolution, then report
    if (after.events.some((e) => e.key === 'demand.coerced')) return { before: m, after };
  }
  throw new Error('no seed where the escalation prevails');
}

describe('a demand imposed by force', () => {
  it('is listed under earlier demands as imposed by force, not accepted', () => {
    const { after } = imposedByForce();
    expect(after.demands[0].status).toBe('imposed'); // the engine records it as imposed
    mount(after, 'armenia', <Demands />);
    const line = document.querySelector('.past-demands li')!;
    expect(line.textContent).toContain('imposed by force');
    expect(line.textContent).not.toContain('accepted');
  });

  it('a demand accepted at the table is still "accepted"', () => {
    let m = advancePhase(withDemand()).match;
    m = act(m, 'armenia', { type: 'respond', demand: m.demands[0].id, answer: 'accept' });
    m = advancePhase(advancePhase(advancePhase(m).match).match).match;
    mount(m, 'armenia', <Demands />);
    expect(document.querySelector('.past-demands li')!.textContent).toMatch(/— accepted$/);
  });

  it('the round report adds up the displaced: the fighting and the terms, region by region', () => {
    const { before, after } = imposedByForce();
    const b = viewFor(before, 'armenia');
    const a = viewFor(after, 'armenia');
    const n = namer(scenario, t, 'en');
    const lines = mapChanges(b, a, t as never, n, 'en');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.text).not.toMatch(/(\w[\w ]*) → \1/);
    const total = Object.keys(a.regions).reduce((s, id) => s + Math.max(0, a.regions[id].displaced - b.regions[id].displaced), 0);
    const fighting = Number(after.events.find((e) => e.key === 'escalation.success')!.params.displaced);
    const line = displacedLine(b, a, fighting, t as never, 'en')!;
    expect(line).toContain(total.toLocaleString('en'));
    if (fighting > 0 && fighting < total) expect(line).toContain(`${fighting.toLocaleString('en')} by the fighting, ${(total - fighting).toLocaleString('en')} as demands took effect`);
    // And the resolution line says whose the figure is: the fighting's.
    const esc = after.events.find((e) => e.key === 'escalation.success')!;
    expect(describeEvent(esc, scenario, t, 'en')).toContain(`people displaced by the fighting: ${fighting.toLocaleString("en")}`);
  });

  it('the report shows no change where nothing changed hands', () => {
    const { before, after } = imposedByForce();
    const a = viewFor(after, 'armenia');
    const b = viewFor(before, 'armenia');
    // Only people displaced in a region Armenia keeps: no "Armenia → Armenia".
    const id = Object.keys(a.regions).find((r) => a.regions[r].controller === 'armenia')!;
    const moved = { ...b, regions: { ...b.regions, [id]: { ...b.regions[id], displaced: b.regions[id].displaced - 1200 } } };
    const sameHands = { ...a, regions: { ...a.regions, [id]: { ...a.regions[id], controller: b.regions[id].controller } } };
    const lines = mapChanges(moved, sameHands, t as never, namer(scenario, t, 'en'), 'en').find((l) => l.region === id)!;
    expect(lines.text).toBe(`${namer(scenario, t, 'en').region(id)}: 1,200 more people displaced`);
  });

  it('renders the report with the totals, every line named', () => {
    const { before, after } = imposedByForce();
    const store = mount(before, 'armenia', <RoundReport />);
    flush(() => store.getState().receiveView(viewFor(advancePhase(before).match, 'armenia')));
    flush(() => store.getState().receiveView(viewFor(after, 'armenia')));
    const report = screen.getByTestId('round-report').textContent!;
    expect(report).toContain('In all,');
    expect(report).toContain('now held by Azerbaijan');
    expect(report).not.toMatch(/\bd\d+\b/);
  });
});

describe("a demand's later lines", () => {
  it('name the demand when it expires unanswered, not its id', () => {
    const m = advancePhase(advancePhase(advancePhase(withDemand()).match).match).match; // negotiation → response → resolution
    const expired = m.events.find((e) => e.key === 'demand.expired')!;
    expect(expired.params).not.toHaveProperty('demand');
    mount(m, 'armenia', <NewsLog />);
    const log = screen.getByTestId('news-log').textContent!;
    const title = scenario.demands.find((d) => d.id === m.demands[0].def)!.title.en;
    expect(log).toContain(`The deadline passed without an answer: ${title}.`);
    expect(log).not.toMatch(/answer: d\d+/);
  });

  it('quote a demand in the issuer’s own words', () => {
    let m = matchAt('demands');
    m = act(m, 'azerbaijan', { type: 'issueDemand', demand: null, text: 'Open the road to Nakhchivan', deadline: 0 });
    m = advancePhase(advancePhase(advancePhase(m).match).match).match;
    const expired = m.events.find((e) => e.key === 'demand.expired')!;
    expect(describeEvent(expired, scenario, t, 'en', { seat: 'armenia', demands: m.demands })).toBe('The deadline passed without an answer: Open the road to Nakhchivan.');
  });
});

describe('private lines read by someone else', () => {
  const choice: MatchEvent = { round: 1, phase: 'response', key: 'escalation.chosen', params: { id: 'd1', region: 'berdzor' }, to: ['azerbaijan'] };
  const plan: MatchEvent = { round: 1, phase: 'planning', key: 'plan.saved', params: { cost: 30 }, to: ['azerbaijan'] };

  it('are in the second person for their own seat', () => {
    expect(describeEvent(choice, scenario, t, 'en', { seat: 'azerbaijan' })).toBe('You will press Berdzor/Lachin by force at resolution.');
  });

  it('name the seat in the debrief and for the facilitator', () => {
    for (const seat of ['armenia', 'facilitator', 'eu'] as const) {
      expect(describeEvent(choice, scenario, t, 'en', { seat })).toBe('Azerbaijan chooses to press Berdzor/Lachin by force at resolution.');
      expect(describeEvent(plan, scenario, t, 'en', { seat })).toBe('Azerbaijan saves its plan: it costs 30.');
    }
  });

  it('every private kind of line has a third-person form', () => {
    const privateKeys = ['plan.saved', 'escalation.chosen', 'escalation.stoodDown', 'intel.estimate', 'intel.mediator', 'delivery.arrived', 'delivery.failed'];
    for (const key of privateKeys) expect(i18n.exists(`eventAbout.${key}`), key).toBe(true);
  });
});

describe('war and the match code on screen', () => {
  const history = (levels: number[]) => levels.map((escalation, i) => ({ round: i, escalation }) as never);

  it('counts the resolutions left at war level', () => {
    expect(warRoundsLeft({ escalation: 3, history: history([2, 3]) }, scenario)).toBeNull();
    expect(warRoundsLeft({ escalation: 4, history: history([2, 3]) }, scenario)).toBe(scenario.escalation.warRounds);
    expect(warRoundsLeft({ escalation: 4, history: history([2, 3, 4]) }, scenario)).toBe(scenario.escalation.warRounds - 1);
    // Round 0 (the start) is not a resolution.
    expect(warRoundsLeft({ escalation: 4, history: history([4]) }, scenario)).toBe(scenario.escalation.warRounds);
  });

  it('says on screen that war ends the match, and after how many rounds', () => {
    const m0 = matchAt('planning');
    const m: Match = { ...m0, escalation: 4, history: [...m0.history, { ...m0.history[m0.history.length - 1], round: 1, escalation: 4 }] };
    mount(m, 'armenia', <WarWarning />);
    const left = scenario.escalation.warRounds - 1;
    expect(screen.getByTestId('war-warning').textContent).toBe(
      left === 1 ? 'War. If fighting is still at this level after the next resolution, the match ends in war. A round without force lowers it.' : expect.stringContaining(`${left} more resolutions`),
    );
  });

  it('no warning below war level; the phase bar shows the level out of the scale and the code', () => {
    mount(matchAt('planning'), 'armenia', <><PhaseBar /><WarWarning /></>);
    expect(screen.queryByTestId('war-warning')).toBeNull();
    expect(screen.getByTestId('escalation').textContent).toMatch(/^Escalation \d\/4 · /);
    expect(screen.getByTestId('match-code').textContent).toBe('Code QX7R2K');
  });
});
