// A facilitator operation in words (the timeline's and the class log's lines), from the log's op and detail.
import type { TFunction } from 'i18next';
import type { Scenario } from '../../shared/scenario/schema.js';
import { pickText, type Language } from '../../shared/i18n/index.js';
import { roomName } from './roomName.js';

function headlineOf(custom: unknown, lng: Language): string {
  const h = (custom as { headline?: unknown } | undefined)?.headline;
  return typeof h === 'string' ? h : h && typeof h === 'object' ? pickText(h as { en: string }, lng) : '';
}

export function describeOp(op: string, detail: Record<string, unknown> | undefined, t: TFunction, scenario: Scenario | null = null, lng: Language = 'en'): string {
  const d = detail ?? {};
  const seconds = typeof d.seconds === 'number' ? d.seconds : 0;
  return t(`fac.log.${op}`, {
    defaultValue: op,
    minutes: Math.round((seconds / 60) * 10) / 10,
    seat: typeof d.seat === 'string' ? t(`seats.${d.seat}`, { defaultValue: d.seat }) : '',
    controller: typeof d.controller === 'string' ? t(`fac.controller.${d.controller}`) : '',
    text: typeof d.text === 'string' ? d.text : '',
    round: d.round ?? '',
    event: typeof d.event === 'string' ? pickText(scenario?.events.find((x) => x.id === d.event)?.headline, lng) || d.event : headlineOf(d.custom, lng),
    label: typeof d.label === 'string' ? roomName(d.label, t) : '',
    op: typeof d.op === 'string' ? t(`fac.log.${d.op}`, { defaultValue: d.op, minutes: Math.round((seconds / 60) * 10) / 10 }) : '',
  });
}
