// shared/protocol: the wire's shapes, as the room and the HTTP API check them and the client applies them.
import { describe, expect, it } from 'vitest';
import { createMatch, viewFor, type MatchEvent } from '../../shared/engine/index.js';
import {
  applyViewUpdate,
  CLIENT_MESSAGES,
  controlBody,
  createMatchBody,
  createSessionBody,
  injectBody,
  joinOptions,
  cleanName,
  cleanText,
  formatSeatKey,
  normaliseSeatKey,
  publicScenario,
  sameName,
  seatBriefs,
  withBriefs,
  type ClientMessageType,
} from '../../shared/protocol/index.js';
import { loadScenario } from '../../shared/scenario/files.js';

const ok = (s: { safeParse(x: unknown): { success: boolean } }, x: unknown) => s.safeParse(x).success;

describe('room messages', () => {
  it('names every client message the room answers, each with its payload schema', () => {
    expect(Object.keys(CLIENT_MESSAGES).sort()).toEqual(['action', 'chat', 'control', 'sync'] satisfies ClientMessageType[]);
    expect(ok(CLIENT_MESSAGES.action, { type: 'done' })).toBe(true);
    expect(ok(CLIENT_MESSAGES.action, { type: 'teleport' })).toBe(false);
  });

  it('checks control, chat and sync payloads strictly, with an optional ref', () => {
    const control = CLIENT_MESSAGES.control;
    expect(ok(control, { op: 'extend', seconds: 60, ref: 'r1' })).toBe(true);
    expect(ok(control, { op: 'pause', ref: 7 })).toBe(true);
    for (const bad of [{ op: 'rewind' }, { op: 'extend', seconds: 0 }, { op: 'extend', seconds: 604_801 }, { op: 'pause', ref: 'x'.repeat(41) }, { op: 'pause', extra: 1 }, { op: 'pause', seconds: null }]) {
      expect(ok(control, bad), JSON.stringify(bad)).toBe(false);
    }
    expect(ok(CLIENT_MESSAGES.chat, { channel: 'table', text: 'hello' })).toBe(true);
    expect(ok(CLIENT_MESSAGES.chat, { text: 'hello' })).toBe(false);
    expect(ok(CLIENT_MESSAGES.chat, { channel: '', text: 'hello' })).toBe(false);
    expect(ok(CLIENT_MESSAGES.sync, {})).toBe(true);
    expect(ok(CLIENT_MESSAGES.sync, { ref: 1.5 })).toBe(false);
  });

  it('checks join options: a known seat, a name of 1–40 characters', () => {
    expect(joinOptions.parse({ seat: 'eu', name: '  Ani  ' })).toEqual({ seat: 'eu', name: 'Ani' });
    expect(ok(joinOptions, { seat: 'turkey', name: 'Ani' })).toBe(false);
    expect(ok(joinOptions, { seat: 'eu', name: '   ' })).toBe(false);
    expect(ok(joinOptions, { seat: 'eu', name: 'x'.repeat(41) })).toBe(false);
  });
});

describe('what people type and what seats read', () => {
  it('strips controls, bidi overrides and zero-width characters; names on one line', () => {
    expect(cleanText('a\u202Eb\u2066c\u2069\u200B\u200D\uFEFFd\u0007\ne\tf\u0085')).toBe('abcd\ne\tf');
    expect(cleanName('  An\u200Bi \n  Petrosyan\u202E ')).toBe('Ani Petrosyan');
    expect(sameName('ＡＮＩ')).toBe(sameName(' ani'));
    expect(joinOptions.parse({ seat: 'eu', name: '\u202EinA', key: 'abcde-fghjk' })).toEqual({ seat: 'eu', name: 'inA', key: 'ABCDEFGHJK' });
    expect(ok(joinOptions, { seat: 'eu', name: '\u200B\u200C' })).toBe(false);
    expect(ok(joinOptions, { seat: 'eu', name: 'Ani', member: 'short' })).toBe(false);
    expect(formatSeatKey('aaaaabbbbbcccccddddd')).toBe('AAAAA-BBBBB-CCCCC-DDDDD');
    expect(normaliseSeatKey(' aaaaa-bbbbb ')).toBe('AAAAABBBBB');
  });

  it('gives the public scenario without any seat’s briefing or objectives; each seat its own', () => {
    const s = loadScenario('august-2022');
    const pub = JSON.stringify(publicScenario(s));
    for (const seat of ['armenia', 'azerbaijan', 'russia', 'eu'] as const) {
      expect(pub).not.toContain(s.seats[seat]!.briefing.en.slice(0, 60));
      for (const o of s.seats[seat]!.objectives) expect(pub).not.toContain(o.text.en);
    }
    expect(Object.keys(seatBriefs(s, 'armenia', false))).toEqual(['armenia']);
    expect(Object.keys(seatBriefs(s, 'spectator', false))).toEqual([]);
    expect(Object.keys(seatBriefs(s, 'armenia', true)).sort()).toEqual(['armenia', 'azerbaijan', 'eu', 'russia']);
  });

  it('keeps a private event card’s words for the seats it is addressed to, and puts them back for them', () => {
    const s = loadScenario('august-2022');
    const privateCards = s.events.filter((e) => e.private.length);
    expect(privateCards.length).toBeGreaterThan(1);
    const pub = publicScenario(s);
    const text = JSON.stringify(pub);
    for (const c of privateCards) for (const words of [c.headline, c.text]) for (const l of ['en', 'hy', 'az', 'ru'] as const) if (words[l]) expect(text).not.toContain(words[l]);
    // Armenia gets back the words of the cards addressed to it, and only those.
    const armenia = withBriefs(pub, seatBriefs(s, 'armenia', false));
    for (const c of privateCards) {
      const got = armenia.events.find((e) => e.id === c.id)!;
      expect(got.headline.en === c.headline.en, c.id).toBe(c.private.includes('armenia'));
    }
    // The facilitator (an open view) reads every card.
    expect(withBriefs(pub, seatBriefs(s, 'facilitator', true)).events).toEqual(s.events);
  });
});

describe('view updates', () => {
  const m = createMatch(loadScenario('august-2022'), 1, {});
  const view = viewFor(m, 'armenia');
  const event: MatchEvent = { round: 1, phase: 'news', key: 'round.report', params: { round: 1 }, to: null };

  it('apply the changed fields and the new events', () => {
    const next = applyViewUpdate(view, { changed: { escalation: 3 }, events: [event], eventsFrom: view.events.length });
    expect(next).toEqual({ ...view, escalation: 3, events: [...view.events, event] });
    // Events from an earlier index replace the ones after it.
    expect(applyViewUpdate(view, { changed: {}, events: [event], eventsFrom: 0 })!.events).toEqual([event]);
  });

  it('do not apply when they do not follow from the view held (the client then asks for a sync)', () => {
    expect(applyViewUpdate(view, { changed: {}, events: [event], eventsFrom: view.events.length + 1 })).toBeNull();
    expect(applyViewUpdate(view, { changed: {}, events: 'no' as never, eventsFrom: 0 })).toBeNull();
    expect(applyViewUpdate(view, null as never)).toBeNull();
  });
});

describe('HTTP bodies', () => {
  it('fill a casual match in with its defaults and seat choices as controllers', () => {
    expect(createMatchBody.parse({})).toEqual({ scenario: 'august-2022', seats: {}, timers: {}, name: '', listed: false, open: false });
    expect(createMatchBody.parse({ seats: { armenia: 'bot', eu: { controller: 'bot', strategy: 'search-easy' } } }).seats).toEqual({
      armenia: { controller: 'bot' },
      eu: { controller: 'bot', strategy: 'search-easy' },
    });
    expect(ok(createMatchBody, { seats: { armenia: { controller: 'bot', strategy: 'Not An Id' } } })).toBe(false);
    expect(ok(createMatchBody, { timers: { news: 4 } })).toBe(false);
    expect(ok(createMatchBody, { listed: 'yes' })).toBe(false);
  });

  it('take one seat choice for every room of a session, or one per room', () => {
    const base = { name: 'Class', scenario: 'august-2022', rooms: 2 };
    expect(ok(createSessionBody, { ...base, seats: { eu: 'bot' } })).toBe(true);
    expect(ok(createSessionBody, { ...base, seats: [{ eu: 'bot' }, {}] })).toBe(true);
    expect(ok(createSessionBody, { ...base, rooms: 13 })).toBe(false);
  });

  it('need seconds for an extension, and take a custom event’s words as plain text or per language', () => {
    expect(ok(controlBody, { op: 'extend' })).toBe(false);
    expect(ok(controlBody, { op: 'extend', seconds: 30, rooms: null })).toBe(true);
    const custom = injectBody.parse({ custom: { headline: ' Storm ', text: { en: 'A storm.', ru: 'Шторм.' }, effects: {} } }).custom!;
    expect(custom.headline).toEqual({ en: 'Storm' });
    expect(custom.text).toEqual({ en: 'A storm.', ru: 'Шторм.' });
  });
});
