// The store and the intents reach every panel through one context, so tests can pass fakes.
// GameProvider.tsx provides it; these hooks read it.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
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
