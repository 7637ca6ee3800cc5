import type { ActionStatus } from '../../api/domain/actions/lifecycle';
import { addDays } from '../../api/domain/agenda/calendar-date';
import {
  checkReminderPolicy,
  DEFAULT_REMINDER_POLICY,
  remindersDueToday,
  weeklyDigestsDue,
  type RemindableAction,
  type ReminderPolicy,
} from '../../api/domain/reminders/policy';

const action: RemindableAction = {
  id: 'act-1',
  caseId: 'case-1',
  title: 'Fit a door viewer',
  status: 'ACCEPTED',
  ownerAgencyId: 'housing',
  ownerMemberId: 'amy',
  dueDate: '2026-12-01',
};

const summary = (today: string, policy?: ReminderPolicy, changes: Partial<RemindableAction> = {}) =>
  remindersDueToday({ ...action, ...changes }, today, policy).map((r) => `${r.kind} ${r.dedupeKey}`);

describe('reminders for an action due on 1 December', () => {
  it.each<[string, string, string[]]>([
    ['nothing four days before', '2026-11-27', []],
    ['a "due soon" reminder three days before', '2026-11-28', ['BEFORE_DUE action:act-1:before:2026-12-01']],
    [
      'the same "due soon" reminder, so a sender that missed Saturday still sends it once',
      '2026-11-30',
      ['BEFORE_DUE action:act-1:before:2026-12-01'],
    ],
    ['a reminder on the due day', '2026-12-01', ['DUE_TODAY action:act-1:due:2026-12-01']],
    ['an overdue reminder the day after', '2026-12-02', ['OVERDUE action:act-1:overdue:2026-12-02']],
    ['the same overdue reminder the next day, as they repeat every two days', '2026-12-03', ['OVERDUE action:act-1:overdue:2026-12-02']],
    ['a new overdue reminder three days late', '2026-12-04', ['OVERDUE action:act-1:overdue:2026-12-04']],
    [
      'escalation to the chair five days late',
      '2026-12-06',
      ['OVERDUE action:act-1:overdue:2026-12-06', 'ESCALATION action:act-1:escalation:2026-12-01'],
    ],
    [
      'escalation only once, however long it stays overdue',
      '2026-12-20',
      ['OVERDUE action:act-1:overdue:2026-12-20', 'ESCALATION action:act-1:escalation:2026-12-01'],
    ],
  ])('sends %s', (_name, today, expected) => {
    expect(summary(today)).toEqual(expected);
  });

  it.each<[string, string, Partial<ReminderPolicy>, string[]]>([
    ['no "due soon" reminder when the partnership sets none', '2026-11-30', { daysBeforeDue: 0 }, []],
    ['no due-day reminder when it is switched off', '2026-12-01', { onDueDay: false }, []],
    ['a daily overdue reminder when set to every day', '2026-12-03', { overdueEveryDays: 1 }, ['OVERDUE action:act-1:overdue:2026-12-03']],
    [
      'escalation after two days when the panel wants it sooner',
      '2026-12-03',
      { escalateAfterDaysOverdue: 2 },
      ['OVERDUE action:act-1:overdue:2026-12-02', 'ESCALATION action:act-1:escalation:2026-12-01'],
    ],
  ])('sends %s', (_name, today, change, expected) => {
    expect(summary(today, { ...DEFAULT_REMINDER_POLICY, ...change })).toEqual(expected);
  });

  it.each<ActionStatus>(['COMPLETED', 'CANCELLED', 'BLOCKED'])('sends nothing for a %s action', (status) => {
    expect(summary('2026-12-06', undefined, { status })).toEqual([]);
  });

  it('reminds a proposed action nobody has accepted yet', () => {
    expect(summary('2026-12-01', undefined, { status: 'PROPOSED' })).toEqual(['DUE_TODAY action:act-1:due:2026-12-01']);
  });

  it('starts again when the chair moves the due date', () => {
    expect(summary('2026-12-06', undefined, { dueDate: '2026-12-08' })).toEqual(['BEFORE_DUE action:act-1:before:2026-12-08']);
  });

  it.each<[string, Partial<RemindableAction>, object]>([
    ['the named officer', {}, { kind: 'OFFICER', memberId: 'amy' }],
    ['the owner agency when no officer is named', { ownerMemberId: null }, { kind: 'AGENCY', agencyId: 'housing' }],
  ])('addresses the reminder to %s and the escalation to the chair', (_name, changes, owner) => {
    const [overdue, escalation] = remindersDueToday({ ...action, ...changes }, '2026-12-06');
    expect([overdue?.recipient, escalation?.recipient]).toEqual([owner, { kind: 'CHAIR' }]);
  });

  it('never sends a reminder twice when a sender runs daily for six weeks and remembers the keys', () => {
    const sent = new Set<string>();
    let sends = 0;
    for (let day = '2026-11-20'; day <= '2026-12-31'; day = addDays(day, 1)) {
      for (const reminder of remindersDueToday(action, day)) {
        if (sent.has(reminder.dedupeKey)) continue;
        sent.add(reminder.dedupeKey);
        sends += 1;
      }
    }
    // One due-soon, one due-day, fifteen two-day overdue periods in December, one escalation.
    expect(sends).toBe(18);
  });
});

describe('the weekly digest', () => {
  const actions: RemindableAction[] = [
    { ...action, id: 'act-3', dueDate: '2026-12-10' },
    { ...action, id: 'act-2', dueDate: '2026-11-20' },
    { ...action, id: 'act-4', ownerMemberId: 'ben', status: 'IN_PROGRESS' },
    { ...action, id: 'act-5', ownerMemberId: 'ben', status: 'COMPLETED' },
    { ...action, id: 'act-6', ownerMemberId: null },
  ];

  it('lists each officer’s open actions by due date, flagging the overdue ones, on Monday', () => {
    expect(weeklyDigestsDue(actions, '2026-11-23')).toEqual([
      {
        memberId: 'amy',
        isoWeek: '2026-W48',
        dedupeKey: 'digest:amy:2026-W48',
        actions: [
          { actionId: 'act-2', caseId: 'case-1', title: 'Fit a door viewer', dueDate: '2026-11-20', overdue: true },
          { actionId: 'act-3', caseId: 'case-1', title: 'Fit a door viewer', dueDate: '2026-12-10', overdue: false },
        ],
      },
      {
        memberId: 'ben',
        isoWeek: '2026-W48',
        dedupeKey: 'digest:ben:2026-W48',
        actions: [{ actionId: 'act-4', caseId: 'case-1', title: 'Fit a door viewer', dueDate: '2026-12-01', overdue: false }],
      },
    ]);
  });

  it.each<[string, string, string[]]>([
    ['is not due before the chosen day of the week', '2026-11-24', []],
    ['is due on the chosen day', '2026-11-25', ['digest:amy:2026-W48', 'digest:ben:2026-W48']],
    [
      'is still due later that week, with the same keys, if the sender missed Wednesday',
      '2026-11-27',
      ['digest:amy:2026-W48', 'digest:ben:2026-W48'],
    ],
    ['has new keys the following week', '2026-12-02', ['digest:amy:2026-W49', 'digest:ben:2026-W49']],
  ])('with a Wednesday digest, %s', (_name, today, keys) => {
    const digests = weeklyDigestsDue(actions, today, { ...DEFAULT_REMINDER_POLICY, digestWeekday: 'WEDNESDAY' });
    expect(digests.map((digest) => digest.dedupeKey)).toEqual(keys);
  });

  it('sends no digest to an officer with nothing open', () => {
    expect(weeklyDigestsDue([{ ...action, status: 'COMPLETED' }], '2026-11-23')).toEqual([]);
  });
});

describe('checking a partnership’s reminder policy', () => {
  it.each<[string, Partial<ReminderPolicy>, string | null]>([
    ['accepts the defaults', {}, null],
    ['refuses overdue reminders every 0 days', { overdueEveryDays: 0 }, 'overdueEveryDays'],
    ['refuses a negative number of days before the due date', { daysBeforeDue: -1 }, 'daysBeforeDue'],
    ['refuses escalation on the due day itself', { escalateAfterDaysOverdue: 0 }, 'escalateAfterDaysOverdue'],
  ])('%s', (_name, change, field) => {
    const result = checkReminderPolicy({ ...DEFAULT_REMINDER_POLICY, ...change });
    expect(result.ok ? null : result.error.field).toBe(field);
  });
});
