// The synced schema state: public facts only. Private views travel as 'view' messages.
import { Encoder, schema, t, type SchemaType } from '@colyseus/schema';

// Each room holds two encode buffers of this size (patches, full state). Ours encodes in well under
// 1 KB (six seats of a few occupants); 16 KB each was a sixth of a room's memory. A bigger state
// grows the buffer by itself (with a warning).
Encoder.BUFFER_SIZE = 4 * 1024;

export const Occupant = schema(
  {
    sessionId: t.string().default(''),
    name: t.string().default(''),
    connected: t.boolean().default(true),
  },
  'Occupant',
);
export type Occupant = SchemaType<typeof Occupant>;

export const SeatState = schema(
  {
    controller: t.string().default('human'),
    botPlaying: t.boolean().default(false),
    done: t.boolean().default(false),
    occupants: t.array(Occupant),
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const MatchState = schema(
  {
    matchId: t.string().default(''),
    code: t.string().default(''),
    scenarioId: t.string().default(''),
    round: t.uint16().default(1),
    rounds: t.uint16().default(1),
    phase: t.string().default('news'),
    phaseEndsAt: t.float64().default(0),
    paused: t.boolean().default(false),
    pausedRemaining: t.float64().default(0),
    escalation: t.uint8().default(0),
    stability: t.float32().default(0),
    ended: t.string().default(''),
    directChannel: t.boolean().default(true),
    seats: t.map(SeatState),
    facilitators: t.uint16().default(0),
    spectators: t.uint16().default(0),
  },
  'MatchState',
);
export type MatchState = SchemaType<typeof MatchState>;
