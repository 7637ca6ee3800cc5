// Retention of closed cases: the partnership's review period, the cases due for review, and
// anonymising a case's people, places and free text while its ids, dates, bands, agencies and counts
// stay, so governance figures do not move. Partnership administrators only; every step is audited.
import { londonDateOf } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import {
  anonymiseMinutesItems,
  ANONYMISED_LOCATION,
  ANONYMISED_PERSON,
  ANONYMISED_TEXT,
  isDueForReview,
  retentionReviewOn,
} from '../domain/retention/review';
import { Prisma } from '../store/generated/client';
import { audit } from './audit';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, forbidden, notFound } from './errors';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';

function requireRetentionManager(ctx: ServiceContext, doing: string): void {
  if (!mayUse(ctx.actor, 'retention.manage')) throw forbidden(doing);
}

export async function readRetentionSettings(ctx: ServiceContext) {
  requireRetentionManager(ctx, 'read the retention settings');
  const partnership = await ctx.db.prisma.partnership.findUniqueOrThrow({
    where: { id: ctx.actor.partnershipId },
    select: { retentionReviewMonths: true },
  });
  return { retentionReviewMonths: partnership.retentionReviewMonths };
}

/** Sets the period and re-dates the review of every closed case not yet anonymised. */
export async function changeRetentionPeriod(ctx: ServiceContext, months: number) {
  requireRetentionManager(ctx, 'change the retention period');
  return inTransaction(ctx, async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: ctx.actor.partnershipId },
      select: { retentionReviewMonths: true },
    });
    await tx.partnership.update({ where: { id: ctx.actor.partnershipId }, data: { retentionReviewMonths: months } });
    const closed = await tx.case.findMany({
      where: { partnershipId: ctx.actor.partnershipId, status: 'CLOSED', anonymisedAt: null, closedAt: { not: null } },
      select: { id: true, closedAt: true },
    });
    // One update per review date rather than per case: closures cluster on meeting days.
    const byReviewDate = new Map<string, string[]>();
    for (const kase of closed) {
      const reviewOn = retentionReviewOn({ closedOn: londonDateOf(kase.closedAt!), recordedReviewOn: null }, months);
      byReviewDate.set(reviewOn, [...(byReviewDate.get(reviewOn) ?? []), kase.id]);
    }
    for (const [reviewOn, ids] of byReviewDate) {
      await tx.case.updateMany({ where: { id: { in: ids } }, data: { retentionReviewDue: dateColumnOf(reviewOn) } });
    }
    await audit(tx, ctx, {
      event: 'retention.period.change',
      entityType: 'Partnership',
      entityId: ctx.actor.partnershipId,
      before: { retentionReviewMonths: before.retentionReviewMonths },
      after: { retentionReviewMonths: months, casesRedated: closed.length },
    });
    return { retentionReviewMonths: months, casesRedated: closed.length };
  });
}

/** Closed, not yet anonymised cases whose review date has come, oldest review first. No names. */
export async function listCasesDueForReview(ctx: ServiceContext) {
  requireRetentionManager(ctx, 'see which cases are due for retention review');
  return inTransaction(ctx, async (tx) => {
    const { retentionReviewMonths } = await tx.partnership.findUniqueOrThrow({
      where: { id: ctx.actor.partnershipId },
      select: { retentionReviewMonths: true },
    });
    const today = londonDateOf(ctx.now());
    const closed = await tx.case.findMany({
      where: { partnershipId: ctx.actor.partnershipId, status: 'CLOSED', anonymisedAt: null, closedAt: { not: null } },
      select: {
        id: true,
        reference: true,
        kind: true,
        closedAt: true,
        retentionReviewDue: true,
        currentRiskBand: true,
        leadAgency: { select: { id: true, name: true } },
        _count: { select: { subjects: true, locations: true, incidents: true, actions: true } },
      },
    });
    const due = closed
      .map((kase) => {
        const dates = {
          closedOn: londonDateOf(kase.closedAt!),
          recordedReviewOn: kase.retentionReviewDue ? calendarDateOfColumn(kase.retentionReviewDue) : null,
        };
        return { kase, dates, reviewOn: retentionReviewOn(dates, retentionReviewMonths) };
      })
      .filter(({ dates }) => isDueForReview(dates, retentionReviewMonths, today))
      .sort((a, b) => (a.reviewOn < b.reviewOn ? -1 : a.reviewOn > b.reviewOn ? 1 : a.kase.reference.localeCompare(b.kase.reference)));
    await audit(tx, ctx, {
      event: 'retention.due.list',
      entityType: 'Partnership',
      entityId: ctx.actor.partnershipId,
      after: { today, cases: due.length },
    });
    return {
      today,
      retentionReviewMonths,
      cases: due.map(({ kase, dates, reviewOn }) => ({
        id: kase.id,
        reference: kase.reference,
        kind: kase.kind,
        closedOn: dates.closedOn,
        reviewOn,
        currentRiskBand: kase.currentRiskBand,
        leadAgency: kase.leadAgency,
        counts: kase._count,
      })),
    };
  });
}

/**
 * People and places also in a case that is not anonymised are kept as they are: that case still
 * needs them. They are listed (by id) in the answer and the audit row.
 */
export async function anonymiseCase(ctx: ServiceContext, caseId: string) {
  requireRetentionManager(ctx, 'anonymise a case');
  return inTransaction(ctx, async (tx) => {
    const kase = await tx.case.findFirst({
      where: { id: caseId, partnershipId: ctx.actor.partnershipId },
      select: {
        id: true,
        reference: true,
        status: true,
        anonymisedAt: true,
        subjects: { select: { personId: true } },
        locations: { select: { locationId: true } },
      },
    });
    if (!kase) throw notFound('case');
    if (kase.status !== 'CLOSED') throw conflict('Only a closed case can be anonymised. Close the case first.');
    if (kase.anonymisedAt) throw conflict('This case has already been anonymised.');

    const { personIds, locationIds } = await peopleAndPlacesOf(tx, caseId, kase);
    const { keptPeople, keptPlaces } = await stillNeededElsewhere(tx, caseId, personIds, locationIds);
    const people = personIds.filter((id) => !keptPeople.has(id));
    const places = locationIds.filter((id) => !keptPlaces.has(id));
    const now = ctx.now();

    await tx.person.updateMany({ where: { id: { in: people } }, data: { ...ANONYMISED_PERSON, anonymisedAt: now } });
    await tx.location.updateMany({ where: { id: { in: places } }, data: { ...ANONYMISED_LOCATION, anonymisedAt: now } });
    await anonymiseCaseText(tx, caseId, people);
    await anonymiseMinutes(tx, caseId, kase.reference);
    await tx.case.update({ where: { id: caseId }, data: { anonymisedAt: now, summary: ANONYMISED_TEXT, closureReason: ANONYMISED_TEXT } });

    const outcome = {
      caseId,
      anonymisedPeople: people.length,
      anonymisedPlaces: places.length,
      keptPeopleIds: [...keptPeople],
      keptPlaceIds: [...keptPlaces],
    };
    await audit(tx, ctx, {
      event: 'retention.anonymise',
      entityType: 'Case',
      entityId: caseId,
      before: { anonymisedAt: null },
      after: outcome,
    });
    return outcome;
  });
}

/** The case's subjects and places, and everyone and everywhere its incidents name (witnesses too). */
async function peopleAndPlacesOf(tx: Tx, caseId: string, kase: { subjects: { personId: string }[]; locations: { locationId: string }[] }) {
  const incidents = await tx.incident.findMany({ where: { caseId }, select: { locationId: true, people: { select: { personId: true } } } });
  const personIds = new Set([
    ...kase.subjects.map((subject) => subject.personId),
    ...incidents.flatMap((incident) => incident.people.map((p) => p.personId)),
  ]);
  const locationIds = new Set([
    ...kase.locations.map((location) => location.locationId),
    ...incidents.flatMap((incident) => (incident.locationId ? [incident.locationId] : [])),
  ]);
  return { personIds: [...personIds], locationIds: [...locationIds] };
}

/** People and places another case that is not anonymised still names, as a subject, place or in an incident. */
async function stillNeededElsewhere(tx: Tx, caseId: string, personIds: string[], locationIds: string[]) {
  const live = { id: { not: caseId }, anonymisedAt: null };
  const [subjects, incidentPeople, places, incidentPlaces] = await Promise.all([
    tx.caseSubject.findMany({ where: { personId: { in: personIds }, case: live }, select: { personId: true } }),
    tx.incidentPerson.findMany({ where: { personId: { in: personIds }, incident: { case: live } }, select: { personId: true } }),
    tx.caseLocation.findMany({ where: { locationId: { in: locationIds }, case: live }, select: { locationId: true } }),
    tx.incident.findMany({ where: { locationId: { in: locationIds }, case: live }, select: { locationId: true } }),
  ]);
  return {
    keptPeople: new Set([...subjects, ...incidentPeople].map((row) => row.personId)),
    keptPlaces: new Set([
      ...places.map((row) => row.locationId),
      ...incidentPlaces.flatMap((row) => (row.locationId ? [row.locationId] : [])),
    ]),
  };
}

async function anonymiseMinutes(tx: Tx, caseId: string, reference: string): Promise<void> {
  const minutes = await tx.meetingMinutes.findMany({
    where: { meeting: { agendaItems: { some: { caseId } } } },
    select: { id: true, content: true },
  });
  for (const minute of minutes) {
    await tx.meetingMinutes.update({
      where: { id: minute.id },
      data: { content: anonymiseMinutesItems(minute.content, reference) as Prisma.InputJsonValue },
    });
  }
}

/** Every free-text field written about the case's people; structured facts (bands, dates, statuses) stay. */
async function anonymiseCaseText(tx: Tx, caseId: string, personIds: string[]): Promise<void> {
  const text = ANONYMISED_TEXT;
  await tx.incident.updateMany({ where: { caseId }, data: { description: text } });
  await tx.referral.updateMany({
    where: { caseId },
    data: { reason: text, draft: Prisma.DbNull, routingExplanation: null, declineReason: null },
  });
  await tx.riskAssessment.updateMany({ where: { caseId, overrideReason: { not: null } }, data: { overrideReason: text } });
  await tx.agendaItem.updateMany({
    where: { caseId },
    data: { reasonText: text, decisions: null, deferralReason: null, closureReason: null },
  });
  await tx.action.updateMany({ where: { caseId }, data: { title: 'Anonymised action', description: null, progressNote: null } });
  await tx.actionEvent.updateMany({ where: { action: { caseId } }, data: { note: null } });
  await tx.actionReview.updateMany({ where: { action: { caseId } }, data: { note: null } });
  await tx.intervention.updateMany({
    where: { caseId },
    data: { conditions: null, proportionalityNote: null, supportOffered: null, breachNote: null },
  });
  await tx.consentRecord.updateMany({ where: { OR: [{ caseId }, { personId: { in: personIds } }] }, data: { justification: null } });
  await tx.communityTriggerReview.updateMany({ where: { caseId }, data: { outcome: null } });
}
