import { describe, expect, it } from 'vitest';
import { applyAction, viewFor } from '../../shared/engine/index.js';
import { act, newMatch, noPlan, refused, strip, toPhase } from './helpers.js';

const demand = (id: string | null, extra = {}) => ({ type: 'issueDemand', demand: id, deadline: 0, ...extra });

describe('applyAction refuses with a reason and changes nothing', () => {
  const m = newMatch();

  it('malformed actions', () => {
    refused(m, 'armenia', { type: 'fly' }, 'bad_action');
    refused(m, 'armenia', null, 'bad_action');
    refused(m, 'armenia', { type: 'plan', procure: 'all' }, 'bad_action');
    refused(m, 'armenia', { type: 'issueDemand', demand: 'x'.repeat(100), deadline: 0 }, 'bad_action');
    refused(m, 'armenia', { ...noPlan, extra: 1 }, 'bad_action');
  });

  it('wrong seat', () => {
    const p = toPhase(m, 'planning');
    refused(p, 'russia', noPlan, 'wrong_seat');
    refused(p, 'spectator', noPlan, 'wrong_seat');
    refused(p, 'facilitator', noPlan, 'wrong_seat');
    refused(p, 'armenia', { type: 'endMatch' }, 'wrong_seat');
    refused(p, 'armenia', { type: 'useInstrument', instrument: 'summit-moscow' }, 'wrong_seat');
  });

  it('wrong phase', () => {
    refused(m, 'armenia', noPlan, 'wrong_phase');
    refused(toPhase(m, 'planning'), 'azerbaijan', demand('lachin-handover'), 'wrong_phase');
  });

  it('done for a phase that has ended (a press that crossed the timer): refused, the next phase is not ended', () => {
    const news = toPhase(m, 'news', 2);
    const planning = toPhase(news, 'planning', 2);
    refused(planning, 'armenia', { type: 'done', round: 2, phase: 'news' }, 'wrong_phase');
    refused(planning, 'armenia', { type: 'done', round: 1, phase: 'planning' }, 'wrong_phase');
    refused(planning, 'armenia', { type: 'done', phase: 'news' }, 'wrong_phase');
    const r = applyAction(planning, 'armenia', { type: 'done', round: 2, phase: 'news' });
    expect(!r.ok && r.params).toEqual({ why: 'ended', phase: 'planning', round: 2 });
    // The press meant for this phase, and an untagged one (bots, older clients), count.
    expect(act(planning, 'armenia', { type: 'done', round: 2, phase: 'planning' }).done).toEqual(['armenia']);
    expect(act(planning, 'armenia', { type: 'done' }).done).toEqual(['armenia']);
    refused(planning, 'armenia', { type: 'done', round: 0, phase: 'planning' }, 'bad_action');
    refused(planning, 'armenia', { type: 'done', round: 2, phase: 'lunch' }, 'bad_action');
  });

  it('planning: over budget, unknown item, items of the other side, unknown region', () => {
    const p = toPhase(m, 'planning');
    const budget = p.parties.armenia.budget;
    refused(p, 'armenia', { ...noPlan, diplomacy: budget + 1 }, 'over_budget');
    refused(p, 'armenia', { ...noPlan, procure: [{ item: 'arm-srbm', qty: 10 }] }, 'over_budget');
    refused(p, 'armenia', { ...noPlan, procure: [{ item: 'no-such', qty: 1 }] }, 'unknown_item');
    refused(p, 'armenia', { ...noPlan, procure: [{ item: 'aze-drones', qty: 1 }] }, 'not_allowed');
    refused(p, 'azerbaijan', { ...noPlan, prepareEscalation: 'atlantis' }, 'unknown_region');
    refused(p, 'azerbaijan', { ...noPlan, prepareEscalation: 'georgia' }, 'not_allowed');
  });

  it('demands: unknown, other side’s, repeats used up, custom without text', () => {
    const d = toPhase(m, 'demands');
    refused(d, 'azerbaijan', demand('no-such'), 'unknown_demand');
    refused(d, 'azerbaijan', demand('return-detainees'), 'not_allowed');
    refused(d, 'azerbaijan', demand(null), 'bad_action');
    const once = act(d, 'azerbaijan', demand('lachin-handover'));
    refused(once, 'azerbaijan', demand('lachin-handover'), 'no_repeats_left');
    const section = act(d, 'azerbaijan', demand('border-delimitation'));
    refused(section, 'azerbaijan', demand('border-delimitation'), 'not_allowed');
    const n = toPhase(once, 'demands', 2);
    refused(n, 'azerbaijan', demand('lachin-handover'), 'no_repeats_left');
  });

  it('responses: only the addressee, only once', () => {
    let d = act(toPhase(m, 'demands'), 'azerbaijan', demand('lachin-handover'));
    d = toPhase(d, 'response');
    const id = d.demands[0].id;
    refused(d, 'azerbaijan', { type: 'respond', demand: id, answer: 'accept' }, 'not_addressee');
    refused(d, 'armenia', { type: 'respond', demand: 'd999', answer: 'accept' }, 'unknown_demand');
    refused(d, 'armenia', { type: 'respond', demand: id, answer: 'accept', clauses: ['detainees'] }, 'bad_action');
    refused(d, 'armenia', { type: 'respond', demand: id, answer: 'counter', clauses: ['nope', 'detainees', 'no-claims'] }, 'unknown_clause');
    const a = act(d, 'armenia', { type: 'respond', demand: id, answer: 'refuse' });
    refused(a, 'armenia', { type: 'respond', demand: id, answer: 'accept' }, 'already_answered');
    refused(a, 'armenia', { type: 'chooseEscalation', demand: id, escalate: true }, 'not_allowed');
    refused(a, 'azerbaijan', { type: 'chooseEscalation', demand: id, escalate: true, region: 'atlantis' }, 'unknown_region');
    const c = act(a, 'azerbaijan', { type: 'chooseEscalation', demand: id, escalate: false });
    refused(c, 'azerbaijan', { type: 'chooseEscalation', demand: id, escalate: true }, 'already_answered');
  });

  it('proposals and instruments', () => {
    const n = toPhase(m, 'negotiation');
    refused(n, 'eu', { type: 'propose', clauses: ['detainees'] }, 'not_allowed');
    refused(n, 'eu', { type: 'propose', clauses: ['detainees', 'detainees', 'no-claims'] }, 'bad_action');
    refused(n, 'armenia', { type: 'sign', proposal: 'p404' }, 'unknown_proposal');
    refused(n, 'eu', { type: 'useInstrument', instrument: 'summit-moscow' }, 'not_allowed');
    refused(n, 'eu', { type: 'useInstrument', instrument: 'no-such' }, 'unknown_instrument');
    const poor = { ...n, mediators: { ...n.mediators, eu: { prestige: 1 } } };
    refused(poor, 'eu', { type: 'useInstrument', instrument: 'summit-brussels' }, 'not_enough_prestige');
    const s = act(n, 'eu', { type: 'useInstrument', instrument: 'summit-brussels' });
    refused(s, 'russia', { type: 'useInstrument', instrument: 'summit-moscow' }, 'not_allowed');
    refused(s, 'eu', { type: 'useInstrument', instrument: 'summit-brussels' }, 'not_allowed');
    const p = act(s, 'eu', { type: 'propose', clauses: ['detainees', 'no-claims', 'missing-persons'] });
    refused(p, 'russia', { type: 'withdrawProposal', proposal: p.proposals[0].id }, 'not_allowed');
    refused(p, 'russia', { type: 'sign', proposal: p.proposals[0].id }, 'wrong_seat');
  });

  it('after the end nothing is accepted', () => {
    const e = act(m, 'facilitator', { type: 'endMatch' });
    expect(e.ended?.kind).toBe('stopped');
    refused(e, 'facilitator', { type: 'endMatch' }, 'match_over');
  });
});

describe('accepted actions', () => {
  it('never modify the match they were given, and are logged', () => {
    const m = toPhase(newMatch(), 'planning');
    const before = JSON.stringify(strip(m));
    const r = applyAction(m, 'armenia', { ...noPlan, procure: [{ item: 'arm-local-drones', qty: 2 }] });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(strip(m))).toBe(before);
    if (r.ok) {
      expect(r.match.log.at(-1)).toEqual({ kind: 'action', seat: 'armenia', action: { ...noPlan, procure: [{ item: 'arm-local-drones', qty: 2 }] } });
      expect(r.events.map((e) => e.key)).toEqual(['plan.saved']);
      expect(r.events[0].to).toEqual(['armenia']);
    }
  });

  it('a proposal under a summit carries the host’s auspices; a party that proposes has signed', () => {
    let m = toPhase(newMatch(), 'negotiation');
    m = act(m, 'russia', { type: 'useInstrument', instrument: 'summit-sochi' });
    m = act(m, 'armenia', { type: 'propose', clauses: ['detainees', 'missing-persons', 'border-commission'] });
    expect(m.proposals[0]).toMatchObject({ auspices: 'russia', signed: ['armenia'], status: 'open' });
    expect(m.mediators.russia!.prestige).toBe(newMatch().mediators.russia!.prestige - 5);
  });

  it('both signatures conclude a settlement that ends the match', () => {
    let m = toPhase(newMatch(), 'negotiation');
    m = act(m, 'eu', { type: 'propose', clauses: ['mutual-recognition', 'karabakh-rights', 'border-commission', 'detainees'] });
    const id = m.proposals[0].id;
    m = act(m, 'armenia', { type: 'sign', proposal: id });
    expect(m.ended).toBeNull();
    m = act(m, 'azerbaijan', { type: 'sign', proposal: id });
    expect(m.ended?.kind).toBe('settlement');
    expect(m.settlement).toMatchObject({ proposal: id, auspices: 'eu' });
    expect(m.settlement!.durability).toBeGreaterThan(0);
    expect(m.escalation).toBe(0);
    expect(m.regions.stepanakert.tension).toBeLessThan(newMatch().regions.stepanakert.tension);
  });

  it('a counter-proposal creates a package from the addressee', () => {
    let m = act(toPhase(newMatch(), 'demands'), 'azerbaijan', demand('route-through-syunik'));
    m = act(toPhase(m, 'response'), 'armenia', { type: 'respond', demand: m.demands[0].id, answer: 'counter', clauses: ['communications-sovereignty', 'border-commission', 'detainees'] });
    expect(m.demands[0].status).toBe('countered');
    expect(m.proposals[0]).toMatchObject({ id: m.demands[0].counter, by: 'armenia', signed: ['armenia'] });
  });

  it('a custom demand in the issuer’s own words', () => {
    const m = act(toPhase(newMatch(), 'demands'), 'armenia', demand(null, { text: 'Open the Lachin road to trucks every day.', stakes: 'We go to the UN.' }));
    expect(m.demands[0]).toMatchObject({ def: null, text: 'Open the Lachin road to trucks every day.', to: 'azerbaijan', stakes: 'We go to the UN.' });
  });

  it('facilitator: inject a deck event, a custom event, swap a seat to a bot', () => {
    let m = newMatch();
    const card = m.scenario.events[0];
    m = act(m, 'facilitator', { type: 'injectEvent', event: card.id });
    expect(m.events.at(-1)).toMatchObject({ key: 'event.drawn', params: { id: card.id } });
    const before = m.stability;
    m = act(m, 'facilitator', { type: 'injectEvent', custom: { headline: { en: 'Storm' }, text: { en: 'Roads closed.' }, effects: { stability: -7 } } });
    expect(m.stability).toBe(before - 7);
    expect(m.events.at(-1)).toMatchObject({ key: 'event.custom', params: { headline: 'Storm' }, to: null });
    refused(m, 'facilitator', { type: 'injectEvent', event: 'no-such' }, 'unknown_event');
    refused(m, 'facilitator', { type: 'injectEvent', custom: { headline: { en: 'x' }, text: { en: 'y' }, effects: { tension: { atlantis: 5 } } } }, 'unknown_region');
    refused(m, 'facilitator', { type: 'injectEvent' }, 'bad_action');
    m = act(m, 'facilitator', { type: 'setSeat', seat: 'eu', controller: 'bot', strategy: 'broker' });
    expect(m.seats.eu).toEqual({ controller: 'bot', strategy: 'broker' });
  });

  it('capitulation ends the match', () => {
    const m = act(newMatch(), 'armenia', { type: 'capitulate' });
    expect(m.ended).toEqual({ kind: 'capitulation', round: 1, party: 'armenia' });
    expect(viewFor(m, 'azerbaijan').open).toBe(true);
  });
});
