// Numbers as the reader's language writes them: the one place the interface formats a number.
const formats = new Map<string, Intl.NumberFormat>();

/** A whole number (or one decimal with `digits`) in the language's own grouping, e.g. 3,800 or 3 800. */
export function formatNumber(n: number, lng: string, digits = 0): string {
  const key = `${lng}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng, { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(n);
}
