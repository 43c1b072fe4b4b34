// What a bot says at the table about what it just did: short lines from the locale templates,
// and for refusals the scenario's own line for that demand (written for each side with equal care).
import type { PlayingSeat } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { catalogueInstrument } from '../engine/queries.js';
import type { Match } from '../engine/types.js';
import { pickText, type Language } from '../i18n/index.js';
import { createTexts } from '../i18n/texts.js';

export interface BotLine {
  seat: PlayingSeat;
  channel: 'public';
  text: string;
}

const texts = new Map<Language, ReturnType<typeof createTexts>>();
const textsFor = (lng: Language) => texts.get(lng) ?? texts.set(lng, createTexts(lng)).get(lng)!;

/** Lines for the actions a bot took in `before` (the match they were applied to). */
export function botLines(before: Match, seat: PlayingSeat, actions: readonly Action[], lng: Language = 'en'): BotLine[] {
  const t = textsFor(lng);
  const s = before.scenario;
  const demandOf = (id: string) => before.demands.find((d) => d.id === id);
  const defOf = (id: string | null | undefined) => s.demands.find((d) => d.id === id);
  const lines: string[] = [];
  for (const a of actions) {
    switch (a.type) {
      case 'issueDemand':
        lines.push(a.demand ? t.t('bot.issueDemand', { demandTitle: pickText(defOf(a.demand)?.title, lng) }) : t.t('bot.issueDemandOwn', { text: a.text }));
        break;
      case 'respond': {
        const def = defOf(demandOf(a.demand)?.def);
        if (a.answer === 'accept') lines.push(t.t('bot.accept', { demandTitle: pickText(def?.title, lng) || a.demand }));
        else if (a.answer === 'refuse') lines.push(def ? pickText(def.refusalLine, lng) : t.t('bot.refuse'));
        else lines.push(t.t('bot.counter'));
        break;
      }
      case 'chooseEscalation':
        // Said only when standing down: a threat made public would give away the plan.
        if (!a.escalate) lines.push(t.t('bot.standDown'));
        break;
      case 'sign':
        lines.push(t.t('bot.sign'));
        break;
      case 'propose':
        lines.push(t.t('bot.propose', { clauseList: a.clauses.map((c) => pickText(s.clauses.find((x) => x.id === c)?.text, lng)).join(' ') }));
        break;
      case 'useInstrument': {
        const inst = catalogueInstrument(s, a.instrument);
        lines.push(t.t(inst?.kind === 'summit' ? 'bot.summit' : 'bot.instrument', { instrumentName: pickText(inst?.name, lng) }));
        break;
      }
      default:
        break;
    }
  }
  return lines.map((text) => ({ seat, channel: 'public', text }));
}
