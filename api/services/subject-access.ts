// A subject-access export (UK GDPR article 15): everything the partnership holds about one person,
// and who has read it. Partnership administrators only; the export is audited. What is disclosed to
// the person is the administrator's decision afterwards: police intelligence and third parties'
// data may be exempt (DPA 2018 schedule 2), so the export marks restricted notes as such.
import { mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { forbidden, notFound } from './errors';

export async function exportSubjectAccess(ctx: ServiceContext, personId: string) {
  if (!mayUse(ctx.actor, 'subjectAccess.export')) throw forbidden('export what is held about a person');
  return inTransaction(ctx, async (tx) => {
    const person = await tx.person.findFirst({ where: { id: personId, partnershipId: ctx.actor.partnershipId } });
    if (!person) throw notFound('person');
    const roles = await tx.caseSubject.findMany({
      where: { personId },
      orderBy: { addedAt: 'asc' },
      select: {
        role: true,
        addedAt: true,
        case: {
          select: {
            id: true,
            reference: true,
            kind: true,
            status: true,
            summary: true,
            openedAt: true,
            closedAt: true,
            closureReason: true,
            currentRiskBand: true,
            leadAgency: { select: { name: true } },
          },
        },
      },
    });
    const caseIds = [...new Set(roles.map((role) => role.case.id))];
    const fullName = `${person.givenName} ${person.familyName}`;
    const aboutThem = { OR: [{ personId }, { caseId: { in: caseIds } }] };
    const [places, incidents, referrals, assessments, actions, interventions, consent, caseReviews, agendaItems, reads] = await Promise.all(
      [
        tx.location.findMany({
          where: { cases: { some: { caseId: { in: caseIds } } } },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            kind: true,
            addressLine1: true,
            addressLine2: true,
            town: true,
            postcode: true,
            ward: true,
            anonymisedAt: true,
          },
        }),
        tx.incidentPerson.findMany({
          where: { personId },
          orderBy: { occurredAt: 'asc' },
          select: {
            role: true,
            incident: {
              select: {
                id: true,
                caseId: true,
                occurredAt: true,
                reportedAt: true,
                category: true,
                description: true,
                sourceReference: true,
              },
            },
          },
        }),
        tx.referral.findMany({
          where: aboutThem,
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            caseId: true,
            personId: true,
            subjectType: true,
            status: true,
            reason: true,
            criteriaMet: true,
            route: true,
            submittedAt: true,
            decidedAt: true,
            declineReason: true,
            referrerAgency: { select: { name: true } },
          },
        }),
        tx.riskAssessment.findMany({
          where: aboutThem,
          orderBy: { assessedAt: 'asc' },
          select: {
            id: true,
            caseId: true,
            personId: true,
            subjectType: true,
            answers: true,
            score: true,
            finalBand: true,
            overrideReason: true,
            reasons: true,
            assessedAt: true,
          },
        }),
        tx.action.findMany({
          where: {
            OR: [
              { caseId: { in: caseIds } },
              { title: { contains: fullName, mode: 'insensitive' } },
              { description: { contains: fullName, mode: 'insensitive' } },
            ],
          },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            caseId: true,
            title: true,
            description: true,
            status: true,
            dueDate: true,
            progressNote: true,
            completedAt: true,
            ownerAgency: { select: { name: true } },
          },
        }),
        tx.intervention.findMany({
          where: { personId },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            caseId: true,
            type: true,
            status: true,
            issuedOn: true,
            expiresOn: true,
            conditions: true,
            supportOffered: true,
            breachNote: true,
          },
        }),
        tx.consentRecord.findMany({
          where: { personId },
          orderBy: { recordedAt: 'asc' },
          select: { id: true, caseId: true, regime: true, lawfulBasis: true, consent: true, justification: true, recordedAt: true },
        }),
        tx.communityTriggerReview.findMany({
          where: { applicantPersonId: personId },
          orderBy: { receivedAt: 'asc' },
          select: { id: true, status: true, receivedAt: true, outcome: true },
        }),
        tx.agendaItem.findMany({
          where: { caseId: { in: caseIds } },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            caseId: true,
            reasonText: true,
            decisions: true,
            caseDecision: true,
            riskBandAfter: true,
            meeting: { select: { startsAt: true, panel: { select: { name: true } } } },
          },
        }),
        tx.auditEvent.findMany({
          where: {
            actorKind: 'MEMBER',
            event: { endsWith: '.read' },
            OR: [
              { entityType: 'Person', entityId: personId },
              { entityType: 'Case', entityId: { in: caseIds } },
            ],
          },
          orderBy: { seq: 'asc' },
          select: {
            at: true,
            event: true,
            entityType: true,
            entityId: true,
            actor: { select: { displayName: true, agency: { select: { name: true } } } },
          },
        }),
      ],
    );
    await audit(tx, ctx, {
      event: 'subjectAccess.export',
      entityType: 'Person',
      entityId: personId,
      after: {
        cases: caseIds.length,
        incidents: incidents.length,
        referrals: referrals.length,
        actions: actions.length,
        reads: reads.length,
      },
    });
    // The search keys (nameKey and the blocking keys) are derived from the name, not held about the person.
    const {
      healthNotes,
      safeguardingNotes,
      intelligenceNotes,
      partnershipId: _partnershipId,
      nameKey: _nameKey,
      matchLength: _matchLength,
      matchBag: _matchBag,
      matchExtra: _matchExtra,
      ...identity
    } = person;
    return {
      exportedAt: ctx.now().toISOString(),
      person: identity,
      restrictedNotes: { healthNotes, safeguardingNotes, intelligenceNotes },
      cases: roles.map(({ role, addedAt, case: kase }) => ({ ...kase, leadAgency: kase.leadAgency.name, role, addedAt })),
      places,
      incidents: incidents.map(({ role, incident }) => ({ ...incident, role })),
      referrals: referrals.map(({ referrerAgency, ...referral }) => ({ ...referral, referrerAgency: referrerAgency.name })),
      assessments,
      actions: actions.map(({ ownerAgency, ...action }) => ({ ...action, ownerAgency: ownerAgency.name })),
      agendaItems: agendaItems.map(({ meeting, ...item }) => ({ ...item, meetingStartsAt: meeting.startsAt, panel: meeting.panel.name })),
      interventions,
      consent,
      communityTriggerReviews: caseReviews,
      viewedBy: reads.map((read) => ({
        at: read.at,
        event: read.event,
        entityType: read.entityType,
        entityId: read.entityId,
        member: read.actor?.displayName ?? null,
        agency: read.actor?.agency.name ?? null,
      })),
    };
  });
}
