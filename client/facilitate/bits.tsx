// Small pieces the console's pages share.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface Problem {
  message: string;
  issues: string[];
}

/** The server's refusal with its precise list of errors, announced to screen readers. */
export function ErrorList({ error, title, testid }: { error: Problem | null; title?: string; testid?: string }) {
  if (!error) return null;
  return (
    <div className="form-error fac-errors" role="alert" data-testid={testid}>
      <p>{title ? `${title} ${error.message}` : error.message}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((i, k) => (
            <li key={k}>
              <code>{i}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Call `f` now and every `ms` while mounted; skipped while the tab is hidden. */
export function usePoll(f: () => void | Promise<void>, ms: number, deps: unknown[]) {
  const fn = useRef(f);
  fn.current = f;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (!live) return;
      if (document.visibilityState !== 'hidden') await Promise.resolve(fn.current()).catch(() => undefined);
      if (live) timer = setTimeout(tick, ms);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ms, ...deps]);
}

export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s >= 86400) return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds as the facilitator thinks of them: minutes, hours or days. */
export function useSecondsText() {
  const { t } = useTranslation();
  return (secs: number) =>
    secs >= 86400 && secs % 86400 === 0 ? t('fac.units.days', { count: secs / 86400 }) : secs >= 3600 && secs % 3600 === 0 ? t('fac.units.hours', { count: secs / 3600 }) : t('fac.units.minutes', { count: Math.round((secs / 60) * 100) / 100 });
}

export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
