// What the bot's action cards and commands read: the choices on the assign card, and a member's own
// open (or overdue) actions. The tab's outstanding-actions list lives in action-list.ts.
import { formatLongDate, londonDateOf } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import { loadActionRecord, type ActionRecord } from './action-records';
import { audit } from './audit';
import { requireVisibleCase, visibleCaseWhere } from './case-access';
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

/** The agencies and officers the chair may choose from when assigning an action on a case. */
export async function assignmentChoices(ctx: ServiceContext, where: { caseId: string; meetingId?: string | undefined }, agencyId?: string): Promise<AssignmentChoices> {
  if (!mayUse(ctx.actor, 'action.assign')) throw forbidden('assign actions');
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, where.caseId);
    const kase = await tx.case.findUniqueOrThrow({ where: { id: where.caseId }, select: { reference: true } });
    const meeting = where.meetingId
      ? await tx.meeting.findFirst({ where: { id: where.meetingId, panel: { partnershipId: ctx.actor.partnershipId } }, select: { startsAt: true, panel: { select: { name: true } } } })
      : null;
    const agencies = await tx.agency.findMany({ where: { partnershipId: ctx.actor.partnershipId, isActive: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
    const officers = agencyId && agencies.some((agency) => agency.id === agencyId)
      ? await tx.member.findMany({ where: { agencyId, isActive: true }, select: { id: true, displayName: true, jobTitle: true }, orderBy: { displayName: 'asc' } })
      : [];
    return {
      caseReference: kase.reference,
      whereLabel: meeting ? `${meeting.panel.name}, ${formatLongDate(londonDateOf(meeting.startsAt))}` : null,
      agencies,
      officers: officers.map((officer) => ({ id: officer.id, name: officer.displayName, jobTitle: officer.jobTitle })),
    };
  });
}

/** How many cards `my actions` sends at most; the tab lists the rest. */
export const MY_ACTIONS_LIMIT = 10;

export interface MyActions {
  total: number;
  actions: ActionRecord[];
}

/**
 * The member's open actions, soonest due first: named to them, or to their agency with no officer
 * named. Only actions on cases they may see (need-to-know). The listing is audited.
 */
export async function listMyOpenActions(ctx: ServiceContext, options: { overdueOnly: boolean }): Promise<MyActions> {
  if (!mayUse(ctx.actor, 'action.work')) throw forbidden('work on actions');
  const today = londonDateOf(ctx.now());
  return inTransaction(ctx, async (tx) => {
    const where = {
      partnershipId: ctx.actor.partnershipId,
      status: { in: ['PROPOSED' as const, 'ACCEPTED' as const, 'IN_PROGRESS' as const] },
      OR: [{ ownerMemberId: ctx.actor.memberId }, { ownerMemberId: null, ownerAgencyId: ctx.actor.agencyId }],
      case: visibleCaseWhere(ctx.actor),
      ...(options.overdueOnly ? { dueDate: { lt: new Date(`${today}T00:00:00Z`) } } : {}),
    };
    const total = await tx.action.count({ where });
    const rows = await tx.action.findMany({ where, select: { id: true }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }], take: MY_ACTIONS_LIMIT });
    const actions: ActionRecord[] = [];
    for (const row of rows) {
      const record = await loadActionRecord(tx, row.id);
      if (record) actions.push(record);
    }
    await audit(tx, ctx, { event: 'action.list', entityType: 'Action', after: { view: options.overdueOnly ? 'overdue' : 'mine', shown: actions.map((action) => action.id) } });
    return { total, actions };
  });
}
