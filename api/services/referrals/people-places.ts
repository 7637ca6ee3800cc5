// One person or place, as far as the member needs to know it: seen only through a case the member
// may see (or a referral they made about them), with only those cases listed. Restricted notes stay
// on the case overview, where the policy decides who reads them.
import { mayUse } from '../../domain/access/policy';
import { audit } from '../audit';
import { visibleCaseWhere } from '../case-access';
import { inTransaction, type ServiceContext } from '../context';
import { forbidden, notFound } from '../errors';
import { calendarDateOrNull } from '../../store/calendar-dates';

const caseSummary = { id: true, reference: true, kind: true, status: true, currentRiskBand: true } as const;

export async function readPerson(ctx: ServiceContext, personId: string) {
  if (!mayUse(ctx.actor, 'case.read')) throw forbidden('read people');
  return inTransaction(ctx, async (tx) => {
    const visible = visibleCaseWhere(ctx.actor);
    const person = await tx.person.findFirst({
      where: {
        id: personId,
        partnershipId: ctx.actor.partnershipId,
        anonymisedAt: null,
        OR: [{ caseRoles: { some: { case: visible } } }, { referrals: { some: { referrerId: ctx.actor.memberId } } }],
      },
      select: {
        id: true,
        givenName: true,
        familyName: true,
        dateOfBirth: true,
        vulnerabilities: true,
        caseRoles: { where: { case: visible }, orderBy: { addedAt: 'asc' }, select: { role: true, case: { select: caseSummary } } },
      },
    });
    if (!person) throw notFound('person');
    await audit(tx, ctx, {
      event: 'person.read',
      entityType: 'Person',
      entityId: personId,
      after: { cases: person.caseRoles.map((r) => r.case.id) },
    });
    return {
      id: person.id,
      name: `${person.givenName} ${person.familyName}`,
      dateOfBirth: calendarDateOrNull(person.dateOfBirth),
      vulnerabilities: person.vulnerabilities,
      cases: person.caseRoles.map((r) => ({ ...r.case, role: r.role })),
    };
  });
}

export async function readLocation(ctx: ServiceContext, locationId: string) {
  if (!mayUse(ctx.actor, 'case.read')) throw forbidden('read places');
  return inTransaction(ctx, async (tx) => {
    const visible = visibleCaseWhere(ctx.actor);
    const location = await tx.location.findFirst({
      where: {
        id: locationId,
        partnershipId: ctx.actor.partnershipId,
        anonymisedAt: null,
        OR: [{ cases: { some: { case: visible } } }, { referrals: { some: { referrerId: ctx.actor.memberId } } }],
      },
      select: {
        id: true,
        kind: true,
        addressLine1: true,
        addressLine2: true,
        town: true,
        postcode: true,
        ward: true,
        cases: { where: { case: visible }, orderBy: { addedAt: 'asc' }, select: { case: { select: caseSummary } } },
      },
    });
    if (!location) throw notFound('place');
    await audit(tx, ctx, {
      event: 'location.read',
      entityType: 'Location',
      entityId: locationId,
      after: { cases: location.cases.map((c) => c.case.id) },
    });
    const { cases, ...place } = location;
    return { ...place, cases: cases.map((c) => c.case) };
  });
}
