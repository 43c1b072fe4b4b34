// The HTTP API (docs/protocol.md §1). Relative URLs: same origin in production, proxied by Vite in dev.
import type { Scenario } from '../../shared/scenario/schema.js';
import type { JoinInfo } from '../store/types.js';
import type { BotRunData, DebriefData, OpenMatch, ScenarioSummary } from './intents.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; issues?: string[] };
  if (!res.ok) throw new HttpError(res.status, [body.error ?? res.statusText, ...(body.issues ?? [])].join(': '));
  return body;
}

export interface CreateBody {
  scenario: string;
  seats: Record<string, 'human' | 'bot' | { controller: 'human' | 'bot'; strategy?: string }>;
  timers?: Record<string, number>;
  seed?: number;
  name?: string;
  listed?: boolean;
}

export const api = {
  scenarios: (f = fetch) => f('/api/scenarios').then((r) => json<ScenarioSummary[]>(r)),
  openMatches: (f = fetch) => f('/api/matches').then((r) => json<OpenMatch[]>(r)),
  create: (body: CreateBody, f = fetch) =>
    f('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) =>
      json<{ matchId: string; code: string; facilitatorToken: string }>(r),
    ),
  join: (code: string, f = fetch) => f(`/api/join/${encodeURIComponent(code)}`).then((r) => json<JoinInfo>(r)),
  debrief: (matchId: string, token: string | null, f = fetch) =>
    f(`/api/matches/${encodeURIComponent(matchId)}/debrief`, token ? { headers: { authorization: `Bearer ${token}` } } : undefined).then((r) => json<DebriefData>(r)),
  botRun: (matchId: string, token: string | null, f = fetch) =>
    f(`/api/matches/${encodeURIComponent(matchId)}/botrun`, token ? { headers: { authorization: `Bearer ${token}` } } : undefined).then((r) => json<BotRunData>(r)),
};

/** The full scenario (outlines, catalogues, briefings), shipped or uploaded, from the server. */
export async function loadScenario(id: string, f = fetch): Promise<Scenario> {
  const r = await f(`/api/scenarios/${encodeURIComponent(id)}`);
  const s = await json<Scenario>(r);
  if (!s || !Array.isArray(s.regions)) throw new Error(`scenario "${id}" is not available`);
  return s;
}
