// The rules engine's public face: pure functions over plain match data.
export { createMatch } from './create.js';
export { applyAction, ACTION_PHASES } from './apply.js';
export { advancePhase } from './phases.js';
export { viewFor, viewFields, isOpenTo, canSee, VIEW_FIELDS, type SeatView, type OwnParty, type PublicParty } from './view.js';
export { replay } from './replay.js';
export { seatScores, lastingPeace, objectiveMet, type SeatScore } from './score.js';
export { durabilityNow, durabilityAt, packageCost, concessionBalance } from './settlement.js';
export { oddsFor, pressureModifiers } from './resolve.js';
export { balanceRatio, effectivePair, effectiveStrength, gapWords, escalationOdds, type Gap } from './military.js';
export { actionSchema, type Action, type ActionType } from './actions.js';
export { meters, playingSeats, otherParty, isParty } from './match.js';
export type * from './types.js';
