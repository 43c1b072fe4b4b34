// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../client/i18n.js';
import { createGameStore } from '../../client/store/game.js';
import type { Intents, OpenMatch } from '../../client/net/intents.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { OpenMatches } from '../../client/ui/OpenMatches.js';

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  expect([...missing]).toEqual([]);
  missing.clear();
});

const mount = (list: OpenMatch[], onJoin = vi.fn()) => {
  const intents = { openMatches: vi.fn(async () => list) } as unknown as Intents;
  render(
    <I18nextProvider i18n={createI18n('en', (k) => missing.add(k))}>
      <GameProvider store={createGameStore()} intents={intents}>
        <OpenMatches onJoin={onJoin} disabled={false} />
      </GameProvider>
    </I18nextProvider>,
  );
  return onJoin;
};

describe('open matches on the home screen', () => {
  it('lists public matches with their bot seats and joins by code', async () => {
    const onJoin = mount([{ matchId: 'm1', code: 'QWERTY', scenario: 'august-2022', name: 'Ani', round: 2, phase: 'planning', ended: null, createdAt: 0, seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'bot' } }]);
    const button = await screen.findByRole('button', { name: 'Join Ani' });
    expect(button.parentElement!.textContent).toMatch(/round 2 · 3 seats played by bots/);
    fireEvent.click(button);
    expect(onJoin).toHaveBeenCalledWith('QWERTY');
  });

  it('says so when there are none', async () => {
    mount([]);
    expect(await screen.findByText('No open matches right now.')).toBeTruthy();
  });
});
