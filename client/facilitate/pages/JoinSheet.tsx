// The join sheet to print (not to project: it carries the seats' keys): per room its code, and for
// each seat people play a QR code and a link with the seat's key, at an address phones can reach.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSeatKey } from '../../../shared/protocol/index.js';
import { joinLink } from '../../joinLink.js';
import { PLAYING_SEATS } from '../../seats.js';
import { useConsole } from '../consoleContext.js';
import { Qr } from '../parts/Qr.js';
import { roomName } from '../roomName.js';

export function JoinSheet() {
  const { t } = useTranslation();
  const ids = useId();
  const { info } = useConsole();
  if (!info) return <p role="status">{t('common.loading')}</p>;
  // Where phones reach the server (the server says: PARITY_PUBLIC_URL, its LAN address, or this one).
  const origin = info.joinAddress?.url ?? location.origin;
  const host = origin.replace(/^https?:\/\//, '');
  const rooms = info.rooms.filter((r) => !r.ended);
  return (
    <main className="fac-main fac-sheet" aria-labelledby={`${ids}-h`}>
      <div className="fac-sheet-head">
        <div>
          <h1 id={`${ids}-h`}>{t('fac.sheet.title', { name: info.name })}</h1>
          <p className="fac-sheet-how">{t('fac.sheet.how', { host })}</p>
          <p className="fac-sheet-address" data-testid="sheet-address">
            {t(`fac.sheet.address.${info.joinAddress?.source ?? 'request'}`, { url: origin })}
          </p>
        </div>
        <button type="button" className="primary no-print" onClick={() => window.print()} data-testid="print-sheet">
          {t('fac.sheet.print')}
        </button>
      </div>
      {rooms.length === 0 && <p>{t('fac.sheet.none')}</p>}
      <ol className="fac-sheet-rooms">
        {rooms.map((r) => {
          const seats = PLAYING_SEATS.filter((s) => r.seats[s]);
          return (
            <li key={r.matchId} className="fac-sheet-room" data-room={r.matchId}>
              <section aria-labelledby={`${ids}-${r.matchId}`}>
                <header>
                  <h2 id={`${ids}-${r.matchId}`}>{roomName(r.label, t)}</h2>
                  <p className="fac-sheet-code">
                    <span className="hint">{t('fac.sheet.code')}</span>{' '}
                    <strong data-testid="sheet-code" aria-label={t('fac.sheet.codeLabel', { code: r.code.split('').join(' ') })}>
                      {r.code}
                    </strong>
                  </p>
                </header>
                <ul className="fac-sheet-seats">
                  {seats.map((s) => {
                    const bot = r.seats[s]!.controller === 'bot';
                    const key = r.keys?.[s];
                    const link = joinLink(origin, r.code, s, key);
                    return (
                      <li key={s} className={bot ? 'bot' : 'human'} data-seat={s}>
                        <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
                        {bot ? (
                          <p className="fac-sheet-bot">{t('fac.sheet.bot')}</p>
                        ) : (
                          <>
                            <Qr text={link} label={t('fac.sheet.qrLabel', { seat: t(`seats.${s}`), room: roomName(r.label, t) })} />
                            <a className="fac-sheet-link" href={link} data-testid="seat-link">
                              {host}
                            </a>
                            {key && (
                              <p className="fac-sheet-key">
                                <span className="hint">{t('fac.sheet.key')}</span> <code data-testid="seat-key">{formatSeatKey(key)}</code>
                              </p>
                            )}
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
