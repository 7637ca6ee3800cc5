// Getting a referral's triage in front of people in Teams: the triage card to each chair of the panel
// it is sent to (through the Notification queue, so an outage is retried and a repeat never sends
// twice), every posted copy brought up to date after a decision, and the referrer told the outcome.
import type { Database } from '../../store/database';
import type { TeamsSender } from '../ports/teams-sender';
import type { PostedCopy } from '../action-delivery';
import { claimNotification } from '../reminders/notification-queue';
import { DEFAULT_DELIVERY_OPTIONS, deliverNotification, type DeliveryPorts } from '../reminders/delivery';
import { loadReferral } from './referrals';
import { DECIDED_KEY_PREFIX, TRIAGE_KEY_PREFIX } from './triage-messages';
import { triageCardViewOf, triageRecordOf } from './triage';

const CLAIM_LEASE_MS = 10 * 60_000;
async function queueAndDeliver(
  db: Database,
  ports: DeliveryPorts,
  rows: { recipientId: string; kind: 'REFERRAL_TRIAGE' | 'REFERRAL_DECIDED'; dedupeKey: string }[],
  now: Date,
) {
  if (rows.length === 0) return;
  await db.prisma.notification.createMany({
    data: rows.map((row) => ({ ...row, scheduledFor: now, createdAt: now })),
    skipDuplicates: true,
  });
  const stored = await db.prisma.notification.findMany({
    where: { dedupeKey: { in: rows.map((row) => row.dedupeKey) } },
    select: { id: true },
  });
  for (const { id } of stored) {
    const claim = await claimNotification(db, id, { now, leaseMs: CLAIM_LEASE_MS });
    if (claim) await deliverNotification(db, ports, claim, now, DEFAULT_DELIVERY_OPTIONS);
  }
}

/** Sends the triage card to every chair of the panel the referral is sent to now. */
export async function sendTriageCards(db: Database, ports: DeliveryPorts, referralId: string, now: Date): Promise<void> {
  const referral = await db.prisma.referral.findUnique({ where: { id: referralId }, select: { panelId: true, status: true } });
  if (!referral?.panelId || referral.status !== 'SUBMITTED') return;
  const chairs = await db.prisma.panelChair.findMany({
    where: { panelId: referral.panelId, member: { isActive: true, roles: { has: 'PANEL_CHAIR' } } },
    select: { memberId: true },
  });
  await queueAndDeliver(
    db,
    ports,
    chairs.map(({ memberId }) => ({
      recipientId: memberId,
      kind: 'REFERRAL_TRIAGE' as const,
      dedupeKey: `${TRIAGE_KEY_PREFIX}${referralId}:${referral.panelId}:to:${memberId}`,
    })),
    now,
  );
}

/** Tells the referrer in chat what the chair decided (not when they decided it themselves). */
export async function tellReferrer(db: Database, ports: DeliveryPorts, referralId: string, now: Date): Promise<void> {
  const referral = await db.prisma.referral.findUnique({
    where: { id: referralId },
    select: { referrerId: true, decidedById: true, version: true },
  });
  if (!referral || referral.decidedById === referral.referrerId) return;
  await queueAndDeliver(
    db,
    ports,
    [
      {
        recipientId: referral.referrerId,
        kind: 'REFERRAL_DECIDED',
        dedupeKey: `${DECIDED_KEY_PREFIX}${referralId}:v${referral.version}:to:${referral.referrerId}`,
      },
    ],
    now,
  );
}

/**
 * Replaces every posted copy of the triage card with the read-only view of the referral as it is now;
 * each chair's own view arrives through refresh. `except` is the copy the clicker's invoke answer
 * already replaced. A copy that cannot be updated is left for refresh to correct.
 */
export async function refreshTriageCards(db: Database, sender: TeamsSender, referralId: string, except?: PostedCopy): Promise<number> {
  const copies = await db.prisma.referralCard.findMany({ where: { referralId }, select: { conversationId: true, activityId: true } });
  const others = copies.filter(
    (copy) => !(except && copy.conversationId === except.conversationId && copy.activityId === except.activityId),
  );
  if (others.length === 0) return 0;
  const referral = await loadReferral(db.prisma, referralId);
  if (!referral) return 0;
  const view = triageCardViewOf(await triageRecordOf(db.prisma, referral, null), null);
  let updated = 0;
  for (const copy of others) {
    const outcome = await sender.updateCard(copy.conversationId, copy.activityId, { kind: 'TRIAGE', view });
    if (outcome.kind === 'SENT') updated += 1;
  }
  return updated;
}
