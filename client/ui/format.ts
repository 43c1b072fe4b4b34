// Numbers, dates, times, durations and lists written the reader's way, in one place: components
// never format a number by hand. The texts' own numbers go through i18next, which calls formatNumber.
//
// Intl does the work where the browser has the language's data. Some builds ship without Armenian
// or with a thin Azerbaijani (Debian's Chromium: Armenian falls back to English, Azerbaijani has
// no month names and English digits): the few conventions needed here are then taken from below.

type Fallback = { numbers: string; months: string[]; monthsShort: string[]; month: (m: string, y: number) => string; day: string; hour: string; minute: string; and: string; or: string };
const FALLBACK: Record<string, Fallback> = {
  // CLDR: hy decimal ",", group no-break space, 24-hour clock; "2022 թ. օգոստոս".
  hy: {
    numbers: 'ru',
    months: ['հունվար', 'փետրվար', 'մարտ', 'ապրիլ', 'մայիս', 'հունիս', 'հուլիս', 'օգոստոս', 'սեպտեմբեր', 'հոկտեմբեր', 'նոյեմբեր', 'դեկտեմբեր'],
    monthsShort: ['հնվ', 'փտվ', 'մրտ', 'ապր', 'մյս', 'հնս', 'հլս', 'օգս', 'սեպ', 'հոկ', 'նոյ', 'դեկ'],
    month: (m, y) => `${y} թ. ${m}`,
    day: 'օր',
    hour: 'ժ',
    minute: 'ր',
    and: 'և',
    or: 'կամ',
  },
  // CLDR: az decimal ",", group "."; "avqust 2022".
  az: {
    numbers: 'de',
    months: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
    monthsShort: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avq', 'sen', 'okt', 'noy', 'dek'],
    month: (m, y) => `${m} ${y}`,
    day: 'gün',
    hour: 'saat',
    minute: 'dəq',
    and: 'və',
    or: 'və ya',
  },
};
// The language's decimal mark, to tell its own data from a silent fallback to English.
const DECIMAL: Record<string, string> = { hy: '1,5', az: '1,5', ru: '1,5' };

const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}
const lang = (lng: string | undefined) => lng || 'en';
/** Whether the browser's number data for the language is its own. */
const ownNumbers = (lng: string) => memo(`own-n|${lng}`, () => !DECIMAL[lng] || new Intl.NumberFormat(lng).format(1.5) === DECIMAL[lng]);
/** Whether the browser has the language's month names (not English ones, not "M08"). */
const ownDates = (lng: string) =>
  memo(`own-d|${lng}`, () => {
    if (lng === 'en' || !FALLBACK[lng]) return true;
    const aug = new Intl.DateTimeFormat(lng, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2022, 7, 1));
    return aug !== 'August' && !/^M\d/.test(aug);
  });
const numberLocale = (lng: string) => (ownNumbers(lng) ? lng : (FALLBACK[lng]?.numbers ?? lng));
const numbers = (lng: string, o: Intl.NumberFormatOptions = {}) => memo(`n|${lng}|${JSON.stringify(o)}`, () => new Intl.NumberFormat(numberLocale(lng), o));
const dates = (lng: string, o: Intl.DateTimeFormatOptions) => memo(`d|${lng}|${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(ownDates(lng) ? lng : (FALLBACK[lng]?.numbers ?? lng), o));

/** A number with the language's decimal mark and grouping; `digits` caps the decimals shown. */
export const formatNumber = (x: number, lng?: string, digits = 3): string => numbers(lang(lng), { maximumFractionDigits: digits }).format(x);

/** A strength ratio with exactly two decimals, e.g. "1.80" (en), "1,80" (ru). */
export const formatRatio = (x: number, lng?: string): string => numbers(lang(lng), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

/** A scenario month ("2022-08") `plus` months on, as the language writes a month and year: "Aug 2022", "авг. 2022 г.". */
export function formatMonth(startDate: string, lng?: string, plus = 0, month: 'short' | 'long' = 'short'): string {
  const [y, m] = startDate.split('-').map(Number);
  if (!y || !m) return startDate;
  const d = new Date(Date.UTC(y, m - 1 + plus, 1));
  const l = lang(lng);
  const f = FALLBACK[l];
  if (f && !ownDates(l)) return f.month((month === 'long' ? f.months : f.monthsShort)[d.getUTCMonth()], d.getUTCFullYear());
  return dates(l, { month, year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A wall-clock time: hours and minutes, or with seconds. */
export const formatTime = (at: number, lng?: string, seconds = false): string =>
  dates(lang(lng), seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' }).format(at);

/** A date, or a date and a time. */
export function formatDate(at: number, lng?: string, withTime = false): string {
  const l = lang(lng);
  const f = FALLBACK[l];
  if (f && !ownDates(l)) {
    const d = new Date(at);
    const day = `${d.getDate()} ${f.monthsShort[d.getMonth()]} ${d.getFullYear()}`;
    return withTime ? `${day}, ${formatTime(at, l)}` : day;
  }
  return dates(l, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(at);
}

/** Time left as a clock shows it: m:ss under an hour, then hours and minutes, then days and hours (the language's short units). */
export function formatDuration(ms: number, lng?: string): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const l = lang(lng);
  const f = FALLBACK[l] && !ownDates(l) ? FALLBACK[l] : null;
  const unit = (n: number, u: 'day' | 'hour' | 'minute', pad = false) =>
    f ? `${pad ? String(n).padStart(2, '0') : n} ${f[u]}` : memo(`u|${l}|${u}|${pad}`, () => new Intl.NumberFormat(l, { style: 'unit', unit: u, unitDisplay: 'narrow', minimumIntegerDigits: pad ? 2 : 1 })).format(n);
  if (s >= 86400) return `${unit(Math.floor(s / 86400), 'day')} ${unit(Math.floor((s % 86400) / 3600), 'hour')}`;
  if (s >= 3600) return `${unit(Math.floor(s / 3600), 'hour')} ${unit(Math.floor((s % 3600) / 60), 'minute', true)}`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "A, B and C" (or "A, B or C") in the language. */
export function formatList(items: readonly string[], lng?: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const l = lang(lng);
  const f = FALLBACK[l];
  if (f && !ownDates(l)) return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${type === 'conjunction' ? f.and : f.or} ${items[items.length - 1]}`;
  return memo(`l|${l}|${type}`, () => new Intl.ListFormat(l, { type })).format(items);
}
