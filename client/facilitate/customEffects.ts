// A custom event's effects on the meters, as the inject form sets them, checked before the server sees them.

/** The effects a custom event may set here, with the scenario format's bounds (shared/scenario/schema.ts). */
export const EFFECT_FIELDS = [
  { key: 'support.armenia', min: -100, max: 100 },
  { key: 'support.azerbaijan', min: -100, max: 100 },
  { key: 'standing.armenia', min: -100, max: 100 },
  { key: 'standing.azerbaijan', min: -100, max: 100 },
  { key: 'budget.armenia', min: -1000, max: 1000 },
  { key: 'budget.azerbaijan', min: -1000, max: 1000 },
  { key: 'stability', min: -100, max: 100 },
  { key: 'escalation', min: -4, max: 4, int: true },
] as const;

/** Build the effects object and list what is out of bounds, before the server sees it. */
export function customEffects(values: Record<string, string>, extra: string, t: (k: string, o?: Record<string, unknown>) => string): { effects: Record<string, unknown>; issues: string[]; invalid: string[] } {
  const effects: Record<string, Record<string, number> | number> = {};
  const issues: string[] = [];
  const invalid: string[] = [];
  for (const f of EFFECT_FIELDS) {
    const raw = (values[f.key] ?? '').trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < f.min || n > f.max || ('int' in f && f.int && !Number.isInteger(n))) {
      issues.push(t('fac.inject.outOfRange', { field: t(`fac.inject.field.${f.key}`), min: f.min, max: f.max }));
      invalid.push(f.key);
      continue;
    }
    if (n === 0) continue;
    const [a, b] = f.key.split('.');
    if (b) effects[a] = { ...((effects[a] as Record<string, number>) ?? {}), [b]: n };
    else effects[a] = n;
  }
  let merged: Record<string, unknown> = effects;
  if (extra.trim()) {
    try {
      const more = JSON.parse(extra) as unknown;
      if (!more || typeof more !== 'object' || Array.isArray(more)) throw new Error(t('fac.inject.notObject'));
      merged = { ...effects, ...(more as Record<string, unknown>) };
    } catch (e) {
      issues.push(t('fac.inject.badJson', { reason: (e as Error).message }));
      invalid.push('extra');
    }
  }
  return { effects: merged, issues, invalid };
}
