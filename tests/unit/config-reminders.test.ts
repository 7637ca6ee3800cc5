// The reminder policy is set per deployment: days before the due date, the due-day reminder, how
// often overdue reminders repeat, when the chair is told, and the digest's weekday.
import { loadConfig } from '../../api/config';
import { configProblemsOf } from '../support/config-problems';
import { checkReminderPolicy, DEFAULT_REMINDER_POLICY } from '../../api/domain/reminders/policy';

/** The variables start-up names as wrong. */
function problemsOf(env: Record<string, string>): string[] {
  return configProblemsOf(env).map((problem) => problem.split(':')[0]!);
}

describe('the reminder policy in the configuration', () => {
  it("is the domain's default policy when nothing is set", () => {
    expect(loadConfig({}).reminderPolicy).toEqual(DEFAULT_REMINDER_POLICY);
  });

  it('takes every setting from the environment, and the result passes the domain check', () => {
    const policy = loadConfig({
      REMINDER_DAYS_BEFORE_DUE: '7',
      REMINDER_ON_DUE_DAY: 'false',
      REMINDER_OVERDUE_EVERY_DAYS: '1',
      REMINDER_ESCALATE_AFTER_DAYS: '10',
      REMINDER_DIGEST_WEEKDAY: 'FRIDAY',
    }).reminderPolicy;
    expect(policy).toEqual({
      daysBeforeDue: 7,
      onDueDay: false,
      overdueEveryDays: 1,
      escalateAfterDaysOverdue: 10,
      digestWeekday: 'FRIDAY',
    });
    expect(checkReminderPolicy(policy).ok).toBe(true);
  });

  it.each([
    ['REMINDER_DAYS_BEFORE_DUE', '-1'],
    ['REMINDER_DAYS_BEFORE_DUE', '2.5'],
    ['REMINDER_OVERDUE_EVERY_DAYS', '0'],
    ['REMINDER_ESCALATE_AFTER_DAYS', '366'],
    ['REMINDER_ON_DUE_DAY', 'maybe'],
    ['REMINDER_DIGEST_WEEKDAY', 'FUNDAY'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(problemsOf({ [name]: value })).toEqual([name]);
  });
});
