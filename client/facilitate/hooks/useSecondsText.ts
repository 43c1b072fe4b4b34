import { useTranslation } from 'react-i18next';

/** Seconds as the facilitator thinks of them: minutes, hours or days. */
export function useSecondsText() {
  const { t } = useTranslation();
  return (secs: number) =>
    secs >= 86400 && secs % 86400 === 0 ? t('fac.units.days', { count: secs / 86400 }) : secs >= 3600 && secs % 3600 === 0 ? t('fac.units.hours', { count: secs / 3600 }) : t('fac.units.minutes', { count: Math.round((secs / 60) * 100) / 100 });
}
