// A room's name in the console's language. The server names rooms in English ("Room 2", a fork
// "Room 2 · fork @3": shared/protocol/classApi.ts); those defaults are put into the reader's words
// here, and a name the facilitator chose is shown as written.
import type { TFunction } from 'i18next';
import { parseRoomLabel } from '../../shared/protocol/index.js';

export function roomName(label: string, t: TFunction): string {
  const p = parseRoomLabel(label);
  if (!p) return label;
  return 'room' in p ? t('fac.room.name', { n: p.room }) : t('fac.room.forkName', { room: roomName(p.of, t), round: p.round });
}
