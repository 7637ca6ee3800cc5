// Incidents: recorded on a case the member can see (the people and places they concern must be on
// that case), and searched across the cases the member can see, each search audited.
import type { CalendarDate } from '../../domain/agenda/calendar-date';
import { mayUse } from '../../domain/access/policy';
import type { AsbCategory, CaseRole } from '../../store/generated/client';
import { audit } from '../audit';
import { requireVisibleCase, visibleCaseWhere } from '../case-access';
import { inTransaction, type ServiceContext } from '../context';
import { forbidden, validationFailed, type FieldError } from '../errors';
import { londonDaysBetween } from '../../store/calendar-dates';
import { caseCommunityTrigger } from './case-reviews';

export interface NewIncident {
  occurredAt: Date;
  reportedAt: Date;
  category: AsbCategory;
  description: string;
  sourceReference?: string | undefined;
  locationId?: string | undefined;
  /** Defaults to the case's victims and perpetrators. */
  people?: Array<{ personId: string; role: CaseRole }> | undefined;
}

export async function recordIncident(ctx: ServiceContext, caseId: string, input: NewIncident) {
  if (!mayUse(ctx.actor, 'case.update')) throw forbidden('record incidents');
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, caseId);
    const kase = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { subjects: { select: { personId: true, role: true } }, locations: { select: { locationId: true } } },
    });
    const problems: FieldError[] = [];
    const now = ctx.now();
    if (input.occurredAt.getTime() > now.getTime())
      problems.push({ field: 'occurredAt', message: 'The incident cannot have happened in the future.' });
    if (input.reportedAt.getTime() < input.occurredAt.getTime())
      problems.push({ field: 'reportedAt', message: 'An incident cannot be reported before it happened.' });
    if (input.reportedAt.getTime() > now.getTime())
      problems.push({ field: 'reportedAt', message: 'The report date cannot be in the future.' });
    if (input.locationId && !kase.locations.some((l) => l.locationId === input.locationId)) {
      problems.push({ field: 'locationId', message: 'That place is not on this case; add it to the case first.' });
    }
    const people = input.people ?? kase.subjects.filter((s) => s.role !== 'WITNESS');
    people.forEach((p, i) => {
      if (!kase.subjects.some((s) => s.personId === p.personId))
        problems.push({ field: `people.${i}.personId`, message: 'That person is not on this case.' });
    });
    if (problems.length > 0) throw validationFailed(problems);
    // A case about one place: its incidents happen there unless the officer says otherwise.
    const locationId = input.locationId ?? (kase.locations.length === 1 ? kase.locations[0]!.locationId : null);
    const incident = await tx.incident.create({
      data: {
        partnershipId: ctx.actor.partnershipId,
        caseId,
        locationId,
        reportedToAgencyId: ctx.actor.agencyId,
        occurredAt: input.occurredAt,
        reportedAt: input.reportedAt,
        category: input.category,
        description: input.description,
        sourceReference: input.sourceReference ?? null,
        people: { create: people.map((p) => ({ personId: p.personId, role: p.role, occurredAt: input.occurredAt })) },
      },
      select: {
        id: true,
        occurredAt: true,
        reportedAt: true,
        category: true,
        description: true,
        sourceReference: true,
        locationId: true,
        people: { select: { personId: true, role: true } },
      },
    });
    await audit(tx, ctx, { event: 'incident.create', entityType: 'Incident', entityId: incident.id, after: { caseId, ...incident } });
    // Recording an incident is when a case can cross the Community Trigger threshold: say so at once.
    return { incident, communityTrigger: await caseCommunityTrigger(tx, ctx, caseId) };
  });
}

const SEARCH_LIMIT = 500;

export async function searchIncidents(
  ctx: ServiceContext,
  filter: { from: CalendarDate; to: CalendarDate; category?: AsbCategory | undefined; caseId?: string | undefined },
) {
  if (!mayUse(ctx.actor, 'case.read')) throw forbidden('search incidents');
  if (filter.from > filter.to) throw validationFailed([{ field: 'from', message: 'The start of the period must not be after its end.' }]);
  const occurredWithin = londonDaysBetween(filter.from, filter.to);
  return inTransaction(ctx, async (tx) => {
    const incidents = await tx.incident.findMany({
      where: {
        partnershipId: ctx.actor.partnershipId,
        occurredAt: { gte: occurredWithin.from, lte: occurredWithin.to },
        ...(filter.category ? { category: filter.category } : {}),
        case: { ...visibleCaseWhere(ctx.actor), ...(filter.caseId ? { id: filter.caseId } : {}) },
      },
      orderBy: { occurredAt: 'desc' },
      take: SEARCH_LIMIT,
      select: {
        id: true,
        occurredAt: true,
        reportedAt: true,
        category: true,
        description: true,
        sourceReference: true,
        case: { select: { id: true, reference: true } },
        location: { select: { id: true, addressLine1: true, ward: true } },
        reportedToAgency: { select: { id: true, name: true } },
      },
    });
    await audit(tx, ctx, { event: 'incident.search', entityType: 'Incident', after: { ...filter, found: incidents.length } });
    return { incidents };
  });
}
