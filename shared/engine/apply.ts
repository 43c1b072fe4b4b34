// applyAction: the action's rule (rules.ts) says whether it is allowed now, then changes a draft
// of the match.
import { actionSchema } from './actions.js';
import { draftMatch, finishDraft } from './draft.js';
import { refuse, type Table } from './queries.js';
import { checkAction, ruleOf } from './rules.js';
import type { ActionResult, Match, Seat } from './types.js';

/**
 * Apply one seat's action. A refusal leaves the match untouched; on success the result holds a
 * new match (the old one is not modified) and the events this action produced.
 */
export function applyAction(match: Match, seat: Seat, raw: unknown): ActionResult {
  const parsed = actionSchema.safeParse(raw);
  if (!parsed.success) return refuse('bad_action', parsed.error.issues.map((i) => `${i.path.join('.') || 'action'}: ${i.message}`).join('; '));
  const action = parsed.data;
  const refusal = checkAction(match satisfies Table, match.scenario, seat, action);
  if (refusal) return refusal;
  const draft = draftMatch(match);
  const before = match.events.length;
  // One longer log of the right size, not a copy grown by a push (see draft.ts, `settle`).
  draft.log = match.log.concat({ kind: 'action', seat, action });
  ruleOf(action.type).apply(draft, seat, action);
  const next = finishDraft(draft);
  return { ok: true, match: next, events: next.events.slice(before) };
}
