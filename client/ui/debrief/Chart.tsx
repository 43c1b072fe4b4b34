// One line chart by round (uPlot, loaded with the debrief), with its data as a table for screen readers.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.js';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  colour: string;
  values: (number | null)[];
  dash?: number[];
}

export function LineChart({ title, rounds, series, yRange, testid }: { title: string; rounds: number[]; series: Series[]; yRange?: [number, number]; testid?: string }) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: uPlot | null = null;
    let live = true;
    // The chart is as wide as its box, and follows it (a phone turned, a window resized).
    const widthOf = (el: HTMLElement) => Math.max(200, el.clientWidth);
    const watch = new ResizeObserver(() => {
      if (plot && host.current) plot.setSize({ width: widthOf(host.current), height: 180 });
    });
    void import('uplot').then(({ default: UPlot }) => {
      if (!live || !host.current) return;
      watch.observe(host.current);
      plot = new UPlot(
        {
          width: widthOf(host.current),
          height: 180,
          // A static legend (names and colours): live values read "--" on a projector.
          legend: { show: true, live: false },
          cursor: { show: true },
          scales: { x: { time: false }, y: yRange ? { range: yRange } : {} },
          // Rounds are whole numbers: ticks and grid lines only there.
          axes: [{ label: '', incrs: [1, 2, 5, 10], values: (_u, ticks) => ticks.map((x) => (Number.isInteger(x) ? String(x) : '')) }, { values: (_u, ticks) => ticks.map((x) => formatNumber(x, i18n.language, 2)) }],
          series: [{ label: '#' }, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2.5, dash: s.dash, points: { show: true, size: 6 } }))],
        },
        [rounds, ...series.map((s) => s.values)] as uPlot.AlignedData,
        host.current,
      );
    });
    return () => {
      live = false;
      watch.disconnect();
      plot?.destroy();
    };
  }, [rounds, series, yRange, i18n.language]);
  return (
    <figure className="chart" data-testid={testid}>
      <figcaption>{title}</figcaption>
      <div ref={host} className="chart-host" aria-hidden="true" />
      <details>
        <summary>{t('debrief.chartData', { title })}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rounds.map((r, i) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] === null ? '–' : formatNumber(s.values[i] as number, i18n.language, 2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
