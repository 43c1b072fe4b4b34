// advancePhase: the clock of the round. Entering news draws an event and intelligence;
// entering resolution applies every consequence; entering report records the meters.
import { COMPONENTS, PARTIES, PHASES, type Components, type Party } from '../scenario/schema.js';
import { applyEffects } from './effects.js';
import { cloneMatch, draftMatch, finishDraft, shareUnchanged } from './draft.js';
import { emit, meters, otherParty } from './match.js';
import { centred, round1 } from './maths.js';
import { timesIssued } from './queries.js';
import { effectiveStrength } from './military.js';
import { random, weightedPick } from './rng.js';
import { resolveRound } from './resolve.js';
import { finishMatch } from './score.js';
import type { Intel, Match, MatchEvent } from './types.js';

export interface AdvanceResult {
  match: Match;
  events: MatchEvent[];
}

/** Move to the next phase (a timer ran out, every seat was done, or the facilitator said so). */
export function advancePhase(match: Match): AdvanceResult {
  if (match.ended) return { match, events: [] };
  // A whole copy to enter a new round or the resolution, which touch most fields; a draft (which
  // copies only the fields it is asked for) to enter any other phase, which touches a few. Either
  // way the new match keeps the old one's object for every field that holds the same data.
  const whole = match.phase === 'report' || match.phase === 'response';
  const d = whole ? cloneMatch(match) : draftMatch(match);
  const before = match.events.length;
  d.log = match.log.concat({ kind: 'advance' });
  enterNextPhase(d);
  const next = whole ? shareUnchanged(match, d) : finishDraft(d);
  return { match: next, events: next.events.slice(before) };
}

/** Mutates a draft: the phase after the current one, with its entry rules. */
export function enterNextPhase(d: Match): void {
  d.done = [];
  const i = PHASES.indexOf(d.phase);
  if (i === PHASES.length - 1) {
    startRound(d, d.round + 1);
    return;
  }
  d.phase = PHASES[i + 1];
  if (d.phase === 'resolution') resolveRound(d);
  else if (d.phase === 'report') {
    d.history.push(meters(d));
    emit(d, 'round.report', { round: d.round });
  }
}

/** Begin a round: expire what ran out, reset budgets, draw news and intelligence. */
export function startRound(d: Match, round: number): void {
  if (round > d.scenario.rounds) {
    finishMatch(d, { kind: 'rounds', round: d.round });
    return;
  }
  d.round = round;
  d.phase = 'news';
  d.instruments = d.instruments.filter((x) => x.until >= round);
  d.modifiers = d.modifiers.filter((x) => x.until >= round);
  d.embargoes = d.embargoes.filter((x) => x.until >= round);
  for (const p of PARTIES) {
    d.parties[p].budget = d.scenario.parties[p].budget;
    d.parties[p].plan = null;
  }
  drawEvent(d);
  for (const p of PARTIES) d.parties[p].intel = estimate(d, otherParty(p));
  for (const m of d.scenario.mediators) {
    emit(d, 'intel.mediator', {
      armenia: resolveWord(d, d.parties.armenia.support),
      azerbaijan: resolveWord(d, d.parties.azerbaijan.support),
      armeniaRedLine: redLine(d, 'armenia'),
      azerbaijanRedLine: redLine(d, 'azerbaijan'),
    }, [m]);
  }
}

function drawEvent(d: Match): void {
  const drawn = new Set(d.events.filter((e) => e.key === 'event.drawn').map((e) => e.params.id));
  const deck = d.scenario.events.filter((e) => e.fromRound <= d.round && (e.untilRound ?? Infinity) >= d.round && !drawn.has(e.id));
  const opening = d.round === 1 ? deck.find((e) => e.id === d.scenario.openingEvent) : undefined;
  const card = opening ?? weightedPick(d, deck, (e) => e.weight);
  if (!card) return;
  applyEffects(d, card.effects);
  emit(d, 'event.drawn', { id: card.id }, card.private.length ? card.private : null);
}

/** An intelligence estimate of `target`: a range around the truth, exact while revealed. */
export function estimate(d: Match, target: Party): Intel {
  const t = d.parties[target];
  const o = d.parties[otherParty(target)];
  const truth = effectiveStrength(d.scenario, t, o, target === 'azerbaijan' ? d.turkishBacking : 1);
  const exact = t.revealed >= d.round;
  const haze = d.scenario.intel;
  const spread = exact ? 0 : haze.spread.min + haze.spread.range * random(d);
  const bias = exact ? 1 : 1 + centred(random(d)) * haze.bias;
  const components = {} as Record<keyof Components, [number, number]>;
  for (const c of COMPONENTS) components[c] = hazed(t.strength[c], bias, spread);
  // Deliveries on order: a count seen through the same haze.
  const onOrder = t.pipeline.length;
  const slack = haze.ordersSlack;
  const orders: [number, number] = exact ? [onOrder, onOrder] : [Math.max(0, Math.floor(onOrder * (1 - spread) - slack)), Math.ceil(onOrder * (1 + spread) + slack)];
  const effective = hazed(truth, bias, spread);
  emit(d, 'intel.estimate', { of: target, low: effective[0], high: effective[1], exact: exact ? 1 : 0, ordersLow: orders[0], ordersHigh: orders[1] }, [otherParty(target)]);
  return { round: d.round, effective, components, orders };
}

/** A figure as an estimate shows it: a range around it, moved by the estimate's bias and widened by its spread. */
const hazed = (x: number, bias: number, spread: number): [number, number] => [round1(x * bias * (1 - spread)), round1(x * bias * (1 + spread))];

/** What a mediator reads as a party's red line: the heaviest demand it could still be asked to accept. */
function redLine(d: Match, party: Party): string {
  const against = d.scenario.demands.filter((x) => x.from !== party && timesIssued(d, x.id) < x.repeats);
  return against.reduce<(typeof against)[number] | undefined>((a, b) => (!a || b.weight > a.weight ? b : a), undefined)?.id ?? '';
}

function resolveWord(d: Match, support: number): string {
  const w = d.scenario.intel.resolveWords;
  return support >= w.firm ? 'firm' : support >= w.steady ? 'steady' : 'wavering';
}
