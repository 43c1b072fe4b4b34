// Every action a seat can take, as zod schemas: the server validates client messages with these.
import { z } from 'zod';
import { effectsSchema, playingSeatSchema, textSchema } from '../scenario/schema.js';

const id = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/);
const plainText = (max: number) => z.string().trim().min(1).max(max);

export const planAction = z
  .object({
    type: z.literal('plan'),
    procure: z.array(z.object({ item: id, qty: z.number().int().min(1).max(10) }).strict()).max(20),
    reform: z.number().min(0).max(1000),
    diplomacy: z.number().min(0).max(1000),
    prepareEscalation: id.nullable(),
  })
  .strict();

export const issueDemandAction = z
  .object({
    type: z.literal('issueDemand'),
    /** A catalogue demand id, or null with `text` for a demand in the issuer's own words. */
    demand: id.nullable(),
    text: plainText(500).optional(),
    /** Rounds from now until the answer is due: 0 means this round's response phase. */
    deadline: z.number().int().min(0).max(3),
    stakes: plainText(300).optional(),
  })
  .strict();

export const respondAction = z
  .object({
    type: z.literal('respond'),
    demand: id,
    answer: z.enum(['accept', 'refuse', 'counter']),
    /** With `counter`: the clauses offered instead, as a new proposal. */
    clauses: z.array(id).min(1).max(12).optional(),
  })
  .strict();

export const chooseEscalationAction = z
  .object({ type: z.literal('chooseEscalation'), demand: id, escalate: z.boolean(), region: id.optional() })
  .strict();

export const proposeAction = z.object({ type: z.literal('propose'), clauses: z.array(id).min(1).max(12) }).strict();
export const signAction = z.object({ type: z.literal('sign'), proposal: id }).strict();
export const withdrawProposalAction = z.object({ type: z.literal('withdrawProposal'), proposal: id }).strict();
export const useInstrumentAction = z.object({ type: z.literal('useInstrument'), instrument: id }).strict();
export const doneAction = z.object({ type: z.literal('done') }).strict();
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

export const actionSchema = z.union([
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
