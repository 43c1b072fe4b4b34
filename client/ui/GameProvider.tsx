// Gives every panel below it the match's store and intents (read with the hooks in context.ts).
import type { ReactNode } from 'react';
import { GameContext, type Game } from './context.js';

export function GameProvider({ store, intents, children }: Game & { children: ReactNode }) {
  return <GameContext.Provider value={{ store, intents }}>{children}</GameContext.Provider>;
}
