// The partnership's local rules: read by every member, set by its administrator (issue 17).
import { z } from 'zod';
import { SETTING_BOUNDS } from '../../domain/partnership/settings';
import { readPartnershipSettings, updatePartnershipSettings } from '../../services/partnership-settings';
import { defineRoute, type RouteSpec } from '../route-spec';
import * as answers from '../responses/partnership-settings';
import type { ApiDependencies } from './index';
import { refusingNul } from './referral-schemas';

// The edge checks shape only; the bounds, with their messages, are the domain's (checkPartnershipSettings).
const whole = z.number().int('Use a whole number.');
const countRule = z.strictObject({ incidents: whole, withinDays: whole });

export const partnershipSettingsBody = refusingNul(
  z.strictObject({
    escalation: countRule,
    repeatVictimisationRules: z.array(countRule).max(SETTING_BOUNDS.repeatVictimRules.max * 2),
    repeatReferralWithinDays: whole,
    review: z.strictObject({ highRiskReviewDays: whole, mediumRiskReviewDays: whole }),
    caseReview: z.strictObject({
      qualifyingComplaints: whole,
      acknowledgeWithinWorkingDays: whole,
      decideThresholdWithinWorkingDays: whole,
      holdReviewWithinDays: whole,
    }),
    confidentialityStatement: z.string().max(SETTING_BOUNDS.confidentialityStatement.max * 2),
    reminders: z.strictObject({
      daysBeforeDue: whole,
      onDueDay: z.boolean(),
      overdueEveryDays: whole,
      escalateAfterDaysOverdue: whole,
      digestWeekday: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
    }),
    chaseCooldownHours: whole,
  }),
);

export function partnershipSettingsRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/partnership/settings',
      summary:
        "Read the partnership's local rules: windows, review intervals, case review timescales, confidentiality statement, reminders.",
      tag: 'Partnership settings',
      capability: null,
      response: answers.partnershipSettingsAnswer,
      async handle({ ctx }) {
        return { json: await readPartnershipSettings(ctx, deps.defaultReminderPolicy) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/partnership/settings',
      summary: "Set the partnership's local rules, within the bounds the domain allows. Decided referrals keep the rules recorded on them.",
      tag: 'Partnership settings',
      capability: 'partnership.configure',
      body: partnershipSettingsBody,
      response: answers.partnershipSettingsAnswer,
      async handle({ body, ctx }) {
        return { json: await updatePartnershipSettings(ctx, body, deps.defaultReminderPolicy) };
      },
    }),
  ];
}
