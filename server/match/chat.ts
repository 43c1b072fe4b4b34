// Chat channels: the public table, each pair of playing seats, closed pairs in proximity talks.
import { PLAYING_SEATS, type PlayingSeat, type Scenario } from '../../shared/scenario/schema.js';
import type { Seat } from '../../shared/engine/index.js';
import { cleanText } from '../../shared/protocol/index.js';

export const TABLE = 'table';
const CHAT_MAX = 2000;

/** Channel ids of a scenario: `table` and `<a>-<b>` for each pair, in seat order. */
export function channelsOf(scenario: Scenario): string[] {
  const seats = PLAYING_SEATS.filter((s) => s === 'armenia' || s === 'azerbaijan' || scenario.mediators.includes(s));
  const out = [TABLE];
  for (let i = 0; i < seats.length; i++) for (let j = i + 1; j < seats.length; j++) out.push(`${seats[i]}-${seats[j]}`);
  return out;
}

const membersOf = (channel: string): PlayingSeat[] | null => (channel === TABLE ? null : (channel.split('-') as PlayingSeat[]));

const isClosed = (scenario: Scenario, channel: string) => !scenario.directChannel && channel === 'armenia-azerbaijan';

/** Whether `seat` may read `channel`. */
export function canRead(seat: Seat, channel: string): boolean {
  if (channel === TABLE || seat === 'facilitator') return true;
  return membersOf(channel)!.includes(seat as PlayingSeat);
}

export type ChatRefusal = { code: 'unknown_channel' | 'not_in_channel' | 'channel_closed' | 'spectator' | 'too_large' | 'bad_message'; reason: string };

/** Check a chat message; returns the cleaned text or a refusal. */
export function checkChat(scenario: Scenario, seat: Seat, channel: string, raw: string): { text: string } | ChatRefusal {
  if (seat === 'spectator') return { code: 'spectator', reason: 'spectators read the table but do not write' };
  if (!channelsOf(scenario).includes(channel)) return { code: 'unknown_channel', reason: `no channel "${channel}"` };
  if (seat === 'facilitator' && channel !== TABLE) return { code: 'not_in_channel', reason: 'the facilitator reads every channel but writes only to the table' };
  if (!canRead(seat, channel)) return { code: 'not_in_channel', reason: `${seat} is not in ${channel}` };
  if (isClosed(scenario, channel)) return { code: 'channel_closed', reason: 'proximity talks: the parties speak through a mediator' };
  // Plain text: no control characters but newline and tab, no bidi overrides or zero-width characters.
  const text = cleanText(raw);
  if (!text) return { code: 'bad_message', reason: 'empty message' };
  if ([...text].length > CHAT_MAX) return { code: 'too_large', reason: `chat text is limited to ${CHAT_MAX} characters` };
  return { text };
}
