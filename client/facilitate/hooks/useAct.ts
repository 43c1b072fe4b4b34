import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../net/facilitator.js';
import { useConsole } from '../consoleContext.js';

type RoomResults = { results?: { matchId: string; ok: boolean; code?: string; reason?: string }[] };

/** Wraps a facilitator call: its per-room results (or its error) become the status area's lines. */
export function useAct() {
  const { t } = useTranslation();
  const { report, roomLabel, refreshOverview } = useConsole();
  return useCallback(
    async (title: string, f: () => Promise<RoomResults | unknown>): Promise<boolean> => {
      try {
        const r = (await f()) as RoomResults | undefined;
        const results = r && typeof r === 'object' && Array.isArray(r.results) ? r.results : null;
        report({
          title,
          lines: results
            ? results.map((x) => ({
                ok: x.ok,
                text: x.ok ? t('fac.result.ok', { room: roomLabel(x.matchId) }) : t('fac.result.refused', { room: roomLabel(x.matchId), reason: t(`fac.refusals.${x.code}`, { defaultValue: x.reason ?? x.code ?? '' }) }),
              }))
            : [{ ok: true, text: t('fac.result.done') }],
        });
        void refreshOverview();
        return !results || results.every((x) => x.ok);
      } catch (e) {
        const err = e as ApiError;
        report({ title, lines: [{ ok: false, text: err.message }, ...(err.issues ?? []).map((i) => ({ ok: false, text: i }))] });
        return false;
      }
    },
    [report, roomLabel, refreshOverview, t],
  );
}
