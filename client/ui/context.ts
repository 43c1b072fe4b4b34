// The store and the intents reach every panel through one context, so tests can pass fakes.
// GameProvider.tsx provides it; these hooks read it.
import { asScenario } from '../../shared/protocol/index.js';
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { refuse } from '../../shared/engine/queries.js';
import { allowedActions, checkAction } from '../../shared/engine/rules.js';
import type { Action, ActionType } from '../../shared/engine/actions.js';
import type { Refusal } from '../../shared/engine/types.js';
import type { GameStore, GameStoreApi } from '../store/game.js';
import type { Intents } from '../net/intents.js';

export interface Game {
  store: GameStoreApi;
  intents: Intents;
}

export const GameContext = createContext<Game | null>(null);

function useCtx(): Game {
  const c = useContext(GameContext);
  if (!c) throw new Error('GameProvider missing');
  return c;
}

export function useGame<T>(selector: (s: GameStore) => T): T {
  return useStore(useCtx().store, selector);
}

export const useStoreApi = (): GameStoreApi => useCtx().store;
export const useIntents = (): Intents => useCtx().intents;

/**
 * The engine's answer for this seat's view: why an action would be refused now (null: allowed),
 * and which kinds of action its seat and the phase allow. Panels ask these, never re-derive a rule;
 * they only decide what to show.
 */
export interface Rules {
  refusal(action: Action): Refusal | null;
  allows(action: Action): boolean;
  /** Whether the seat and phase allow this kind of action at all (the phase notes). */
  phaseAllows(type: ActionType): boolean;
}

const NOT_YET = refuse('not_allowed', 'the match is not loaded yet');

export function useRules(): Rules {
  const view = useGame((s) => s.view);
  const scenario = useGame((s) => s.scenario);
  return useMemo((): Rules => {
    if (!view || !scenario) return { refusal: () => NOT_YET, allows: () => false, phaseAllows: () => false };
    const rules = asScenario(scenario);
    const allowed = new Set(allowedActions(view, rules));
    const refusal = (action: Action) => checkAction(view, rules, view.seat, action);
    return { refusal, allows: (action) => refusal(action) === null, phaseAllows: (type) => allowed.has(type) };
  }, [view, scenario]);
}
