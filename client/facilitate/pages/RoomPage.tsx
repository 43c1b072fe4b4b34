// One room: its figures and controls, seats (swap human ↔ bot), inject, broadcast, fork, every channel,
// and its timeline with what each side knew when it decided.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSeatKey } from '../../../shared/protocol/index.js';
import type { ApiError, ChatLine, ControlOp, PlayingSeat, RoomTimeline } from '../../net/facilitator.js';
import { PLAYING_SEATS } from '../../seats.js';
import { formatDuration, formatRatio, formatTime } from '../../ui/format.js';
import { overviewReceived, timeLeft } from '../clock.js';
import { useConsole } from '../consoleContext.js';
import { downloadBlob } from '../download.js';
import { useAct } from '../hooks/useAct.js';
import { useChannelName } from '../hooks/useChannelName.js';
import { POLL_MS, usePoll } from '../hooks/usePoll.js';
import { useScenario } from '../hooks/useScenario.js';
import { useSince } from '../hooks/useSince.js';
import { BroadcastForm } from '../parts/BroadcastForm.js';
import { InjectForm } from '../parts/InjectForm.js';
import { SeatTable } from '../parts/SeatTable.js';
import { Timeline } from '../parts/Timeline.js';
import { UsageLine } from '../parts/UsageLine.js';
import { roomName } from '../roomName.js';
import { follow, navigate } from '../route.js';

export function RoomPage({ matchId }: { matchId: string }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const { overview, api, session, info } = useConsole();
  const lng = i18n.language;
  const act = useAct();
  const room = overview?.rooms.find((r) => r.matchId === matchId);
  const since = useSince(overview?.at ? overviewReceived(overview.at) : undefined);
  const ref = info?.rooms.find((r) => r.matchId === matchId);
  if (!room)
    return (
      <main className="fac-main">
        <p role="status">{overview ? t('fac.room.unknown') : t('common.loading')}</p>
      </main>
    );
  const label = roomName(room.label, t);
  const ctl = (op: ControlOp, seconds?: number) =>
    act(t(`fac.control.room_${op}`, { room: label, ...(seconds ? { count: seconds / 60 } : {}) }), () => api.control([matchId], op, seconds));
  const seats = PLAYING_SEATS.filter((s) => room.seats[s]);
  const left = timeLeft(room, since);
  return (
    <main className="fac-main fac-roompage" aria-labelledby={`${ids}-h`} data-room={matchId}>
      <p className="fac-crumbs">
        <a href={`/facilitate/${encodeURIComponent(session)}`} onClick={(e) => follow(e, { page: 'overview', session })}>
          ← {t('fac.nav.overview')}
        </a>
      </p>
      <header className="fac-room-head">
        <h1 id={`${ids}-h`}>
          {label} <span className="fac-code">{room.code}</span>
        </h1>
        <p className="fac-room-line" data-testid="room-line" data-phase={room.phase} data-round={room.round} data-paused={room.paused ? 'yes' : 'no'}>
          {t('fac.facts.roundOf', { round: room.round, rounds: room.rounds })} · {room.ended ? t(`fac.endings.${room.ended.kind}`, { defaultValue: room.ended.kind }) : t(`phase.${room.phase}`)}
          {!room.ended && <> · {room.paused ? t('fac.facts.pausedLeft', { time: formatDuration(Math.max(0, left), lng) }) : formatDuration(Math.max(0, left), lng)}</>} · {t('fac.facts.escalation')} {room.escalation} ·{' '}
          {t('fac.facts.balance')} {formatRatio(room.balance.ratio, lng)} : 1 · {room.settlement ? t('fac.facts.signed') : t('fac.facts.notSigned')}
          {!room.live && !room.ended && <span className="fac-live"> · {t('fac.facts.notLive')}</span>}
        </p>
        {ref?.forkOf && <p className="hint">{t('fac.room.forkOf', { room: roomName(info?.rooms.find((r) => r.matchId === ref.forkOf!.matchId)?.label ?? ref.forkOf.matchId, t), round: ref.forkOf.round })}</p>}
      </header>
      <div className="fac-room-grid">
        <div className="fac-col">
          <section className="card no-print" aria-labelledby={`${ids}-ctl`}>
            <h2 id={`${ids}-ctl`}>{t('fac.room.controls')}</h2>
            {room.ended ? (
              <p>{t('fac.room.over')}</p>
            ) : (
              <div className="fac-buttons">
                <button type="button" onClick={() => void ctl(room.paused ? 'resume' : 'pause')} data-testid="room-pause">
                  {room.paused ? t('fac.control.resume') : t('fac.control.pause')}
                </button>
                <button type="button" onClick={() => void ctl('extend', 60)}>
                  {t('fac.control.extend1')}
                </button>
                <button type="button" onClick={() => void ctl('extend', 300)}>
                  {t('fac.control.extend5')}
                </button>
                <button type="button" onClick={() => void ctl('advance')} data-testid="room-advance">
                  {t('fac.control.advance')}
                </button>
                <span className="fac-push">
                  <EndRoom onEnd={() => void ctl('end')} />
                </span>
              </div>
            )}
            <p className="hint">
              <UsageLine room={room} />
            </p>
          </section>
          <section className="card" aria-labelledby={`${ids}-seats`}>
            <h2 id={`${ids}-seats`}>{t('fac.room.seats')}</h2>
            <SeatTable
              seats={seats}
              room={room}
              extra={
                room.ended
                  ? undefined
                  : (s) => (
                      <>
                        <SwapSeat matchId={matchId} seat={s} bot={room.seats[s]!.controller === 'bot'} /> <SeatKey matchId={matchId} seat={s} />
                      </>
                    )
              }
              onRemove={room.ended ? undefined : (s, name) => void act(t('fac.room.removed', { name, seat: t(`seats.${s}`) }), () => api.remove(matchId, s, name))}
            />
          </section>
          {!room.ended && (
            <section className="card no-print" aria-label={t('fac.room.tools')}>
              <InjectForm rooms={[matchId]} />
              <BroadcastForm rooms={[matchId]} />
            </section>
          )}
          <ForkForm matchId={matchId} reported={room.reported} label={label} />
          <RoomExports matchId={matchId} code={room.code} />
        </div>
        <Channels matchId={matchId} />
      </div>
      <RoomTimelineSection matchId={matchId} />
    </main>
  );
}

function EndRoom({ onEnd }: { onEnd(): void }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  if (!confirm)
    return (
      <button type="button" className="danger" onClick={() => setConfirm(true)}>
        {t('fac.room.end')}
      </button>
    );
  return (
    <span className="fac-confirm" role="group" aria-label={t('fac.room.endConfirm')}>
      {t('fac.room.endConfirm')}{' '}
      <button type="button" className="danger" autoFocus onClick={() => (setConfirm(false), onEnd())}>
        {t('fac.end.yes')}
      </button>{' '}
      <button type="button" onClick={() => setConfirm(false)}>
        {t('fac.end.no')}
      </button>
    </span>
  );
}

function SwapSeat({ matchId, seat, bot }: { matchId: string; seat: PlayingSeat; bot: boolean }) {
  const { t } = useTranslation();
  const { api, roomLabel } = useConsole();
  const act = useAct();
  const to = bot ? 'human' : 'bot';
  const name = t(`seats.${seat}`);
  return (
    <button
      type="button"
      data-testid={`swap-${seat}`}
      onClick={() => void act(t(`fac.room.swapped_${to}`, { seat: name, room: roomLabel(matchId) }), () => api.setSeat([matchId], seat, to))}
    >
      {t(`fac.room.swap_${to}`, { seat: name })}
    </button>
  );
}

/** A seat's key: shown on demand (not on a projected screen by default), and renewed when it went astray. */
function SeatKey({ matchId, seat }: { matchId: string; seat: PlayingSeat }) {
  const { t } = useTranslation();
  const { api, info, refreshInfo } = useConsole();
  const act = useAct();
  const [shown, setShown] = useState(false);
  const key = info?.rooms.find((r) => r.matchId === matchId)?.keys?.[seat];
  if (!key) return null;
  const name = t(`seats.${seat}`);
  return (
    <span className="fac-seat-key">
      <button type="button" data-testid={`key-${seat}`} aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? t('fac.room.hideKey') : t('fac.room.showKey', { seat: name })}
      </button>
      {shown && (
        <>
          {' '}
          <code data-testid={`key-of-${seat}`}>{formatSeatKey(key)}</code>{' '}
          <button
            type="button"
            data-testid={`renew-${seat}`}
            onClick={() =>
              void act(t('fac.room.renewed', { seat: name }), async () => {
                await api.renewKey(matchId, seat);
                await refreshInfo();
              })
            }
          >
            {t('fac.room.renewKey')}
          </button>
        </>
      )}
    </span>
  );
}

function ForkForm({ matchId, reported, label }: { matchId: string; reported: number; label: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const { api, refreshInfo, refreshOverview, report, session } = useConsole();
  const [round, setRound] = useState(reported || 1);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRound((r) => (r > reported || r < 1 ? Math.max(1, reported) : r)), [reported]);
  const fork = async () => {
    setBusy(true);
    try {
      const made = await api.fork(matchId, round);
      report({ title: t('fac.fork.done'), lines: [{ ok: true, text: t('fac.fork.made', { room: roomName(made.label, t), code: made.code, from: label, round }) }] });
      await Promise.all([refreshInfo(), refreshOverview()]);
      navigate({ page: 'room', session, room: made.matchId });
    } catch (e) {
      report({ title: t('fac.fork.done'), lines: [{ ok: false, text: (e as Error).message }, ...((e as ApiError).issues ?? []).map((i) => ({ ok: false, text: i }))] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card no-print" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('fac.fork.title')}</h2>
      <p className="hint">{t('fac.fork.hint')}</p>
      {reported < 1 ? (
        <p>{t('fac.fork.notYet')}</p>
      ) : (
        <div className="fac-inline">
          <label htmlFor={`${ids}-round`}>{t('fac.fork.round')}</label>
          <select id={`${ids}-round`} value={round} onChange={(e) => setRound(Number(e.target.value))} data-testid="fork-round">
            {Array.from({ length: reported }, (_, i) => i + 1).map((r) => (
              <option key={r} value={r}>
                {t('fac.fork.roundOption', { round: r })}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void fork()} disabled={busy} aria-busy={busy} data-testid="fork">
            {t('fac.fork.button')}
          </button>
        </div>
      )}
    </section>
  );
}

function RoomExports({ matchId, code }: { matchId: string; code: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const { api, report } = useConsole();
  const get = async (format: 'json' | 'meters' | 'decisions') => {
    try {
      downloadBlob(await api.exportRoom(matchId, format), `parity-${code}-${format}.${format === 'json' ? 'json' : 'csv'}`);
    } catch (e) {
      report({ title: t('fac.export.title'), lines: [{ ok: false, text: (e as Error).message }] });
    }
  };
  return (
    <section className="card no-print" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('fac.export.roomTitle')}</h2>
      <div className="fac-buttons">
        <button type="button" onClick={() => window.print()}>
          {t('fac.export.print')}
        </button>
        <button type="button" onClick={() => void get('json')}>
          {t('fac.export.json')}
        </button>
        <button type="button" onClick={() => void get('meters')}>
          {t('fac.export.meters')}
        </button>
        <button type="button" onClick={() => void get('decisions')}>
          {t('fac.export.decisions')}
        </button>
      </div>
    </section>
  );
}

/** Every channel of the room, read-only, refreshed with the overview. */
function Channels({ matchId }: { matchId: string }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const { api } = useConsole();
  const [channels, setChannels] = useState<string[]>([]);
  const [messages, setMessages] = useState<ChatLine[]>([]);
  const [channel, setChannel] = useState<string>('all');
  const load = useCallback(async () => {
    const r = await api.chat(matchId);
    setChannels(r.channels);
    setMessages(r.messages);
  }, [api, matchId]);
  usePoll(load, POLL_MS, [load]);
  const shown = channel === 'all' ? messages : messages.filter((m) => m.channel === channel);
  const channelName = useChannelName();
  return (
    <section className="card fac-channels" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('fac.channels.title')}</h2>
      <div className="fac-inline">
        <label htmlFor={`${ids}-ch`}>{t('fac.channels.show')}</label>
        <select id={`${ids}-ch`} value={channel} onChange={(e) => setChannel(e.target.value)} data-testid="channel-select">
          <option value="all">{t('fac.channels.all', { count: messages.length })}</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {channelName(c)} ({messages.filter((m) => m.channel === c).length})
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="hint">{t('chat.empty')}</p>
      ) : (
        <ol className="fac-chat" data-testid="channel-log">
          {shown.map((m) => (
            <li key={m.id}>
              <span className="hint">
                {formatTime(m.at, i18n.language)}
                {channel === 'all' && ` · ${channelName(m.channel)}`}
              </span>{' '}
              <span className={`seat-chip seat-${m.seat}`}>{t(`seats.${m.seat}`, { defaultValue: m.seat })}</span> {m.name !== t(`seats.${m.seat}`, { defaultValue: m.seat }) && <span className="fac-chat-name">{m.name}:</span>} <span className="fac-chat-text">{m.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RoomTimelineSection({ matchId }: { matchId: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const { api } = useConsole();
  const scenario = useScenario();
  const [data, setData] = useState<RoomTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.timeline(matchId).then(setData, (e: Error) => setError(e.message)), [api, matchId]);
  useEffect(() => void load(), [load]);
  return (
    <section className="card fac-timeline-section" aria-labelledby={`${ids}-h`}>
      <div className="fac-inline">
        <h2 id={`${ids}-h`}>{t('fac.timeline.title')}</h2>
        <button type="button" className="no-print" onClick={() => void load()} data-testid="timeline-refresh">
          {t('fac.timeline.refresh')}
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {data ? <Timeline entries={data.entries} scenario={scenario} /> : <p role="status">{t('common.loading')}</p>}
    </section>
  );
}
