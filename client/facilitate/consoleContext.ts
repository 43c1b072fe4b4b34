// What every page of one class session's console shares: its API, the latest figures, and the
// status area. Console.tsx provides it; useConsole reads it (component tests pass a fake API).
import { createContext, useContext } from 'react';
import type { FacilitatorApi, Overview, SessionInfo } from '../net/facilitator.js';

/** A facilitator action's result, one line per room, shown in the status area. */
export interface Outcome {
  id: number;
  title: string;
  lines: { ok: boolean; text: string }[];
}

export interface ConsoleCtx {
  session: string;
  api: FacilitatorApi;
  info: SessionInfo | null;
  overview: Overview | null;
  refreshInfo(): Promise<void>;
  refreshOverview(): Promise<void>;
  /** Show a facilitator action's outcome in the status area. */
  report(o: Omit<Outcome, 'id'>): void;
  roomLabel(matchId: string): string;
}

export const ConsoleContext = createContext<ConsoleCtx | null>(null);

export function useConsole(): ConsoleCtx {
  const c = useContext(ConsoleContext);
  if (!c) throw new Error('console context missing');
  return c;
}
