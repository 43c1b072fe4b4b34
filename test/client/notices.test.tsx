// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../client/i18n.js';
import { createGameStore } from '../../client/store/game.js';
import type { Intents } from '../../client/net/intents.js';
import { GameProvider } from '../../client/ui/GameProvider.js';
import { Notices } from '../../client/ui/Notices.js';

const missing = new Set<string>();
afterEach(() => {
  cleanup();
  expect([...missing]).toEqual([]);
  missing.clear();
});

describe('server notices', () => {
  it('says when a bot takes an empty seat and when a person is back, then fades', () => {
    const store = createGameStore();
    render(
      <I18nextProvider i18n={createI18n('en', (k) => missing.add(k))}>
        <GameProvider store={store} intents={{} as Intents}>
          <Notices />
        </GameProvider>
      </I18nextProvider>,
    );
    act(() => store.getState().receiveNotice({ key: 'seat.botPlaying', params: { seat: 'azerbaijan' }, at: Date.now() }));
    expect(screen.getByRole('list', { name: 'Notices from the server' }).textContent).toMatch(/Azerbaijan has had no player for a while: a bot plays the seat/);
    act(() => store.getState().receiveNotice({ key: 'seat.humanBack', params: { seat: 'azerbaijan' }, at: Date.now() }));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    act(() => store.getState().receiveNotice({ key: 'server.shutdown', params: {}, at: Date.now() - 60_000 }));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
