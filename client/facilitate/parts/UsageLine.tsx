// How much of the session's pause and extension allowance a room has used.
import { useTranslation } from 'react-i18next';
import type { RoomLive } from '../../net/facilitator.js';
import { useConsole } from '../consoleContext.js';
import { useSecondsText } from '../hooks/useSecondsText.js';

export function UsageLine({ room, short = false }: { room: RoomLive; short?: boolean }) {
  const { t } = useTranslation();
  const { overview } = useConsole();
  const secs = useSecondsText();
  if (!overview) return null;
  if (short)
    return (
      <>
        {t('fac.facts.usageShort', {
          pauses: room.pausesUsed,
          maxPauses: overview.limits.maxPauses,
          extended: Math.round((room.extensionSecondsUsed / 60) * 10) / 10,
          maxExtend: Math.round((overview.limits.maxExtensionSeconds / 60) * 10) / 10,
        })}
      </>
    );
  return (
    <>
      {t('fac.facts.usage', {
        pauses: room.pausesUsed,
        maxPauses: overview.limits.maxPauses,
        extended: secs(room.extensionSecondsUsed),
        maxExtend: secs(overview.limits.maxExtensionSeconds),
      })}
    </>
  );
}
