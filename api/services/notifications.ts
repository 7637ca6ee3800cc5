// Use cases around reminders that a person starts: the chair chasing an action now (from the tab
// or a card), and the chair's list of who reminders cannot reach.
import { decideChase } from '../domain/actions/chasing';
import { isOpen, isOverdue, OPEN_ACTION_STATUSES } from '../domain/actions/lifecycle';
import { londonDateOf } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import { calendarDateOfColumn } from '../store/calendar-dates';
import type { NotificationKind, NotificationStatus } from '../store/generated/client';
import { OWNER_MESSAGE_KINDS, ownerDeliveryStates } from './owner-delivery-state';
import { claimNotification } from './reminders/notification-queue';
import { CHASE_KEY_PREFIX, DEFAULT_DELIVERY_OPTIONS, deliverNotification, type DeliveryPorts } from './reminders/delivery';
import { panelMembersOf } from './reminders/schedule';
import { outstandingActionsWhere } from './action-list';
import { audit } from './audit';
import { requireVisibleCase, visibleCaseWhere } from './case-access';
import { inTransaction, type ServiceContext } from './context';
import { conflict, forbidden, notFound, ServiceError } from './errors';

const CLAIM_LEASE_MS = 10 * 60_000;

export interface ChaseResult {
  actionId: string;
  /** When this chase was made; the action shows it as last chased. */
  chasedAt: Date;
  deliveries: { memberId: string; status: NotificationStatus | 'RETRYING'; error: string | null }[];
}

/** Sends the action's owner a reminder at once, and says whether it got through. */
export async function chaseNow(ctx: ServiceContext, deps: DeliveryPorts, actionId: string): Promise<ChaseResult> {
  if (!mayUse(ctx.actor, 'action.oversee')) throw forbidden('chase actions');
  const now = ctx.now();

  const notificationIds = await inTransaction(ctx, async (tx) => {
    // The row lock makes two chases arriving together take turns, so the second sees the first.
    await tx.$queryRaw`SELECT "id" FROM "Action" WHERE "id" = ${actionId}::uuid FOR UPDATE`;
    const action = await tx.action.findUnique({
      where: { id: actionId },
      select: {
        id: true,
        caseId: true,
        partnershipId: true,
        status: true,
        dueDate: true,
        ownerAgencyId: true,
        ownerMemberId: true,
        lastChasedAt: true,
        partnership: { select: { chaseCooldownHours: true } },
      },
    });
    if (!action || action.partnershipId !== ctx.actor.partnershipId) throw notFound('action');
    // A hidden case answers as a missing action, so the refusal never confirms that the action exists.
    await requireVisibleCase(tx, ctx, action.caseId).catch((error: unknown) => {
      throw error instanceof ServiceError && error.code === 'NOT_FOUND' ? notFound('action') : error;
    });
    if (!isOpen(action.status))
      throw conflict(`This action is ${action.status.toLowerCase().replace('_', ' ')}, so there is nothing to chase.`);
    const decision = decideChase({ lastChasedAt: action.lastChasedAt, now, cooldownHours: action.partnership.chaseCooldownHours });
    if (decision.kind === 'TOO_SOON') throw new ServiceError('CONFLICT', decision.message, [], 'CHASE_TOO_SOON');

    const recipients = action.ownerMemberId
      ? [action.ownerMemberId]
      : await panelMembersOf(tx, { agencyId: action.ownerAgencyId }, 'action.agencyReminders');
    if (recipients.length === 0) throw conflict('Nobody in the owner agency can receive reminders. Name an officer for this action first.');

    const today = londonDateOf(now);
    const dueDate = calendarDateOfColumn(action.dueDate);
    const kind: NotificationKind = isOverdue({ status: action.status, dueDate }, today)
      ? 'REMINDER_OVERDUE'
      : dueDate === today
        ? 'REMINDER_DUE_TODAY'
        : 'REMINDER_BEFORE_DUE';
    const rows = recipients.map((recipientId) => ({
      recipientId,
      actionId,
      kind,
      dedupeKey: `${CHASE_KEY_PREFIX}${actionId}:${now.getTime()}:to:${recipientId}`,
      scheduledFor: now,
      createdAt: now,
    }));
    const created = await tx.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
    await tx.action.update({ where: { id: actionId }, data: { lastChasedAt: now } });
    await audit(tx, ctx, { event: 'action.chase', entityType: 'Action', entityId: actionId, after: { recipients: created.length } });
    return created.map((row) => row.id);
  });

  // Sent after the commit, so a slow Teams never holds the transaction.
  for (const id of notificationIds) {
    const claim = await claimNotification(ctx.db, id, { now, leaseMs: CLAIM_LEASE_MS });
    if (claim) await deliverNotification(ctx.db, deps, claim, now, DEFAULT_DELIVERY_OPTIONS);
  }
  const settled = await ctx.db.prisma.notification.findMany({
    where: { id: { in: notificationIds } },
    select: { recipientId: true, status: true, sentAt: true, lastError: true },
    orderBy: { recipientId: 'asc' },
  });
  return {
    actionId,
    chasedAt: now,
    deliveries: settled.map((row) => ({
      memberId: row.recipientId,
      status: row.status === 'PENDING' ? 'RETRYING' : row.status,
      error: row.status === 'SENT' ? null : row.lastError,
    })),
  };
}

export interface OutOfReach {
  /** Open actions whose owner Teams refused a message and has not reached since (delivery state UNREACHABLE). */
  actions: {
    actionId: string;
    title: string;
    caseReference: string;
    ownerName: string | null;
    ownerAgencyName: string;
    reason: string;
    since: Date;
  }[];
  /**
   * Active members the bot cannot write to in personal chat (never installed, blocked the app, or gone
   * from the directory), and leavers the admin deactivated who still own actions on the chair's list.
   */
  members: {
    memberId: string;
    displayName: string;
    agencyName: string;
    reason: 'NEVER_INSTALLED' | 'BLOCKED' | 'LEFT_ORGANISATION' | 'DEACTIVATED';
    since: Date | null;
    /** Their actions on the chair's outstanding list (GET /api/actions?officerId=…). */
    outstandingActions: number;
  }[];
}

/** The chair's list: whose reminders are not getting through, so someone can phone them instead. */
export async function listOutOfReach(ctx: ServiceContext): Promise<OutOfReach> {
  if (!mayUse(ctx.actor, 'action.oversee')) throw forbidden("see whose reminders aren't getting through");
  return inTransaction(ctx, async (tx) => {
    // Open actions Teams ever refused a message for; the delivery state says which are still unreached.
    const refused = await tx.action.findMany({
      where: {
        partnershipId: ctx.actor.partnershipId,
        status: { in: [...OPEN_ACTION_STATUSES] },
        case: visibleCaseWhere(ctx.actor),
        notifications: { some: { status: 'UNREACHABLE', kind: { in: OWNER_MESSAGE_KINDS } } },
      },
      select: {
        id: true,
        title: true,
        case: { select: { reference: true } },
        ownerMember: { select: { displayName: true } },
        ownerAgency: { select: { name: true } },
      },
    });
    const states = await ownerDeliveryStates(
      tx,
      refused.map((action) => action.id),
    );
    const actions: OutOfReach['actions'] = refused
      .flatMap((action) => {
        const state = states.get(action.id);
        if (state?.status !== 'UNREACHABLE' || !state.since) return [];
        return [
          {
            actionId: action.id,
            title: action.title,
            caseReference: action.case.reference,
            ownerName: action.ownerMember?.displayName ?? null,
            ownerAgencyName: action.ownerAgency.name,
            reason: state.reason ?? 'The reminder could not be delivered.',
            since: state.since,
          },
        ];
      })
      .sort((a, b) => b.since.getTime() - a.since.getTime());

    const members = await tx.member.findMany({
      where: {
        partnershipId: ctx.actor.partnershipId,
        OR: [
          {
            isActive: true,
            agency: { isActive: true },
            OR: [{ conversations: { none: { kind: 'PERSONAL', reachable: true } } }, { leftTenantAt: { not: null } }],
          },
          { isActive: false, ownedActions: { some: outstandingActionsWhere(ctx.actor) } },
        ],
      },
      select: {
        id: true,
        displayName: true,
        isActive: true,
        updatedAt: true,
        leftTenantAt: true,
        agency: { select: { name: true } },
        conversations: { where: { kind: 'PERSONAL' }, select: { unreachableSince: true }, orderBy: { unreachableSince: 'desc' }, take: 1 },
      },
      orderBy: [{ agency: { name: 'asc' } }, { displayName: 'asc' }],
    });
    // Counted as the chair's outstanding list counts them, so the number matches the list it links to.
    const owned = await tx.action.groupBy({
      by: ['ownerMemberId'],
      where: { ...outstandingActionsWhere(ctx.actor), ownerMemberId: { in: members.map((member) => member.id) } },
      _count: { _all: true },
    });
    const outstandingActions = new Map(owned.map((row) => [row.ownerMemberId, row._count._all]));
    const outOfReach: OutOfReach = {
      actions,
      members: members.map((member) => {
        const blocked = member.conversations[0];
        return {
          memberId: member.id,
          displayName: member.displayName,
          agencyName: member.agency.name,
          reason: !member.isActive ? 'DEACTIVATED' : member.leftTenantAt ? 'LEFT_ORGANISATION' : blocked ? 'BLOCKED' : 'NEVER_INSTALLED',
          // A leaver's record changes no more once deactivated: its last change is the deactivation.
          since: !member.isActive ? member.updatedAt : (member.leftTenantAt ?? blocked?.unreachableSince ?? null),
          outstandingActions: outstandingActions.get(member.id) ?? 0,
        };
      }),
    };
    await audit(tx, ctx, {
      event: 'action.outOfReach.list',
      entityType: 'Action',
      after: {
        actionIds: outOfReach.actions.map((action) => action.actionId),
        memberIds: outOfReach.members.map((member) => member.memberId),
      },
    });
    return outOfReach;
  });
}
