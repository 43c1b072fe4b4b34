// The base scenario's texts and event deck follow the design's rules on fairness and tone and
// the limits the event deck is written to.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../shared/scenario/files.js';
import { PARTIES, PLAYING_SEATS, type Effects } from '../../shared/scenario/schema.js';

const s = loadScenario('august-2022');
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

describe('briefings', () => {
  it('every seat has a real briefing of about 180–260 words in paragraphs', () => {
    for (const seat of PLAYING_SEATS) {
      const b = s.seats[seat]!.briefing.en;
      expect(b, seat).not.toMatch(/PLACEHOLDER/i);
      expect(words(b), seat).toBeGreaterThanOrEqual(180);
      expect(words(b), seat).toBeLessThanOrEqual(270);
      expect(b.split('\n\n').length, seat).toBeGreaterThanOrEqual(3);
      expect(b, seat).not.toMatch(/\n\n\n|^\s|\s$/);
    }
  });

  it("the two parties' briefings are of similar length", () => {
    const a = words(s.seats.armenia!.briefing.en);
    const b = words(s.seats.azerbaijan!.briefing.en);
    expect(Math.abs(a - b) / Math.max(a, b)).toBeLessThan(0.1);
  });

  it('each briefing covers the situation, aims, red lines, tools and fears', () => {
    for (const seat of PLAYING_SEATS) {
      const b = s.seats[seat]!.briefing.en;
      expect(b, seat).toMatch(/wants/);
      expect(b, seat).toMatch(/red lines/i);
      expect(b, seat).toMatch(/tools/i);
      expect(b, seat).toMatch(/fears/i);
    }
  });
});

describe('the event deck', () => {
  const events = s.events;

  it('has at least 18 events with weights 1–3, neutral headlines and texts', () => {
    expect(events.length).toBeGreaterThanOrEqual(18);
    for (const e of events) {
      expect(e.weight, e.id).toBeGreaterThanOrEqual(1);
      expect(e.weight, e.id).toBeLessThanOrEqual(3);
      expect(e.headline.en, e.id).not.toMatch(/PLACEHOLDER|!/i);
      expect(e.text.en.length, e.id).toBeGreaterThan(40);
      expect(e.private.length, e.id).toBeLessThanOrEqual(2);
      expect(e.fromRound, e.id).toBeLessThanOrEqual(s.rounds);
    }
  });

  it('keeps effects modest', () => {
    for (const e of events) {
      const x: Effects = e.effects;
      for (const p of PARTIES) {
        expect(Math.abs(x.support?.[p] ?? 0), e.id).toBeLessThanOrEqual(8);
        expect(Math.abs(x.standing?.[p] ?? 0), e.id).toBeLessThanOrEqual(8);
        expect(Math.abs(x.budget?.[p] ?? 0), e.id).toBeLessThanOrEqual(3);
        for (const v of Object.values(x.strength?.[p] ?? {})) expect(Math.abs(v), e.id).toBeLessThanOrEqual(6);
      }
      expect(Math.abs(x.turkishBacking ?? 0), e.id).toBeLessThanOrEqual(0.05);
      expect(Math.abs(x.escalation ?? 0), e.id).toBeLessThanOrEqual(1);
      expect(x.transfer, e.id).toBeUndefined();
    }
  });

  it('uses the design’s kinds of news', () => {
    const all = events.map((e) => e.effects);
    for (const id of ['winter', 'russiaDistracted', 'jointExercises', 'iranWarning'] as const) {
      expect(all.some((x) => x.modifier?.id === id), id).toBe(true);
    }
    expect(all.some((x) => x.embargo)).toBe(true);
    expect(all.some((x) => x.reveal)).toBe(true);
    expect(events.some((e) => e.private.length > 0)).toBe(true);
  });

  it('gives each party good news and bad news', () => {
    // Good for a party: its support, standing, budget or strength rises, or the other side's
    // figures are revealed to it. Bad: those fall, its supplier is embargoed, or it is revealed.
    const suppliersOf = (p: string) => new Set(s.procurement.filter((x) => x.buyers.includes(p as never)).map((x) => x.supplier));
    for (const p of PARTIES) {
      const other = p === 'armenia' ? 'azerbaijan' : 'armenia';
      const good = events.filter((e) => {
        const x = e.effects;
        return (x.support?.[p] ?? 0) > 0 || (x.standing?.[p] ?? 0) > 0 || (x.budget?.[p] ?? 0) > 0 || Object.values(x.strength?.[p] ?? {}).some((v) => v > 0) || x.reveal === other;
      });
      const bad = events.filter((e) => {
        const x = e.effects;
        return (
          (x.support?.[p] ?? 0) < 0 ||
          (x.standing?.[p] ?? 0) < 0 ||
          (x.budget?.[p] ?? 0) < 0 ||
          (x.embargo !== undefined && suppliersOf(p).has(x.embargo.supplier)) ||
          x.reveal === p
        );
      });
      expect(good.length, `${p} good`).toBeGreaterThanOrEqual(5);
      expect(bad.length, `${p} bad`).toBeGreaterThanOrEqual(4);
    }
  });

  it('times seasonal news', () => {
    const winter = events.find((e) => e.effects.modifier?.id === 'winter')!;
    expect(winter.fromRound).toBeGreaterThan(1);
  });
});

describe('sources', () => {
  it('lists the article and the documents behind briefings and events', () => {
    const ids = s.sources.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('poghosyan-2022');
    expect(ids).toContain('trilateral-statement-2020');
    expect(s.sources.filter((x) => x.publisher === 'European Council').length).toBeGreaterThanOrEqual(2);
    for (const x of s.sources) {
      expect(x.publisher, x.id).toBeTruthy();
      if (x.date) expect(x.date, x.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });
});
