// Mounts the Phaser map (its own chunk), feeds it through the bus, and lists every map fact as
// text beside it for keyboards and screen readers.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapBus } from '../../map/bus.js';
import type { MapHandle } from '../../map/mountMap.js';
import { useGame, useStoreApi } from '../context.js';
import { escalationPrevailed, isEscalation } from '../events.js';
import { formatNumber } from '../format.js';
import { namer } from '../names.js';
import { mapStateOf } from './mapState.js';

export function MapView() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const selected = useGame((s) => s.selectedRegion);
  const api = useStoreApi();
  const bus = useMemo(() => new MapBus(), []);
  const host = useRef<HTMLDivElement>(null);
  const seenEvents = useRef<number | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const n = useMemo(() => namer(scenario, t, i18n.language), [scenario, t, i18n.language]);

  useEffect(() => {
    let handle: MapHandle | null = null;
    let live = true;
    import('../../map/mountMap.js')
      .then((m) => {
        if (live && host.current) handle = m.mountMap(host.current, bus);
      })
      .catch(() => live && setFailed(true));
    const offs = [
      bus.on('region:hover', setHovered),
      bus.on('region:select', (id) => api.getState().selectRegion(id)),
      // For tests and tools: how often the map was drawn, without a React render.
      bus.on('map:baked', (n) => host.current?.setAttribute('data-bakes', String(n))),
    ];
    return () => {
      live = false;
      offs.forEach((o) => o());
      handle?.destroy();
      bus.clear();
    };
  }, [bus, api]);

  useEffect(() => {
    bus.emit('map:state', mapStateOf(view, scenario, n.region, selected));
  }, [bus, view, scenario, n, selected]);

  useEffect(() => {
    // Animate escalations that arrive while the map is open (and this round's, after a reload).
    const events = view.events;
    const from = seenEvents.current ?? events.findIndex((e) => e.round === view.round);
    seenEvents.current = events.length;
    if (from < 0) return;
    for (const e of events.slice(from)) if (isEscalation(e)) bus.emit('map:escalation', { region: String(e.params.region), success: escalationPrevailed(e) });
  }, [bus, view.events, view.round]);

  const focus = hovered ?? selected;
  const r = focus ? view.regions[focus] : null;
  return (
    <section className="map-area" aria-label={t('map.title')}>
      <div className="map-canvas" ref={host} data-testid="map" aria-hidden="true">
        {failed && <p className="form-error">{t('map.failed')}</p>}
      </div>
      <div className="map-detail" aria-live="polite">
        {r && focus ? (
          <p>
            <strong>{n.region(focus)}</strong> · {t('map.controlledBy', { who: t(`controllers.${r.controller}`) })} · {t('map.tension', { value: Math.round(r.tension) })}
            {r.peacekeepers && <> · {t('map.peacekeepers')}</>}
            {r.monitors && <> · {t('map.monitors')}</>}
            {r.displaced > 0 && <> · {t('map.displaced', { count: r.displaced, number: formatNumber(r.displaced, i18n.language) })}</>}
            {view.events.some((e) => e.round === view.round && e.params.region === focus && isEscalation(e)) && (
              <strong> · {t('map.clash')}</strong>
            )}
          </p>
        ) : (
          <MapLegend />
        )}
      </div>
    </section>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  return (
    <p className="legend">
      <span className="sw sw-armenia" /> {t('controllers.armenia')} <span className="sw sw-azerbaijan" /> {t('controllers.azerbaijan')} <span className="sw sw-karabakh" />{' '}
      {t('controllers.karabakh')} <span className="mk mk-pk">PK</span> {t('map.peacekeepers')} <span className="mk mk-m">M</span> {t('map.monitors')} <span className="mk mk-d">▲</span>{' '}
      {t('map.displacedShort')} <span className="ring ring-m" /> {t('map.missileRange')} <span className="ring ring-d" /> {t('map.droneRange')} <span className="ring ring-m" /> {t('map.clashLegend')} · {t('map.darker')}
    </p>
  );
}

/** Every region and its facts as text, folded under the map until opened; a button selects it on the map. */
export function RegionList() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const selected = useGame((s) => s.selectedRegion);
  const api = useStoreApi();
  const n = namer(scenario, t, i18n.language);
  const regions = scenario.regions.filter((r) => r.kind !== 'context' && view.regions[r.id]);
  const clashes = new Set(view.events.filter((e) => e.round === view.round && isEscalation(e)).map((e) => String(e.params.region)));
  return (
    <details className="region-list" data-testid="region-details">
      <summary>
        <h2 id="regions-h">{t('map.regions', { count: regions.length })}</h2>
      </summary>
      <ul data-testid="region-list" aria-labelledby="regions-h">
        {regions.map((def) => {
          const r = view.regions[def.id];
          return (
            <li key={def.id} data-region={def.id} data-controller={r.controller}>
              <button type="button" aria-pressed={selected === def.id} onClick={() => api.getState().selectRegion(selected === def.id ? null : def.id)}>
                <span className={`sw sw-${r.controller}`} aria-hidden="true" />
                <span className="rname">{n.region(def.id)}</span>
                <span className="rfacts">
                  {t(`controllers.${r.controller}`)} · {t('map.tensionShort', { value: Math.round(r.tension) })}
                  {r.peacekeepers ? ` · ${t('map.pkShort')}` : ''}
                  {r.monitors ? ` · ${t('map.mShort')}` : ''}
                  {r.displaced > 0 ? ` · ${t('map.displacedCount', { count: r.displaced, number: formatNumber(r.displaced, i18n.language) })}` : ''}
                  {clashes.has(def.id) ? ` · ${t('map.clash')}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
