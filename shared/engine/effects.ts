// Apply a scenario `effects` block to a draft match, keeping every meter in range.
import { COMPONENTS, PARTIES, type Effects, type Mediator } from '../scenario/schema.js';
import { clamp } from './military.js';
import type { Match } from './types.js';

export function applyEffects(m: Match, e: Effects): void {
  for (const p of PARTIES) {
    const party = m.parties[p];
    if (e.support?.[p] !== undefined) party.support = clamp(party.support + e.support[p]!, 0, 100);
    if (e.standing?.[p] !== undefined) party.standing = clamp(party.standing + e.standing[p]!, 0, 100);
    if (e.budget?.[p] !== undefined) party.budget = Math.max(0, party.budget + e.budget[p]!);
    const s = e.strength?.[p];
    if (s) for (const c of COMPONENTS) if (s[c] !== undefined) party.strength[c] = Math.max(0, party.strength[c] + s[c]!);
  }
  if (e.prestige) {
    for (const k of Object.keys(e.prestige) as Mediator[]) {
      const med = m.mediators[k];
      if (med) med.prestige = clamp(med.prestige + e.prestige[k]!, 0, 100);
    }
  }
  if (e.stability !== undefined) m.stability = clamp(m.stability + e.stability, 0, 100);
  if (e.escalation !== undefined) m.escalation = clamp(m.escalation + e.escalation, 0, 4);
  if (e.appetite !== undefined) m.appetite = clamp(m.appetite + e.appetite, 0.05, 1);
  if (e.turkishBacking !== undefined) m.turkishBacking = clamp(m.turkishBacking + e.turkishBacking, 0.5, 3);
  for (const t of e.transfer ?? []) m.regions[t.region].controller = t.to;
  for (const [r, d] of Object.entries(e.tension ?? {})) m.regions[r].tension = clamp(m.regions[r].tension + d, 0, 100);
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
