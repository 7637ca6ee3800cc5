// The ASB case review (Community Trigger): whether a case's victims or places meet the
// partnership's threshold, opening a review when someone applies, and its deadlines as it moves on.
import { daysBetween, londonDateOf } from '../../domain/agenda/calendar-date';
import { mayUse } from '../../domain/access/policy';
import {
  assessCaseReviewThreshold,
  caseReviewDeadlines,
  type AsbComplaint,
  type CaseReviewPolicy,
} from '../../domain/referrals/community-trigger';
import type { CaseReviewStatus, Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { partnershipBankHolidays } from '../bank-holidays';
import { requireVisibleCase } from '../case-access';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { conflict, forbidden, notFound, ServiceError, validationFailed } from '../errors';
import { partnershipPolicies } from './policy-settings';
import { calendarDateOfColumn, calendarDateOrNull, dateColumnOf } from '../../store/calendar-dates';

const incidentSelect = {
  id: true,
  occurredAt: true,
  reportedAt: true,
  sourceReference: true,
  reportedToAgencyId: true,
  locationId: true,
  people: { where: { role: 'VICTIM' }, select: { personId: true } },
} satisfies Prisma.IncidentSelect;
type ComplaintIncident = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

function complaintsOf(incidents: ComplaintIncident[], concerning: string): AsbComplaint[] {
  return incidents.map((incident) => ({
    // One incident reported to several agencies shares its source reference and counts once.
    incidentId: incident.sourceReference ?? incident.id,
    incidentAt: incident.occurredAt,
    reportedAt: incident.reportedAt,
    complainant: incident.people[0]?.personId ?? 'not recorded',
    reportedTo: incident.reportedToAgencyId ?? 'not recorded',
    concerning,
  }));
}

async function personComplaints(tx: Tx, partnershipId: string, personId: string) {
  return complaintsOf(
    await tx.incident.findMany({ where: { partnershipId, people: { some: { personId } } }, select: incidentSelect }),
    personId,
  );
}

async function locationComplaints(tx: Tx, partnershipId: string, locationId: string) {
  return complaintsOf(await tx.incident.findMany({ where: { partnershipId, locationId }, select: incidentSelect }), locationId);
}

function thresholdOrThrow(complaints: AsbComplaint[], at: Date, policy: CaseReviewPolicy) {
  const assessed = assessCaseReviewThreshold(complaints, at, policy);
  if (!assessed.ok) throw conflict(`The partnership's case review settings cannot be used: ${assessed.error.message}`);
  const { met, required, qualifying, explanation } = assessed.value;
  return { met, required, qualifying: qualifying.length, explanation };
}

/** For each victim and place on the case: would an application made now meet the threshold? */
export async function caseCommunityTrigger(tx: Tx, ctx: ServiceContext, caseId: string) {
  const partnershipId = ctx.actor.partnershipId;
  const { caseReview } = await partnershipPolicies(tx, partnershipId);
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      subjects: {
        where: { role: 'VICTIM' },
        select: { person: { select: { id: true, givenName: true, familyName: true, anonymisedAt: true } } },
      },
      locations: { select: { location: { select: { id: true, addressLine1: true, anonymisedAt: true } } } },
    },
  });
  const now = ctx.now();
  const people = [];
  for (const { person } of kase.subjects) {
    if (person.anonymisedAt) continue;
    people.push({
      personId: person.id,
      name: `${person.givenName} ${person.familyName}`,
      ...thresholdOrThrow(await personComplaints(tx, partnershipId, person.id), now, caseReview),
    });
  }
  const locations = [];
  for (const { location } of kase.locations) {
    if (location.anonymisedAt) continue;
    locations.push({
      locationId: location.id,
      address: location.addressLine1,
      ...thresholdOrThrow(await locationComplaints(tx, partnershipId, location.id), now, caseReview),
    });
  }
  return { thresholdMet: [...people, ...locations].some((s) => s.met), people, locations };
}

export async function readCaseCommunityTrigger(ctx: ServiceContext, caseId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, caseId);
    const answer = await caseCommunityTrigger(tx, ctx, caseId);
    await audit(tx, ctx, { event: 'case.read', entityType: 'Case', entityId: caseId, after: { view: 'community-trigger' } });
    return answer;
  });
}

type ReviewRow = Prisma.CommunityTriggerReviewGetPayload<{ select: typeof reviewSelect }>;
const reviewSelect = {
  id: true,
  caseId: true,
  applicantPersonId: true,
  locationId: true,
  status: true,
  receivedAt: true,
  qualifyingComplaints: true,
  acknowledgeBy: true,
  decisionDueBy: true,
  reviewDueBy: true,
  outcome: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CommunityTriggerReviewSelect;

/** Which deadline is next, and whether it has passed, as of today in London. */
function reviewView(row: ReviewRow, now: Date) {
  const today = londonDateOf(now);
  const next: Partial<Record<CaseReviewStatus, [string, Date | null]>> = {
    RECEIVED: ['acknowledge', row.acknowledgeBy],
    ACKNOWLEDGED: ['decide whether the threshold is met', row.decisionDueBy],
    THRESHOLD_MET: ['hold the review', row.reviewDueBy],
  };
  const due = next[row.status];
  const dueOn = due?.[1] ? calendarDateOfColumn(due[1]) : null;
  return {
    ...row,
    acknowledgeBy: calendarDateOrNull(row.acknowledgeBy),
    decisionDueBy: calendarDateOrNull(row.decisionDueBy),
    reviewDueBy: calendarDateOrNull(row.reviewDueBy),
    nextStep: due && dueOn ? { step: due[0], dueBy: dueOn, overdue: dueOn < today, daysLeft: daysBetween(today, dueOn) } : null,
  };
}

export interface CaseReviewApplication {
  caseId: string;
  applicantPersonId?: string | undefined;
  locationId?: string | undefined;
  receivedAt: Date;
}

export async function openCaseReview(ctx: ServiceContext, application: CaseReviewApplication) {
  if (!mayUse(ctx.actor, 'case.update')) throw forbidden('open an ASB case review');
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, application.caseId);
    if (!application.applicantPersonId && !application.locationId) {
      throw validationFailed([
        {
          field: 'applicantPersonId',
          message: 'Say who applied (a victim on the case) or which place on the case the application is about.',
        },
      ]);
    }
    if (application.receivedAt.getTime() > ctx.now().getTime())
      throw validationFailed([{ field: 'receivedAt', message: 'The application cannot have been received in the future.' }]);
    const kase = await tx.case.findUniqueOrThrow({
      where: { id: application.caseId },
      select: { subjects: { select: { personId: true } }, locations: { select: { locationId: true } } },
    });
    if (application.applicantPersonId && !kase.subjects.some((s) => s.personId === application.applicantPersonId)) {
      throw validationFailed([{ field: 'applicantPersonId', message: 'That person is not on this case.' }]);
    }
    if (application.locationId && !kase.locations.some((l) => l.locationId === application.locationId)) {
      throw validationFailed([{ field: 'locationId', message: 'That place is not on this case.' }]);
    }
    const partnershipId = ctx.actor.partnershipId;
    const { caseReview } = await partnershipPolicies(tx, partnershipId);
    const complaints = application.applicantPersonId
      ? await personComplaints(tx, partnershipId, application.applicantPersonId)
      : await locationComplaints(tx, partnershipId, application.locationId!);
    const threshold = thresholdOrThrow(complaints, application.receivedAt, caseReview);
    const bankHolidays = await partnershipBankHolidays(tx, partnershipId, londonDateOf(application.receivedAt));
    const deadlines = caseReviewDeadlines(application.receivedAt, bankHolidays, caseReview);
    if (!deadlines.ok) throw conflict(deadlines.error.message);
    const row = await tx.communityTriggerReview.create({
      data: {
        partnershipId,
        caseId: application.caseId,
        applicantPersonId: application.applicantPersonId ?? null,
        locationId: application.locationId ?? null,
        receivedAt: application.receivedAt,
        qualifyingComplaints: threshold.qualifying,
        acknowledgeBy: dateColumnOf(deadlines.value.acknowledgeBy),
        decisionDueBy: dateColumnOf(deadlines.value.decideThresholdBy),
        reviewDueBy: dateColumnOf(deadlines.value.holdReviewBy),
      },
      select: reviewSelect,
    });
    await audit(tx, ctx, {
      event: 'caseReview.open',
      entityType: 'CommunityTriggerReview',
      entityId: row.id,
      after: { ...row, threshold: { met: threshold.met, qualifying: threshold.qualifying } },
    });
    return { review: reviewView(row, ctx.now()), threshold };
  });
}

/** A review is visible exactly when its case is. */
async function requireVisibleReview(tx: Tx, ctx: ServiceContext, reviewId: string): Promise<ReviewRow> {
  const row = await tx.communityTriggerReview.findFirst({
    where: { id: reviewId, partnershipId: ctx.actor.partnershipId },
    select: reviewSelect,
  });
  if (!row?.caseId) throw notFound('case review');
  try {
    await requireVisibleCase(tx, ctx, row.caseId);
  } catch (error) {
    // Said of the review, not its case, so the answer matches an unknown review id exactly.
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') throw notFound('case review');
    throw error;
  }
  return row;
}

export async function readCaseReview(ctx: ServiceContext, reviewId: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await requireVisibleReview(tx, ctx, reviewId);
    await audit(tx, ctx, { event: 'caseReview.read', entityType: 'CommunityTriggerReview', entityId: reviewId });
    return { review: reviewView(row, ctx.now()) };
  });
}

export type CaseReviewStep =
  | { step: 'ACKNOWLEDGE' }
  | { step: 'DECIDE_THRESHOLD'; met: boolean; outcome?: string | undefined }
  | { step: 'HOLD_REVIEW'; outcome: string }
  | { step: 'CLOSE'; outcome: string };

const ALLOWED_FROM: Record<CaseReviewStep['step'], readonly CaseReviewStatus[]> = {
  ACKNOWLEDGE: ['RECEIVED'],
  DECIDE_THRESHOLD: ['RECEIVED', 'ACKNOWLEDGED'],
  HOLD_REVIEW: ['THRESHOLD_MET'],
  CLOSE: ['RECEIVED', 'ACKNOWLEDGED', 'THRESHOLD_MET', 'THRESHOLD_NOT_MET', 'REVIEW_HELD'],
};

export async function progressCaseReview(ctx: ServiceContext, reviewId: string, step: CaseReviewStep) {
  if (!mayUse(ctx.actor, 'case.update')) throw forbidden('progress an ASB case review');
  return inTransaction(ctx, async (tx) => {
    const row = await requireVisibleReview(tx, ctx, reviewId);
    if (!ALLOWED_FROM[step.step].includes(row.status)) {
      throw conflict(
        `The review is ${row.status.toLowerCase().replace(/_/g, ' ')}, so it cannot ${step.step.toLowerCase().replace(/_/g, ' ')} now.`,
      );
    }
    const now = ctx.now();
    let data: Prisma.CommunityTriggerReviewUpdateInput;
    if (step.step === 'ACKNOWLEDGE') data = { status: 'ACKNOWLEDGED' };
    else if (step.step === 'DECIDE_THRESHOLD') {
      const { caseReview } = await partnershipPolicies(tx, ctx.actor.partnershipId);
      // The review must be held within its period of the actual decision, not of the latest allowed one.
      const bankHolidays = await partnershipBankHolidays(tx, ctx.actor.partnershipId, londonDateOf(row.receivedAt));
      const deadlines = caseReviewDeadlines(row.receivedAt, bankHolidays, caseReview, now);
      if (!deadlines.ok) throw conflict(deadlines.error.message);
      data = step.met
        ? { status: 'THRESHOLD_MET', reviewDueBy: dateColumnOf(deadlines.value.holdReviewBy), outcome: step.outcome ?? null }
        : { status: 'THRESHOLD_NOT_MET', reviewDueBy: null, outcome: step.outcome ?? null };
    } else data = { status: step.step === 'HOLD_REVIEW' ? 'REVIEW_HELD' : 'CLOSED', outcome: step.outcome };
    const updated = await tx.communityTriggerReview.update({ where: { id: reviewId }, data, select: reviewSelect });
    await audit(tx, ctx, {
      event: 'caseReview.progress',
      entityType: 'CommunityTriggerReview',
      entityId: reviewId,
      before: { status: row.status, reviewDueBy: calendarDateOrNull(row.reviewDueBy) },
      after: { step: step.step, status: updated.status, reviewDueBy: calendarDateOrNull(updated.reviewDueBy), outcome: updated.outcome },
    });
    return { review: reviewView(updated, now) };
  });
}
