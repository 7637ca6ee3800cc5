// The partnership's local rules as one page of settings (issue 17): read by every member (they decide
// referrals and reviews everyone sees), changed by its administrator within the domain's bounds.
import { mayUse } from '../domain/access/policy';
import { checkPartnershipSettings, type PartnershipSettings } from '../domain/partnership/settings';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../domain/reminders/policy';
import type { Prisma } from '../store/generated/client';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { forbidden, validationFailed } from './errors';
import { PARTNERSHIP_SETTINGS_SELECT, settingsOfRow, type StoredLocalRules } from './referrals/policy-settings';

/** The settings in the words partnerships use: "3 incidents within 90 days". */
export interface PartnershipSettingsView {
  escalation: { incidents: number; withinDays: number };
  repeatVictimisationRules: Array<{ incidents: number; withinDays: number }>;
  repeatReferralWithinDays: number;
  review: { highRiskReviewDays: number; mediumRiskReviewDays: number };
  caseReview: {
    qualifyingComplaints: number;
    acknowledgeWithinWorkingDays: number;
    decideThresholdWithinWorkingDays: number;
    holdReviewWithinDays: number;
  };
  confidentialityStatement: string;
  reminders: ReminderPolicy;
  chaseCooldownHours: number;
}

function viewOf(settings: PartnershipSettings): PartnershipSettingsView {
  return {
    escalation: { incidents: settings.escalation.atLeast, withinDays: settings.escalation.withinDays },
    repeatVictimisationRules: settings.repeatVictimRules.map((r) => ({ incidents: r.atLeast, withinDays: r.withinDays })),
    repeatReferralWithinDays: settings.repeatReferralWithinDays,
    review: { ...settings.review },
    caseReview: { ...settings.caseReview },
    confidentialityStatement: settings.confidentialityStatement,
    reminders: { ...settings.reminders },
    chaseCooldownHours: settings.chaseCooldownHours,
  };
}

function settingsOfView(view: PartnershipSettingsView): PartnershipSettings {
  return {
    escalation: { atLeast: view.escalation.incidents, withinDays: view.escalation.withinDays },
    repeatVictimRules: view.repeatVictimisationRules.map((r) => ({ atLeast: r.incidents, withinDays: r.withinDays })),
    repeatReferralWithinDays: view.repeatReferralWithinDays,
    review: view.review,
    caseReview: view.caseReview,
    confidentialityStatement: view.confidentialityStatement.trim(),
    reminders: view.reminders,
    chaseCooldownHours: view.chaseCooldownHours,
  };
}

/** Field names as the API's body spells them, so the tab can put each message beside its box. */
const VIEW_FIELD: Record<string, string> = { repeatVictimRules: 'repeatVictimisationRules', 'escalation.atLeast': 'escalation.incidents' };
function viewField(field: string): string {
  const rule = /^repeatVictimRules\.(\d+)\.atLeast$/.exec(field);
  if (rule) return `repeatVictimisationRules.${rule[1]}.incidents`;
  return VIEW_FIELD[field] ?? field.replace(/^repeatVictimRules/, 'repeatVictimisationRules');
}

export async function readPartnershipSettings(
  ctx: ServiceContext,
  deploymentReminders: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): Promise<PartnershipSettingsView> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.partnership.findUniqueOrThrow({ where: { id: ctx.actor.partnershipId }, select: PARTNERSHIP_SETTINGS_SELECT });
    return viewOf(settingsOfRow(row, deploymentReminders));
  });
}

/**
 * Saves every setting at once. Nothing already decided changes: each submitted referral keeps the
 * rules recorded on it, and reminders already sent stay sent.
 */
export async function updatePartnershipSettings(
  ctx: ServiceContext,
  edit: PartnershipSettingsView,
  deploymentReminders: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): Promise<PartnershipSettingsView> {
  if (!mayUse(ctx.actor, 'partnership.configure')) throw forbidden("change the partnership's settings");
  const settings = settingsOfView(edit);
  const problems = checkPartnershipSettings(settings);
  if (problems.length > 0) {
    throw validationFailed(
      problems.map((p) => ({ field: viewField(p.field ?? 'settings'), message: p.message })),
      'The settings were not saved: some are outside what the rules allow.',
    );
  }
  return inTransaction(ctx, async (tx) => {
    const row = await tx.partnership.findUniqueOrThrow({ where: { id: ctx.actor.partnershipId }, select: PARTNERSHIP_SETTINGS_SELECT });
    const before = viewOf(settingsOfRow(row, deploymentReminders));
    const after = viewOf(settings);
    const localRules: StoredLocalRules = {
      escalation: after.escalation,
      repeatReferralWithinDays: after.repeatReferralWithinDays,
      review: after.review,
      caseReviewTimescales: {
        acknowledgeWithinWorkingDays: after.caseReview.acknowledgeWithinWorkingDays,
        decideThresholdWithinWorkingDays: after.caseReview.decideThresholdWithinWorkingDays,
        holdReviewWithinDays: after.caseReview.holdReviewWithinDays,
      },
      confidentialityStatement: after.confidentialityStatement,
      reminders: after.reminders,
    };
    await tx.partnership.update({
      where: { id: ctx.actor.partnershipId },
      data: {
        repeatVictimisationRules: after.repeatVictimisationRules,
        communityTriggerThreshold: after.caseReview.qualifyingComplaints,
        chaseCooldownHours: after.chaseCooldownHours,
        localRules: localRules as Prisma.InputJsonValue,
      },
    });
    await audit(tx, ctx, {
      event: 'partnershipSettings.update',
      entityType: 'Partnership',
      entityId: ctx.actor.partnershipId,
      before: changedOnly(before, after),
      after: changedOnly(after, before),
    });
    return after;
  });
}

/** Only the settings that changed, so the audit trail reads as what was done. */
function changedOnly(side: PartnershipSettingsView, other: PartnershipSettingsView): Partial<PartnershipSettingsView> {
  const entries = Object.entries(side).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(other[key as keyof PartnershipSettingsView]),
  );
  return Object.fromEntries(entries) as Partial<PartnershipSettingsView>;
}
