// A room's seats as a table: who plays each (person, bot, or a bot standing in), who is there (each
// with a remove button when `onRemove` is given), and a cell for the caller's own controls.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayingSeat, RoomLive } from '../../net/facilitator.js';

export function SeatTable({
  seats,
  room,
  extra,
  onRemove,
}: {
  seats: PlayingSeat[];
  room: RoomLive;
  extra?: (seat: PlayingSeat) => ReactNode;
  onRemove?: (seat: PlayingSeat, name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="fac-seats-table">
      <caption className="visually-hidden">{t('fac.facts.seats')}</caption>
      <tbody>
        {seats.map((s) => {
          const st = room.seats[s]!;
          const present = st.occupants.filter((o) => o.connected);
          return (
            <tr key={s} data-seat={s}>
              <th scope="row">
                <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
              </th>
              <td data-testid="controller">
                {st.controller === 'bot' ? (
                  <span className="badge fac-bot">{t('fac.controller.bot')}</span>
                ) : st.botPlaying ? (
                  <span className="badge fac-bot-standin">{t('fac.facts.botStandIn')}</span>
                ) : (
                  <span className="badge fac-human">{t('fac.controller.human')}</span>
                )}
              </td>
              <td className="fac-people">
                {st.occupants.length === 0 ? (
                  <span className="hint">{st.controller === 'bot' ? '' : t('fac.facts.nobody')}</span>
                ) : (
                  st.occupants.map((o, i) => (
                    <span key={i} className={o.connected ? 'on' : 'off'}>
                      <span aria-hidden="true">{o.connected ? '● ' : '○ '}</span>
                      {o.name}
                      {!o.connected && <span className="visually-hidden"> ({t('lobby.away')})</span>}
                      {onRemove && (
                        <>
                          {' '}
                          <button type="button" className="fac-remove" data-testid={`remove-${s}`} onClick={() => onRemove(s, o.name)} aria-label={t('fac.room.remove', { name: o.name, seat: t(`seats.${s}`) })}>
                            {t('fac.room.removeShort')}
                          </button>
                        </>
                      )}
                      {i < st.occupants.length - 1 ? ', ' : ''}
                    </span>
                  ))
                )}
                {present.length > 0 && st.done && <span className="hint"> · {t('lobby.ready')}</span>}
              </td>
              {extra && <td className="fac-swap-cell">{extra(s)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
