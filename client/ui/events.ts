// Every place the interface tells the engine's events apart, by their key (the engine's typed
// EventKey union), is here.
import type { MatchEvent } from '../../shared/engine/types.js';

type Keyed = Pick<MatchEvent, 'key'>;

/** The engine's end-of-round marker: it opens the round report and is not news. */
export const isRoundEnd = (e: Keyed): boolean => e.key === 'round.report';

/** An intelligence estimate (of the other party, or a mediator's read of the capitals). */
export const isIntel = (e: Keyed): boolean => e.key.startsWith('intel.');

/** What the news log lists: everything but the end-of-round marker. */
export const isNews = (e: Keyed): boolean => !isRoundEnd(e);

/** A headline, for the ticker and the timelines: news that is not intelligence. */
export const isHeadline = (e: Keyed): boolean => isNews(e) && !isIntel(e);

/** Force was used: an escalation that prevailed or was held (not the choice to press, nor standing down). */
export const isEscalation = (e: Keyed): boolean => e.key === 'escalation.success' || e.key === 'escalation.failure';

/** An escalation the attacker won. */
export const escalationPrevailed = (e: Keyed): boolean => e.key === 'escalation.success';

/** How many times force was used in a game. */
export const escalationCount = (events: readonly Keyed[]): number => events.filter(isEscalation).length;

/** Anything that happens to a demand (issued, answered, expired, implemented, imposed). */
export const isAboutDemand = (e: Keyed): boolean => e.key.startsWith('demand.');

/** An order that arrived. */
export const isDelivery = (e: Keyed): boolean => e.key === 'delivery.arrived';

// What seats decided during the round, which the round report lists as its causes.
const DECISIONS = new Set(['demand.accepted', 'demand.refused', 'demand.countered', 'demand.expired', 'escalation.chosen', 'escalation.stoodDown', 'proposal.signed', 'summit.convened', 'instrument.used']);

/** A decision a seat took in the round: an answer, a choice to press or stand down, a signature, an instrument. */
export const isDecision = (e: Keyed): boolean => DECISIONS.has(e.key);

/** The class of an event's line in the news log and the round report, e.g. `news-escalation-success`. */
export const eventClass = (e: Keyed): string => `news-${e.key.replace('.', '-')}`;
