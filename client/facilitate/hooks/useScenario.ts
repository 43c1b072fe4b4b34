import { useEffect, useState } from 'react';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { loadScenario } from '../../net/http.js';
import { useConsole } from '../consoleContext.js';

/** The session's scenario (its deck, regions, objectives), once loaded. */
export function useScenario(): Scenario | null {
  const { info } = useConsole();
  const [scenario, setScenario] = useState<Scenario | null>(null);
  useEffect(() => {
    if (!info?.scenario) return;
    let live = true;
    loadScenario(info.scenario).then((s) => live && setScenario(s), () => undefined);
    return () => {
      live = false;
    };
  }, [info?.scenario]);
  return scenario;
}
