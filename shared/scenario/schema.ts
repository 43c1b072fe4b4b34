// The scenario format: everything a facilitator may change lives here, validated at load.
import { z } from 'zod';

export const PARTIES = ['armenia', 'azerbaijan'] as const;
export const MEDIATORS = ['russia', 'eu'] as const;
export const PLAYING_SEATS = [...PARTIES, ...MEDIATORS] as const;
export const COMPONENTS = ['ground', 'artillery', 'drones', 'airDefence', 'missiles'] as const;
export const PHASES = ['news', 'planning', 'demands', 'negotiation', 'response', 'resolution', 'report'] as const;
/** What a procurement item is for, as bots choose what to buy (a component's items can serve different ends). */
export const PROCUREMENT_ROLES = ['ground', 'artillery', 'drones', 'antiDrone', 'airDefence', 'missiles'] as const;
/** What a clause settles, as mediator bots build the packages they table (they keep clauses by aim, never by id). */
export const CLAUSE_AIMS = ['recognition', 'rights', 'presence'] as const;
/** The presences in a region that damp an escalation there. */
export const PRESENCES = ['peacekeepers', 'monitors'] as const;
/**
 * The claims of the design's argument a scenario can be built to show (docs/scenarios.md, "Claims"):
 * `circle` conceding brings more demands; `refusal` refusing without closing the gap meets force
 * that mostly succeeds; `investment` investing narrows the gap, coercion fails more often and
 * later deals last longer; `backing` more Turkish backing weakens that; `parity` at parity the
 * circle weakens (fewer demands pressed and conceded, coercion mostly fails).
 */
export const CLAIMS = ['circle', 'refusal', 'investment', 'backing', 'parity'] as const;

export const partySchema = z.enum(PARTIES);
export const mediatorSchema = z.enum(MEDIATORS);
export const playingSeatSchema = z.enum(PLAYING_SEATS);
export const componentSchema = z.enum(COMPONENTS);

/** A text a player reads: English first, other languages as they come. */
export const textSchema = z.object({
  en: z.string().min(1),
  hy: z.string().min(1).optional(),
  az: z.string().min(1).optional(),
  ru: z.string().min(1).optional(),
});

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
/** Modifier ids are written in camelCase (`russiaDistracted`). */
const modifierId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'modifier ids are letters and digits, starting with a letter');
const unit = z.number().min(0).max(1);
const meter = z.number().min(0).max(100);
const delta = z.number().min(-100).max(100);
const limits = (t: z.ZodNumber) => z.object({ min: t, max: t }).strict().refine((r) => r.min <= r.max, 'min must not be above max');
const perParty = <T extends z.ZodType>(t: T) => z.object({ armenia: t.optional(), azerbaijan: t.optional() }).strict();
const perSeat = <T extends z.ZodType>(t: T) =>
  z.object({ armenia: t.optional(), azerbaijan: t.optional(), russia: t.optional(), eu: t.optional() }).strict();

export const componentsSchema = z
  .object({ ground: z.number().min(0), artillery: z.number().min(0), drones: z.number().min(0), airDefence: z.number().min(0), missiles: z.number().min(0) })
  .strict();

/** A change to strength by component: gains or losses (the engine keeps every component at 0 or above). */
export const componentsDeltaSchema = z
  .object({
    ground: z.number().min(-1000).max(1000),
    artillery: z.number().min(-1000).max(1000),
    drones: z.number().min(-1000).max(1000),
    airDefence: z.number().min(-1000).max(1000),
    missiles: z.number().min(-1000).max(1000),
  })
  .partial()
  .strict();

/** Consequences of a demand, event, instrument or clause: deltas on meters and the map. */
export const effectsSchema = z
  .object({
    support: perParty(z.number().min(-100).max(100)).optional(),
    standing: perParty(z.number().min(-100).max(100)).optional(),
    budget: perParty(z.number().min(-1000).max(1000)).optional(),
    strength: perParty(componentsDeltaSchema).optional(),
    prestige: z.object({ russia: z.number().optional(), eu: z.number().optional() }).strict().optional(),
    stability: z.number().min(-100).max(100).optional(),
    escalation: z.number().int().min(-4).max(4).optional(),
    appetite: z.number().min(-1).max(1).optional(),
    turkishBacking: z.number().min(-1).max(1).optional(),
    transfer: z.array(z.object({ region: id, to: z.enum(['armenia', 'azerbaijan', 'karabakh']) }).strict()).optional(),
    tension: z.record(id, z.number().min(-100).max(100)).optional(),
    peacekeepers: z.record(id, z.boolean()).optional(),
    monitors: z.record(id, z.boolean()).optional(),
    displaced: z.record(id, z.number().int().min(0)).optional(),
    embargo: z.object({ supplier: id, rounds: z.number().int().min(1).max(24) }).strict().optional(),
    reveal: partySchema.optional(),
    /** One of the scenario's `modifiers`, in force for this many rounds. */
    modifier: z.object({ id: modifierId, rounds: z.number().int().min(1).max(12) }).strict().optional(),
  })
  .strict();

export const regionSchema = z
  .object({
    id,
    name: textSchema,
    /** Who is sovereign by the scenario's reading; context regions are not playable. */
    country: z.enum(['armenia', 'azerbaijan', 'georgia', 'iran', 'turkey']),
    kind: z.enum(['border', 'karabakh', 'corridor', 'district', 'exclave', 'context']),
    controller: z.enum(['armenia', 'azerbaijan', 'karabakh', 'georgia', 'iran', 'turkey']),
    tension: meter,
    peacekeepers: z.boolean(),
    monitors: z.boolean(),
    displaced: z.number().int().min(0),
    /** Simplified outline as [longitude, latitude] rings; the first ring is the outer one. */
    polygon: z.array(z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(3)).min(1),
    label: z.tuple([z.number(), z.number()]),
  })
  .strict();

export const procurementSchema = z
  .object({
    id,
    name: textSchema,
    component: componentSchema,
    /** What it is for (bots buy by role, never by id). */
    role: z.enum(PROCUREMENT_ROLES),
    buyers: z.array(partySchema).min(1),
    supplier: id,
    cost: z.number().positive(),
    gain: z.number().positive(),
    /** Rounds between order and delivery. */
    delay: z.number().int().min(0).max(24),
    /** Chance the supplier fails to deliver. */
    supplierRisk: unit,
    /** Range of the system in km, drawn on the map for the owner (missiles, drones). */
    rangeKm: z.number().positive().optional(),
  })
  .strict();

export const demandSchema = z
  .object({
    id,
    from: partySchema,
    title: textSchema,
    text: textSchema,
    /** How much accepting costs the addressee, 0–10; drives support loss and the concession balance. */
    weight: z.number().min(0).max(10),
    /** How many times the demand can be issued (sections of a border, stages of a withdrawal). */
    repeats: z.number().int().min(1).max(10),
    onAccept: effectsSchema,
    onRefuse: effectsSchema,
    /** Region the issuer would press by force if refused. */
    pressure: id,
    /** Line a bot addressee uses when it refuses this demand. */
    refusalLine: textSchema,
  })
  .strict();

export const instrumentSchema = z
  .object({
    id,
    by: z.array(mediatorSchema).min(1),
    kind: z.enum(['summit', 'borderCommission', 'monitors', 'peacekeeperExtension', 'incentives', 'sanctionsThreat', 'guarantees']),
    name: textSchema,
    /** Prestige the mediator spends to use it. */
    cost: z.number().min(0),
    effects: effectsSchema,
    /** Added to the durability of a settlement signed while it is in force. */
    durabilityBonus: z.number().min(0).max(30),
    /** Subtracted from an attacker's chance of success while in force. */
    escalationDamping: unit,
    /** Rounds it stays in force. */
    lasts: z.number().int().min(1).max(24),
  })
  .strict();

export const clauseSchema = z
  .object({
    id,
    text: textSchema,
    /** What agreeing costs each party, 0–10. */
    cost: z.object({ armenia: z.number().min(0).max(10), azerbaijan: z.number().min(0).max(10) }).strict(),
    effects: effectsSchema,
    /** What it settles, for the mediator bots (absent: none of their aims). */
    aim: z.enum(CLAUSE_AIMS).optional(),
  })
  .strict();

export const eventSchema = z
  .object({
    id,
    headline: textSchema,
    text: textSchema,
    weight: z.number().positive(),
    fromRound: z.number().int().min(1).default(1),
    /** The last round in which it can be drawn (seasonal news); absent means until the end. */
    untilRound: z.number().int().min(1).optional(),
    effects: effectsSchema,
    /** Seats that learn of it privately; empty means public news. */
    private: z.array(playingSeatSchema).default([]),
  })
  .strict();

/** A temporary rule that events switch on (`effects.modifier`): how it bears on escalations while in force. */
export const modifierSchema = z
  .object({
    id: modifierId,
    /** The attacker it bears on; absent: either party. */
    attacker: partySchema.optional(),
    /** The pressed regions it bears on; absent: every region. */
    regions: z.array(id).min(1).optional(),
    /** Subtracted from the chance of success (with the instruments' damping, at most escalation.maxDamping). */
    damping: unit,
    /** Multiplies the attacker's strength ratio. */
    ratioFactor: z.number().positive(),
    /** Presences in the pressed region that do not damp while it is in force. */
    cancels: z.array(z.enum(PRESENCES)),
  })
  .strict();

/** How the engine decides whether an objective is met (docs/scenarios.md, "Seats and objectives"). */
export const checkSchema = z.discriminatedUnion('metric', [
  /** `noCrisis`: and no government crisis on the way (a government that fell did not hold, whatever its successor rebuilt). */
  z.object({ metric: z.literal('support'), party: partySchema, atLeast: meter, noCrisis: z.boolean().optional() }).strict(),
  z.object({ metric: z.literal('standing'), party: partySchema, atLeast: meter }).strict(),
  z.object({ metric: z.literal('controls'), region: id, controller: z.enum(['armenia', 'azerbaijan', 'karabakh']) }).strict(),
  z.object({ metric: z.literal('balanceAtMost'), ratio: z.number().positive() }).strict(),
  z.object({ metric: z.literal('balanceAtLeast'), ratio: z.number().positive() }).strict(),
  z.object({ metric: z.literal('settlement') }).strict(),
  z.object({ metric: z.literal('settlementUnder'), mediator: mediatorSchema }).strict(),
  z.object({ metric: z.literal('clauseSigned'), clause: id }).strict(),
  /** Got it either way: the demand accepted (or imposed), or the clause in the signed settlement. */
  z.object({ metric: z.literal('obtained'), demand: id, clause: id }).strict(),
  /** The catalogue demand never went through (neither accepted nor imposed). */
  z.object({ metric: z.literal('withheld'), demand: id }).strict(),
  z.object({ metric: z.literal('noWar') }).strict(),
  z.object({ metric: z.literal('stabilityAtLeast'), value: meter }).strict(),
  z.object({ metric: z.literal('demandsAccepted'), from: partySchema, atLeast: z.number().int().min(1) }).strict(),
  z.object({ metric: z.literal('peacekeepersIn'), region: id }).strict(),
  z.object({ metric: z.literal('prestigeAtLeast'), mediator: mediatorSchema, value: z.number() }).strict(),
]);

export const objectiveSchema = z
  .object({
    id,
    text: textSchema,
    points: z.number().int().min(1).max(100),
    /** One check, or `all` of several (each must hold). */
    check: z.union([checkSchema, z.object({ metric: z.literal('all'), of: z.array(checkSchema).min(2) }).strict()]),
  })
  .strict();

export const seatSchema = z
  .object({
    name: textSchema,
    briefing: textSchema,
    objectives: z.array(objectiveSchema).min(1),
  })
  .strict();

export const partyStartSchema = z
  .object({
    strength: componentsSchema,
    budget: z.number().min(0),
    support: meter,
    standing: meter,
  })
  .strict();

/** A calendar date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD (month 01–12, day 01–31). */
export const sourceDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-08-26');

export const sourceSchema = z
  .object({ id, title: z.string().min(1), author: z.string().optional(), publisher: z.string().optional(), date: sourceDateSchema.optional(), url: z.string().url().optional() })
  .strict();

export const scenarioSchema = z
  .object({
    id,
    version: z.number().int().min(1),
    title: textSchema,
    summary: textSchema,
    startDate: z.string().regex(/^\d{4}-\d{2}$/, 'year-month, e.g. 2022-08'),
    rounds: z.number().int().min(1).max(60),
    contentNote: textSchema,
    simulationNotice: textSchema,
    mediators: z.array(mediatorSchema).min(1).max(2),
    /** Default phase lengths in seconds; a match may override them. */
    timers: z.object(Object.fromEntries(PHASES.map((p) => [p, z.number().int().min(5)])) as Record<(typeof PHASES)[number], z.ZodNumber>).strict(),
    /** Whether the two parties may talk directly or only through a mediator. */
    directChannel: z.boolean(),
    seats: perSeat(seatSchema),
    parties: z.object({ armenia: partyStartSchema, azerbaijan: partyStartSchema }).strict(),
    mediatorStart: z.object({ russia: z.object({ prestige: z.number() }).strict().optional(), eu: z.object({ prestige: z.number() }).strict().optional() }).strict(),
    military: z
      .object({
        /** How much one point of each component adds to effective strength. */
        weights: componentsSchema,
        /** How strongly anti-drone defence blunts the other side's drones. */
        droneCounter: z.number().min(0),
        /** How much each point of the defender's missiles cuts an attacker's chance of success. */
        missileDeterrence: z.number().min(0),
        /** Multiplier on Azerbaijan's effective strength from Turkish backing. */
        turkishBacking: z.number().min(0.5).max(3),
        /** Army reform: gain in effectiveness per budget point, and its ceiling. */
        reformPerPoint: z.number().min(0),
        reformCap: z.number().min(0).max(1),
        /** Diplomacy: standing per budget point. */
        diplomacyPerPoint: z.number().min(0),
        /** Share of strength lost each round to wear and age. */
        attrition: z.number().min(0).max(0.2),
        /** The most the defender's missiles take off an attacker's chance of success. */
        maxDeterrence: unit,
        /** Turkish backing stays within these as events move it. */
        turkishBackingLimits: limits(z.number().positive()),
        /** The balance in words: at or above `overwhelming`, `clear`, `narrow`; parity down to 1/narrow; reversed below. */
        gapWords: z.object({ overwhelming: z.number().positive(), clear: z.number().positive(), narrow: z.number().min(1) }).strict(),
      })
      .strict(),
    escalation: z
      .object({
        /** Steepness of success chance in the log of the strength ratio. */
        steepness: z.number().positive(),
        /** Success chance at an even balance. */
        baseAtParity: unit,
        /** Success chance with no escalation prepared in planning is multiplied by this. */
        unpreparedFactor: unit,
        /** Casualties of the side that loses ground (success: the defender; failure: the attacker), and the other side's share of them. */
        casualties: z
          .object({ success: z.number().int().min(0), failure: z.number().int().min(0), attackerShareOnSuccess: z.number().min(0), defenderShareOnFailure: z.number().min(0) })
          .strict(),
        /** Each of the defender's missiles raises the attacker's losses by this share. */
        missilePrice: z.number().min(0),
        displaced: z.number().int().min(0),
        standingCost: z.number().min(0),
        supportLossDefender: z.number().min(0),
        supportGainAttacker: z.number().min(0),
        supportLossFailedAttacker: z.number().min(0),
        /** Support the defender gains when the line holds. */
        supportGainHeldDefender: z.number().min(0),
        stabilityCost: z.number().min(0),
        /** Stability lost when an escalation fails. */
        stabilityCostFailed: z.number().min(0),
        /** Tension added to the pressed region. */
        tension: meter,
        /** Prestige a mediator loses when fighting reaches its presence (Russia's peacekeepers, the EU's monitors). */
        presencePrestigeCost: z.number().min(0),
        /** Peacekeepers or monitors in the pressed region cut success by this. */
        presenceDamping: unit,
        /** Escalation level falls by this each quiet round. */
        cooling: z.number().int().min(0).max(4),
        /** The level an escalation brings fighting to, unprepared or prepared; `war` is the top of the scale. */
        levels: z.object({ unprepared: z.number().int().min(1).max(4), prepared: z.number().int().min(1).max(4), war: z.number().int().min(1).max(4) }).strict(),
        /** The match ends in war after this many resolutions in a row at war level. */
        warRounds: z.number().int().min(1),
        /** A failed escalation at this level or above takes fighting one level higher still. */
        failureRaisesFrom: z.number().int().min(0).max(4),
        /** An escalation's chance of success stays within these. */
        chance: limits(unit),
        /** Presences that leave a region when an escalation there succeeds (a line that was overrun is no longer kept). */
        withdrawOnSuccess: z.array(z.enum(PRESENCES)),
        /** The most that instruments and modifiers together take off a chance of success. */
        maxDamping: unit,
      })
      .strict(),
    appetite: z
      .object({
        start: unit,
        perAcceptance: unit,
        perRefusalResisted: unit,
        /** Support Azerbaijan loses, per unit of appetite, for each refused demand it does not press (backing down before a public that expects more). */
        standDownCost: z.number().min(0),
        /** Appetite stays within these. */
        limits: limits(unit),
      })
      .strict(),
    support: z
      .object({
        crisisThreshold: meter,
        crisisReset: meter,
        /** Standing a party loses in a government crisis. */
        crisisStandingLoss: meter,
        perConcessionWeight: z.number().min(0),
        /** The addressee's support loss is multiplied by this when a demand is imposed by force. */
        coercedFactor: z.number().min(1),
        /** Support the issuer gains per point of an accepted demand's weight. */
        issuerGainPerWeight: z.number().min(0),
        /** A government crisis while fighting is at this escalation level or higher is that party's capitulation. */
        capitulationFrom: z.number().int().min(1).max(4),
      })
      .strict(),
    demandRules: z
      .object({
        /** Demands a party may have open at once. */
        maxOpen: z.number().int().min(1),
        /** The most rounds from now a demand may give for its answer (0: this round's response phase). */
        maxDeadline: z.number().int().min(0).max(60),
        /** The weight of a demand in the issuer's own words (catalogue demands carry their own). */
        customWeight: z.number().min(0).max(10),
        /** A party's further demand in its own words, which its bots press once the catalogue holds nothing worth more (absent: they do not). */
        further: z.object({ armenia: textSchema.optional(), azerbaijan: textSchema.optional() }).strict().optional(),
      })
      .strict(),
    /** What every resolution moves, besides the escalation's `cooling`. */
    roundEnd: z
      .object({
        /** Stability gained in a round without an escalation. */
        stabilityIfQuiet: delta,
        /** Each mediator's prestige change in a quiet round and in a round with an escalation. */
        prestigeIfQuiet: delta,
        prestigeIfEscalated: delta,
        /** A region's tension above `tensionFloor` eases by `tensionEasing` (never below the floor). */
        tensionEasing: meter,
        tensionFloor: meter,
      })
      .strict(),
    /** How estimates are drawn and what mediators read. */
    intel: z
      .object({
        /** An estimate's relative spread: `min` + `range` × a draw in [0, 1). */
        spread: z.object({ min: unit, range: unit }).strict(),
        /** One bias common to every figure of an estimate: × (1 ± bias/2). */
        bias: unit,
        /** Deliveries on order are seen this many wider than the spread on each side. */
        ordersSlack: z.number().int().min(0),
        /** The public band of the balance: low = truth × shift × `low`, high = low × `width`, shift drawn each round within `shift`. */
        publicBand: z.object({ low: z.number().positive(), width: z.number().min(1), shift: limits(z.number().positive()) }).strict(),
        /** A mediator reads a capital's resolve as firm at this support or more, steady at `steady` or more, else wavering. */
        resolveWords: z.object({ firm: meter, steady: meter }).strict(),
      })
      .strict(),
    settlement: z
      .object({
        baseDurability: meter,
        /** Durability points lost per unit of log strength ratio at signing. */
        imbalancePenalty: z.number().min(0),
        /** Durability points for a fully balanced set of concessions. */
        concessionBalanceWeight: z.number().min(0),
        minClauses: z.number().int().min(1),
        /** The most the instruments in force add to durability together. */
        maxBonus: meter,
        /** Durability lost per level of escalation at signing. */
        escalationPenalty: z.number().min(0),
        /** Prestige the mediator under whose auspices it is signed gains. */
        auspicesPrestige: z.number().min(0),
        /** Standing each party gains. */
        standingGain: meter,
        /** Stability gained: the durability divided by this. */
        durabilityPerStability: z.number().positive(),
      })
      .strict(),
    scoring: z
      .object({
        lastingPeaceWeight: z.number().min(0),
        objectiveWeight: z.number().min(0),
        /** Without a settlement, lasting peace is this share of the stability (a calm without a deal is fragile). */
        peaceWithoutSettlement: unit,
        /** …less this share of it for each point of weight conceded under pressure (demands accepted or imposed, both parties). */
        peaceLostPerConcession: unit,
      })
      .strict(),
    startingStability: meter,
    startingEscalation: z.number().int().min(0).max(4),
    /** The temporary rules events may switch on. */
    modifiers: z.array(modifierSchema),
    /** Which claims of the argument the scenario is built to show (its tests check them). */
    claims: z.array(z.enum(CLAIMS)).default([]),
    procurement: z.array(procurementSchema).min(1),
    demands: z.array(demandSchema).min(1),
    instruments: z.array(instrumentSchema),
    clauses: z.array(clauseSchema).min(2),
    events: z.array(eventSchema).min(1),
    /** The event every match opens with (round 1 follows the real record); others are drawn. */
    openingEvent: id.optional(),
    regions: z.array(regionSchema).min(1),
    geometrySource: z.object({ name: z.string(), licence: z.string(), note: z.string() }).strict(),
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

export type Text = z.infer<typeof textSchema>;
export type Party = z.infer<typeof partySchema>;
export type Mediator = z.infer<typeof mediatorSchema>;
export type PlayingSeat = z.infer<typeof playingSeatSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Components = z.infer<typeof componentsSchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type Region = z.infer<typeof regionSchema>;
export type ProcurementItem = z.infer<typeof procurementSchema>;
export type DemandDef = z.infer<typeof demandSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type EventCard = z.infer<typeof eventSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Check = z.infer<typeof checkSchema>;

/** An objective's checks: its one check, or each of an `all`. */
export const checksOf = (o: Objective): Check[] => (o.check.metric === 'all' ? o.check.of : [o.check]);
export type Modifier = z.infer<typeof modifierSchema>;
export type ProcurementRole = (typeof PROCUREMENT_ROLES)[number];
export type ClauseAim = (typeof CLAUSE_AIMS)[number];
export type Presence = (typeof PRESENCES)[number];
export type Scenario = z.infer<typeof scenarioSchema>;
export type Phase = (typeof PHASES)[number];
export type Claim = (typeof CLAIMS)[number];
