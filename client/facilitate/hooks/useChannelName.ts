import { useTranslation } from 'react-i18next';

/** A channel as people say it: "Public table", or "Armenia ↔ European Union". */
export function useChannelName() {
  const { t } = useTranslation();
  return (c: string) => (c === 'table' ? t('chat.table') : c.split('-').map((s) => t(`seats.${s}`, { defaultValue: s })).join(' ↔ '));
}
