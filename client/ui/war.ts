// War ends the match: how many more resolutions at war level, from the rounds the seat has seen.
import type { PublicScenario } from '../../shared/protocol/index.js';
import type { SeatView } from '../../shared/engine/view.js';

/**
 * At war level, how many more resolutions still at that level end the match in war (the engine's
 * escalation.warRounds in a row); null below war level. Each round's meters are in `history`.
 */
export function warRoundsLeft(view: Pick<SeatView, 'escalation' | 'history'>, scenario: Pick<PublicScenario, 'escalation'>): number | null {
  const { levels, warRounds } = scenario.escalation;
  if (view.escalation < levels.war) return null;
  let atWar = 0;
  for (let i = view.history.length - 1; i >= 0; i--) {
    const h = view.history[i];
    if (h.round < 1 || h.escalation < levels.war) break;
    atWar++;
  }
  return Math.max(1, warRounds - atWar);
}
