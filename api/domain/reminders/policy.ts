// Which action reminders and weekly digests are due today. Each carries a dedupe key: a reminder
// stays due until its window closes, so a sender that missed a run catches up, and the key (stored
// by the sender once delivered) is what stops it going out twice.
import { isOpen, isOverdue, type Action } from '../actions/lifecycle';
import { addDays, daysBetween, isoWeekOf, WEEKDAYS, weekdayOf, type CalendarDate, type Weekday } from '../agenda/calendar-date';
import { fail, ok, type Result } from '../result';

export interface ReminderPolicy {
  /** The "due soon" reminder opens this many days before the due date; 0 for none. */
  daysBeforeDue: number;
  onDueDay: boolean;
  overdueEveryDays: number;
  escalateAfterDaysOverdue: number;
  digestWeekday: Weekday;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBeforeDue: 3,
  onDueDay: true,
  overdueEveryDays: 2,
  escalateAfterDaysOverdue: 5,
  digestWeekday: 'MONDAY',
};

export type ReminderKind = 'BEFORE_DUE' | 'DUE_TODAY' | 'OVERDUE' | 'ESCALATION';

export type ReminderRecipient = { kind: 'OFFICER'; memberId: string } | { kind: 'AGENCY'; agencyId: string } | { kind: 'CHAIR' };

export type RemindableAction = Pick<Action, 'id' | 'caseId' | 'title' | 'status' | 'ownerAgencyId' | 'ownerMemberId' | 'dueDate'>;

export interface Reminder {
  kind: ReminderKind;
  actionId: string;
  caseId: string;
  recipient: ReminderRecipient;
  dedupeKey: string;
}

export interface WeeklyDigest {
  memberId: string;
  isoWeek: string;
  dedupeKey: string;
  actions: { actionId: string; caseId: string; title: string; dueDate: CalendarDate; overdue: boolean }[];
}

export function checkReminderPolicy(policy: ReminderPolicy): Result<ReminderPolicy> {
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min && n <= 365;
  if (!whole(policy.daysBeforeDue, 0))
    return fail('INVALID_REMINDER_POLICY', 'Days before the due date must be a whole number from 0 to 365.', 'daysBeforeDue');
  if (!whole(policy.overdueEveryDays, 1))
    return fail('INVALID_REMINDER_POLICY', 'Overdue reminders must repeat every 1 to 365 days.', 'overdueEveryDays');
  if (!whole(policy.escalateAfterDaysOverdue, 1)) {
    return fail(
      'INVALID_REMINDER_POLICY',
      'Escalation to the chair must come 1 to 365 days after the due date.',
      'escalateAfterDaysOverdue',
    );
  }
  return ok(policy);
}

function ownerOf(action: RemindableAction): ReminderRecipient {
  return action.ownerMemberId ? { kind: 'OFFICER', memberId: action.ownerMemberId } : { kind: 'AGENCY', agencyId: action.ownerAgencyId };
}

/**
 * Reminders for one action on `today`, for a policy that passed `checkReminderPolicy`. Blocked actions
 * get none: their owner has said they cannot be done and the panel decides what happens next.
 */
export function remindersDueToday(
  action: RemindableAction,
  today: CalendarDate,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): Reminder[] {
  if (!isOpen(action.status)) return [];
  const key = (suffix: string) => `action:${action.id}:${suffix}`;
  const remind = (kind: ReminderKind, recipient: ReminderRecipient, dedupeKey: string): Reminder => ({
    kind,
    actionId: action.id,
    caseId: action.caseId,
    recipient,
    dedupeKey,
  });

  const daysLeft = daysBetween(today, action.dueDate);
  if (daysLeft > 0) {
    if (daysLeft > policy.daysBeforeDue) return [];
    return [remind('BEFORE_DUE', ownerOf(action), key(`before:${action.dueDate}`))];
  }
  if (daysLeft === 0) {
    return policy.onDueDay ? [remind('DUE_TODAY', ownerOf(action), key(`due:${action.dueDate}`))] : [];
  }

  const daysOverdue = -daysLeft;
  const periodStart = addDays(action.dueDate, 1 + Math.floor((daysOverdue - 1) / policy.overdueEveryDays) * policy.overdueEveryDays);
  const reminders = [remind('OVERDUE', ownerOf(action), key(`overdue:${periodStart}`))];
  if (daysOverdue >= policy.escalateAfterDaysOverdue) {
    reminders.push(remind('ESCALATION', { kind: 'CHAIR' }, key(`escalation:${action.dueDate}`)));
  }
  return reminders;
}

/**
 * One digest per officer per ISO week, due from the policy's weekday to the end of that week. Actions
 * with no named officer belong to the agency and are left to its own reminders.
 */
export function weeklyDigestsDue(
  actions: readonly RemindableAction[],
  today: CalendarDate,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): WeeklyDigest[] {
  if (WEEKDAYS.indexOf(weekdayOf(today)) < WEEKDAYS.indexOf(policy.digestWeekday)) return [];
  const isoWeek = isoWeekOf(today);
  const byOfficer = new Map<string, RemindableAction[]>();
  for (const action of actions) {
    if (!action.ownerMemberId || !isOpen(action.status)) continue;
    byOfficer.set(action.ownerMemberId, [...(byOfficer.get(action.ownerMemberId) ?? []), action]);
  }
  return [...byOfficer.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([memberId, owned]) => ({
      memberId,
      isoWeek,
      dedupeKey: `digest:${memberId}:${isoWeek}`,
      actions: [...owned]
        .sort((a, b) => compareText(a.dueDate, b.dueDate) || compareText(a.id, b.id))
        .map((action) => ({
          actionId: action.id,
          caseId: action.caseId,
          title: action.title,
          dueDate: action.dueDate,
          overdue: isOverdue(action, today),
        })),
    }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
