// The store and the intents reach every panel through one context, so tests can pass fakes.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { GameStore, GameStoreApi } from '../store/game.js';
import type { Intents } from '../net/intents.js';

interface Ctx {
  store: GameStoreApi;
  intents: Intents;
}

const GameContext = createContext<Ctx | null>(null);

export function GameProvider({ store, intents, children }: Ctx & { children: ReactNode }) {
  return <GameContext.Provider value={{ store, intents }}>{children}</GameContext.Provider>;
}

function useCtx(): Ctx {
  const c = useContext(GameContext);
  if (!c) throw new Error('GameProvider missing');
  return c;
}

export function useGame<T>(selector: (s: GameStore) => T): T {
  return useStore(useCtx().store, selector);
}

export const useStoreApi = (): GameStoreApi => useCtx().store;
export const useIntents = (): Intents => useCtx().intents;
