// Governance figures for the partnership and their CSV export: loads plain facts for the period,
// lets the domain count them, and withholds small numbers from members who may not see the cases.
// The figures are aggregates, not personal data, so reading them is not audited; an export leaves the
// app, so it is.
import { addDays, addMonths, isCalendarDate, londonDateOf, startOfLondonDay } from '../domain/agenda/calendar-date';
import { governanceCsv } from '../domain/governance/csv';
import { governanceFigures, type GovernanceFacts, type GovernanceFigures, type Period } from '../domain/governance/figures';
import { suppressionApplies } from '../domain/governance/suppression';
import { mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden, validationFailed } from './errors';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';

/** Two years: enough for a year-on-year board report, small enough to count in one request. */
const MAX_PERIOD_DAYS = 731;

/** The period asked for, or the twelve months to today; refuses a reversed or over-long one. */
export function resolvePeriod(ctx: ServiceContext, asked: { from?: string | undefined; to?: string | undefined }): Period {
  const errors: Array<{ field: string; message: string }> = [];
  for (const field of ['from', 'to'] as const) {
    const value = asked[field];
    if (value !== undefined && !isCalendarDate(value)) errors.push({ field, message: 'Give a date as YYYY-MM-DD.' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  const to = asked.to ?? londonDateOf(ctx.now());
  const from = asked.from ?? addDays(addMonths(to, -12), 1);
  if (from > to) throw validationFailed([{ field: 'from', message: 'The start of the period must not be after its end.' }]);
  if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_DAYS * 86_400_000) {
    throw validationFailed([{ field: 'from', message: 'Choose a period of two years or less.' }]);
  }
  return { from, to };
}

/** The instants a London-day period covers: [start of `from`, start of the day after `to`). */
export function periodInstants(period: Period): { gte: Date; lt: Date } {
  return { gte: startOfLondonDay(period.from), lt: startOfLondonDay(addDays(period.to, 1)) };
}

async function loadFacts(tx: Tx, partnershipId: string, period: Period): Promise<GovernanceFacts> {
  const { gte, lt } = periodInstants(period);
  const referralWindowStart = startOfLondonDay(addMonths(period.from, -12));
  const [agencies, actions, cases, referrals, interventions] = await Promise.all([
    tx.agency.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
    // Every action set before the period ends: older open ones can still be overdue in it.
    tx.action.findMany({
      where: { partnershipId, createdAt: { lt } },
      select: { ownerAgencyId: true, status: true, createdAt: true, dueDate: true, completedAt: true },
    }),
    tx.case.findMany({
      where: { partnershipId, openedAt: { lt }, OR: [{ closedAt: null }, { closedAt: { gte } }] },
      select: {
        openedAt: true,
        closedAt: true,
        currentRiskBand: true,
        assessments: { orderBy: { assessedAt: 'asc' }, take: 1, select: { finalBand: true } },
      },
    }),
    tx.referral.findMany({
      where: { partnershipId, submittedAt: { gte: referralWindowStart, lt } },
      select: { id: true, caseId: true, personId: true, locationId: true, referrerAgencyId: true, submittedAt: true, criteriaMet: true },
    }),
    tx.intervention.findMany({
      where: { case: { partnershipId }, issuedOn: { gte: dateColumnOf(period.from), lte: dateColumnOf(period.to) } },
      select: { type: true, status: true, issuedOn: true },
    }),
  ]);
  return {
    agencies,
    actions: actions.map((action) => ({
      ownerAgencyId: action.ownerAgencyId,
      status: action.status,
      createdOn: londonDateOf(action.createdAt),
      dueDate: calendarDateOfColumn(action.dueDate),
      completedOn: action.completedAt ? londonDateOf(action.completedAt) : null,
    })),
    cases: cases.map((kase) => ({
      openedOn: londonDateOf(kase.openedAt),
      closedOn: kase.closedAt ? londonDateOf(kase.closedAt) : null,
      currentBand: kase.currentRiskBand,
      referralBand: kase.assessments[0]?.finalBand ?? null,
    })),
    referrals: referrals.map((referral) => ({
      subjectKey: referral.caseId ?? referral.personId ?? referral.locationId ?? referral.id,
      referrerAgencyId: referral.referrerAgencyId,
      submittedAt: referral.submittedAt!,
      criteria: referral.criteriaMet,
    })),
    interventions: interventions.map((item) => ({
      type: item.type,
      status: item.status,
      issuedOn: item.issuedOn ? calendarDateOfColumn(item.issuedOn) : null,
    })),
  };
}

export async function readGovernanceFigures(
  ctx: ServiceContext,
  asked: { from?: string | undefined; to?: string | undefined },
): Promise<GovernanceFigures> {
  if (!mayUse(ctx.actor, 'governance.read')) throw forbidden('read the governance figures');
  const period = resolvePeriod(ctx, asked);
  const facts = await inTransaction(ctx, (tx) => loadFacts(tx, ctx.actor.partnershipId, period));
  return governanceFigures(facts, period, londonDateOf(ctx.now()), suppressionApplies(ctx.actor));
}

export async function exportGovernanceCsv(
  ctx: ServiceContext,
  asked: { from?: string | undefined; to?: string | undefined },
): Promise<{ filename: string; csv: string }> {
  const figures = await readGovernanceFigures(ctx, asked);
  await inTransaction(ctx, (tx) =>
    audit(tx, ctx, {
      event: 'governance.export',
      entityType: 'Partnership',
      entityId: ctx.actor.partnershipId,
      after: { ...figures.period, suppressed: figures.suppressed },
    }),
  );
  return { filename: `governance-figures-${figures.period.from}-to-${figures.period.to}.csv`, csv: governanceCsv(figures) };
}
