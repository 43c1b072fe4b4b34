// The rules engine's public face: pure functions over plain match data.
export { createMatch } from './create.js';
export { applyAction } from './apply.js';
export { RULES, checkAction, allowedActions, demandOptions, type Rule, type Actor, type DemandOption } from './rules.js';
export { catalogueDemand, demandWeight, pressureRegion, planCost, clausesRefusal, demandBlocks, summitInForce, timesIssued, tooManyOpen, type Table, type DemandBlock, type TableBlock } from './queries.js';
export { advancePhase } from './phases.js';
export { viewFor, viewFields, isOpenTo, canSee, VIEW_FIELDS, VIEW_READS, type SeatView, type OwnParty, type PublicParty } from './view.js';
export { replay, replayLog, type ReplayStep } from './replay.js';
export { seatScores, lastingPeace, objectiveMet, type SeatScore } from './score.js';
export { durabilityNow, durabilityAt, packageCost, concessionBalance } from './settlement.js';
export { oddsFor, pressureModifiers } from './resolve.js';
export { balanceRatio, effectivePair, effectiveStrength, gapWords, escalationOdds, type Gap } from './military.js';
export { actionSchema, type Action, type ActionType, type ActionOf } from './actions.js';
export { meters, playingSeats, otherParty, isParty } from './match.js';
export type * from './types.js';
