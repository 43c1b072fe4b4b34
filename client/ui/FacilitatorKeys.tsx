// The facilitator key and the seats' own links, for the one who created the match: folded away
// behind a step of its own, so the lobby can be projected without showing them.
import { useTranslation } from 'react-i18next';
import { formatSeatKey, type SeatKeys } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { joinLink } from '../joinLink.js';

export function FacilitatorKeys({ token, code, seats, keys }: { token: string; code: string; seats: PlayingSeat[]; keys: SeatKeys }) {
  const { t } = useTranslation();
  return (
    <details className="facilitator-keys" data-testid="facilitator-keys">
      <summary>{t('lobby.keys.show')}</summary>
      <p className="hint">{t('lobby.keys.warning')}</p>
      <p>
        {t('lobby.facilitatorToken')} <code data-testid="facilitator-token">{token}</code>
      </p>
      {seats.some((s) => keys[s]) && (
        <>
          <p>{t('lobby.keys.seatLinks')}</p>
          <ul>
            {seats
              .filter((s) => keys[s])
              .map((s) => (
                <li key={s}>
                  <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span> <code>{formatSeatKey(keys[s]!)}</code>{' '}
                  <a href={joinLink(location.origin, code, s, keys[s])}>{t('lobby.keys.link')}</a>
                </li>
              ))}
          </ul>
        </>
      )}
    </details>
  );
}
