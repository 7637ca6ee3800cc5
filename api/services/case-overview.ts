// The case view: everything the panel knows about one case on one page (victims, perpetrators and
// locations, risk over time, incidents, agenda history, actions, interventions), and who has read it.
// Need-to-know first: a case the member may not see answers exactly as a missing one. Restricted
// notes leave the server only for those entitled; each read is audited in the transaction that reads.
import { daysBetween, londonDateOf } from '../domain/agenda/calendar-date';
import { isOverdue, type ActionStatus } from '../domain/actions/lifecycle';
import { INTERVENTION_CATALOGUE } from '../domain/interventions/catalogue';
import { mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { requireVisibleCase } from './case-access';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden, notFound } from './errors';
import { calendarDateOfColumn, calendarDateOrNull } from '../store/calendar-dates';
import { consentInForce } from './sharing-consent';

async function loadOverview(tx: Tx, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      kind: true,
      status: true,
      currentRiskBand: true,
      summary: true,
      openedAt: true,
      lastHeardAt: true,
      nextReviewDue: true,
      closedAt: true,
      closureReason: true,
      leadAgency: { select: { id: true, name: true } },
      subjects: {
        orderBy: [{ role: 'asc' }, { addedAt: 'asc' }],
        select: {
          role: true,
          person: {
            select: {
              id: true,
              givenName: true,
              familyName: true,
              dateOfBirth: true,
              vulnerabilities: true,
              healthNotes: true,
              safeguardingNotes: true,
              intelligenceNotes: true,
              anonymisedAt: true,
            },
          },
        },
      },
      locations: {
        orderBy: { addedAt: 'asc' },
        select: {
          role: true,
          personId: true,
          location: { select: { id: true, kind: true, addressLine1: true, town: true, postcode: true, ward: true } },
        },
      },
      assessments: {
        orderBy: { assessedAt: 'asc' },
        select: {
          id: true,
          assessedAt: true,
          subjectType: true,
          score: true,
          calculatedBand: true,
          overrideBand: true,
          finalBand: true,
          overrideReason: true,
          assessedBy: { select: { displayName: true } },
        },
      },
      incidents: {
        orderBy: { occurredAt: 'desc' },
        select: {
          id: true,
          occurredAt: true,
          category: true,
          description: true,
          location: { select: { ward: true } },
          reportedToAgency: { select: { name: true } },
        },
      },
      agendaItems: {
        orderBy: { meeting: { startsAt: 'desc' } },
        select: {
          id: true,
          reasonText: true,
          status: true,
          decisions: true,
          riskBandAfter: true,
          caseDecision: true,
          meeting: { select: { id: true, startsAt: true, status: true, panel: { select: { id: true, name: true } } } },
        },
      },
      actions: {
        orderBy: { dueDate: 'asc' },
        select: {
          id: true,
          title: true,
          status: true,
          priority: true,
          dueDate: true,
          completedAt: true,
          version: true,
          ownerAgency: { select: { id: true, name: true } },
          ownerMember: { select: { id: true, displayName: true } },
        },
      },
      interventions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          type: true,
          status: true,
          issuedOn: true,
          expiresOn: true,
          issuedByAgency: { select: { name: true } },
          person: { select: { givenName: true, familyName: true, anonymisedAt: true } },
        },
      },
    },
  });
}

const personName = (person: { givenName: string; familyName: string; anonymisedAt: Date | null }) =>
  person.anonymisedAt ? 'Anonymised person' : `${person.givenName} ${person.familyName}`;

export async function readCaseOverview(ctx: ServiceContext, caseId: string) {
  return inTransaction(ctx, async (tx) => {
    const access = await requireVisibleCase(tx, ctx, caseId);
    const kase = await loadOverview(tx, caseId);
    const consent = await consentInForce(tx, caseId);
    const today = londonDateOf(ctx.now());
    const { restricted } = access;
    await audit(tx, ctx, { event: 'case.read', entityType: 'Case', entityId: caseId, after: { view: 'overview', restricted } });
    return {
      case: {
        id: kase.id,
        reference: kase.reference,
        kind: kase.kind,
        status: kase.status,
        currentRiskBand: kase.currentRiskBand,
        summary: kase.summary,
        leadAgency: kase.leadAgency,
        openedAt: kase.openedAt,
        lastHeardAt: kase.lastHeardAt,
        nextReviewDue: calendarDateOrNull(kase.nextReviewDue),
        closedAt: kase.closedAt,
        closureReason: kase.closureReason,
      },
      access: {
        ground: access.ground,
        restricted,
        mayListViewers: mayUse(ctx.actor, 'case.viewers'),
        mayRecordConsent: mayUse(ctx.actor, 'case.update') && (access.ground === 'LEAD_AGENCY' || access.ground === 'INVOLVED_AGENCY'),
      },
      subjects: kase.subjects.map(({ role, person }) => ({
        role,
        person: {
          id: person.id,
          name: personName(person),
          dateOfBirth: calendarDateOrNull(person.dateOfBirth),
          vulnerabilities: person.vulnerabilities,
          // Keys are left out, not nulled, for those not entitled: the reply does not even say a note exists.
          ...(restricted.healthNotes ? { healthNotes: person.healthNotes } : {}),
          ...(restricted.safeguardingNotes ? { safeguardingNotes: person.safeguardingNotes } : {}),
          ...(restricted.intelligenceNotes ? { intelligenceNotes: person.intelligenceNotes } : {}),
        },
      })),
      locations: kase.locations.map(({ location, role, personId }) => ({ ...location, role, personId })),
      consent,
      riskHistory: kase.assessments.map((assessment) => ({
        id: assessment.id,
        assessedAt: assessment.assessedAt,
        subjectType: assessment.subjectType,
        score: assessment.score,
        calculatedBand: assessment.calculatedBand,
        overrideBand: assessment.overrideBand,
        finalBand: assessment.finalBand,
        overrideReason: assessment.overrideReason,
        assessedBy: assessment.assessedBy.displayName,
      })),
      incidents: kase.incidents.map((incident) => ({
        id: incident.id,
        occurredAt: incident.occurredAt,
        category: incident.category,
        description: incident.description,
        ward: incident.location?.ward ?? null,
        reportedTo: incident.reportedToAgency?.name ?? null,
      })),
      agendaHistory: kase.agendaItems.map((item) => ({
        id: item.id,
        meeting: { id: item.meeting.id, startsAt: item.meeting.startsAt, status: item.meeting.status },
        panel: item.meeting.panel,
        reasonText: item.reasonText,
        status: item.status,
        decisions: item.decisions,
        riskBandAfter: item.riskBandAfter,
        caseDecision: item.caseDecision,
      })),
      actions: kase.actions.map((action) => {
        const dueDate = calendarDateOfColumn(action.dueDate);
        const overdue = isOverdue({ status: action.status as ActionStatus, dueDate }, today);
        return {
          id: action.id,
          title: action.title,
          status: action.status,
          priority: action.priority,
          dueDate,
          overdue,
          daysOverdue: overdue ? daysBetween(dueDate, today) : 0,
          completedAt: action.completedAt,
          ownerAgency: action.ownerAgency,
          ownerMember: action.ownerMember,
          version: action.version,
        };
      }),
      interventions: kase.interventions.map((item) => ({
        id: item.id,
        type: item.type,
        name: INTERVENTION_CATALOGUE[item.type].name,
        status: item.status,
        issuedOn: calendarDateOrNull(item.issuedOn),
        expiresOn: calendarDateOrNull(item.expiresOn),
        issuedBy: item.issuedByAgency.name,
        subject: item.person ? personName(item.person) : null,
      })),
    };
  });
}

/** How many individual reads the viewers list shows, newest first. */
const VIEW_LIMIT = 200;

/**
 * Who read the case and when, from the audit trail. Chairs must be able to see the case themselves;
 * auditors never see case content, so for them the case need only belong to their partnership.
 */
export async function listCaseViewers(ctx: ServiceContext, caseId: string) {
  if (!mayUse(ctx.actor, 'case.viewers')) throw forbidden('see who viewed a case');
  return inTransaction(ctx, async (tx) => {
    // One who may read the whole audit trail needs only the case to be in their partnership.
    if (mayUse(ctx.actor, 'audit.read')) {
      const found = await tx.case.findFirst({ where: { id: caseId, partnershipId: ctx.actor.partnershipId }, select: { id: true } });
      if (!found) throw notFound('case');
    } else {
      await requireVisibleCase(tx, ctx, caseId);
    }
    const reads = await tx.auditEvent.findMany({
      where: { entityType: 'Case', entityId: caseId, actorKind: 'MEMBER', event: { endsWith: '.read' } },
      orderBy: { seq: 'desc' },
      take: VIEW_LIMIT,
      select: { at: true, event: true, actor: { select: { id: true, displayName: true, agency: { select: { id: true, name: true } } } } },
    });
    const byMember = new Map<
      string,
      { member: { id: string; displayName: string }; agency: { id: string; name: string }; views: number; lastViewedAt: Date }
    >();
    for (const read of reads) {
      if (!read.actor) continue;
      const seen = byMember.get(read.actor.id);
      if (seen) seen.views += 1;
      else
        byMember.set(read.actor.id, {
          member: { id: read.actor.id, displayName: read.actor.displayName },
          agency: read.actor.agency,
          views: 1,
          lastViewedAt: read.at,
        });
    }
    await audit(tx, ctx, { event: 'case.viewers.list', entityType: 'Case', entityId: caseId });
    return {
      caseId,
      viewers: [...byMember.values()],
      reads: reads
        .filter((read) => read.actor)
        .map((read) => ({
          at: read.at,
          event: read.event,
          memberId: read.actor!.id,
          displayName: read.actor!.displayName,
          agency: read.actor!.agency.name,
        })),
    };
  });
}
