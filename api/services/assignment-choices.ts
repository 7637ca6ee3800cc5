// The choices on the assign card: the case, where it is being assigned, the partnership's agencies
// and, once one is chosen, its officers.
import { formatLongDate, londonDateOf } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import { requireVisibleCase } from './case-access';
import { inTransaction, type ServiceContext } from './context';
import { forbidden } from './errors';

export interface AssignmentChoices {
  caseReference: string;
  /** e.g. "Fernbrook CMARAC, 12 November 2026", when assigned during a meeting. */
  whereLabel: string | null;
  agencies: { id: string; name: string }[];
  /** Active members of the chosen agency; empty until one is chosen. */
  officers: { id: string; name: string; jobTitle: string | null }[];
}

/** The agencies and officers the chair or minute-taker may choose from when assigning an action on a case. */
export async function assignmentChoices(
  ctx: ServiceContext,
  where: { caseId: string; meetingId?: string | undefined },
  agencyId?: string,
): Promise<AssignmentChoices> {
  if (!mayUse(ctx.actor, 'action.assign')) throw forbidden('assign actions');
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, where.caseId);
    const kase = await tx.case.findUniqueOrThrow({ where: { id: where.caseId }, select: { reference: true } });
    const meeting = where.meetingId
      ? await tx.meeting.findFirst({
          where: { id: where.meetingId, panel: { partnershipId: ctx.actor.partnershipId } },
          select: { startsAt: true, panel: { select: { name: true } } },
        })
      : null;
    const agencies = await tx.agency.findMany({
      where: { partnershipId: ctx.actor.partnershipId, isActive: true },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    });
    const officers =
      agencyId && agencies.some((agency) => agency.id === agencyId)
        ? await tx.member.findMany({
            where: { agencyId, isActive: true },
            select: { id: true, displayName: true, jobTitle: true },
            orderBy: { displayName: 'asc' },
          })
        : [];
    return {
      caseReference: kase.reference,
      whereLabel: meeting ? `${meeting.panel.name}, ${formatLongDate(londonDateOf(meeting.startsAt))}` : null,
      agencies,
      officers: officers.map((officer) => ({ id: officer.id, name: officer.displayName, jobTitle: officer.jobTitle })),
    };
  });
}
