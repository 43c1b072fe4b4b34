// The facilitator console's entry: loaded only under /facilitate (client/main.tsx), so the player lobby stays small.
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Console } from './Console.js';
import './console.css';

export function boot(root: Root, texts: i18n): void {
  document.title = texts.t('fac.title');
  texts.on('languageChanged', () => (document.title = texts.t('fac.title')));
  root.render(
    <StrictMode>
      <I18nextProvider i18n={texts}>
        <Console />
      </I18nextProvider>
    </StrictMode>,
  );
}
