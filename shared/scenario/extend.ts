// Scenario variants without copies: a file with `"extends": "<shipped scenario id>"` holds only
// what differs from that scenario. It is resolved into the whole scenario before validation, so
// the engine only ever sees whole scenarios. The rule (docs/scenarios.md, "Variants"):
//
// - objects merge key by key, and a key set to null is removed;
// - an array of objects with ids (demands, events, objectives, sources…) is the variant's list, in
//   its order: an entry whose id the base list has is that base item with the entry merged into
//   it (`{ "id": "x" }` keeps it as it is), an entry with a new id is a new item, and base items
//   the list leaves out are left out;
// - anything else (a text, a number, a list of plain values such as `mediators`) replaces the base's.

/** The JSON of a shipped scenario file by id, as written (perhaps a variant itself), or undefined. */
export type ShippedScenarios = (id: string) => unknown;

/** No shipped scenarios to extend (for input that must stand alone). */
export const NO_SHIPPED: ShippedScenarios = () => undefined;

export type Resolved = { ok: true; json: unknown } | { ok: false; errors: string[] };

/** `json` with its `extends` chain resolved against the shipped scenarios; errors name `extends`. */
export function resolveExtends(json: unknown, shipped: ShippedScenarios, chain: readonly string[] = []): Resolved {
  if (!isObject(json) || !('extends' in json)) return { ok: true, json };
  const { extends: baseId, ...rest } = json;
  if (typeof baseId !== 'string') return { ok: false, errors: ['extends: expected the id of a shipped scenario'] };
  if (chain.includes(baseId)) return { ok: false, errors: [`extends: "${baseId}" extends itself (${[...chain, baseId].join(' → ')})`] };
  const base = shipped(baseId);
  if (base === undefined) return { ok: false, errors: [`extends: no shipped scenario "${baseId}"`] };
  const resolvedBase = resolveExtends(base, shipped, [...chain, baseId]);
  if (!resolvedBase.ok) return resolvedBase;
  return { ok: true, json: mergeVariant(resolvedBase.json, rest) };
}

/** The base with the variant's changes, by the rule above; neither input is modified. */
export function mergeVariant(base: unknown, variant: unknown): unknown {
  if (isObject(base) && isObject(variant)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(variant)) {
      if (v === null) delete out[k];
      else out[k] = k in base ? mergeVariant(base[k], v) : v;
    }
    return out;
  }
  if (isIdList(base) && isIdList(variant)) {
    const byId = new Map(base.map((item) => [item.id, item]));
    return variant.map((entry) => (byId.has(entry.id) ? mergeVariant(byId.get(entry.id), entry) : entry));
  }
  return variant;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIdList(x: unknown): x is { id: unknown }[] {
  return Array.isArray(x) && x.length > 0 && x.every((item) => isObject(item) && 'id' in item);
}
