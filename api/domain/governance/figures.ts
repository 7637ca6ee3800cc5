// The figures a Community Safety Partnership board asks of its ASB panels for a period: how agencies
// deliver the actions they own, how risky the caseload is and whether panels reduce that risk, which
// tools and powers were used, who refers and how often the same people come back.
// Pure: the service loads plain facts, the period and today's date are passed in.
import { UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../actions/lifecycle';
import { addMonths, daysBetween, londonDateOf, type CalendarDate } from '../agenda/calendar-date';
import { INTERVENTION_CATALOGUE, type InterventionType } from '../interventions/catalogue';
import { suppressDerivable, type Relation } from './secondary-suppression';
import { countCell, medianCell, rateCell, type Cell } from './suppression';

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

const UNFINISHED_ACTION = new Set<string>(UNFINISHED_ACTION_STATUSES);
const USED_INTERVENTION = new Set(['ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED']);

const within = (day: CalendarDate, period: Period) => day >= period.from && day <= period.to;

/** Was the action open and late at the end of `day`? Cancellation dates are not kept, so cancelled actions never count. */
function overdueOn(action: ActionFact, day: CalendarDate): boolean {
  if (action.status === 'CANCELLED' || action.createdOn > day || action.dueDate >= day) return false;
  return UNFINISHED_ACTION.has(action.status) || (action.completedOn !== null && action.completedOn > day);
}

function delivery(actions: readonly ActionFact[], period: Period, asOf: CalendarDate, suppress: boolean): ActionDelivery {
  const set = actions.filter((action) => action.status !== 'CANCELLED' && within(action.createdOn, period));
  const completedDays = set
    .filter((action) => action.status === 'COMPLETED' && action.completedOn !== null)
    .map((action) => daysBetween(action.createdOn, action.completedOn!));
  return {
    set: countCell(set.length, suppress),
    completed: countCell(completedDays.length, suppress),
    completionRate: rateCell(completedDays.length, set.length, suppress),
    medianDaysToComplete: medianCell(completedDays, suppress),
    overdue: countCell(actions.filter((action) => overdueOn(action, asOf)).length, suppress),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function repeatReferralCount(referrals: readonly ReferralFact[], period: Period): { inPeriod: number; repeats: number } {
  const inPeriod = referrals.filter((referral) => within(londonDateOf(referral.submittedAt), period));
  const repeats = inPeriod.filter((referral) => {
    if (referral.criteria.includes('REPEAT_REFERRAL')) return true;
    const windowStart = addMonths(londonDateOf(referral.submittedAt), -12);
    return referrals.some(
      (earlier) =>
        earlier !== referral &&
        earlier.subjectKey === referral.subjectKey &&
        earlier.submittedAt < referral.submittedAt &&
        londonDateOf(earlier.submittedAt) >= windowStart,
    );
  });
  return { inPeriod: inPeriod.length, repeats: repeats.length };
}

export function governanceFigures(facts: GovernanceFacts, period: Period, today: CalendarDate, suppress: boolean): GovernanceFigures {
  const asOf = today < period.to ? today : period.to;
  const agencyName = new Map(facts.agencies.map((agency) => [agency.id, agency]));
  const agencyRef = (id: string): AgencyRef => agencyName.get(id) ?? { id, name: 'Unknown agency' };
  const byName = (a: { agency: AgencyRef }, b: { agency: AgencyRef }) => a.agency.name.localeCompare(b.agency.name);

  const actionsByOwner = new Map<string, ActionFact[]>();
  for (const action of facts.actions)
    actionsByOwner.set(action.ownerAgencyId, [...(actionsByOwner.get(action.ownerAgencyId) ?? []), action]);
  const actionsByAgency = [...actionsByOwner.entries()]
    .map(([agencyId, actions]) => ({ agency: agencyRef(agencyId), ...delivery(actions, period, asOf, suppress) }))
    .filter((row) => row.set.value !== 0 || row.overdue.value !== 0)
    .sort(byName);

  const openInPeriod = facts.cases.filter((kase) => kase.openedOn <= period.to && (kase.closedOn === null || kase.closedOn >= period.from));
  const bandCounts = countBy(openInPeriod, (kase) => kase.currentBand ?? 'UNASSESSED');
  const casesByRiskBand = (['HIGH', 'MEDIUM', 'LOW', 'UNASSESSED'] as const).map((band) => ({
    band,
    cases: countCell(bandCounts.get(band) ?? 0, suppress),
  }));

  const closed = facts.cases.filter((kase) => kase.closedOn !== null && within(kase.closedOn, period));
  const change = countBy(closed, (kase) => {
    if (!kase.referralBand || !kase.currentBand) return 'unknown';
    const delta = BAND_ORDER[kase.currentBand] - BAND_ORDER[kase.referralBand];
    return delta < 0 ? 'reduced' : delta > 0 ? 'increased' : 'unchanged';
  });

  const used = facts.interventions.filter(
    (item) => USED_INTERVENTION.has(item.status) && item.issuedOn !== null && within(item.issuedOn, period),
  );
  const usedCounts = countBy(used, (item) => item.type);
  const toolsAndPowers = Object.values(INTERVENTION_CATALOGUE)
    .filter((entry) => usedCounts.has(entry.type))
    .map((entry) => ({ type: entry.type, name: entry.name, used: countCell(usedCounts.get(entry.type)!, suppress) }));

  const referralsInPeriod = facts.referrals.filter((referral) => within(londonDateOf(referral.submittedAt), period));
  const bySource = countBy(referralsInPeriod, (referral) => referral.referrerAgencyId);
  const repeat = repeatReferralCount(facts.referrals, period);

  const figures: GovernanceFigures = {
    period,
    asOf,
    suppressed: suppress,
    actionsByAgency,
    actionTotals: delivery(facts.actions, period, asOf, suppress),
    casesByRiskBand,
    riskChange: {
      closed: countCell(closed.length, suppress),
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
      referrals: countCell(repeat.inPeriod, suppress),
      repeats: countCell(repeat.repeats, suppress),
      rate: rateCell(repeat.repeats, repeat.inPeriod, suppress),
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
