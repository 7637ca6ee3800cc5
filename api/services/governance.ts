// Governance figures for the partnership and their CSV export: has the database count the facts of
// the period by the domain's rules, lets the domain make figures of the counts, and withholds small
// numbers from members who may not see the cases. The figures are aggregates, not personal data, so
// reading them is not audited; an export leaves the app, so it is.
import { Prisma } from '../store/generated/client';
import { UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../domain/actions/lifecycle';
import { addDays, addMonths, isCalendarDate, londonDateOf, startOfLondonDay, type CalendarDate } from '../domain/agenda/calendar-date';
import { governanceCsv } from '../domain/governance/csv';
import {
  asOfDay,
  figuresOfCounts,
  type GovernanceCounts,
  type GovernanceFigures,
  type InterventionCount,
  type Period,
  type ReferralCount,
  type RiskBand,
} from '../domain/governance/figures';
import { suppressionApplies, type Tally } from '../domain/governance/suppression';
import { mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden, validationFailed } from './errors';

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

/** A `timestamp` column's instant (kept as UTC) as its day in London. */
const londonDay = (column: string) => Prisma.raw(`((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date`);
/** An instant to compare with a `timestamp` column (kept as UTC). */
const instant = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
const actionStatuses = (list: readonly ActionStatus[]) => Prisma.join(list.map((status) => Prisma.sql`${status}::"ActionStatus"`));

interface ActionSetRow {
  agencyId: string;
  daysToComplete: number | null;
  set: number;
}

interface ActionOverdueRow {
  agencyId: string;
  overdue: number;
}

/**
 * The counted facts for the period, counted by the database as `countFacts` counts rows (see it for
 * the rules): a London day is compared as the instants it spans, so only the days from setting to
 * completing an action and the twelve months before a referral turn instants into London days.
 * One query after another: pg refuses to interleave queries on one transaction's connection.
 */
async function countInDatabase(tx: Tx, partnershipId: string, period: Period, asOf: CalendarDate): Promise<GovernanceCounts> {
  const { gte, lt } = periodInstants(period);
  const asOfEnd = startOfLondonDay(addDays(asOf, 1));
  const referralWindowStart = startOfLondonDay(addMonths(period.from, -12));

  const agencies = await tx.agency.findMany({ where: { partnershipId }, select: { id: true, name: true } });

  // The actions set in the period (not cancelled), by owner and by whole days to complete (null
  // for one not completed), read from the (partnershipId, createdAt, ...) index alone.
  const setRows = await tx.$queryRaw<ActionSetRow[]>`
    SELECT a."ownerAgencyId"::text AS "agencyId",
           CASE WHEN a.status = 'COMPLETED' AND a."completedAt" IS NOT NULL
                THEN ${londonDay('a."completedAt"')} - ${londonDay('a."createdAt"')} END AS "daysToComplete",
           (count(*))::int AS "set"
      FROM "Action" a
     WHERE a."partnershipId" = ${partnershipId}::uuid AND a."createdAt" >= ${instant(gte)} AND a."createdAt" < ${instant(lt)}
       AND a.status <> 'CANCELLED'
     GROUP BY 1, 2`;
  // Overdue at the end of the as-of day (never after the period's end): set by then, due before it,
  // and still unfinished or completed only after it. Two branches so that each seeks its own index:
  // unfinished ones by status and due date, finished ones by completion after the day (few).
  const overdueRows = await tx.$queryRaw<ActionOverdueRow[]>`
    SELECT "agencyId", (sum(overdue))::int AS "overdue" FROM (
      SELECT a."ownerAgencyId"::text AS "agencyId", count(*) AS overdue
        FROM "Action" a
       WHERE a."partnershipId" = ${partnershipId}::uuid AND a.status IN (${actionStatuses(UNFINISHED_ACTION_STATUSES)})
         AND a."dueDate" < ${asOf}::date AND a."createdAt" < ${instant(asOfEnd)} AND a."createdAt" < ${instant(lt)}
       GROUP BY 1
      UNION ALL
      SELECT a."ownerAgencyId"::text, count(*)
        FROM "Action" a
       WHERE a."partnershipId" = ${partnershipId}::uuid AND a."completedAt" >= ${instant(asOfEnd)}
         AND a.status NOT IN (${actionStatuses(UNFINISHED_ACTION_STATUSES)}) AND a.status <> 'CANCELLED'
         AND a."dueDate" < ${asOf}::date AND a."createdAt" < ${instant(asOfEnd)} AND a."createdAt" < ${instant(lt)}
       GROUP BY 1) AS owners
     GROUP BY 1`;
  const actions = new Map<string, { set: number; overdue: number; daysToComplete: Tally[] }>();
  const ownerOf = (agencyId: string) => {
    const owner = actions.get(agencyId) ?? { set: 0, overdue: 0, daysToComplete: [] };
    actions.set(agencyId, owner);
    return owner;
  };
  for (const row of setRows) {
    const owner = ownerOf(row.agencyId);
    owner.set += Number(row.set);
    if (row.daysToComplete !== null) owner.daysToComplete.push({ value: Number(row.daysToComplete), count: Number(row.set) });
  }
  for (const row of overdueRows) ownerOf(row.agencyId).overdue += Number(row.overdue);

  // Cases open at any time in the period: those not closed in it by band; those closed in it by band
  // and the band of their first assessment (looked up for those cases alone).
  const cases = await tx.$queryRaw<
    Array<{ cases: number; currentBand: RiskBand | null; closedInPeriod: boolean; referralBand: RiskBand | null }>
  >`
    SELECT (count(*))::int AS "cases", c."currentRiskBand"::text AS "currentBand", false AS "closedInPeriod", NULL::text AS "referralBand"
      FROM "Case" c
     WHERE c."partnershipId" = ${partnershipId}::uuid AND c."openedAt" < ${instant(lt)}
       AND (c."closedAt" IS NULL OR c."closedAt" >= ${instant(lt)})
     GROUP BY c."currentRiskBand"
    UNION ALL
    SELECT (count(*))::int, c."currentRiskBand"::text, true,
           (SELECT ra."finalBand"::text FROM "RiskAssessment" ra WHERE ra."caseId" = c.id ORDER BY ra."assessedAt" LIMIT 1)
      FROM "Case" c
     WHERE c."partnershipId" = ${partnershipId}::uuid AND c."openedAt" < ${instant(lt)}
       AND c."closedAt" >= ${instant(gte)} AND c."closedAt" < ${instant(lt)}
     GROUP BY 2, 4`;

  const interventions = await tx.$queryRaw<InterventionCount[]>`
    SELECT i.type::text AS "type", i.status::text AS "status", (count(*))::int AS "issued"
      FROM "Intervention" i JOIN "Case" c ON c.id = i."caseId"
     WHERE c."partnershipId" = ${partnershipId}::uuid AND i."issuedOn" BETWEEN ${period.from}::date AND ${period.to}::date
     GROUP BY 1, 2`;

  // Referrals from twelve months before the period, each with the latest earlier one about its
  // subject (EXCLUDE GROUP: not itself, nor one submitted at the same instant); counted in the period.
  const referrals = await tx.$queryRaw<ReferralCount[]>`
    WITH referred AS (
      SELECT r."referrerAgencyId", r."submittedAt", r."criteriaMet",
             max(r."submittedAt") OVER (PARTITION BY coalesce(r."caseId", r."personId", r."locationId", r.id) ORDER BY r."submittedAt"
                                        RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP) AS "previousAt"
        FROM "Referral" r
       WHERE r."partnershipId" = ${partnershipId}::uuid
         AND r."submittedAt" >= ${instant(referralWindowStart)} AND r."submittedAt" < ${instant(lt)})
    SELECT "referrerAgencyId"::text AS "referrerAgencyId", (count(*))::int AS "referrals",
           (count(*) FILTER (WHERE 'REPEAT_REFERRAL'::"ReferralCriterion" = ANY("criteriaMet")
                              OR ${londonDay('"previousAt"')} >= (${londonDay('"submittedAt"')} - interval '12 months')::date))::int AS "repeats"
      FROM referred
     WHERE "submittedAt" >= ${instant(gte)}
     GROUP BY "referrerAgencyId"`;

  return {
    agencies,
    actions: [...actions.entries()].map(([ownerAgencyId, owner]) => ({ ownerAgencyId, ...owner })),
    cases: cases.map((row) => ({ ...row, cases: Number(row.cases) })),
    interventions: interventions.map((row) => ({ ...row, issued: Number(row.issued) })),
    referrals: referrals.map((row) => ({ ...row, referrals: Number(row.referrals), repeats: Number(row.repeats) })),
  };
}

export async function readGovernanceFigures(
  ctx: ServiceContext,
  asked: { from?: string | undefined; to?: string | undefined },
): Promise<GovernanceFigures> {
  if (!mayUse(ctx.actor, 'governance.read')) throw forbidden('read the governance figures');
  const period = resolvePeriod(ctx, asked);
  const today = londonDateOf(ctx.now());
  const counts = await inTransaction(ctx, (tx) => countInDatabase(tx, ctx.actor.partnershipId, period, asOfDay(period, today)));
  return figuresOfCounts(counts, period, today, suppressionApplies(ctx.actor));
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
