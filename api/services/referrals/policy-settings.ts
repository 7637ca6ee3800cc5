// The partnership's own rules (issue 17), read from its row and turned into the domain's policies.
// Each rule a partnership has not set, or whose stored value is unusable, falls back to the default
// (docs/domain.md §2) rather than stopping every referral.
import { z } from 'zod';
import { defaultPartnershipSettings, type PartnershipSettings } from '../../domain/partnership/settings';
import type { CaseReviewPolicy } from '../../domain/referrals/community-trigger';
import type { ReferralPolicy } from '../../domain/referrals/criteria';
import type { ReviewPolicy } from '../../domain/referrals/routing';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../domain/reminders/policy';
import { WEEKDAYS } from '../../domain/agenda/calendar-date';
import type { Prisma } from '../../store/generated/client';
import type { Tx } from '../context';

const whole = z.number().int();
const countRule = z.object({ incidents: whole, withinDays: whole });

// Stored as [{"incidents": 3, "withinDays": 90}], the wording partnerships use ("3 incidents in 90 days").
export const storedRepeatVictimRules = z.array(z.object({ incidents: whole.min(1), withinDays: whole.min(1) })).min(1);

/** `Partnership.localRules`: only what the partnership changed; every key is optional. */
export const storedLocalRules = z.object({
  escalation: countRule.optional(),
  repeatReferralWithinDays: whole.optional(),
  review: z.object({ highRiskReviewDays: whole, mediumRiskReviewDays: whole }).optional(),
  caseReviewTimescales: z
    .object({ acknowledgeWithinWorkingDays: whole, decideThresholdWithinWorkingDays: whole, holdReviewWithinDays: whole })
    .optional(),
  confidentialityStatement: z.string().optional(),
  reminders: z
    .object({
      daysBeforeDue: whole,
      onDueDay: z.boolean(),
      overdueEveryDays: whole,
      escalateAfterDaysOverdue: whole,
      digestWeekday: z.enum(WEEKDAYS as unknown as [string, ...string[]]),
    })
    .optional(),
});
export type StoredLocalRules = z.infer<typeof storedLocalRules>;

export const PARTNERSHIP_SETTINGS_SELECT = {
  repeatVictimisationRules: true,
  communityTriggerThreshold: true,
  chaseCooldownHours: true,
  localRules: true,
} as const;

export interface PartnershipSettingsRow {
  repeatVictimisationRules: Prisma.JsonValue;
  communityTriggerThreshold: number;
  chaseCooldownHours: number;
  localRules: Prisma.JsonValue;
}

/** Each stored rule, or its default: a malformed value cannot stop referrals, reviews or reminders. */
export function settingsOfRow(row: PartnershipSettingsRow, deploymentReminders: ReminderPolicy): PartnershipSettings {
  const defaults = defaultPartnershipSettings(deploymentReminders);
  const rules = storedRepeatVictimRules.safeParse(row.repeatVictimisationRules);
  const parsed = storedLocalRules.safeParse(row.localRules);
  const local: StoredLocalRules = parsed.success ? parsed.data : {};
  return {
    escalation: local.escalation ? { atLeast: local.escalation.incidents, withinDays: local.escalation.withinDays } : defaults.escalation,
    repeatVictimRules: rules.success
      ? rules.data.map((r) => ({ atLeast: r.incidents, withinDays: r.withinDays }))
      : defaults.repeatVictimRules,
    repeatReferralWithinDays: local.repeatReferralWithinDays ?? defaults.repeatReferralWithinDays,
    review: local.review ?? defaults.review,
    caseReview: {
      ...defaults.caseReview,
      ...local.caseReviewTimescales,
      qualifyingComplaints: row.communityTriggerThreshold,
    },
    confidentialityStatement: local.confidentialityStatement ?? defaults.confidentialityStatement,
    reminders: (local.reminders as ReminderPolicy | undefined) ?? defaults.reminders,
    chaseCooldownHours: row.chaseCooldownHours,
  };
}

export async function partnershipSettings(
  tx: Tx,
  partnershipId: string,
  deploymentReminders: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): Promise<PartnershipSettings> {
  const row = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: PARTNERSHIP_SETTINGS_SELECT });
  return settingsOfRow(row, deploymentReminders);
}

export async function partnershipPolicies(
  tx: Tx,
  partnershipId: string,
): Promise<{ referral: ReferralPolicy; caseReview: CaseReviewPolicy; review: ReviewPolicy; confidentialityStatement: string }> {
  const settings = await partnershipSettings(tx, partnershipId);
  return {
    referral: {
      escalation: settings.escalation,
      repeatVictimRules: settings.repeatVictimRules,
      repeatReferralWithinDays: settings.repeatReferralWithinDays,
    },
    caseReview: settings.caseReview,
    review: settings.review,
    confidentialityStatement: settings.confidentialityStatement,
  };
}

/** The rules that decided a referral, as recorded on it: later changes to the settings leave it as it was. */
export interface RulesApplied {
  escalation: { incidents: number; withinDays: number };
  repeatVictimisationRules: Array<{ incidents: number; withinDays: number }>;
  repeatReferralWithinDays: number;
  review: { highRiskReviewDays: number; mediumRiskReviewDays: number };
}

export function rulesAppliedOf(policies: { referral: ReferralPolicy; review: ReviewPolicy }): RulesApplied {
  return {
    escalation: { incidents: policies.referral.escalation.atLeast, withinDays: policies.referral.escalation.withinDays },
    repeatVictimisationRules: policies.referral.repeatVictimRules.map((r) => ({ incidents: r.atLeast, withinDays: r.withinDays })),
    repeatReferralWithinDays: policies.referral.repeatReferralWithinDays,
    review: { highRiskReviewDays: policies.review.highRiskReviewDays, mediumRiskReviewDays: policies.review.mediumRiskReviewDays },
  };
}

const storedRulesApplied = z.object({
  escalation: countRule,
  repeatVictimisationRules: z.array(countRule),
  repeatReferralWithinDays: whole,
  review: z.object({ highRiskReviewDays: whole, mediumRiskReviewDays: whole }),
});

/** What a referral row recorded, or null for one submitted before rules were recorded. */
export function rulesAppliedOfRow(value: Prisma.JsonValue): RulesApplied | null {
  const parsed = storedRulesApplied.safeParse(value);
  return parsed.success ? parsed.data : null;
}
