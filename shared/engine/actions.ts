// Every action a seat can take, as zod schemas: the shape of the messages, checked before any
// scenario is known. What makes an action legal in a match is its rule (rules.ts).
import { z } from 'zod';
import { effectsSchema, PHASES, playingSeatSchema, textSchema } from '../scenario/schema.js';

/** The sizes a message may have: guards on its length, not game figures (those are the scenario's). */
export const INPUT_LIMITS = { id: 64, lines: 20, qty: 10, points: 1000, text: 500, stakes: 300, deadline: 60, clauses: 12, round: 1000 };

const id = z.string().min(1).max(INPUT_LIMITS.id).regex(/^[a-z0-9][a-z0-9-]*$/);
const plainText = (max: number) => z.string().trim().min(1).max(max);

export const planAction = z
  .object({
    type: z.literal('plan'),
    procure: z.array(z.object({ item: id, qty: z.number().int().min(1).max(INPUT_LIMITS.qty) }).strict()).max(INPUT_LIMITS.lines),
    reform: z.number().min(0).max(INPUT_LIMITS.points),
    diplomacy: z.number().min(0).max(INPUT_LIMITS.points),
    prepareEscalation: id.nullable(),
  })
  .strict();

export const issueDemandAction = z
  .object({
    type: z.literal('issueDemand'),
    /** A catalogue demand id, or null with `text` for a demand in the issuer's own words. */
    demand: id.nullable(),
    text: plainText(INPUT_LIMITS.text).optional(),
    /** Rounds from now until the answer is due: 0 means this round's response phase (at most the scenario's demandRules.maxDeadline). */
    deadline: z.number().int().min(0).max(INPUT_LIMITS.deadline),
    stakes: plainText(INPUT_LIMITS.stakes).optional(),
  })
  .strict();

export const respondAction = z
  .object({
    type: z.literal('respond'),
    demand: id,
    answer: z.enum(['accept', 'refuse', 'counter']),
    /** With `counter`: the clauses offered instead, as a new proposal. */
    clauses: z.array(id).min(1).max(INPUT_LIMITS.clauses).optional(),
  })
  .strict();

export const chooseEscalationAction = z
  .object({ type: z.literal('chooseEscalation'), demand: id, escalate: z.boolean(), region: id.optional() })
  .strict();

export const proposeAction = z.object({ type: z.literal('propose'), clauses: z.array(id).min(1).max(INPUT_LIMITS.clauses) }).strict();
export const signAction = z.object({ type: z.literal('sign'), proposal: id }).strict();
export const withdrawProposalAction = z.object({ type: z.literal('withdrawProposal'), proposal: id }).strict();
export const useInstrumentAction = z.object({ type: z.literal('useInstrument'), instrument: id }).strict();
// `round` and `phase`: the phase the seat means to be done with. A press that reaches the server
// after that phase ended (its timer ran out meanwhile) is refused instead of ending the next one.
export const doneAction = z
  .object({ type: z.literal('done'), round: z.number().int().min(1).max(INPUT_LIMITS.round).optional(), phase: z.enum(PHASES).optional() })
  .strict();
export const capitulateAction = z.object({ type: z.literal('capitulate') }).strict();

export const injectEventAction = z
  .object({
    type: z.literal('injectEvent'),
    event: id.optional(),
    custom: z.object({ headline: textSchema, text: textSchema, effects: effectsSchema }).strict().optional(),
  })
  .strict()
  .refine((a) => (a.event === undefined) !== (a.custom === undefined), 'give either an event id from the deck or a custom event');

export const setSeatAction = z
  .object({ type: z.literal('setSeat'), seat: playingSeatSchema, controller: z.enum(['human', 'bot']), strategy: id.optional() })
  .strict();
export const endMatchAction = z.object({ type: z.literal('endMatch') }).strict();

// Picked by `type`: a plain union would try each shape in turn (and build the failures' issues),
// which was a tenth of the server's allocations.
export const actionSchema = z.discriminatedUnion('type', [
  planAction,
  issueDemandAction,
  respondAction,
  chooseEscalationAction,
  proposeAction,
  signAction,
  withdrawProposalAction,
  useInstrumentAction,
  doneAction,
  capitulateAction,
  injectEventAction,
  setSeatAction,
  endMatchAction,
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
export type PlanAction = z.infer<typeof planAction>;
