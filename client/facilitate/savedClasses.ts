// The class sessions this browser runs, with their facilitator tokens: a refresh keeps the console.
const KEY = 'parity.classSessions';

export interface SavedClass {
  id: string;
  name: string;
  token: string;
  createdAt: number;
}

const safe = <T,>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

export const savedClasses = (): SavedClass[] => safe(() => JSON.parse(localStorage.getItem(KEY) ?? '[]') as SavedClass[], []);

export function keepClass(c: SavedClass): void {
  safe(() => localStorage.setItem(KEY, JSON.stringify([c, ...savedClasses().filter((x) => x.id !== c.id)].slice(0, 30))), undefined);
}

export function forgetClass(id: string): void {
  safe(() => localStorage.setItem(KEY, JSON.stringify(savedClasses().filter((x) => x.id !== id))), undefined);
}

export const tokenFor = (id: string): string | null => savedClasses().find((c) => c.id === id)?.token ?? null;
