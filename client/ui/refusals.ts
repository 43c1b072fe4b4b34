// What the server refused, in the reader's words: a short phrase for the refusal's code, and the
// rule's own sentence built from its params (ids become names). The server's English reason is
// shown only to English readers, and only when the refusal carries no params.
import type { TFunction } from 'i18next';
import { formatList } from './format.js';
import type { Namer } from './names.js';

export interface RefusalLike {
  code?: string;
  reason?: string;
  params?: Record<string, string | number>;
}

function named(p: Record<string, string | number>, t: TFunction, n: Namer, lng: string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...p };
  const id = (k: string) => (typeof p[k] === 'string' ? String(p[k]) : null);
  if (id('item')) out.item = n.item(id('item')!);
  if (id('region')) out.region = n.region(id('region')!);
  if (id('demand')) out.demand = n.demand(id('demand')!);
  if (id('instrument')) out.instrument = n.instrument(id('instrument')!);
  if (id('clause')) out.clause = n.clause(id('clause')!);
  if (id('seat')) out.seat = n.seat(id('seat')!);
  if (id('supplier')) out.supplier = t(`suppliers.${id('supplier')}`, { defaultValue: id('supplier')! });
  if (id('status')) out.status = t(`demands.status.${id('status')}`, { defaultValue: id('status')! });
  if (id('phase')) out.phase = t(`phase.${id('phase')}`, { defaultValue: id('phase')! });
  if (id('phases')) out.phases = formatList(id('phases')!.split(' ').map((x) => t(`phase.${x}`, { defaultValue: x })), lng, 'disjunction');
  // A limit counted in the sentence ("at most 3 open demands") takes the language's plural form.
  const limit = p.max ?? p.min;
  if (typeof limit === 'number') out.count = limit;
  return out;
}

export function refusalWords(r: RefusalLike, t: TFunction, n: Namer, lng: string): { short: string; detail: string } {
  const short = r.code ? t(`refusals.${r.code}`, { defaultValue: '' }) : '';
  const detail = r.params && r.code ? t(`refusalDetails.${r.code}`, { ...named(r.params, t, n, lng), context: r.params.why, defaultValue: '' }) : '';
  const english = lng === 'en' ? (r.reason ?? '') : '';
  return { short: short || detail || english, detail: detail && detail !== short ? detail : short ? english : '' };
}
