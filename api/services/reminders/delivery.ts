// Sends one claimed notification: draws its card from the database as it is now (so a late reminder
// never misstates the due date), hands it to the Teams sender and settles the row with the outcome.
import { isOverdue, OPEN_ACTION_STATUSES } from '../../domain/actions/lifecycle';
import { isoWeekOf, londonDateOf } from '../../domain/agenda/calendar-date';
import type { Database } from '../../store/database';
import type { NotificationKind } from '../../store/generated/client';
import { actionCardViewOf } from '../action-card-view';
import type { DigestView, ReminderKind, ReminderView } from '../ports/card-views';
import type { OutgoingMessage, SendOutcome, TeamsSender } from '../ports/teams-sender';
import { loadActionRecord } from '../action-records';
import { actorForMember } from '../members';
import { reminderHeadline } from './reminder-headline';
import { calendarDateOfColumn } from '../../store/calendar-dates';
import { settleNotification, type ClaimedNotification, type Settlement } from './notification-queue';
import { minutesDueMessage } from './minutes-due';
import { decidedMessageFor, referralIdOfKey, triageMessageFor } from '../referrals/triage-messages';
import { minutesReadyMessage } from './minutes-ready';
import { notDoneNoteMessage } from './not-done-note';
import type { TabLinks } from '../../config';
import { tryOtherWays } from './other-ways';
import type { MemberReach } from '../ports/member-reach';

export const CHASE_KEY_PREFIX = 'chase:';

export interface DeliveryOptions {
  /** After this many attempts a notification that keeps failing is marked FAILED. */
  maxAttempts: number;
  /** The first wait before trying a failed notification again; it doubles each time, up to six hours. */
  retryBaseMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { maxAttempts: 8, retryBaseMs: 5 * 60_000 };

export type DeliveryResult = Settlement['status'] | 'LEASE_LOST';

/** The ways out: the bot's chat, and where the deployment has Graph, installing the app and e-mail. */
export interface DeliveryPorts {
  sender: TeamsSender;
  reach?: MemberReach | null | undefined;
  /** Where a message's link into the tab points; without it the message names the page instead. */
  tabLinks?: TabLinks | undefined;
}

export async function deliverNotification(
  db: Database,
  ports: DeliveryPorts,
  claim: ClaimedNotification,
  now: Date,
  options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
): Promise<DeliveryResult> {
  const message = await messageFor(db, claim, now, ports.tabLinks);
  const settlement: Settlement =
    'skipped' in message
      ? { status: 'FAILED', error: `Not sent: ${message.skipped}` }
      : await send(db, ports, claim, message, now, options);
  return (await settleNotification(db, claim, settlement)) ? settlement.status : 'LEASE_LOST';
}

async function send(
  db: Database,
  ports: DeliveryPorts,
  claim: ClaimedNotification,
  message: OutgoingMessage,
  now: Date,
  options: DeliveryOptions,
): Promise<Settlement> {
  let outcome = await ports.sender.notifyMember(claim.recipientId, message);
  if (ports.reach && (outcome.kind === 'NO_CONVERSATION' || outcome.kind === 'UNREACHABLE')) {
    const other = await tryOtherWays({ db, sender: ports.sender, reach: ports.reach, claim, message, teams: outcome, now });
    if ('settled' in other) return withinAttempts(other.settled, claim, options);
    outcome = other.sent;
  }
  // Where an action card landed, so a later change can update every copy.
  if (outcome.kind === 'SENT' && claim.kind === 'ACTION_ASSIGNED' && claim.actionId && outcome.activityId) {
    await db.prisma.actionCard.createMany({
      data: [{ actionId: claim.actionId, conversationId: outcome.conversationId, activityId: outcome.activityId, postedAt: now }],
      skipDuplicates: true,
    });
  }
  // Where a triage card landed, so a decision made elsewhere updates it.
  if (outcome.kind === 'SENT' && claim.kind === 'REFERRAL_TRIAGE' && outcome.activityId) {
    await db.prisma.referralCard.createMany({
      data: [
        {
          referralId: referralIdOfKey(claim.dedupeKey),
          conversationId: outcome.conversationId,
          activityId: outcome.activityId,
          postedAt: now,
        },
      ],
      skipDuplicates: true,
    });
  }
  return settlementOf(outcome, claim, now, options);
}

/** A retry the other ways asked for, unless the notification has had all its attempts. */
function withinAttempts(settlement: Settlement, claim: ClaimedNotification, options: DeliveryOptions): Settlement {
  return settlement.status === 'RETRY' && claim.attempts >= options.maxAttempts
    ? { status: 'UNREACHABLE', error: settlement.error }
    : settlement;
}

function settlementOf(outcome: SendOutcome, claim: ClaimedNotification, now: Date, options: DeliveryOptions): Settlement {
  switch (outcome.kind) {
    case 'SENT':
      return { status: 'SENT', at: now, via: 'TEAMS' };
    case 'UNREACHABLE':
    case 'NO_CONVERSATION':
      return { status: 'UNREACHABLE', error: outcome.reason };
    case 'FAILED':
      if (outcome.retryable && claim.attempts < options.maxAttempts) {
        const waitMs = Math.min(6 * 3_600_000, options.retryBaseMs * 2 ** (claim.attempts - 1));
        return { status: 'RETRY', at: new Date(now.getTime() + waitMs), error: outcome.reason };
      }
      return { status: 'FAILED', error: outcome.reason };
  }
}

const REMINDER_KIND_OF: Partial<Record<NotificationKind, ReminderKind>> = {
  REMINDER_BEFORE_DUE: 'BEFORE_DUE',
  REMINDER_DUE_TODAY: 'DUE_TODAY',
  REMINDER_OVERDUE: 'OVERDUE',
  ESCALATION_TO_CHAIR: 'ESCALATION',
};

async function messageFor(
  db: Database,
  claim: ClaimedNotification,
  now: Date,
  tabLinks: TabLinks | undefined,
): Promise<OutgoingMessage | { skipped: string }> {
  const today = londonDateOf(now);
  const recipient = await db.prisma.member.findUnique({ where: { id: claim.recipientId }, select: { isActive: true, leftTenantAt: true } });
  if (!recipient?.isActive) return { skipped: 'the recipient is no longer an active member.' };
  if (recipient.leftTenantAt) return { skipped: 'the recipient is no longer in the organisation’s directory.' };
  if (claim.kind === 'WEEKLY_DIGEST') return digestFor(db, claim.recipientId, today);
  if (claim.kind === 'ACTION_ASSIGNED') return assignedCardFor(db, claim, now);
  if (claim.kind === 'MINUTES_DUE') return minutesDueMessage(db, claim.dedupeKey);
  if (claim.kind === 'REFERRAL_TRIAGE') return triageMessageFor(db, claim);
  if (claim.kind === 'REFERRAL_DECIDED') return decidedMessageFor(db, claim);
  if (claim.kind === 'MINUTES_READY') return minutesReadyMessage(db, claim.dedupeKey, tabLinks);
  if (claim.kind === 'AGENCY_NOT_DONE_NOTE') return notDoneNoteMessage(db, claim.dedupeKey);

  const kind = claim.dedupeKey.startsWith(CHASE_KEY_PREFIX) ? 'CHASE' : REMINDER_KIND_OF[claim.kind];
  if (!kind || !claim.actionId) return { skipped: `no reminder card for ${claim.kind}.` };
  const action = await db.prisma.action.findUnique({
    where: { id: claim.actionId },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      case: { select: { reference: true } },
      ownerAgency: { select: { name: true } },
      ownerMember: { select: { displayName: true } },
    },
  });
  if (!action) return { skipped: 'the action no longer exists.' };
  if (!(OPEN_ACTION_STATUSES as readonly string[]).includes(action.status))
    return { skipped: `the action is ${action.status.toLowerCase().replace('_', ' ')}.` };
  const view: ReminderView = {
    kind,
    actionId: action.id,
    title: action.title,
    caseReference: action.case.reference,
    dueDate: calendarDateOfColumn(action.dueDate),
    status: action.status,
    ownerLabel: action.ownerMember ? `${action.ownerMember.displayName} (${action.ownerAgency.name})` : action.ownerAgency.name,
    today,
  };
  return { text: `${reminderHeadline(view)}: ${action.title}`, card: { kind: 'REMINDER', view } };
}

async function digestFor(db: Database, memberId: string, today: string): Promise<OutgoingMessage | { skipped: string }> {
  const actions = await db.prisma.action.findMany({
    where: { ownerMemberId: memberId, status: { in: [...OPEN_ACTION_STATUSES] } },
    select: { id: true, title: true, status: true, dueDate: true, case: { select: { reference: true } } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  if (actions.length === 0) return { skipped: 'the member has no open actions left this week.' };
  const [year, week] = isoWeekOf(today).split('-W');
  const view: DigestView = {
    weekLabel: `week ${Number(week)}, ${year}`,
    actions: actions.map((action) => {
      const dueDate = calendarDateOfColumn(action.dueDate);
      return {
        actionId: action.id,
        title: action.title,
        caseReference: action.case.reference,
        dueDate,
        status: action.status,
        overdue: isOverdue({ status: action.status, dueDate }, today),
      };
    }),
  };
  return { text: `Your open actions this week: ${actions.length}`, card: { kind: 'DIGEST', view } };
}

/** A newly assigned (or reassigned) action: the action card in its owner's own view, with their buttons. */
async function assignedCardFor(db: Database, claim: ClaimedNotification, now: Date): Promise<OutgoingMessage | { skipped: string }> {
  if (!claim.actionId) return { skipped: 'the notification names no action.' };
  const [record, owner] = await Promise.all([loadActionRecord(db.prisma, claim.actionId), actorForMember(db.prisma, claim.recipientId)]);
  if (!record) return { skipped: 'the action no longer exists.' };
  if (!owner) return { skipped: 'the recipient is no longer an active member.' };
  if (!(OPEN_ACTION_STATUSES as readonly string[]).includes(record.status))
    return { skipped: `the action is ${record.status.toLowerCase().replace('_', ' ')}.` };
  // A send retried after the action moved on to someone else must not tell the old owner it is theirs.
  const stillOwner = record.ownerMember ? record.ownerMember.id === owner.memberId : record.ownerAgency.id === owner.agencyId;
  if (!stillOwner) return { skipped: 'the action has been reassigned since.' };
  return {
    text: `New action for you, case ${record.caseReference}: ${record.title}`,
    card: { kind: 'ACTION', view: actionCardViewOf(record, owner, now) },
  };
}
