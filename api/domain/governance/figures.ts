// The figures a Community Safety Partnership board asks of its ASB panels for a period: how agencies
// deliver the actions they own, how risky the caseload is and whether panels reduce that risk, which
// tools and powers were used, who refers and how often the same people come back.
// Pure: the service has the database count the facts (the rules are `countFacts`), the period and
// today's date are passed in.
import { UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../actions/lifecycle';
import { addMonths, daysBetween, londonDateOf, type CalendarDate } from '../agenda/calendar-date';
import { INTERVENTION_CATALOGUE, type InterventionType } from '../interventions/catalogue';
import { suppressDerivable, type Relation } from './secondary-suppression';
import { countCell, rateCell, tallyMedianCell, type Cell, type Tally } from './suppression';

export type RiskBand = 'LOW' | 'MEDIUM' | 'HIGH';
const BAND_ORDER: Record<RiskBand, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

export interface AgencyRef {
  id: string;
  name: string;
}

export interface ActionFact {
  ownerAgencyId: string;
  status: ActionStatus;
  createdOn: CalendarDate;
  dueDate: CalendarDate;
  completedOn: CalendarDate | null;
}

export interface CaseFact {
  openedOn: CalendarDate;
  closedOn: CalendarDate | null;
  currentBand: RiskBand | null;
  /** The final band of the case's first risk assessment: the risk when it was referred. */
  referralBand: RiskBand | null;
}

export interface ReferralFact {
  /** Who the referral is about: the case, or else the person or place referred. */
  subjectKey: string;
  referrerAgencyId: string;
  submittedAt: Date;
  criteria: readonly string[];
}

export interface InterventionFact {
  type: InterventionType;
  status: 'PROPOSED' | 'ACTIVE' | 'BREACHED' | 'EXPIRED' | 'DISCHARGED' | 'WITHDRAWN';
  issuedOn: CalendarDate | null;
}

export interface GovernanceFacts {
  agencies: readonly AgencyRef[];
  actions: readonly ActionFact[];
  cases: readonly CaseFact[];
  /** Referrals submitted in the period and in the twelve months before it (to find repeats). */
  referrals: readonly ReferralFact[];
  interventions: readonly InterventionFact[];
}

export interface ActionDelivery {
  /** Actions set in the period, not counting cancelled ones. */
  set: Cell;
  completed: Cell;
  completionRate: Cell;
  /** Median whole days from being set to being completed. */
  medianDaysToComplete: Cell;
  /** Open and past their due date on the "as of" day. */
  overdue: Cell;
}

export interface GovernanceFigures {
  period: Period;
  /** Overdue counts are as of this day: the period's end, or today if the period runs on. */
  asOf: CalendarDate;
  suppressed: boolean;
  actionsByAgency: Array<{ agency: AgencyRef } & ActionDelivery>;
  actionTotals: ActionDelivery;
  /** Cases open at any time in the period, by their current (or closing) band. */
  casesByRiskBand: Array<{ band: RiskBand | 'UNASSESSED'; cases: Cell }>;
  /** Cases closed in the period: band at referral compared with band at closure. */
  riskChange: { closed: Cell; reduced: Cell; unchanged: Cell; increased: Cell; unknown: Cell };
  /** Interventions issued in the period (not merely proposed, nor withdrawn). */
  toolsAndPowers: Array<{ type: InterventionType; name: string; used: Cell }>;
  referralsBySourceAgency: Array<{ agency: AgencyRef; referrals: Cell }>;
  /** Referrals in the period about a subject already referred in the twelve months before. */
  repeatReferrals: { referrals: Cell; repeats: Cell; rate: Cell };
}

/**
 * The facts counted: what the figures need of the rows, and no more. The rules below
 * (`countFacts`) say what is counted; the service has the database count the same on the
 * partnership's rows, so the rows Node receives grow with agencies and categories, not with cases.
 */
export interface ActionCounts {
  ownerAgencyId: string;
  /** Actions set in the period, not counting cancelled ones. */
  set: number;
  /** Of those, the completed ones by whole days from being set to being completed. */
  daysToComplete: readonly Tally[];
  /** Open and past their due date on the "as of" day. */
  overdue: number;
}

export interface CaseCount {
  /** Cases open at any time in the period with these bands and closed in it or not. */
  cases: number;
  currentBand: RiskBand | null;
  closedInPeriod: boolean;
  /** Only told for cases closed in the period (null otherwise). */
  referralBand: RiskBand | null;
}

export interface InterventionCount {
  type: InterventionType;
  status: InterventionFact['status'];
  /** Issued in the period. */
  issued: number;
}

export interface ReferralCount {
  referrerAgencyId: string;
  /** Submitted in the period. */
  referrals: number;
  /** Of those, about a subject already referred in the twelve months before (see `repeatReferralCount`). */
  repeats: number;
}

export interface GovernanceCounts {
  agencies: readonly AgencyRef[];
  actions: readonly ActionCounts[];
  cases: readonly CaseCount[];
  interventions: readonly InterventionCount[];
  referrals: readonly ReferralCount[];
}

const UNFINISHED_ACTION = new Set<string>(UNFINISHED_ACTION_STATUSES);
const USED_INTERVENTION = new Set(['ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED']);

const within = (day: CalendarDate, period: Period) => day >= period.from && day <= period.to;

/** Overdue counts are as of the period's end, or today if the period runs on. */
export function asOfDay(period: Period, today: CalendarDate): CalendarDate {
  return today < period.to ? today : period.to;
}

/** Was the action open and late at the end of `day`? Cancellation dates are not kept, so cancelled actions never count. */
function overdueOn(action: ActionFact, day: CalendarDate): boolean {
  if (action.status === 'CANCELLED' || action.createdOn > day || action.dueDate >= day) return false;
  return UNFINISHED_ACTION.has(action.status) || (action.completedOn !== null && action.completedOn > day);
}

function tally(values: readonly number[]): Tally[] {
  return [...countBy(values, String).entries()].map(([value, count]) => ({ value: Number(value), count }));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function repeatReferralCount(referrals: readonly ReferralFact[], period: Period): { inPeriod: number; repeats: number } {
  const inPeriod = referrals.filter((referral) => within(londonDateOf(referral.submittedAt), period));
  const repeats = inPeriod.filter((referral) => isRepeat(referral, referrals));
  return { inPeriod: inPeriod.length, repeats: repeats.length };
}

/** Flagged as a repeat by its referrer, or about a subject referred before it within the twelve months to its day. */
function isRepeat(referral: ReferralFact, referrals: readonly ReferralFact[]): boolean {
  if (referral.criteria.includes('REPEAT_REFERRAL')) return true;
  const windowStart = addMonths(londonDateOf(referral.submittedAt), -12);
  return referrals.some(
    (earlier) =>
      earlier !== referral &&
      earlier.subjectKey === referral.subjectKey &&
      earlier.submittedAt < referral.submittedAt &&
      londonDateOf(earlier.submittedAt) >= windowStart,
  );
}

/**
 * The rules of what is counted, over plain rows: the definition the service's SQL follows (and is
 * tested against, tests/integration/governance-counts.test.ts). `facts` hold every action set before
 * the period ended, the cases open at any time in it, the referrals from twelve months before it.
 */
export function countFacts(facts: GovernanceFacts, period: Period, asOf: CalendarDate): GovernanceCounts {
  const actionsByOwner = new Map<string, ActionFact[]>();
  for (const action of facts.actions)
    actionsByOwner.set(action.ownerAgencyId, [...(actionsByOwner.get(action.ownerAgencyId) ?? []), action]);
  const actions = [...actionsByOwner.entries()].map(([ownerAgencyId, owned]): ActionCounts => {
    const set = owned.filter((action) => action.status !== 'CANCELLED' && within(action.createdOn, period));
    return {
      ownerAgencyId,
      set: set.length,
      daysToComplete: tally(
        set
          .filter((action) => action.status === 'COMPLETED' && action.completedOn !== null)
          .map((action) => daysBetween(action.createdOn, action.completedOn!)),
      ),
      overdue: owned.filter((action) => overdueOn(action, asOf)).length,
    };
  });

  const cases = facts.cases
    .filter((kase) => kase.openedOn <= period.to && (kase.closedOn === null || kase.closedOn >= period.from))
    .map((kase): CaseCount => {
      const closedInPeriod = kase.closedOn !== null && within(kase.closedOn, period);
      return { cases: 1, currentBand: kase.currentBand, closedInPeriod, referralBand: closedInPeriod ? kase.referralBand : null };
    });

  const interventions = facts.interventions
    .filter((item) => item.issuedOn !== null && within(item.issuedOn, period))
    .map((item): InterventionCount => ({ type: item.type, status: item.status, issued: 1 }));

  const referrals = facts.referrals
    .filter((referral) => within(londonDateOf(referral.submittedAt), period))
    .map((referral): ReferralCount => ({
      referrerAgencyId: referral.referrerAgencyId,
      referrals: 1,
      repeats: isRepeat(referral, facts.referrals) ? 1 : 0,
    }));
  return { agencies: facts.agencies, actions, cases, interventions, referrals };
}

function delivery(owned: readonly ActionCounts[], suppress: boolean): ActionDelivery {
  const set = sum(owned.map((row) => row.set));
  const daysToComplete = owned.flatMap((row) => row.daysToComplete);
  const completed = sum(daysToComplete.map((row) => row.count));
  return {
    set: countCell(set, suppress),
    completed: countCell(completed, suppress),
    completionRate: rateCell(completed, set, suppress),
    medianDaysToComplete: tallyMedianCell(daysToComplete, suppress),
    overdue: countCell(sum(owned.map((row) => row.overdue)), suppress),
  };
}

const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);

/** Adds up `n(item)` by `key(item)`. */
function sumBy<T>(items: readonly T[], key: (item: T) => string, n: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + n(item));
  return sums;
}

/** The figures from plain rows: `countFacts` then `figuresOfCounts`. */
export function governanceFigures(facts: GovernanceFacts, period: Period, today: CalendarDate, suppress: boolean): GovernanceFigures {
  return figuresOfCounts(countFacts(facts, period, asOfDay(period, today)), period, today, suppress);
}

/** The figures from the counted facts: totals, rates, medians, risk change, and small numbers withheld when `suppress`. */
export function figuresOfCounts(counts: GovernanceCounts, period: Period, today: CalendarDate, suppress: boolean): GovernanceFigures {
  const asOf = asOfDay(period, today);
  const agencyName = new Map(counts.agencies.map((agency) => [agency.id, agency]));
  const agencyRef = (id: string): AgencyRef => agencyName.get(id) ?? { id, name: 'Unknown agency' };
  const byName = (a: { agency: AgencyRef }, b: { agency: AgencyRef }) => a.agency.name.localeCompare(b.agency.name);

  const actionsByOwner = new Map<string, ActionCounts[]>();
  for (const row of counts.actions) actionsByOwner.set(row.ownerAgencyId, [...(actionsByOwner.get(row.ownerAgencyId) ?? []), row]);
  const actionsByAgency = [...actionsByOwner.entries()]
    .map(([agencyId, owned]) => ({ agency: agencyRef(agencyId), ...delivery(owned, suppress) }))
    .filter((row) => row.set.value !== 0 || row.overdue.value !== 0)
    .sort(byName);

  const bandCounts = sumBy(
    counts.cases,
    (row) => row.currentBand ?? 'UNASSESSED',
    (row) => row.cases,
  );
  const casesByRiskBand = (['HIGH', 'MEDIUM', 'LOW', 'UNASSESSED'] as const).map((band) => ({
    band,
    cases: countCell(bandCounts.get(band) ?? 0, suppress),
  }));

  const closed = counts.cases.filter((row) => row.closedInPeriod);
  const change = sumBy(
    closed,
    (row) => {
      if (!row.referralBand || !row.currentBand) return 'unknown';
      const delta = BAND_ORDER[row.currentBand] - BAND_ORDER[row.referralBand];
      return delta < 0 ? 'reduced' : delta > 0 ? 'increased' : 'unchanged';
    },
    (row) => row.cases,
  );

  const usedCounts = sumBy(
    counts.interventions.filter((row) => USED_INTERVENTION.has(row.status) && row.issued > 0),
    (row) => row.type,
    (row) => row.issued,
  );
  const toolsAndPowers = Object.values(INTERVENTION_CATALOGUE)
    .filter((entry) => usedCounts.has(entry.type))
    .map((entry) => ({ type: entry.type, name: entry.name, used: countCell(usedCounts.get(entry.type)!, suppress) }));

  const bySource = sumBy(
    counts.referrals.filter((row) => row.referrals > 0),
    (row) => row.referrerAgencyId,
    (row) => row.referrals,
  );
  const referrals = sum(counts.referrals.map((row) => row.referrals));
  const repeats = sum(counts.referrals.map((row) => row.repeats));

  const figures: GovernanceFigures = {
    period,
    asOf,
    suppressed: suppress,
    actionsByAgency,
    actionTotals: delivery(counts.actions, suppress),
    casesByRiskBand,
    riskChange: {
      closed: countCell(sum(closed.map((row) => row.cases)), suppress),
      reduced: countCell(change.get('reduced') ?? 0, suppress),
      unchanged: countCell(change.get('unchanged') ?? 0, suppress),
      increased: countCell(change.get('increased') ?? 0, suppress),
      unknown: countCell(change.get('unknown') ?? 0, suppress),
    },
    toolsAndPowers,
    referralsBySourceAgency: [...bySource.entries()]
      .map(([agencyId, n]) => ({ agency: agencyRef(agencyId), referrals: countCell(n, suppress) }))
      .sort(byName),
    repeatReferrals: {
      referrals: countCell(referrals, suppress),
      repeats: countCell(repeats, suppress),
      rate: rateCell(repeats, referrals, suppress),
    },
  };
  if (suppress) suppressDerivable(relationsOf(figures));
  return figures;
}

/** Every way one published figure follows from others: the rates and the breakdowns with their totals. */
export function relationsOf(figures: GovernanceFigures): Relation[] {
  const rows = figures.actionsByAgency;
  const deliveryRates = [...rows.map((row) => ({ row, of: ` of ${row.agency.name}` })), { row: figures.actionTotals, of: '' }].map(
    ({ row, of }): Relation => ({
      kind: 'rate',
      label: `completion rate${of}`,
      rate: row.completionRate,
      part: row.completed,
      base: row.set,
    }),
  );
  const byAgency = (measure: 'set' | 'completed' | 'overdue'): Relation => ({
    kind: 'sum',
    label: `actions ${measure} by agency`,
    total: figures.actionTotals[measure],
    parts: rows.map((row) => row[measure]),
  });
  const { closed, ...change } = figures.riskChange;
  return [
    ...deliveryRates,
    byAgency('set'),
    byAgency('completed'),
    byAgency('overdue'),
    { kind: 'sum', label: 'risk change of closed cases', total: closed, parts: Object.values(change) },
    {
      kind: 'sum',
      label: 'referrals by source agency',
      total: figures.repeatReferrals.referrals,
      parts: figures.referralsBySourceAgency.map((row) => row.referrals),
    },
    {
      kind: 'rate',
      label: 'repeat referral rate',
      rate: figures.repeatReferrals.rate,
      part: figures.repeatReferrals.repeats,
      base: figures.repeatReferrals.referrals,
    },
  ];
}
