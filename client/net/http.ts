// The HTTP API (docs/protocol.md §1). Relative URLs: same origin in production, proxied by Vite in dev.
import type { ApiErrorBody, BotRun, CreatedMatch, CreateMatch, JoinInfo, MatchDebrief, OpenMatch, PublicScenario, ScenarioSummary } from '../../shared/protocol/index.js';
import type { Scenario } from '../../shared/scenario/schema.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & Partial<ApiErrorBody>;
  if (!res.ok) throw new HttpError(res.status, [body.error ?? res.statusText, ...(body.issues ?? [])].join(': '));
  return body;
}

export const api = {
  scenarios: (f = fetch) => f('/api/scenarios').then((r) => json<ScenarioSummary[]>(r)),
  openMatches: (f = fetch) => f('/api/matches').then((r) => json<OpenMatch[]>(r)),
  create: (body: CreateMatch, f = fetch) =>
    f('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) =>
      json<CreatedMatch>(r),
    ),
  join: (code: string, f = fetch) => f(`/api/join/${encodeURIComponent(code)}`).then((r) => json<JoinInfo>(r)),
  debrief: (matchId: string, token: string | null, f = fetch) =>
    f(`/api/matches/${encodeURIComponent(matchId)}/debrief`, token ? { headers: { authorization: `Bearer ${token}` } } : undefined).then((r) => json<MatchDebrief>(r)),
  botRun: (matchId: string, token: string | null, f = fetch) =>
    f(`/api/matches/${encodeURIComponent(matchId)}/botrun`, token ? { headers: { authorization: `Bearer ${token}` } } : undefined).then((r) => json<BotRun>(r)),
};

/** Whose facilitator token opens every seat's briefing: a class session's, or a match's. */
export type ScenarioAccess = { session?: string; match?: string; token?: string };

/**
 * A scenario (outlines, catalogues, events), shipped or uploaded, from the server: its public part,
 * without any seat's briefing or objectives; whole with a facilitator token (`access`).
 */
export async function loadScenario(id: string, access: ScenarioAccess = {}, f = fetch): Promise<PublicScenario> {
  const q = access.session ? `?session=${encodeURIComponent(access.session)}` : access.match ? `?match=${encodeURIComponent(access.match)}` : '';
  const r = await f(`/api/scenarios/${encodeURIComponent(id)}${q}`, access.token ? { headers: { authorization: `Bearer ${access.token}` } } : undefined);
  const s = await json<PublicScenario>(r);
  if (!s || !Array.isArray(s.regions)) throw new Error(`scenario "${id}" is not available`);
  return s;
}

/** The whole scenario, for the facilitator's console (its session token opens every seat's briefing). */
export const loadFullScenario = (id: string, session: string, token: string, f = fetch): Promise<Scenario> => loadScenario(id, { session, token }, f) as Promise<Scenario>;
