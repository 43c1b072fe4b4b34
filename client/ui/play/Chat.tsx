// Chat by channel. Text is rendered as plain text by React: never as HTML.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAYING_SEATS } from '../../../shared/scenario/schema.js';
import type { Seat } from '../../../shared/engine/types.js';
import { useGame, useIntents, useStoreApi } from '../context.js';

/** Channels a seat may read (docs/protocol.md §4): the table and each pair it belongs to. */
function channelsFor(seat: Seat, seats: string[], directChannel: boolean): string[] {
  const order = PLAYING_SEATS.filter((s) => seats.includes(s));
  const pairs: string[] = [];
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const name = `${order[i]}-${order[j]}`;
      if (name === 'armenia-azerbaijan' && !directChannel) continue;
      if (seat === 'facilitator' || seat === order[i] || seat === order[j]) pairs.push(name);
    }
  return seat === 'spectator' ? ['table'] : ['table', ...pairs];
}

export function Chat() {
  const { t } = useTranslation();
  const view = useGame((s) => s.view)!;
  const room = useGame((s) => s.room);
  const chat = useGame((s) => s.chat);
  const channel = useGame((s) => s.chatChannel);
  const unread = useGame((s) => s.unread);
  const api = useStoreApi();
  const intents = useIntents();
  const [text, setText] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const channels = channelsFor(view.seat, Object.keys(view.seats), room?.directChannel ?? true);
  const label = (c: string) => (c === 'table' ? t('chat.table') : c.split('-').map((s) => t(`seats.${s}`)).join(' · '));
  const messages = chat.filter((m) => m.channel === channel);
  const canWrite = view.seat !== 'spectator' && (view.seat !== 'facilitator' || channel === 'table');
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, channel]);
  const send = (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    void intents.chat(channel, body);
    setText('');
  };
  return (
    <section className="chat" aria-labelledby="chat-h">
      <h2 id="chat-h" className="visually-hidden">
        {t('chat.title')}
      </h2>
      <div className="chat-channels" role="tablist" aria-label={t('chat.channels')}>
        {channels.map((c) => (
          <button key={c} type="button" role="tab" aria-selected={c === channel} className={c === channel ? 'active' : ''} onClick={() => api.getState().setChatChannel(c)} data-channel={c}>
            {label(c)}
            {(unread[c] ?? 0) > 0 && c !== channel && <span className="unread">{unread[c]}</span>}
          </button>
        ))}
      </div>
      {!channels.includes('armenia-azerbaijan') && (view.seat === 'armenia' || view.seat === 'azerbaijan') && room && !room.directChannel && <p className="hint">{t('chat.proximity')}</p>}
      <ol className="chat-log" ref={listRef} aria-live="polite" data-testid="chat-log" tabIndex={0} aria-label={t('chat.log', { channel: label(channel) })}>
        {messages.map((m) => (
          <li key={m.id} className={`msg msg-${m.seat}`}>
            <span className={`seat-chip seat-${m.seat}`}>{t(`seats.${m.seat}`)}</span> <strong>{m.name}</strong>
            <span className="msg-text">{m.text}</span>
          </li>
        ))}
        {messages.length === 0 && <li className="hint">{t('chat.empty')}</li>}
      </ol>
      {canWrite && (
        <form className="chat-form" onSubmit={send}>
          <label htmlFor="chat-input" className="visually-hidden">
            {t('chat.write', { channel: label(channel) })}
          </label>
          <input id="chat-input" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder={t('chat.write', { channel: label(channel) })} autoComplete="off" />
          <button type="submit" disabled={!text.trim()}>
            {t('chat.send')}
          </button>
        </form>
      )}
    </section>
  );
}
