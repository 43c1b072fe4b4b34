// The course of one match: the engine's match, its phase clock, and the bots in empty seats.
// It decides nothing itself: outcomes come from shared/engine, moves from shared/bots.
import { advancePhase, applyAction, type Match, type Seat } from '../../shared/engine/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { botLines, type BotLine } from '../../shared/bots/talk.js';
import { botActions } from '../../shared/bots/index.js';
import { botTurns, type BotTurn } from '../../shared/bots/turns.js';
import type { Action } from '../../shared/engine/actions.js';
import { slowDecision, type BotPool } from './botPool.js';
import { anyBotSeat, botSeats, everyHumanDone } from './bots.js';
import { PhaseClock } from './clock.js';
import type { ClockRecord, ControlOp, RoomRefusal as Refusal, Timers } from '../../shared/protocol/index.js';

/** Where slow bot decisions are made, and how the room picks up when one comes back. */
export interface OffLoop {
  pool: BotPool;
  /** Run `work` (bots move, phases may end) as the room runs its timers' work, then publish. */
  resume(work: () => void): void;
}

export class MatchPlay {
  readonly clock: PhaseClock;
  /** What bots said at the table since the room last took it. */
  private said: BotLine[] = [];
  /** The match as it stands (a new one keeps the previous one's unchanged fields: shared/engine/draft.ts). */
  match: Match;

  /** Counts settle() calls: a decision that comes back for an older one is dropped. */
  private runs = 0;

  /**
   * @param vacated human seats a bot plays for now (owned by the roster, read here)
   * @param onTimeUp called when the phase clock runs out
   * @param offLoop the bot pool for slow (search) decisions; without it every bot decides inline
   */
  constructor(
    match: Match,
    private timers: Timers,
    private vacated: ReadonlySet<PlayingSeat>,
    onTimeUp: () => void,
    private offLoop: OffLoop | null = null,
  ) {
    this.match = match;
    this.clock = new PhaseClock(onTimeUp);
  }

  get ended(): boolean {
    return this.match.ended !== null;
  }

  /** Apply a seat's action, then let bots answer; a refusal leaves the match untouched. */
  act(seat: Seat, action: unknown): Refusal | null {
    const r = applyAction(this.match, seat, action);
    if (!r.ok) return { code: r.code, reason: r.reason, ...(r.params ? { params: r.params } : {}) };
    this.match = r.match;
    this.settle();
    return null;
  }

  /** A facilitator's clock operation. */
  control(op: ControlOp, seconds?: number): Refusal | null {
    if (this.ended) return { code: 'match_over', reason: 'the match has ended' };
    const clock = this.clock;
    if (op === 'pause') {
      if (clock.paused) return { code: 'bad_control', reason: 'already paused' };
      clock.pause();
    } else if (op === 'resume') {
      if (!clock.paused) return { code: 'bad_control', reason: 'not paused' };
      clock.resume();
    } else if (op === 'extend') {
      if (!seconds) return { code: 'bad_control', reason: 'extend needs seconds' };
      clock.extend(seconds);
    } else if (op === 'advance') {
      this.advance();
      this.settle();
    } else {
      const r = applyAction(this.match, 'facilitator', { type: 'endMatch' });
      if (!r.ok) return { code: r.code, reason: r.reason };
      this.match = r.match;
    }
    return null;
  }

  /** The phase clock ran out: next phase. Returns whether anything changed. */
  timeUp(): boolean {
    if (this.ended) return false;
    this.advance();
    this.settle();
    return true;
  }

  /**
   * A stored clock whose deadline passed while no room ran (a slow game, a restart): play each
   * phase that fell due in turn, bots acting as they would have, and return the clock to restore.
   */
  catchUp(stored: ClockRecord, now = Date.now()): ClockRecord {
    if (stored.paused || stored.endsAt <= 0) return stored;
    let endsAt = stored.endsAt;
    // Bots decide inline here: the phases that passed are played out at once.
    for (let guard = 0; guard < 1000 && endsAt <= now && !this.ended; guard++) {
      this.settle(true);
      if (this.ended) break;
      this.advance();
      this.settle(true);
      endsAt += this.phaseLength();
    }
    return { paused: false, endsAt, remaining: 0 };
  }

  /**
   * Let bots play, and end the phase early while every human-played seat is done. A slow bot's
   * decision (search) is made on the bot pool: the bots before it have moved; the rest of this
   * settling (the later bots, the early end of the phase) goes on when it comes back, and the
   * room publishes it (`offLoop.resume`). If the match changed meanwhile (a human acted, the clock ran
   * out) the answer is dropped: that change settled again from the new match, as inline. So the
   * phase never ends early before the bots had their say, and each decision is the one the bot
   * makes inline for that match. `inline` forces every decision onto this thread (catching up).
   */
  settle(inline = false): void {
    this.steps(++this.runs, inline || !this.offLoop, 0, null, undefined);
  }

  /** Bots are deciding on the pool. */
  get deciding(): boolean {
    return this.waiting !== null;
  }

  /** Drop any decision under way (the room goes away). */
  stop(): void {
    this.runs++;
    this.waiting = null;
  }

  /** The turn whose decision is under way on the pool. */
  private waiting: BotTurn | null = null;

  private steps(run: number, inline: boolean, guard: number, turns: Generator<BotTurn, Match, Action[]> | null, answer: Action[] | undefined): void {
    this.waiting = null;
    for (; guard < 100 && !this.match.ended; guard++) {
      if (!turns) {
        // No bot plays (every seat is people's): no turns to go through, only whether the phase is over.
        if (!anyBotSeat(this.match, this.vacated)) {
          if (this.match.ended || !everyHumanDone(this.match, this.vacated)) break;
          this.advance();
          continue;
        }
        // What the bots say about their moves goes to the table's chat.
        turns = botTurns(this.match, botSeats(this.match, this.vacated), (before, seat, taken) => this.said.push(...botLines(before, seat, taken)));
      }
      let step = answer === undefined ? turns.next() : turns.next(answer);
      answer = undefined;
      for (; !step.done; step = turns.next(botActions(step.value.match, step.value.seat))) {
        const turn = step.value;
        this.match = turn.match;
        if (inline || !slowDecision(turn.match, turn.seat)) continue;
        this.waiting = turn;
        const current = () => run === this.runs && this.match === turn.match;
        const resume = (decide: () => Action[] | null) => {
          if (current()) this.offLoop!.resume(() => {
            const actions = decide();
            if (actions && current()) this.steps(run, inline, guard, turns, actions);
          });
        };
        this.offLoop!.pool.decide(turn.match, turn.seat, current).then(
          (actions) => resume(() => actions),
          (e: unknown) => {
            // No thread to decide on: decide here rather than stop the game.
            console.error('[bots] deciding inline:', e instanceof Error ? e.message : e);
            resume(() => botActions(turn.match, turn.seat));
          },
        );
        return;
      }
      this.match = step.value;
      turns = null;
      if (this.match.ended || !everyHumanDone(this.match, this.vacated)) break;
      this.advance();
    }
    if (this.match.ended) this.clock.stop();
  }

  /**
   * Back to a match and clock kept in the store (a write was lost): bot decisions under way are
   * dropped and the clock is held until `resumeClock`.
   */
  putBack(match: Match, clock: ClockRecord): void {
    this.stop();
    this.match = match;
    this.said = [];
    this.clock.hold(clock);
  }

  /** Run the held clock again; phases that fell due meanwhile are played now. */
  resumeClock(): void {
    if (this.ended) return;
    const r = this.clock.record();
    this.clock.restore(!r.paused && r.endsAt > 0 && r.endsAt <= Date.now() ? this.catchUp(r) : r);
  }

  /** Bot lines not yet posted to the chat. */
  takeLines(): BotLine[] {
    return this.said.splice(0);
  }

  /** Length of the current phase in ms: the match's timers, else the scenario's. */
  phaseLength(): number {
    return (this.timers[this.match.phase] ?? this.match.scenario.timers[this.match.phase]) * 1000;
  }

  private advance(): void {
    this.match = advancePhase(this.match).match;
    if (this.match.ended) this.clock.stop();
    else this.clock.start(this.phaseLength());
  }
}
