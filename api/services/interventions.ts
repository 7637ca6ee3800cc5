// Offender Panel interventions: each one checked against the 2014 Act's rules in the catalogue (who
// it is for, age limits, durations, prerequisites, a proportionality note for enforcement) and kept
// in a per-perpetrator history with the ladder of what could come next. Need-to-know throughout.
import { addDays, addMonths, daysBetween, londonDateOf, type CalendarDate } from '../domain/agenda/calendar-date';
import {
  INTERVENTION_CATALOGUE,
  type InterventionTarget,
  type InterventionType,
  type ProposedDuration,
} from '../domain/interventions/catalogue';
import {
  checkIntervention,
  interventionLadder,
  type ConvictionKind,
  type PastIntervention,
  type PerpetratorHistory,
} from '../domain/interventions/checks';
import { checkIssuer } from '../domain/interventions/issuers';
import { audit } from './audit';
import { requireVisibleCase, visibleCaseWhere } from './case-access';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, notFound, ServiceError, validationFailed } from './errors';
import { calendarDateOfColumn, calendarDateOrNull, dateColumnOf, dateColumnOrNull } from '../store/calendar-dates';

export interface InterventionInput {
  type: InterventionType;
  target: InterventionTarget;
  /** The perpetrator (a person on the case); omitted for powers about premises or public places. */
  personId?: string | undefined;
  locationId?: string | undefined;
  status: 'PROPOSED' | 'ACTIVE';
  issuedOn?: CalendarDate | undefined;
  duration?: ProposedDuration | undefined;
  isExtension?: boolean | undefined;
  issuedByAgencyId?: string | undefined;
  conditions?: string | undefined;
  proportionalityNote?: string | undefined;
  supportOffered?: string | undefined;
  /** Convictions the proposer relies on (a CBO needs one; some possession conditions do): kept in the audit trail. */
  convictions?: Array<{ convictedOn: CalendarDate; kind: ConvictionKind }> | undefined;
}

function endDate(issuedOn: CalendarDate, duration: ProposedDuration | undefined): CalendarDate | null {
  if (!duration || duration === 'UNTIL_FURTHER_ORDER') return null;
  switch (duration.unit) {
    case 'HOURS':
      return addDays(issuedOn, Math.ceil(duration.amount / 24));
    case 'DAYS':
      return addDays(issuedOn, duration.amount);
    case 'MONTHS':
      return addMonths(issuedOn, duration.amount);
    case 'YEARS':
      return addMonths(issuedOn, duration.amount * 12);
  }
}

async function historyOf(tx: Tx, personId: string | null, convictions: InterventionInput['convictions']): Promise<PerpetratorHistory> {
  if (!personId) return { dateOfBirth: null, convictions: convictions ?? [], interventions: [] };
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { dateOfBirth: true } });
  const past = await tx.intervention.findMany({
    where: { personId, status: { not: 'WITHDRAWN' }, issuedOn: { not: null } },
    select: { type: true, issuedOn: true, expiresOn: true, status: true },
  });
  return {
    dateOfBirth: calendarDateOrNull(person.dateOfBirth),
    convictions: convictions ?? [],
    interventions: past.map((row): PastIntervention => {
      const issuedOn = calendarDateOfColumn(row.issuedOn!);
      return {
        type: row.type,
        issuedOn,
        ...(row.expiresOn
          ? { duration: { amount: daysBetween(issuedOn, calendarDateOfColumn(row.expiresOn)), unit: 'DAYS' as const } }
          : {}),
        breached: row.status === 'BREACHED',
      };
    }),
  };
}

export async function recordIntervention(ctx: ServiceContext, caseId: string, input: InterventionInput) {
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, caseId);
    const entry = INTERVENTION_CATALOGUE[input.type];
    if (input.personId) {
      const subject = await tx.caseSubject.findFirst({ where: { caseId, personId: input.personId }, select: { role: true } });
      if (!subject) throw validationFailed([{ field: 'personId', message: 'This person is not on the case.' }]);
    } else if (input.target === 'PERSON') {
      throw validationFailed([{ field: 'personId', message: 'Say which person on the case this is for.' }]);
    }
    if (
      input.locationId &&
      !(await tx.caseLocation.findFirst({ where: { caseId, locationId: input.locationId }, select: { locationId: true } }))
    ) {
      throw validationFailed([{ field: 'locationId', message: 'This place is not on the case.' }]);
    }
    if (input.status === 'ACTIVE' && !input.issuedOn)
      throw validationFailed([{ field: 'issuedOn', message: 'Give the date it was issued or made.' }]);
    const issuingAgency = input.issuedByAgencyId ?? ctx.actor.agencyId;
    const agency = await tx.agency.findUnique({ where: { id: issuingAgency }, select: { partnershipId: true, type: true } });
    if (!agency || agency.partnershipId !== ctx.actor.partnershipId)
      throw validationFailed([{ field: 'issuedByAgencyId', message: 'This is not an agency of the partnership.' }]);
    // The member recording it must be from an agency that may issue it (refused as not theirs to do),
    // and so must any agency named as issuer (refused as a wrong field).
    const own = checkIssuer(input.type, ctx.actor.agencyType, 'type');
    if (!own.allowed) throw new ServiceError('FORBIDDEN', own.refusal.message, [{ field: 'type', message: own.refusal.message }]);
    const named = issuingAgency === ctx.actor.agencyId ? own : checkIssuer(input.type, agency.type, 'issuedByAgencyId');
    if (!named.allowed) throw validationFailed([{ field: 'issuedByAgencyId', message: named.refusal.message }], named.refusal.message);

    const today = londonDateOf(ctx.now());
    const history = await historyOf(tx, input.personId ?? null, input.convictions);
    const check = checkIntervention(
      {
        type: input.type,
        target: input.target,
        ...(input.duration ? { duration: input.duration } : {}),
        ...(input.isExtension ? { isExtension: true } : {}),
        ...(input.proportionalityNote ? { proportionalityNote: input.proportionalityNote } : {}),
      },
      history,
      input.issuedOn ?? today,
    );
    if (!check.allowed) {
      throw validationFailed(
        check.refusals.map((refusal) => ({ field: refusal.field ?? 'type', message: refusal.message })),
        check.refusals[0]!.message,
      );
    }
    const cautions = [...new Set([own.caution, named.caution].filter((caution): caution is string => caution !== null)), ...check.cautions];
    // Support sits beside enforcement (docs/domain.md §5): the panel is reminded when none is recorded.
    if (
      entry.kind === 'ENFORCEMENT' &&
      !input.supportOffered?.trim() &&
      !history.interventions.some((past) => past.type === 'SUPPORT_REFERRAL')
    ) {
      cautions.push('No support is recorded alongside this enforcement step. Record what support was offered, or refer for support.');
    }
    const created = await tx.intervention.create({
      data: {
        caseId,
        personId: input.personId ?? null,
        locationId: input.locationId ?? null,
        type: input.type,
        status: input.status,
        issuedByAgencyId: issuingAgency,
        issuedById: ctx.actor.memberId,
        issuedOn: dateColumnOrNull(input.issuedOn),
        expiresOn: dateColumnOrNull(input.issuedOn ? endDate(input.issuedOn, input.duration) : null),
        conditions: input.conditions?.trim() || null,
        proportionalityNote: input.proportionalityNote?.trim() || null,
        supportOffered: input.supportOffered?.trim() || null,
      },
      select: { id: true, type: true, status: true, issuedOn: true, expiresOn: true },
    });
    await audit(tx, ctx, { event: 'intervention.record', entityType: 'Intervention', entityId: created.id, after: { ...input, cautions } });
    return {
      id: created.id,
      type: created.type,
      name: entry.name,
      status: created.status,
      issuedOn: calendarDateOrNull(created.issuedOn),
      expiresOn: calendarDateOrNull(created.expiresOn),
      cautions,
      breach: entry.breach,
    };
  });
}

const NEXT_STATUSES: Record<string, readonly string[]> = {
  PROPOSED: ['ACTIVE', 'WITHDRAWN'],
  ACTIVE: ['BREACHED', 'EXPIRED', 'DISCHARGED'],
  BREACHED: ['EXPIRED', 'DISCHARGED'],
};

export interface InterventionChange {
  status: 'ACTIVE' | 'BREACHED' | 'EXPIRED' | 'DISCHARGED' | 'WITHDRAWN';
  issuedOn?: CalendarDate | undefined;
  breachNote?: string | undefined;
}

export async function changeInterventionStatus(ctx: ServiceContext, interventionId: string, change: InterventionChange) {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.intervention.findUnique({
      where: { id: interventionId },
      select: { caseId: true, status: true, issuedOn: true, expiresOn: true },
    });
    if (!row) throw notFound('intervention');
    await requireVisibleCase(tx, ctx, row.caseId).catch(() => {
      throw notFound('intervention');
    });
    if (!(NEXT_STATUSES[row.status] ?? []).includes(change.status)) {
      throw conflict(`An intervention that is ${row.status.toLowerCase()} cannot become ${change.status.toLowerCase()}.`);
    }
    if (change.status === 'ACTIVE' && !change.issuedOn && !row.issuedOn)
      throw validationFailed([{ field: 'issuedOn', message: 'Give the date it was issued or made.' }]);
    if (change.status === 'BREACHED' && !change.breachNote?.trim())
      throw validationFailed([{ field: 'breachNote', message: 'Say what the breach was and what follows from it.' }]);
    const after = await tx.intervention.update({
      where: { id: interventionId },
      data: {
        status: change.status,
        ...(change.issuedOn ? { issuedOn: dateColumnOf(change.issuedOn) } : {}),
        ...(change.breachNote ? { breachNote: change.breachNote.trim() } : {}),
      },
      select: { id: true, status: true, issuedOn: true, breachNote: true },
    });
    await audit(tx, ctx, {
      event: 'intervention.status',
      entityType: 'Intervention',
      entityId: interventionId,
      before: { status: row.status },
      after: { status: after.status, breachNote: after.breachNote },
    });
    return { id: after.id, status: after.status, issuedOn: calendarDateOrNull(after.issuedOn) };
  });
}

/** Everything tried with one perpetrator on the cases the member may see, and what could come next. */
export async function readPerpetratorInterventions(ctx: ServiceContext, personId: string) {
  return inTransaction(ctx, async (tx) => {
    const visible = visibleCaseWhere(ctx.actor);
    const onVisibleCase = await tx.caseSubject.findFirst({ where: { personId, case: visible }, select: { caseId: true } });
    if (!onVisibleCase) throw notFound('person');
    const person = await tx.person.findUniqueOrThrow({
      where: { id: personId },
      select: { givenName: true, familyName: true, dateOfBirth: true, anonymisedAt: true },
    });
    const rows = await tx.intervention.findMany({
      where: { personId, case: visible },
      orderBy: [{ issuedOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      select: {
        id: true,
        type: true,
        status: true,
        issuedOn: true,
        expiresOn: true,
        conditions: true,
        proportionalityNote: true,
        supportOffered: true,
        breachNote: true,
        case: { select: { id: true, reference: true } },
        issuedByAgency: { select: { name: true } },
      },
    });
    const today = londonDateOf(ctx.now());
    const history = await historyOf(tx, personId, []);
    await audit(tx, ctx, { event: 'person.interventions.read', entityType: 'Person', entityId: personId });
    return {
      person: {
        id: personId,
        name: person.anonymisedAt ? 'Anonymised person' : `${person.givenName} ${person.familyName}`,
        dateOfBirth: calendarDateOrNull(person.dateOfBirth),
      },
      interventions: rows.map((row) => ({
        id: row.id,
        type: row.type,
        name: INTERVENTION_CATALOGUE[row.type].name,
        kind: INTERVENTION_CATALOGUE[row.type].kind,
        status: row.status,
        issuedOn: calendarDateOrNull(row.issuedOn),
        expiresOn: calendarDateOrNull(row.expiresOn),
        issuedBy: row.issuedByAgency.name,
        case: row.case,
        conditions: row.conditions,
        proportionalityNote: row.proportionalityNote,
        supportOffered: row.supportOffered,
        breachNote: row.breachNote,
      })),
      ladder: interventionLadder(history, today),
    };
  });
}
