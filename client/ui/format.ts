// Numbers, dates, times and durations written the reader's way (Intl), in one place: components
// never format a number by hand. The texts' own numbers go through i18next, which calls formatNumber.

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}
const numbers = (lng: string | undefined, o: Intl.NumberFormatOptions = {}) => memo(`n|${lng}|${JSON.stringify(o)}`, () => new Intl.NumberFormat(lng || 'en', o));
const dates = (lng: string | undefined, o: Intl.DateTimeFormatOptions) => memo(`d|${lng}|${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(lng || 'en', o));

/** A number with the language's decimal mark and grouping; `digits` caps the decimals shown. */
export const formatNumber = (x: number, lng?: string, digits = 3): string => numbers(lng, { maximumFractionDigits: digits }).format(x);

/** A strength ratio with exactly two decimals, e.g. "1.80" (en), "1,80" (ru). */
export const formatRatio = (x: number, lng?: string): string => numbers(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

/** A scenario month ("2022-08") `plus` months on, as the language writes a month and year: "Aug 2022", "авг. 2022 г.". */
export function formatMonth(startDate: string, lng?: string, plus = 0, month: 'short' | 'long' = 'short'): string {
  const [y, m] = startDate.split('-').map(Number);
  if (!y || !m) return startDate;
  return dates(lng, { month, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1 + plus, 1)));
}

/** A wall-clock time: hours and minutes, or with seconds. */
export const formatTime = (at: number, lng?: string, seconds = false): string =>
  dates(lng, seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' }).format(at);

/** A date, or a date and a time. */
export const formatDate = (at: number, lng?: string, withTime = false): string =>
  dates(lng, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(at);

/** Time left as a clock shows it: m:ss under an hour, then hours and minutes, then days and hours (the language's short units). */
export function formatDuration(ms: number, lng?: string): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const unit = (n: number, u: 'day' | 'hour' | 'minute', pad = false) => numbers(lng, { style: 'unit', unit: u, unitDisplay: 'narrow', minimumIntegerDigits: pad ? 2 : 1 }).format(n);
  if (s >= 86400) return `${unit(Math.floor(s / 86400), 'day')} ${unit(Math.floor((s % 86400) / 3600), 'hour')}`;
  if (s >= 3600) return `${unit(Math.floor(s / 3600), 'hour')} ${unit(Math.floor((s % 3600) / 60), 'minute', true)}`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
