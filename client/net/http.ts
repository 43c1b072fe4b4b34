// The HTTP API (docs/protocol.md §1). Relative URLs: same origin in production, proxied by Vite in dev.
import type { ApiErrorBody, BotRun, CreatedMatch, CreateMatch, JoinInfo, MatchDebrief, OpenMatch, ScenarioSummary } from '../../shared/protocol/index.js';
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

/** The full scenario (outlines, catalogues, briefings), shipped or uploaded, from the server. */
export async function loadScenario(id: string, f = fetch): Promise<Scenario> {
  const r = await f(`/api/scenarios/${encodeURIComponent(id)}`);
  const s = await json<Scenario>(r);
  if (!s || !Array.isArray(s.regions)) throw new Error(`scenario "${id}" is not available`);
  return s;
}
