// "Resume your match": the seats this browser held in matches still running (another tab, a
// restarted browser), each to take again or to forget.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResumableSeat } from '../net/intents.js';
import { useIntents } from './context.js';

export function ResumeMatches({ onResume, disabled }: { onResume: (matchId: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const intents = useIntents();
  const [seats, setSeats] = useState<ResumableSeat[]>([]);
  useEffect(() => {
    let live = true;
    intents.resumable().then(
      (s) => live && setSeats(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [intents]);
  if (!seats.length) return null;
  return (
    <section className="card resume" aria-labelledby="resume-h" data-testid="resume">
      <h2 id="resume-h">{t('home.resume.title')}</h2>
      <ul>
        {seats.map((s) => (
          <li key={s.matchId}>
            <button type="button" className="primary" onClick={() => onResume(s.matchId)} disabled={disabled}>
              {t('home.resume.button', { seat: t(`seats.${s.seat}`) })}
            </button>{' '}
            <span className="hint">{t('home.resume.facts', { code: s.code, name: s.name })}</span>{' '}
            <button
              type="button"
              onClick={() => {
                intents.forget(s.matchId);
                setSeats((all) => all.filter((x) => x.matchId !== s.matchId));
              }}
            >
              {t('home.resume.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
