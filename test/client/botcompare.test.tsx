// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../client/i18n.js';
import { createGameStore } from '../../client/store/game.js';
import type { Intents } from '../../client/net/intents.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { BotComparison } from '../../client/ui/debrief/BotComparison.js';
import { botRun } from '../../shared/sim/botRun.js';
import { playMatch } from '../../shared/sim/play.js';
import { seatScores } from '../../shared/engine/index.js';
import { scenario } from './fixtures.js';

// uPlot needs a real canvas; the chart itself is the e2e test's business.
vi.mock('../../client/ui/debrief/Chart.js', () => ({ LineChart: ({ testid }: { testid?: string }) => <div data-testid={testid ?? 'chart'} /> }));

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  expect([...missing]).toEqual([]);
  missing.clear();
});

describe('debrief: the same seed played by bots', () => {
  it('asks the server for the bot game and shows both games side by side', async () => {
    const played = playMatch(scenario, 21, { armenia: 'invest', azerbaijan: 'hawk' });
    const bots = botRun(scenario, 21);
    const intents = { botRun: vi.fn(async () => bots) } as unknown as Intents;
    render(
      <I18nextProvider i18n={createI18n('en', (k) => missing.add(k))}>
        <GameProvider store={createGameStore()} intents={intents}>
          <BotComparison
            yours={{ endingKind: played.ended!.kind, endingRound: played.ended!.round, rounds: played.history, settlement: played.settlement, escalations: played.stats.escalations.azerbaijan + played.stats.escalations.armenia, scores: seatScores(played) }}
          />
        </GameProvider>
      </I18nextProvider>,
    );
    const table = await screen.findByRole('table');
    expect(intents.botRun).toHaveBeenCalledOnce();
    const row = (name: RegExp) => within(table).getByRole('row', { name });
    const cells = (name: RegExp) => within(row(name)).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(/Final balance/)).toEqual([played.history.at(-1)!.ratio.toFixed(2), bots.rounds.at(-1)!.ratio.toFixed(2)]);
    expect(cells(/Escalations/)).toEqual([String(played.stats.escalations.azerbaijan + played.stats.escalations.armenia), String(bots.escalations)]);
    expect(cells(/Score: Armenia/)[1]).toBe(String(Math.round(bots.scores[0].total)));
    expect(screen.getByTestId('chart-botrun-balance')).toBeTruthy();
  });
});
