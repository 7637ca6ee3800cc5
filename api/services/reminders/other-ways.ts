// When Teams finds no way to a member, the other ways, in order: install the app for them through
// Graph and open the chat again (someone who never opened the bot); failing that, an e-mail from the
// notice mailbox that says only that something waits in Teams. A member whom the directory no longer
// knows has left the organisation: they are marked so, and nobody messages them again.
import type { Database } from '../../store/database';
import type { NotificationKind } from '../../store/generated/client';
import type { MailNotice, MemberReach } from '../ports/member-reach';
import type { OutgoingMessage, SendOutcome, TeamsSender } from '../ports/teams-sender';
import type { ClaimedNotification, Settlement } from './notification-queue';

/** What the other ways came to: a settlement for the notification, or Teams' outcome after installing. */
export type OtherWaysResult = { settled: Settlement } | { sent: SendOutcome };

const MAIL_NOTICE_KIND: Record<NotificationKind, MailNotice['kind']> = {
  ACTION_ASSIGNED: 'NEW_ACTION',
  REMINDER_BEFORE_DUE: 'ACTION_REMINDER',
  REMINDER_DUE_TODAY: 'ACTION_REMINDER',
  REMINDER_OVERDUE: 'ACTION_REMINDER',
  ESCALATION_TO_CHAIR: 'ACTION_REMINDER',
  WEEKLY_DIGEST: 'WEEKLY_DIGEST',
  MINUTES_DUE: 'MINUTES_DUE',
  REFERRAL_TRIAGE: 'REFERRAL_WAITING',
  REFERRAL_DECIDED: 'REFERRAL_DECIDED',
  MINUTES_READY: 'MINUTES_READY',
  AGENCY_NOT_DONE_NOTE: 'AGENCY_NOTE',
};

const THROTTLED_WAIT_MS = 60_000;

export interface OtherWaysInput {
  db: Database;
  sender: TeamsSender;
  reach: MemberReach;
  claim: ClaimedNotification;
  message: OutgoingMessage;
  /** Teams' answer that led here: no personal chat (NO_CONVERSATION) or a blocked one (UNREACHABLE). */
  teams: Extract<SendOutcome, { kind: 'NO_CONVERSATION' | 'UNREACHABLE' }>;
  now: Date;
}

export async function tryOtherWays(input: OtherWaysInput): Promise<OtherWaysResult> {
  const { db, reach, claim, now } = input;
  const member = await db.prisma.member.findUnique({
    where: { id: claim.recipientId },
    select: {
      displayName: true,
      email: true,
      tenantId: true,
      entraObjectId: true,
      otherIdentities: { select: { tenantId: true, entraObjectId: true } },
    },
  });
  if (!member) return { settled: { status: 'FAILED', error: 'The recipient is no longer a member.' } };

  // Someone who blocked or removed the app made a choice: it is not put back on them.
  if (input.teams.kind === 'NO_CONVERSATION') {
    const here = [member, ...member.otherIdentities].find((identity) => identity.tenantId.toLowerCase() === reach.tenantId.toLowerCase());
    if (here) {
      const installed = await reach.installer.installForUser({ tenantId: here.tenantId, entraObjectId: here.entraObjectId });
      switch (installed.kind) {
        case 'INSTALLED': {
          const again = await input.sender.notifyMember(claim.recipientId, input.message);
          if (again.kind === 'SENT' || again.kind === 'FAILED') return { sent: again };
          break;
        }
        case 'USER_GONE':
          await db.prisma.member.updateMany({ where: { id: claim.recipientId, leftTenantAt: null }, data: { leftTenantAt: now } });
          return { settled: { status: 'UNREACHABLE', error: 'This person is no longer in the organisation’s directory.' } };
        case 'THROTTLED':
          return {
            settled: {
              status: 'RETRY',
              at: new Date(now.getTime() + (installed.retryAfterMs ?? THROTTLED_WAIT_MS)),
              error: 'Microsoft Graph asked the app to wait before installing it for this person.',
            },
          };
        case 'REFUSED':
        case 'FAILED':
          break;
      }
    }
  }

  if (!reach.mailer || !member.email) {
    const why = reach.mailer ? 'no e-mail address is recorded for them' : 'no notice mailbox is set up for e-mail';
    return { settled: { status: 'UNREACHABLE', error: `${input.teams.reason} An e-mail could not be sent instead: ${why}.` } };
  }
  const mailed = await reach.mailer.sendNotice(
    { address: member.email, name: member.displayName },
    { kind: MAIL_NOTICE_KIND[claim.kind], count: 1, appLink: reach.appLink },
  );
  if (mailed.kind === 'SENT') return { settled: { status: 'SENT', at: now, via: 'EMAIL' } };
  if (mailed.retryable) return { settled: { status: 'RETRY', at: new Date(now.getTime() + THROTTLED_WAIT_MS), error: mailed.reason } };
  return { settled: { status: 'UNREACHABLE', error: `${input.teams.reason} The e-mail instead failed too (${mailed.reason}).` } };
}
