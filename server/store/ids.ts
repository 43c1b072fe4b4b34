// Match ids, join codes and facilitator tokens.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** No I, L, O, 0 or 1: nothing a class can misread from a projector. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export const normaliseCode = (code: string) => code.trim().toUpperCase();
export const isCode = (code: string) => code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));

export const newMatchId = () => `m${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
export const newToken = () => randomBytes(24).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokenMatches(token: unknown, hash: string): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
