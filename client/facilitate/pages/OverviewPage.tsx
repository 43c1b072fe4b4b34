// Every room on one screen, refreshed every two seconds, with controls per room and for all rooms.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlOp, PlayingSeat, RoomLive } from '../../net/facilitator.js';
import { PLAYING_SEATS } from '../../seats.js';
import { formatDuration, formatRatio } from '../../ui/format.js';
import { overviewReceived, timeLeft } from '../clock.js';
import { useConsole } from '../consoleContext.js';
import { useAct } from '../hooks/useAct.js';
import { useSecondsText } from '../hooks/useSecondsText.js';
import { useScenario } from '../hooks/useScenario.js';
import { useSince } from '../hooks/useSince.js';
import { TranslationNotes } from '../../ui/TranslationNotes.js';
import { BroadcastForm } from '../parts/BroadcastForm.js';
import { InjectForm } from '../parts/InjectForm.js';
import { UsageLine } from '../parts/UsageLine.js';
import { roomName } from '../roomName.js';
import { follow, navigate } from '../route.js';

export function OverviewPage() {
  const { t } = useTranslation();
  const ids = useId();
  const { overview, api, session } = useConsole();
  const act = useAct();
  const since = useSince(overview?.at ? overviewReceived(overview.at) : undefined);
  const secs = useSecondsText();
  const scenario = useScenario();
  const [tool, setTool] = useState<'inject' | 'broadcast' | null>(null);
  const rooms = overview?.rooms ?? [];
  const ended = rooms.length > 0 && rooms.every((r) => r.ended);

  const all = (op: ControlOp, seconds?: number) => act(t(`fac.control.all_${op}`, seconds ? { count: seconds / 60 } : {}), () => api.control(null, op, seconds));

  return (
    <main className="fac-main fac-overview" aria-labelledby={`${ids}-h`}>
      <div className="fac-overview-head">
        <h1 id={`${ids}-h`}>{t('fac.overview.title', { count: rooms.length })}</h1>
        {overview && (
          <p className="hint" aria-live="off">
            {t('fac.overview.limits', { count: overview.limits.maxPauses, extend: secs(overview.limits.maxExtensionSeconds) })}
          </p>
        )}
        <TranslationNotes scenario={scenario} />
      </div>
      {!ended && (
        <section className="fac-all" aria-label={t('fac.overview.allRooms')}>
          <h2 className="fac-all-title">{t('fac.overview.allRooms')}</h2>
          <div className="fac-buttons">
            <button type="button" onClick={() => void all('pause')} data-testid="all-pause">
              {t('fac.control.pause')}
            </button>
            <button type="button" onClick={() => void all('resume')}>
              {t('fac.control.resume')}
            </button>
            <button type="button" onClick={() => void all('extend', 60)}>
              {t('fac.control.extend1')}
            </button>
            <button type="button" onClick={() => void all('extend', 300)}>
              {t('fac.control.extend5')}
            </button>
            <button type="button" onClick={() => void all('advance')} data-testid="all-advance">
              {t('fac.control.advance')}
            </button>
            <button type="button" aria-expanded={tool === 'inject'} onClick={() => setTool(tool === 'inject' ? null : 'inject')} data-testid="all-inject">
              {t('fac.inject.open')}
            </button>
            <button type="button" aria-expanded={tool === 'broadcast'} onClick={() => setTool(tool === 'broadcast' ? null : 'broadcast')} data-testid="all-broadcast">
              {t('fac.broadcast.open')}
            </button>
            <span className="fac-push">
              <EndSession />
            </span>
          </div>
          {tool === 'inject' && <InjectForm rooms={null} onDone={() => setTool(null)} />}
          {tool === 'broadcast' && <BroadcastForm rooms={null} onDone={() => setTool(null)} />}
        </section>
      )}
      {!overview && <p role="status">{t('common.loading')}</p>}
      <ul className="fac-rooms" aria-label={t('fac.overview.rooms')}>
        {rooms.map((r) => (
          <li key={r.matchId}>
            <RoomCard room={r} since={since} session={session} />
          </li>
        ))}
      </ul>
    </main>
  );
}

function RoomCard({ room, since, session }: { room: RoomLive; since: number; session: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useConsole();
  const act = useAct();
  const lng = i18n.language;
  const left = timeLeft(room, since);
  const label = roomName(room.label, t);
  const ctl = (op: ControlOp, seconds?: number) => act(t(`fac.control.room_${op}`, { room: label, ...(seconds ? { count: seconds / 60 } : {}) }), () => api.control([room.matchId], op, seconds));
  const seats = PLAYING_SEATS.filter((s) => room.seats[s]);
  const headId = `room-${room.matchId}-h`;
  return (
    <article className={`fac-room${room.paused ? ' paused' : ''}${room.ended ? ' ended' : ''}`} aria-labelledby={headId} data-room={room.matchId} data-code={room.code}>
      <header>
        <h2 id={headId}>
          <a href={`/facilitate/${encodeURIComponent(session)}/room/${encodeURIComponent(room.matchId)}`} onClick={(e) => follow(e, { page: 'room', session, room: room.matchId })}>
            {label}
          </a>
        </h2>
        <span className="fac-code" aria-label={t('fac.sheet.codeLabel', { code: room.code.split('').join(' ') })}>
          {room.code}
        </span>
      </header>
      <dl className="fac-facts">
        <div>
          <dt>{t('fac.facts.round')}</dt>
          <dd data-testid="round">{t('fac.facts.roundOf', { round: room.round, rounds: room.rounds })}</dd>
        </div>
        <div>
          <dt>{t('fac.facts.phase')}</dt>
          <dd data-testid="phase" data-phase={room.phase}>
            {room.ended ? t(`fac.endings.${room.ended.kind}`, { defaultValue: room.ended.kind }) : t(`phaseShort.${room.phase}`, { defaultValue: room.phase })}
          </dd>
        </div>
        <div>
          <dt>{t('fac.facts.left')}</dt>
          <dd className={`fac-clock${room.paused ? ' paused' : ''}`} data-testid="left">
            {room.ended ? '–' : room.paused ? t('fac.facts.pausedLeft', { time: formatDuration(left, lng) }) : formatDuration(left, lng)}
          </dd>
        </div>
        <div>
          <dt>{t('fac.facts.escalation')}</dt>
          <dd className={`fac-esc esc-level-${room.escalation}`}>
            {room.escalation} · {t(`escalation.${room.escalation}`)}
          </dd>
        </div>
        <div>
          <dt>{t('fac.facts.balance')}</dt>
          <dd title={t(`gap.${room.balance.gap}`, { defaultValue: room.balance.gap })}>
            {formatRatio(room.balance.ratio, lng)} : 1 <span className="fac-gap">{t(`gap.${room.balance.gap}`, { defaultValue: room.balance.gap })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('fac.facts.treaty')}</dt>
          <dd data-testid="signed">{room.settlement ? t('fac.facts.signedDurability', { round: room.settlement.round, durability: Math.round(room.settlement.durability) }) : room.signed ? t('fac.facts.signed') : t('fac.facts.notSigned')}</dd>
        </div>
      </dl>
      <SeatList seats={seats} room={room} />
      <p className="hint fac-usage">
        <UsageLine room={room} short />
        {!room.live && !room.ended && <> · {t('fac.facts.notLiveShort')}</>}
      </p>
      {!room.ended && (
        <div className="fac-buttons fac-room-buttons">
          <button type="button" onClick={() => void ctl(room.paused ? 'resume' : 'pause')} data-testid="room-pause">
            {room.paused ? t('fac.control.resume') : t('fac.control.pause')}
          </button>
          <button type="button" onClick={() => void ctl('extend', 60)}>
            {t('fac.control.extend1')}
          </button>
          <button type="button" onClick={() => void ctl('advance')} data-testid="room-advance">
            {t('fac.control.advance')}
          </button>
          <button type="button" className="primary fac-open" onClick={() => navigate({ page: 'room', session, room: room.matchId })} aria-label={t('fac.overview.openRoomLabel', { room: label })}>
            {t('fac.overview.openRoom')}
          </button>
        </div>
      )}
    </article>
  );
}

/** The seats in two columns: who sits there (● connected, ○ away), or that a bot plays it. */
function SeatList({ seats, room }: { seats: PlayingSeat[]; room: RoomLive }) {
  const { t } = useTranslation();
  return (
    <ul className="fac-seat-list" aria-label={t('fac.facts.seats')}>
      {seats.map((s) => {
        const st = room.seats[s]!;
        return (
          <li key={s} data-seat={s}>
            <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>{' '}
            <span className="fac-people" data-testid="controller" data-controller={st.controller}>
              {st.controller === 'bot' && <span className="badge fac-bot">{t('fac.controller.bot')}</span>}
              {st.controller === 'human' && st.botPlaying && <span className="badge fac-bot-standin">{t('fac.facts.botStandInShort')}</span>}
              {st.controller === 'human' && st.occupants.length === 0 && !st.botPlaying && <span className="hint">{t('fac.facts.nobody')}</span>}
              {st.occupants.map((o, i) => (
                <span key={i} className={o.connected ? 'on' : 'off'}>
                  {i > 0 ? ', ' : st.controller === 'bot' ? ' ' : ''}
                  <span className="fac-person">
                    <span aria-hidden="true">{o.connected ? '● ' : '○ '}</span>
                    {o.name}
                  </span>
                  {!o.connected && <span className="visually-hidden"> ({t('lobby.away')})</span>}
                </span>
              ))}
              {st.controller === 'human' && st.done && st.occupants.some((o) => o.connected) && (
                <span className="fac-done" title={t('lobby.ready')}>
                  {' '}
                  ✓<span className="visually-hidden">{t('lobby.ready')}</span>
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function EndSession() {
  const { t } = useTranslation();
  const { api, refreshInfo, session } = useConsole();
  const act = useAct();
  const [confirm, setConfirm] = useState(false);
  if (!confirm)
    return (
      <button type="button" className="danger" onClick={() => setConfirm(true)} data-testid="end-session">
        {t('fac.end.button')}
      </button>
    );
  return (
    <span className="fac-confirm" role="group" aria-label={t('fac.end.confirm')}>
      {t('fac.end.confirm')}{' '}
      <button
        type="button"
        className="danger"
        autoFocus
        data-testid="end-confirm"
        onClick={async () => {
          setConfirm(false);
          if (await act(t('fac.end.done'), () => api.control(null, 'end'))) {
            await refreshInfo();
            navigate({ page: 'debrief', session });
          }
        }}
      >
        {t('fac.end.yes')}
      </button>{' '}
      <button type="button" onClick={() => setConfirm(false)}>
        {t('fac.end.no')}
      </button>
    </span>
  );
}
