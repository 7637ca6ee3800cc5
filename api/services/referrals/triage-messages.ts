// What a chair's triage card and a referrer's decision message say, drawn from the referral as it is
// when the notification is sent (api/services/reminders/delivery.ts calls these).
import type { Database } from '../../store/database';
import { actorForMember } from '../members';
import type { OutgoingMessage } from '../ports/teams-sender';
import type { ClaimedNotification } from '../reminders/notification-queue';
import { loadReferral } from './referrals';
import { outcomeLine, triageCardViewOf, triageRecordOf } from './triage';

export const TRIAGE_KEY_PREFIX = 'triage:';
export const DECIDED_KEY_PREFIX = 'referral-decided:';

/** The referral a triage or decision notification is about: its dedupe key starts with the referral id. */
export function referralIdOfKey(dedupeKey: string): string {
  const rest = dedupeKey.startsWith(TRIAGE_KEY_PREFIX)
    ? dedupeKey.slice(TRIAGE_KEY_PREFIX.length)
    : dedupeKey.slice(DECIDED_KEY_PREFIX.length);
  return rest.split(':')[0] ?? '';
}

/** The triage card for a chair: skipped once decided, or when they no longer chair the panel it is sent to. */
export async function triageMessageFor(db: Database, claim: ClaimedNotification): Promise<OutgoingMessage | { skipped: string }> {
  const referral = await loadReferral(db.prisma, referralIdOfKey(claim.dedupeKey));
  if (!referral) return { skipped: 'the referral no longer exists.' };
  if (referral.status !== 'SUBMITTED') return { skipped: `the referral has been ${referral.status.toLowerCase()}.` };
  const chair = await actorForMember(db.prisma, claim.recipientId);
  if (!chair) return { skipped: 'the recipient is no longer an active member.' };
  const record = await triageRecordOf(db.prisma, referral, chair);
  if (!record.mayDecide) return { skipped: 'the recipient no longer chairs the panel the referral is sent to.' };
  const about = referral.case ? `case ${referral.case.reference}` : 'a new case';
  return {
    text: `A referral to ${referral.panel?.name ?? 'your panel'} waits for your decision: ${about}`,
    card: { kind: 'TRIAGE', view: triageCardViewOf(record, chair) },
  };
}

/** The referrer's message: the case reference, the decision and its reason, nothing about the person. */
export async function decidedMessageFor(db: Database, claim: ClaimedNotification): Promise<OutgoingMessage | { skipped: string }> {
  const referral = await loadReferral(db.prisma, referralIdOfKey(claim.dedupeKey));
  if (!referral) return { skipped: 'the referral no longer exists.' };
  const outcome = outcomeLine(referral);
  if (!outcome) return { skipped: 'the referral awaits a decision.' };
  const about = referral.case ? ` for case ${referral.case.reference}` : '';
  if (referral.status === 'SUBMITTED' && referral.redirect === 'PANEL')
    return {
      text: `Your referral${about} was sent on by the chair of ${referral.redirectedFrom?.name ?? 'the panel'} to ${referral.panel?.name ?? 'another panel'}, whose chairs will decide: ${referral.redirectReason ?? ''}`,
    };
  return { text: `Your referral${about} to ${referral.panel?.name ?? 'the panel'}: ${outcome}` };
}
