// Answers of the partnership settings routes.
import { z } from 'zod';

const countRule = z.strictObject({ incidents: z.number(), withinDays: z.number() });

export const partnershipSettingsAnswer = z.strictObject({
  escalation: countRule,
  repeatVictimisationRules: z.array(countRule),
  repeatReferralWithinDays: z.number(),
  review: z.strictObject({ highRiskReviewDays: z.number(), mediumRiskReviewDays: z.number() }),
  caseReview: z.strictObject({
    qualifyingComplaints: z.number(),
    acknowledgeWithinWorkingDays: z.number(),
    decideThresholdWithinWorkingDays: z.number(),
    holdReviewWithinDays: z.number(),
  }),
  confidentialityStatement: z.string(),
  reminders: z.strictObject({
    daysBeforeDue: z.number(),
    onDueDay: z.boolean(),
    overdueEveryDays: z.number(),
    escalateAfterDaysOverdue: z.number(),
    digestWeekday: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
  }),
  chaseCooldownHours: z.number(),
});
