// Apply a scenario `effects` block to a draft match, keeping every meter in range.
import { COMPONENTS, PARTIES, type Effects, type Mediator } from '../scenario/schema.js';
import { clamp, meter } from './maths.js';
import type { Match } from './types.js';

export function applyEffects(m: Match, e: Effects): void {
  const s = m.scenario;
  for (const p of PARTIES) {
    const party = m.parties[p];
    if (e.support?.[p] !== undefined) party.support = meter(party.support + e.support[p]!);
    if (e.standing?.[p] !== undefined) party.standing = meter(party.standing + e.standing[p]!);
    if (e.budget?.[p] !== undefined) party.budget = Math.max(0, party.budget + e.budget[p]!);
    const st = e.strength?.[p];
    if (st) for (const c of COMPONENTS) if (st[c] !== undefined) party.strength[c] = Math.max(0, party.strength[c] + st[c]!);
  }
  if (e.prestige) {
    for (const k of Object.keys(e.prestige) as Mediator[]) {
      const med = m.mediators[k];
      if (med) med.prestige = meter(med.prestige + e.prestige[k]!);
    }
  }
  if (e.stability !== undefined) m.stability = meter(m.stability + e.stability);
  if (e.escalation !== undefined) m.escalation = clamp(m.escalation + e.escalation, 0, s.escalation.levels.war);
  if (e.appetite !== undefined) m.appetite = clamp(m.appetite + e.appetite, s.appetite.limits.min, s.appetite.limits.max);
  if (e.turkishBacking !== undefined) m.turkishBacking = clamp(m.turkishBacking + e.turkishBacking, s.military.turkishBackingLimits.min, s.military.turkishBackingLimits.max);
  for (const t of e.transfer ?? []) m.regions[t.region].controller = t.to;
  for (const [r, d] of Object.entries(e.tension ?? {})) m.regions[r].tension = meter(m.regions[r].tension + d);
  for (const [r, v] of Object.entries(e.peacekeepers ?? {})) m.regions[r].peacekeepers = v;
  for (const [r, v] of Object.entries(e.monitors ?? {})) m.regions[r].monitors = v;
  for (const [r, n] of Object.entries(e.displaced ?? {})) {
    m.regions[r].displaced += n;
    m.stats.displaced += n;
  }
  if (e.embargo) m.embargoes.push({ supplier: e.embargo.supplier, until: m.round + e.embargo.rounds - 1 });
  if (e.reveal) m.parties[e.reveal].revealed = Math.max(m.parties[e.reveal].revealed, m.round + 1);
  if (e.modifier) m.modifiers.push({ id: e.modifier.id, until: m.round + e.modifier.rounds - 1 });
  m.stats.maxEscalation = Math.max(m.stats.maxEscalation, m.escalation);
}
