// An error from the server or the network, in the reader's words: a join refused by the room
// (its message starts with the code, docs/protocol.md §2), an HTTP answer by its status, or no
// answer at all. The server's English text is shown only to English readers.
import type { TFunction } from 'i18next';

const JOIN_CODES = ['bad_join', 'wrong_seat', 'bad_token', 'seat_full'];

export function errorText(e: unknown, t: TFunction, lng: string): string {
  const err = e as { message?: string; status?: number; code?: number | string } | null;
  const message = typeof err?.message === 'string' ? err.message : '';
  const join = /^(\w+): /.exec(message)?.[1];
  if (join && JOIN_CODES.includes(join)) return t(`errors.join.${join}`);
  if (message === 'ended') return t('errors.ended');
  if (err?.status === 404) return t('errors.notFound');
  if (err?.status === 429) return t('errors.tooMany');
  if (err?.status === 401 || err?.status === 403) return t('errors.forbidden');
  if (e instanceof TypeError || /fetch|network|connect/i.test(message)) return t('errors.offline');
  return lng === 'en' && message ? message : t('home.failed');
}
