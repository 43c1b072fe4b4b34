// The class debrief, for projection: every room side by side, charts across rooms, the facilitator's
// log, each room's timeline on demand, and the exports (JSON, CSV, print).
import { Fragment, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx } from '../../i18n.js';
import type { ClassDebrief, RoomDebrief, RoomTimeline } from '../../net/facilitator.js';
import { PLAYING_SEATS } from '../../seats.js';
import { LineChart } from '../../ui/debrief/Chart.js';
import { useConsole } from '../consoleContext.js';
import { describeOp } from '../describeOp.js';
import type { Language } from '../../../shared/i18n/index.js';
import { downloadBlob } from '../download.js';
import { useChannelName } from '../hooks/useChannelName.js';
import { useScenario } from '../hooks/useScenario.js';
import { Timeline } from '../parts/Timeline.js';
import { chartData, ROOM_COLOURS } from '../roomCharts.js';
import { roomName } from '../roomName.js';
import { formatRatio, formatTime } from '../../ui/format.js';

export default function ClassDebriefPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const ids = useId();
  const { api, session, report } = useConsole();
  const scenario = useScenario();
  const [data, setData] = useState<ClassDebrief | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.debrief().then(setData, (e: Error) => setError(e.message)), [api]);
  useEffect(() => void load(), [load]);

  const exportAs = async (format: 'json' | 'meters' | 'decisions') => {
    try {
      downloadBlob(await api.exportClass(format), `parity-class-${session}-${format}.${format === 'json' ? 'json' : 'csv'}`);
    } catch (e) {
      report({ title: t('fac.export.title'), lines: [{ ok: false, text: (e as Error).message }] });
    }
  };

  const charts = useMemo(() => (data ? chartData(data.rooms, (label) => roomName(label, t)) : null), [data, t]);
  if (error) return <p className="form-error fac-main">{error}</p>;
  if (!data || !charts) return <p role="status" className="fac-main">{t('common.loading')}</p>;
  const rooms = data.rooms;
  const provisional = rooms.some((r) => r.provisional);
  const seatIds = PLAYING_SEATS.filter((s) => rooms.some((r) => r.seats[s]));
  const objectiveText = (seat: string, id: string) => {
    const def = scenario?.seats[seat as 'armenia']?.objectives.find((o) => o.id === id);
    return def ? tx(def.text, lng) : id;
  };

  return (
    <main className="fac-main fac-debrief" aria-labelledby={`${ids}-h`}>
      <div className="fac-debrief-head">
        <div>
          <h1 id={`${ids}-h`}>{t('fac.debrief.title', { name: data.name })}</h1>
          <p className="hint">
            {scenario ? tx(scenario.title, lng) : data.scenario} · {t('fac.debrief.rooms', { count: rooms.length })}
            {provisional && ` · ${t('fac.debrief.provisional')}`}
          </p>
        </div>
        <div className="fac-buttons no-print" role="group" aria-label={t('fac.export.title')}>
          <button type="button" onClick={() => void exportAs('json')} data-testid="export-json">
            {t('fac.export.json')}
          </button>
          <button type="button" onClick={() => void exportAs('meters')} data-testid="export-meters">
            {t('fac.export.meters')}
          </button>
          <button type="button" onClick={() => void exportAs('decisions')} data-testid="export-decisions">
            {t('fac.export.decisions')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('fac.export.print')}
          </button>
          <button type="button" onClick={() => void load()}>
            {t('fac.timeline.refresh')}
          </button>
        </div>
      </div>

      {/* Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
      <div className="fac-compare-wrap" tabIndex={0} role="region" aria-label={t('fac.debrief.compare')}>
        <table className="fac-compare" data-testid="compare">
          <caption className="visually-hidden">{t('fac.debrief.compare')}</caption>
          <thead>
            <tr>
              <td />
              {rooms.map((r, i) => (
                <th key={r.matchId} scope="col" data-room={r.matchId}>
                  <span className="fac-swatch" style={{ background: ROOM_COLOURS[i % ROOM_COLOURS.length] }} aria-hidden="true" /> {roomName(r.label, t)}
                  <span className="hint fac-compare-code"> {r.code}</span>
                  {r.forkOf && <span className="hint fac-compare-fork">{t('fac.debrief.forkOf', { room: roomName(rooms.find((x) => x.matchId === r.forkOf!.matchId)?.label ?? '', t), round: r.forkOf.round })}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('fac.debrief.ending')}</th>
              {rooms.map((r) => (
                <td key={r.matchId} data-testid="ending">
                  <strong>{endingText(r, t)}</strong>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('fac.debrief.finalBalance')}</th>
              {rooms.map((r) => (
                <td key={r.matchId}>
                  {formatRatio(r.finalBalance.ratio, lng)} : 1 · {t(`gap.${r.finalBalance.gap}`, { defaultValue: r.finalBalance.gap })}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('fac.debrief.escalations')}</th>
              {rooms.map((r) => (
                <td key={r.matchId}>
                  {t('fac.debrief.escalationLine', {
                    attempts: sum(r.escalation.attempts),
                    successes: sum(r.escalation.successes),
                    max: r.escalation.max,
                    maxName: t(`escalation.${r.escalation.max}`),
                  })}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('fac.debrief.settlement')}</th>
              {rooms.map((r) => (
                <td key={r.matchId}>
                  {r.settlement
                    ? t('fac.debrief.settlementLine', {
                        round: r.settlement.round,
                        durability: Math.round(r.settlement.durability),
                        balance: Math.round(r.settlement.concessionBalance * 100),
                      })
                    : t('fac.debrief.noSettlement')}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('fac.debrief.peace')}</th>
              {rooms.map((r) => (
                <td key={r.matchId}>{Math.round(r.lastingPeace)}</td>
              ))}
            </tr>
            {seatIds.map((s) => {
              // One row per seat (its score), then one per objective: rooms compare along the row.
              const defs = rooms.find((r) => r.scores.some((x) => x.seat === s))?.scores.find((x) => x.seat === s)?.objectives ?? [];
              return (
                <Fragment key={s}>
                  <tr className="fac-compare-seat" data-seat={s}>
                    <th scope="row">
                      <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
                    </th>
                    {rooms.map((r) => {
                      const sc = r.scores.find((x) => x.seat === s);
                      return (
                        <td key={r.matchId}>
                          {sc ? <strong>{t('fac.debrief.metOf', { met: sc.objectives.filter((o) => o.met).length, total: sc.objectives.length, score: Math.round(sc.total) })}</strong> : '–'}
                          {r.seats[s]?.controller === 'bot' && <span className="badge fac-bot">{t('fac.controller.bot')}</span>}
                        </td>
                      );
                    })}
                  </tr>
                  {defs.map((o) => (
                    <tr key={o.id} className="fac-compare-objective">
                      <th scope="row">{objectiveText(s, o.id)}</th>
                      {rooms.map((r) => {
                        const got = r.scores.find((x) => x.seat === s)?.objectives.find((x) => x.id === o.id);
                        return (
                          <td key={r.matchId} className={got ? (got.met ? 'met' : 'missed') : ''}>
                            {got ? (
                              <>
                                <span aria-hidden="true">{got.met ? '✓ ' : '✕ '}</span>
                                {got.met ? t('debrief.met', { count: got.points }) : t('debrief.missed')}
                              </>
                            ) : (
                              '–'
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>

      <section className="charts fac-charts" aria-labelledby={`${ids}-charts`}>
        <h2 id={`${ids}-charts`}>{t('fac.debrief.charts')}</h2>
        <LineChart title={t('debrief.balanceChart')} rounds={charts.rounds} series={charts.ratio} testid="chart-class-balance" />
        <LineChart title={t('debrief.escalationChart')} rounds={charts.rounds} series={charts.escalation} yRange={[0, 4]} />
        <LineChart title={t('fac.debrief.stabilityChart')} rounds={charts.rounds} series={charts.stability} yRange={[0, 100]} />
        <LineChart title={t('fac.debrief.supportChart')} rounds={charts.rounds} series={charts.supportArmenia} yRange={[0, 100]} />
        <LineChart title={t('fac.debrief.supportChartAzerbaijan')} rounds={charts.rounds} series={charts.supportAzerbaijan} yRange={[0, 100]} />
      </section>

      <section className="card fac-log" aria-labelledby={`${ids}-log`}>
        <h2 id={`${ids}-log`}>{t('fac.debrief.log')}</h2>
        {data.log.length === 0 ? (
          <p className="hint">{t('fac.debrief.noLog')}</p>
        ) : (
          <table data-testid="facilitator-log">
            <thead>
              <tr>
                <th scope="col">{t('fac.debrief.time')}</th>
                <th scope="col">{t('fac.debrief.room')}</th>
                <th scope="col">{t('fac.debrief.action')}</th>
                <th scope="col">{t('fac.debrief.result')}</th>
              </tr>
            </thead>
            <tbody>
              {data.log.map((l) => (
                <tr key={l.id} className={l.ok ? '' : 'refused'}>
                  <td>{formatTime(l.at, lng, true)}</td>
                  <td>{l.matchId ? roomName(rooms.find((r) => r.matchId === l.matchId)?.label ?? l.matchId, t) : t('fac.debrief.allRooms')}</td>
                  <td>{describeOp(l.op, l.detail, t, scenario, lng as Language)}</td>
                  <td>{l.ok ? t('fac.debrief.ok') : t('fac.debrief.refused', { reason: l.reason ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="fac-room-timelines" aria-labelledby={`${ids}-tl`}>
        <h2 id={`${ids}-tl`}>{t('fac.debrief.timelines')}</h2>
        {rooms.map((r) => (
          <RoomTimelineDetails key={r.matchId} room={r} scenario={scenario} />
        ))}
      </section>
    </main>
  );
}

function RoomTimelineDetails({ room, scenario }: { room: RoomDebrief; scenario: ReturnType<typeof useScenario> }) {
  const { t } = useTranslation();
  const { api } = useConsole();
  const [open, setOpen] = useState(false);
  const [channels, setChannels] = useState<'none' | 'all'>('none');
  const [data, setData] = useState<RoomTimeline | null>(null);
  const channelName = useChannelName();
  useEffect(() => {
    if (open) void api.timeline(room.matchId, channels).then(setData, () => undefined);
  }, [open, channels, api, room.matchId]);
  return (
    <details className="card fac-tl-details" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('fac.debrief.timelineOf', { room: roomName(room.label, t) })}</summary>
      <label className="check no-print">
        <input type="checkbox" checked={channels === 'all'} onChange={(e) => setChannels(e.target.checked ? 'all' : 'none')} />
        {t('fac.debrief.withChannels')}
      </label>
      {data ? <Timeline entries={data.entries} scenario={scenario} compact /> : open && <p role="status">{t('common.loading')}</p>}
      {data?.chat && data.chat.length > 0 && (
        <ol className="fac-chat">
          {data.chat.map((m) => (
            <li key={m.id}>
              <span className="hint">{channelName(m.channel)}</span> <span className={`seat-chip seat-${m.seat}`}>{t(`seats.${m.seat}`, { defaultValue: m.seat })}</span> {m.name}: {m.text}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

const sum = (r: Record<string, number> | undefined) => Object.values(r ?? {}).reduce((a, b) => a + b, 0);

function endingText(r: RoomDebrief, t: ReturnType<typeof useTranslation>['t']): string {
  if (!r.ended) return t('fac.debrief.running', { round: r.round, phase: t(`phase.${r.phase}`, { defaultValue: r.phase }) });
  return t('fac.debrief.endingLine', { ending: t(`fac.endings.${r.ended.kind}`, { defaultValue: r.ended.kind }), round: r.ended.round });
}
