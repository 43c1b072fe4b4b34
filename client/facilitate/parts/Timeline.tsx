// A room's timeline: every decision, its consequences, the injects and the facilitator's actions,
// with what the deciding seat knew at that moment beside what was true.
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/scenario/schema.js';
import type { MatchEvent } from '../../../shared/engine/types.js';
import type { Knowledge, TimelineEntry } from '../../net/facilitator.js';
import { isIntel, isNews } from '../../ui/events.js';
import { describeEvent } from '../../ui/names.js';
import { formatRatio, formatTime } from '../../ui/format.js';
import { describeOp } from '../describeOp.js';
import type { Language } from '../../../shared/i18n/index.js';

const HIDDEN_KINDS = new Set(['report']);

export function Timeline({ entries, scenario, compact = false }: { entries: TimelineEntry[]; scenario: Scenario | null; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const shown = entries.filter((e) => !HIDDEN_KINDS.has(e.kind) && !(e.kind === 'news' && e.events.every(isIntel)));
  if (shown.length === 0) return <p className="hint">{t('fac.timeline.empty')}</p>;
  return (
    <ol className={`fac-timeline${compact ? ' compact' : ''}`} data-testid="timeline">
      {shown.map((e, i) => {
        const who = e.kind === 'facilitator' || e.kind === 'inject' ? 'facilitator' : e.seat;
        const events = e.events.filter(isNews);
        const badge = e.kind === 'inject' || e.kind === 'facilitator' ? <span className="badge">{t(`fac.kinds.${e.kind}`)}</span> : null;
        const line = e.facilitator ? describeOp(e.facilitator.op, e.facilitator.detail, t, scenario, lng as Language) : events.length ? null : t(`fac.kinds.${e.kind}`, { defaultValue: e.kind });
        return (
          <li key={i} className={`fac-tl fac-tl-${e.kind}`} data-kind={e.kind}>
            <span className="fac-tl-when">
              {t('news.round', { round: e.round })} · {t(`phaseShort.${e.phase}`, { defaultValue: e.phase })}
              {e.at ? ` · ${formatTime(e.at, lng)}` : ''}
            </span>
            <span className="fac-tl-who">
              {who ? <span className={`seat-chip seat-${who}`}>{t(`seats.${who}`, { defaultValue: who })}</span> : <span className="hint">{t('fac.timeline.rules')}</span>}
            </span>
            <span className="fac-tl-what">
              {line !== null && (
                        <>
                          {badge} {line}
                        </>
                      )}
              {line === null && (
                <ul className="fac-tl-lines">
                  {events.map((x, k) => (
                    <li key={k}>
                      {k === 0 && badge && <>{badge} </>}
                      {x.to && <span className="fac-tl-to">{t('fac.timeline.onlyFor', { seats: x.to.map((s) => t(`seats.${s}`)).join(', ') })}</span>}
                      {describeEvent(x, scenario, t, lng, { seat: 'facilitator' })}
                    </li>
                  ))}
                </ul>
              )}
              {e.knew && e.seat && <Knew seat={e.seat} knew={e.knew} scenario={scenario} round={e.round} />}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Knew({ seat, knew, scenario, round }: { seat: string; knew: Knowledge; scenario: Scenario | null; round: number }) {
  const { t, i18n } = useTranslation();
  const b = knew.balance;
  const lng = i18n.language;
  const belief = b.exact ? t('fac.knew.exact', { ratio: formatRatio(b.low, lng) }) : t('fac.knew.range', { low: formatRatio(b.low, lng), high: formatRatio(b.high, lng) });
  const off = !b.exact && (knew.truth < b.low || knew.truth > b.high);
  return (
    <details className="fac-knew">
      <summary>{t('fac.knew.summary', { seat: t(`seats.${seat}`, { defaultValue: seat }) })}</summary>
      <dl>
        <div>
          <dt>{t('fac.knew.balance')}</dt>
          <dd>
            {belief} ({t(`gap.${b.gap}`, { defaultValue: b.gap })})
          </dd>
        </div>
        <div>
          <dt>{t('fac.knew.truth')}</dt>
          <dd className={off ? 'fac-off' : ''}>
            {formatRatio(knew.truth, lng)} : 1{off ? ` — ${t('fac.knew.outside')}` : ''}
          </dd>
        </div>
        {knew.intel && (
          <div>
            <dt>{t('fac.knew.intel')}</dt>
            <dd>{t('fac.knew.intelRange', { low: Math.round(knew.intel.effective[0]), high: Math.round(knew.intel.effective[1]), round: knew.intel.round })}</dd>
          </div>
        )}
        <div>
          <dt>{t('fac.knew.situation')}</dt>
          <dd>
            {t('fac.knew.situationLine', { escalation: knew.escalation, stability: Math.round(knew.stability), count: knew.openDemands })}
            {knew.support !== undefined && ` · ${t('fac.knew.own', { support: Math.round(knew.support), standing: Math.round(knew.standing ?? 0), budget: Math.round(knew.budget ?? 0) })}`}
          </dd>
        </div>
        {knew.news.length > 0 && (
          <div>
            <dt>{t('fac.knew.news')}</dt>
            <dd>
              <ul>
                {knew.news.map((n, i) => (
                  <li key={i}>{describeEvent({ round, phase: 'news', key: n.key, params: n.params, to: null } as MatchEvent, scenario, t, lng)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </details>
  );
}
