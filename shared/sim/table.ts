// The simulator's printout: a round-by-round table, the ending and each seat's score.
import type { Scenario } from '../scenario/schema.js';
import type { Match } from '../engine/types.js';
import type { Summary } from './metrics.js';
import { pairTable, summariseGrid, type GridGame } from './grid.js';
import { gapWords } from '../engine/military.js';
import { seatScores } from '../engine/score.js';
import { describeEvent, pickText } from '../i18n/index.js';
import { createTexts } from '../i18n/texts.js';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (x: number, d = 0) => x.toFixed(d);

export function renderMatch(m: Match, opts: { events?: boolean } = {}): string {
  const t = createTexts();
  const s = m.scenario;
  const lines: string[] = [];
  const seats = Object.entries(m.seats).map(([k, v]) => `${k}=${v?.strategy ?? v?.controller}`);
  lines.push(`${pickText(s.title)} | seed ${m.seed} | ${seats.join(' ')} | Turkish backing ${s.military.turkishBacking}`);
  lines.push(
    [pad('rnd', 4), pad('balance', 21), pad('escalation', 16), pad('support A/Az', 13), pad('standing A/Az', 14), pad('stab', 5), 'demands and outcomes'].join(' '),
  );
  for (const h of m.history.slice(1)) {
    const outcomes = m.events
      .filter((e) => e.round === h.round && /^(demand\.(issued|implemented|coerced|refused|expired)|escalation\.(success|failure)|settlement\.signed|crisis)/.test(e.key))
      .map((e) => shortOutcome(e.key, e.params));
    lines.push(
      [
        pad(h.round, 4),
        pad(`${num(h.ratio, 2)} (${gapWords(s, h.ratio)})`, 21),
        pad(`${h.escalation} ${t.t(`escalationLevel.${h.escalation}`)}`, 16),
        pad(`${num(h.support.armenia)}/${num(h.support.azerbaijan)}`, 13),
        pad(`${num(h.standing.armenia)}/${num(h.standing.azerbaijan)}`, 14),
        pad(num(h.stability), 5),
        outcomes.join('; ') || '-',
      ].join(' '),
    );
  }
  if (opts.events) {
    lines.push('', 'Log (facilitator view):');
    for (const e of m.events) lines.push(`  r${e.round} ${pad(e.phase, 11)} ${e.to ? `[${e.to.join(',')}] ` : ''}${describeEvent(t, e, s)}`);
  }
  const end = m.ended;
  lines.push('');
  lines.push(`Ending: ${end ? t.t(`ending.${end.kind}`) : 'none'} in round ${end?.round ?? m.round}${m.settlement ? `; durability ${num(m.settlement.durability)} (balance at signing ${num(m.settlement.ratio, 2)}, concession balance ${num(m.settlement.concessionBalance, 2)})` : ''}`);
  lines.push(`Casualties A/Az: ${m.stats.casualties.armenia}/${m.stats.casualties.azerbaijan}; displaced: ${m.stats.displaced}`);
  for (const sc of seatScores(m)) {
    const met = sc.objectives.map((o) => `${o.met ? '+' : '-'}${o.id}`).join(' ');
    lines.push(`Score ${pad(sc.seat, 10)} ${pad(num(sc.total, 1), 6)} objectives ${sc.objectivePoints} (${met}) + lasting peace ${num(sc.lastingPeace, 1)}`);
  }
  return lines.join('\n');
}

function shortOutcome(key: string, p: Record<string, string | number>): string {
  const who = (x: unknown) => (x === 'armenia' ? 'A' : x === 'azerbaijan' ? 'Az' : String(x));
  const what = String(p.demand || p.id || '');
  switch (key) {
    case 'demand.issued':
      return `${who(p.from)} demands ${what}`;
    case 'demand.implemented':
      return `${what} accepted`;
    case 'demand.coerced':
      return `${what} imposed`;
    case 'demand.refused':
      return `${what} refused`;
    case 'demand.expired':
      return `${p.id} expired`;
    case 'escalation.success':
      return `${who(p.attacker)} escalates at ${p.region}: succeeds (${p.chance}%)`;
    case 'escalation.failure':
      return `${who(p.attacker)} escalates at ${p.region}: fails (${p.chance}%)`;
    case 'settlement.signed':
      return `SETTLEMENT ${p.id} (durability ${p.durability})`;
    default:
      return `crisis in ${who(p.party)}`;
  }
}

/** The simulator's printout over many seeds: endings, Azerbaijani escalations, settlements. */
export function renderSummary(s: Scenario, seeds: readonly number[], strategies: Readonly<Record<string, string>>, sum: Summary): string {
  const chosen = Object.entries(strategies).map(([seat, strategy]) => `${seat}=${strategy}`);
  const pct = (x: number) => (Number.isNaN(x) ? '-' : `${Math.round(100 * x)} %`);
  const st = sum.settlements;
  return [
    `${s.id} | seeds ${seeds[0]}-${seeds[seeds.length - 1]} | ${chosen.length ? chosen.join(' ') : 'default bots'}`,
    `endings: ${Object.entries(sum.endings).map(([kind, n]) => `${n} ${kind}`).join(', ')}`,
    `escalations by Azerbaijan: in ${sum.escalationGames} games; ${sum.escalations.count} in all, ${pct(sum.escalations.rate)} succeed`,
    `settlements: ${st.count}${st.count ? `, round ${num(st.round, 1)} on average, durability ${num(st.durability)}, balance at signing ${num(st.ratio, 2)}` : ''}`,
  ].join('\n');
}

/**
 * The simulator's printout of the personality grid (`--grid`): per personality pair (mediator
 * mixes pooled) the endings, mean scores and lasting peace, and each objective's rate; then the
 * grid's endings, each seat's mean share of its objective points, the mediators' deals with the
 * same personality on both seats, and which policy does best against which opponent.
 */
export function renderGrid(s: Scenario, seeds: readonly number[], games: readonly GridGame[]): string {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const seats = Object.keys(games[0]?.score ?? {});
  const lines = [`${s.id} | personality grid | seeds ${seeds[0]}-${seeds[seeds.length - 1]} in each cell | ${games.length} games`, ''];
  lines.push([pad('armenia', 12), pad('azerbaijan', 12), pad('endings (share of games)', 54), pad('score ' + seats.join('/'), 30), 'peace'].join(' '));
  for (const r of pairTable(s, games)) {
    const endings = Object.entries(r.endings).map(([k, n]) => `${k} ${pct(n / r.games)}`).join(', ');
    lines.push([pad(r.armenia, 12), pad(r.azerbaijan, 12), pad(endings, 54), pad(seats.map((x) => num(r.score[x as keyof typeof r.score] ?? 0)).join('/'), 30), num(r.lastingPeace, 1)].join(' '));
  }
  lines.push('', 'objectives met, per pair (share of games):');
  for (const r of pairTable(s, games)) {
    const g = games.filter((x) => x.strategies.armenia === r.armenia && x.strategies.azerbaijan === r.azerbaijan);
    const sub = summariseGrid(s, g);
    const rates = Object.entries(sub.objectives).map(([seat, o]) => `${seat}: ${Object.entries(o!).map(([id, v]) => `${id} ${pct(v)}`).join(' ')}`);
    lines.push(`  ${r.armenia} vs ${r.azerbaijan}`, ...rates.map((x) => `    ${x}`));
  }
  const sum = summariseGrid(s, games);
  lines.push('', `over the grid: endings ${Object.entries(sum.endings).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  for (const [seat, o] of Object.entries(sum.objectives)) lines.push(`  ${pad(seat, 11)} share of objective points ${pct(sum.seatShare[seat as keyof typeof sum.seatShare]!)}; ${Object.entries(o!).map(([id, v]) => `${id} ${pct(v)}`).join(', ')}`);
  if (sum.sameMediators) lines.push(`  same personality on both mediator seats: ${sum.sameMediators.deals} deals, ${Object.entries(sum.sameMediators.by).map(([m, n]) => `${n} under ${m}`).join(', ')}`);
  for (const [party, table] of Object.entries(sum.bestAgainst)) lines.push(`  best ${party} policy against each opponent: ${Object.entries(table).filter(([, o]) => o.length).map(([p, o]) => `${p} (${o.join(', ')})`).join('; ')}`);
  return lines.join('\n');
}
