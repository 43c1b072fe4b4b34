// How the server's domains (match/, class/, store/) say no: a typed refusal with its reason, and
// for bad input every problem as `path: message`. Only server/http/ turns them into status codes.

export interface Refused<C extends string> {
  ok: false;
  code: C;
  reason: string;
  issues?: string[];
}

export type Result<T, C extends string> = { ok: true; value: T } | Refused<C>;

export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const refuse = <C extends string>(code: C, reason: string, issues?: string[]): Refused<C> => ({ ok: false, code, reason, ...(issues ? { issues } : {}) });

/** Bad input: every problem found, each naming its field. */
export const badRequest = (issues: string[]): Refused<'bad_request'> => refuse('bad_request', 'bad request', issues);

/** zod issues as `path: message` lines. */
export const issuesOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): string[] =>
  issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)'}: ${i.message}`);

/**
 * A failure past the domains' refusals that the asker can still act on, thrown to the routes:
 * `unavailable` (the store could not keep or read it now: try again) or `damaged` (a match's
 * record cannot be replayed: fork it from its last good round).
 */
export class Trouble extends Error {
  constructor(
    readonly kind: 'unavailable' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}
