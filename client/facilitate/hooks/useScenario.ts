import { useEffect, useState } from 'react';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { loadFullScenario } from '../../net/http.js';
import { useConsole } from '../consoleContext.js';

/** The session's scenario (its deck, regions, every seat's objectives: the session's token opens them), once loaded. */
export function useScenario(): Scenario | null {
  const { info, api } = useConsole();
  const [scenario, setScenario] = useState<Scenario | null>(null);
  useEffect(() => {
    if (!info?.scenario) return;
    let live = true;
    loadFullScenario(info.scenario, info.sessionId, api.token).then((s) => live && setScenario(s), () => undefined);
    return () => {
      live = false;
    };
  }, [info?.scenario, info?.sessionId, api.token]);
  return scenario;
}
