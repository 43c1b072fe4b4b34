// The server's notices (a bot took an empty seat, a person is back, the server is stopping),
// shown for a few seconds in a polite live region.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGame } from './context.js';

const SHOW_MS = 8000;

export function Notices() {
  const { t } = useTranslation();
  const notices = useGame((s) => s.notices);
  const [now, setNow] = useState(() => Date.now());
  const recent = notices.filter((n) => now - n.at < SHOW_MS);
  useEffect(() => {
    if (!recent.length) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [recent.length, now]);
  useEffect(() => setNow(Date.now()), [notices]);
  return (
    <ul className="notices" aria-live="polite" aria-label={t('notices.label')}>
      {recent.map((n) => (
        <li key={`${n.at}-${n.key}`} className="notice" data-key={n.key}>
          {t(`notices.${n.key}`, { seat: n.params.seat ? t(`seats.${n.params.seat}`) : '' })}
        </li>
      ))}
    </ul>
  );
}
