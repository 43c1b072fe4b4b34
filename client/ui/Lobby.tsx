// Lobby: the join code large enough for the back of a classroom, the seats and who sits in them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { PLAYING_SEATS } from '../seats.js';
import type { Seat } from '../../shared/engine/types.js';
import { useGame, useIntents, useStoreApi } from './context.js';
import { FacilitatorKeys } from './FacilitatorKeys.js';
import { PhaseClock } from './play/PhaseClock.js';
import { errorText } from './errors.js';

export function Lobby() {
  const { t, i18n } = useTranslation();
  const session = useGame((s) => s.session);
  const joinInfo = useGame((s) => s.joinInfo);
  const room = useGame((s) => s.room);
  const token = useGame((s) => s.facilitatorToken);
  const seatKeys = useGame((s) => s.seatKeys);
  const api = useStoreApi();
  const intents = useIntents();
  const [busy, setBusy] = useState<Seat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const code = room?.code ?? joinInfo?.code ?? session?.code ?? '';
  const seated = !!session?.seat;

  const take = async (seat: Seat) => {
    setBusy(seat);
    setError(null);
    try {
      await intents.takeSeat(seat, seat === 'spectator' || seat === 'facilitator' ? undefined : key.trim() || undefined);
    } catch (e) {
      setError(errorText(e, t, i18n.language));
    } finally {
      setBusy(null);
    }
  };

  const seatIds = PLAYING_SEATS.filter((s) => (room ? room.seats[s] : joinInfo?.seats[s]));
  return (
    <main className="lobby">
      <section className="join-code" aria-label={t('lobby.codeLabel')}>
        <h1 className="lobby-h1">{t('lobby.joinWith')}</h1>
        <p className="code-huge" data-testid="join-code">
          {code.split('').map((c, i) => (
            <span key={i}>{c}</span>
          ))}
        </p>
        <p className="hint">{t('lobby.codeHint')}</p>
      </section>
      <section className="lobby-seats" aria-labelledby="lobby-seats-h">
        <h2 id="lobby-seats-h">{seated ? t('lobby.seats') : t('lobby.chooseSeat')}</h2>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!seated && joinInfo && !joinInfo.open && (
          <p className="seat-key">
            <label htmlFor="lobby-key">{t('lobby.seatKey')}</label>{' '}
            <input id="lobby-key" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} />
            <span className="hint"> {t('lobby.seatKeyHint')}</span>
          </p>
        )}
        <ul className="seat-list">
          {seatIds.map((s: PlayingSeat) => {
            const st = room?.seats[s];
            const controller = st?.controller ?? joinInfo?.seats[s]?.controller ?? 'bot';
            const mine = session?.seat === s;
            return (
              <li key={s} className={`seat-card seat-${s}${mine ? ' mine' : ''}`} data-seat={s}>
                <h3>
                  <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
                  {mine && <span className="badge">{t('lobby.you')}</span>}
                </h3>
                <p className="seat-kind">{controller === 'bot' ? t('lobby.bot') : st?.botPlaying ? t('lobby.botUntilJoined') : t('lobby.human')}</p>
                {st && st.occupants.length > 0 && (
                  <ul className="members" aria-label={t('lobby.members')}>
                    {st.occupants.map((o) => (
                      <li key={o.sessionId} className={o.connected ? '' : 'away'}>
                        {o.name}
                        {!o.connected && <span className="hint"> ({t('lobby.away')})</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {st && controller === 'human' && <p className={`ready ${st.done ? 'yes' : 'no'}`}>{st.done ? t('lobby.ready') : t('lobby.notReady')}</p>}
                {!seated && controller === 'human' && (
                  <button type="button" className="primary" onClick={() => void take(s)} disabled={busy !== null} aria-busy={busy === s}>
                    {busy === s ? t('common.working') : t('lobby.take', { seat: t(`seats.${s}`) })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {!seated && (
          <p className="lobby-other">
            <button type="button" onClick={() => void take('spectator')} disabled={busy !== null}>
              {t('lobby.watch')}
            </button>
            {token && (
              <button type="button" onClick={() => void take('facilitator')} disabled={busy !== null}>
                {t('lobby.facilitate')}
              </button>
            )}
            <button type="button" onClick={() => intents.leave()}>
              {t('common.back')}
            </button>
          </p>
        )}
        {seated && room && (
          <div className="lobby-go">
            <p>
              {t('lobby.startsAt')} <PhaseClock />
            </p>
            <button type="button" className="primary big" onClick={() => api.getState().passLobby()} data-testid="to-briefing">
              {session?.seat === 'facilitator' || session?.seat === 'spectator' ? t('lobby.toMatch') : t('lobby.toBriefing')}
            </button>
          </div>
        )}
        {seated && !room && <p role="status">{t('common.loading')}</p>}
        {token && <FacilitatorKeys token={token} code={code} seats={seatIds} keys={seatKeys} />}
      </section>
    </main>
  );
}
