// Validate a scenario: its `extends` resolved (extend.ts), the zod shape, then the references
// between its parts.
import { NO_SHIPPED, resolveExtends, type ShippedScenarios } from './extend.js';
import { checksOf, scenarioSchema, type Scenario, type Effects } from './schema.js';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** The largest scenario file accepted from an upload (the base scenario is about 130 kB). */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/**
 * Validate the text of an uploaded scenario file, without HTTP or disk: refused when larger than
 * `maxBytes` (UTF-8) or not JSON, each as one `(file): …` error; otherwise as parseScenario.
 * A leading byte-order mark is ignored. A file may extend one of `shipped` (see extend.ts).
 */
export function parseScenarioUpload(text: string, maxBytes = MAX_SCENARIO_BYTES, shipped: ShippedScenarios = NO_SHIPPED): ScenarioResult {
  if (typeof text !== 'string') return { ok: false, errors: ['(file): expected the text of a JSON file'] };
  // Every UTF-16 unit is at least one UTF-8 byte, so a long text is refused without encoding it.
  const tooLong = text.length > maxBytes;
  const bytes = tooLong ? text.length : new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    return { ok: false, errors: [`(file): too large: ${tooLong ? 'at least ' : ''}${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}`] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return { ok: false, errors: ['(file): empty; expected a scenario as JSON'] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [`(file): not valid JSON: ${(e as Error).message}`] };
  }
  return parseScenario(json, shipped);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

/**
 * Parse untrusted JSON into a scenario, or a list of errors each naming its field. A scenario
 * with `extends` is first merged into the shipped scenario it names (errors then name fields of
 * the merged whole).
 */
export function parseScenario(input: unknown, shipped: ShippedScenarios = NO_SHIPPED): ScenarioResult {
  const whole = resolveExtends(input, shipped);
  if (!whole.ok) return whole;
  const parsed = scenarioSchema.safeParse(whole.json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const errors = crossCheck(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** Like parseScenario but throws one error listing every problem. */
export function scenarioOrThrow(input: unknown, name = 'scenario', shipped: ShippedScenarios = NO_SHIPPED): Scenario {
  const r = parseScenario(input, shipped);
  if (!r.ok) throw new Error(`${name} is invalid:\n  ${r.errors.join('\n  ')}`);
  return r.scenario;
}

function crossCheck(s: Scenario): string[] {
  const errors: string[] = [];
  const regionIds = new Set(s.regions.map((r) => r.id));
  const suppliers = new Set(s.procurement.map((p) => p.supplier));
  const clauseIds = new Set(s.clauses.map((c) => c.id));
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push(`${what}.${i}.id: duplicate id "${id}"`);
      seen.add(id);
    });
  };
  unique('regions', s.regions.map((r) => r.id));
  unique('procurement', s.procurement.map((p) => p.id));
  unique('demands', s.demands.map((d) => d.id));
  unique('instruments', s.instruments.map((d) => d.id));
  unique('clauses', s.clauses.map((d) => d.id));
  unique('events', s.events.map((d) => d.id));
  unique('modifiers', s.modifiers.map((d) => d.id));
  unique('sources', s.sources.map((d) => d.id));
  s.sources.forEach((src, i) => {
    if (src.date && !realDate(src.date)) errors.push(`sources.${i}.date: no such day "${src.date}"`);
  });

  const checkEffects = (path: string, e: Effects) => {
    const regionKeys = [
      ...(e.transfer ?? []).map((t) => t.region),
      ...Object.keys(e.tension ?? {}),
      ...Object.keys(e.peacekeepers ?? {}),
      ...Object.keys(e.monitors ?? {}),
      ...Object.keys(e.displaced ?? {}),
    ];
    for (const r of regionKeys) if (!regionIds.has(r)) errors.push(`${path}: unknown region "${r}"`);
    if (e.embargo && !suppliers.has(e.embargo.supplier)) errors.push(`${path}.embargo.supplier: unknown supplier "${e.embargo.supplier}"`);
    if (e.modifier && !s.modifiers.some((m) => m.id === e.modifier!.id)) errors.push(`${path}.modifier.id: unknown modifier "${e.modifier.id}"`);
    for (const m of Object.keys(e.prestige ?? {})) {
      if (!s.mediators.includes(m as never)) errors.push(`${path}.prestige.${m}: mediator not in this scenario`);
    }
  };
  s.demands.forEach((d, i) => {
    if (!regionIds.has(d.pressure)) errors.push(`demands.${i}.pressure: unknown region "${d.pressure}"`);
    checkEffects(`demands.${i}.onAccept`, d.onAccept);
    checkEffects(`demands.${i}.onRefuse`, d.onRefuse);
  });
  s.instruments.forEach((x, i) => {
    checkEffects(`instruments.${i}.effects`, x.effects);
    x.by.forEach((m) => {
      if (!s.mediators.includes(m)) errors.push(`instruments.${i}.by: mediator "${m}" is not in this scenario`);
    });
  });
  s.clauses.forEach((c, i) => checkEffects(`clauses.${i}.effects`, c.effects));
  s.events.forEach((ev, i) => {
    checkEffects(`events.${i}.effects`, ev.effects);
    if (ev.fromRound > s.rounds) errors.push(`events.${i}.fromRound: after the last round (${s.rounds})`);
    if (ev.untilRound !== undefined) {
      if (ev.untilRound < ev.fromRound) errors.push(`events.${i}.untilRound: before fromRound (${ev.fromRound})`);
      if (ev.untilRound > s.rounds) errors.push(`events.${i}.untilRound: after the last round (${s.rounds})`);
    }
  });
  s.modifiers.forEach((x, i) => {
    for (const r of x.regions ?? []) if (!regionIds.has(r)) errors.push(`modifiers.${i}.regions: unknown region "${r}"`);
  });
  const { unprepared, prepared, war } = s.escalation.levels;
  if (!(unprepared <= prepared && prepared <= war)) errors.push(`escalation.levels: expected unprepared ≤ prepared ≤ war, got ${unprepared}, ${prepared}, ${war}`);
  if (s.startingEscalation > war) errors.push(`startingEscalation: above the war level (${war})`);
  if (s.openingEvent && !s.events.some((e) => e.id === s.openingEvent)) errors.push(`openingEvent: unknown event "${s.openingEvent}"`);
  const seats = ['armenia', 'azerbaijan', ...s.mediators] as const;
  for (const seat of seats) if (!s.seats[seat]) errors.push(`seats.${seat}: missing (every party and mediator needs a seat)`);
  for (const m of s.mediators) if (!s.mediatorStart[m]) errors.push(`mediatorStart.${m}: missing`);
  for (const [seat, def] of Object.entries(s.seats)) {
    if (!def) continue;
    if (!seats.includes(seat as never)) errors.push(`seats.${seat}: this scenario has no such seat`);
    unique(`seats.${seat}.objectives`, def.objectives.map((o) => o.id));
    def.objectives.forEach((o, i) => {
      const at = `seats.${seat}.objectives.${i}.check`;
      checksOf(o).forEach((c, j) => {
        const path = o.check.metric === 'all' ? `${at}.of.${j}` : at;
        if ((c.metric === 'controls' || c.metric === 'peacekeepersIn') && !regionIds.has(c.region)) errors.push(`${path}.region: unknown region "${c.region}"`);
        if ((c.metric === 'clauseSigned' || c.metric === 'obtained') && !clauseIds.has(c.clause)) errors.push(`${path}.clause: unknown clause "${c.clause}"`);
        if ((c.metric === 'obtained' || c.metric === 'withheld') && !s.demands.some((d) => d.id === c.demand)) errors.push(`${path}.demand: unknown demand "${c.demand}"`);
        if ((c.metric === 'settlementUnder' || c.metric === 'prestigeAtLeast') && !s.mediators.includes(c.mediator)) {
          errors.push(`${path}.mediator: mediator "${c.mediator}" is not in this scenario`);
        }
      });
    });
  }
  s.regions.forEach((r, i) => {
    if (r.polygon[0].length < 3) errors.push(`regions.${i}.polygon: outer ring needs at least 3 points`);
  });
  return errors;
}

/** A YYYY, YYYY-MM or YYYY-MM-DD date (already of that shape) that exists in the calendar. */
function realDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined) return true;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
