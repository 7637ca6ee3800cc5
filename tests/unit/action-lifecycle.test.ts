import {
  isOverdue,
  proposeAction,
  transitionAction,
  type Action,
  type ActionCommand,
  type ActionStatus,
  type Actor,
} from '../../api/domain/actions/lifecycle';

const at = new Date('2026-11-22T10:00:00Z');

const action: Action = {
  id: 'act-1',
  caseId: 'case-1',
  title: 'Joint visit to the victim with the housing officer',
  status: 'PROPOSED',
  version: 1,
  ownerAgencyId: 'housing',
  ownerMemberId: 'amy',
  dueDate: '2026-12-01',
};

const amy: Actor = { memberId: 'amy', agencyId: 'housing', isChair: false }; // the named officer
const ben: Actor = { memberId: 'ben', agencyId: 'housing', isChair: false }; // same agency, not named
const chair: Actor = { memberId: 'chief-inspector', agencyId: 'police', isChair: true };
const pc: Actor = { memberId: 'pc-jones', agencyId: 'police', isChair: false };

const accept: ActionCommand = { kind: 'ACCEPT' };
const progress: ActionCommand = { kind: 'UPDATE_PROGRESS', note: 'Visit booked for Tuesday' };
const complete: ActionCommand = { kind: 'COMPLETE', note: 'Visited; victim moved to a safer flat' };
const cannot: ActionCommand = { kind: 'CANNOT_COMPLETE', reason: 'CIRCUMSTANCES_CHANGED', note: 'Victim has moved out of the area' };
const cancel: ActionCommand = { kind: 'CANCEL', reason: 'Case closed by the panel' };
const reassign: ActionCommand = { kind: 'REASSIGN', agencyId: 'police', memberId: null, reason: 'Police now lead on this' };
const moveDue: ActionCommand = { kind: 'CHANGE_DUE_DATE', dueDate: '2026-12-15', reason: 'Awaiting a court date' };

function run(status: ActionStatus, command: ActionCommand, actor: Actor, changes: Partial<Action> = {}) {
  return transitionAction({ action: { ...action, status, ...changes }, command, actor, expectedVersion: 1, at });
}

describe('moving an action through its life', () => {
  it.each<[string, ActionStatus, ActionCommand, Actor, ActionStatus]>([
    ['the named officer accepts a proposed action', 'PROPOSED', accept, amy, 'ACCEPTED'],
    ['the officer reports progress on an accepted action', 'ACCEPTED', progress, amy, 'IN_PROGRESS'],
    ['the officer reports more progress', 'IN_PROGRESS', progress, amy, 'IN_PROGRESS'],
    ['the officer completes an action in progress', 'IN_PROGRESS', complete, amy, 'COMPLETED'],
    ['the officer completes an accepted action without interim updates', 'ACCEPTED', complete, amy, 'COMPLETED'],
    ['the officer says it cannot be done because circumstances changed', 'IN_PROGRESS', cannot, amy, 'BLOCKED'],
    [
      'the chair records at the actions review that the agency did not do it',
      'ACCEPTED',
      { kind: 'CANNOT_COMPLETE', reason: 'AGENCY_DID_NOT_DO_IT', note: 'No update at two meetings' },
      chair,
      'BLOCKED',
    ],
    ['the officer resumes a blocked action by reporting progress', 'BLOCKED', progress, amy, 'IN_PROGRESS'],
    ['the chair cancels a blocked action', 'BLOCKED', cancel, chair, 'CANCELLED'],
    ['the chair reassigns an action, which the new owner must accept', 'IN_PROGRESS', reassign, chair, 'PROPOSED'],
    ['the chair moves the due date without changing the status', 'IN_PROGRESS', moveDue, chair, 'IN_PROGRESS'],
    ['anyone in the owner agency accepts when no officer is named', 'PROPOSED', accept, ben, 'ACCEPTED'],
  ])('%s', (_name, from, command, actor, to) => {
    const changes = actor === ben ? { ownerMemberId: null } : {};
    const result = run(from, command, actor, changes);
    expect(
      result.ok &&
        result.value.outcome === 'APPLIED' && [
          result.value.action.status,
          result.value.action.version,
          result.value.entry.from,
          result.value.entry.to,
        ],
    ).toEqual([to, 2, from, to]);
  });

  it('records who did what, when, and why in the history entry', () => {
    const result = run('IN_PROGRESS', moveDue, chair);
    expect(result.ok && result.value.outcome === 'APPLIED' && result.value.entry).toEqual({
      actionId: 'act-1',
      version: 2,
      from: 'IN_PROGRESS',
      to: 'IN_PROGRESS',
      command: moveDue,
      note: 'Due date moved from 1 December 2026 to 15 December 2026: Awaiting a court date',
      actorMemberId: 'chief-inspector',
      at,
    });
  });

  it('hands a reassigned action to the new agency with no officer named', () => {
    const result = run('ACCEPTED', reassign, chair);
    expect(result.ok && result.value.action).toMatchObject({ ownerAgencyId: 'police', ownerMemberId: null, status: 'PROPOSED' });
  });

  it.each<[string, ActionStatus, ActionCommand, Actor, string]>([
    ['a colleague cannot accept an action named to another officer', 'PROPOSED', accept, ben, 'NOT_ENTITLED'],
    ['another agency cannot complete the action', 'IN_PROGRESS', complete, pc, 'NOT_ENTITLED'],
    ['the chair cannot complete an action for its owner', 'IN_PROGRESS', complete, chair, 'NOT_ENTITLED'],
    ['the owner cannot cancel their own action', 'ACCEPTED', cancel, amy, 'NOT_ENTITLED'],
    ['the owner cannot move their own due date', 'ACCEPTED', moveDue, amy, 'NOT_ENTITLED'],
    ['a completed action cannot be completed again', 'COMPLETED', complete, amy, 'INVALID_TRANSITION'],
    ['a proposed action cannot be completed before it is accepted', 'PROPOSED', complete, amy, 'INVALID_TRANSITION'],
    ['a cancelled action cannot be reassigned', 'CANCELLED', reassign, chair, 'INVALID_TRANSITION'],
    ['a completed action cannot be cancelled', 'COMPLETED', cancel, chair, 'INVALID_TRANSITION'],
    ['progress needs a note', 'ACCEPTED', { kind: 'UPDATE_PROGRESS', note: ' ' }, amy, 'NOTE_REQUIRED'],
    ['completion needs a note', 'IN_PROGRESS', { kind: 'COMPLETE', note: '' }, amy, 'NOTE_REQUIRED'],
    ['cancelling needs a reason', 'ACCEPTED', { kind: 'CANCEL', reason: '' }, chair, 'NOTE_REQUIRED'],
    [
      'a due date cannot move into the past',
      'ACCEPTED',
      { kind: 'CHANGE_DUE_DATE', dueDate: '2026-11-21', reason: 'Typo' },
      chair,
      'DUE_DATE_IN_PAST',
    ],
    [
      'a due date cannot move to the date it already has',
      'ACCEPTED',
      { kind: 'CHANGE_DUE_DATE', dueDate: '2026-12-01', reason: 'Same' },
      chair,
      'SAME_DUE_DATE',
    ],
    [
      'reassigning to the same owner changes nothing',
      'ACCEPTED',
      { kind: 'REASSIGN', agencyId: 'housing', memberId: 'amy', reason: 'Again' },
      chair,
      'SAME_OWNER',
    ],
  ])('%s', (_name, from, command, actor, code) => {
    const result = run(from, command, actor);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });
});

describe('double clicks and stale screens', () => {
  const first = transitionAction({ action, command: accept, actor: amy, expectedVersion: 1, at });
  const applied = first.ok && first.value.outcome === 'APPLIED' ? first.value : undefined;

  it('recognises the same accept sent twice as already applied, so nothing is saved twice', () => {
    const again = transitionAction({
      action: applied!.action,
      command: accept,
      actor: amy,
      expectedVersion: 1,
      at,
      lastEntry: applied!.entry,
    });
    expect(again).toEqual({ ok: true, value: { outcome: 'ALREADY_APPLIED', action: applied!.action } });
  });

  it.each<[string, ActionCommand, Actor, number]>([
    ['a different command against the old version is stale', progress, amy, 1],
    ['the same command from someone else is stale', accept, ben, 1],
    ['a version from the future is stale', accept, amy, 5],
  ])('%s', (_name, command, actor, expectedVersion) => {
    const result = transitionAction({ action: applied!.action, command, actor, expectedVersion, at, lastEntry: applied!.entry });
    expect(result.ok ? result.value.outcome : result.error.code).toBe('STALE');
  });

  it('treats a repeat as stale once a later change has been made', () => {
    const later = transitionAction({
      action: applied!.action,
      command: progress,
      actor: amy,
      expectedVersion: 2,
      at,
      lastEntry: applied!.entry,
    });
    const progressed = later.ok && later.value.outcome === 'APPLIED' ? later.value : undefined;
    const repeat = transitionAction({
      action: progressed!.action,
      command: accept,
      actor: amy,
      expectedVersion: 1,
      at,
      lastEntry: progressed!.entry,
    });
    expect(repeat.ok ? repeat.value.outcome : repeat.error.code).toBe('STALE');
  });
});

describe('overdue is worked out from the due date', () => {
  it.each<[string, ActionStatus, string, boolean]>([
    ['an accepted action is not overdue on its due day', 'ACCEPTED', '2026-12-01', false],
    ['an accepted action is overdue the day after', 'ACCEPTED', '2026-12-02', true],
    ['a proposed action nobody accepted is still overdue', 'PROPOSED', '2026-12-10', true],
    ['a completed action is never overdue', 'COMPLETED', '2026-12-10', false],
    ['a cancelled action is never overdue', 'CANCELLED', '2026-12-10', false],
    ['a blocked action waits on the panel, not its owner, so is not overdue', 'BLOCKED', '2026-12-10', false],
  ])('%s', (_name, status, today, overdue) => {
    expect(isOverdue({ status, dueDate: '2026-12-01' }, today)).toBe(overdue);
  });
});

describe('proposing a new action', () => {
  const input = { id: 'act-9', caseId: 'case-1', title: ' Fit a door viewer ', ownerAgencyId: 'housing', dueDate: '2026-12-01' };

  it('creates a proposed action at version 1 with a trimmed title', () => {
    expect(proposeAction(input, '2026-11-22')).toEqual({
      ok: true,
      value: { ...input, title: 'Fit a door viewer', status: 'PROPOSED', version: 1, ownerMemberId: null },
    });
  });

  it.each<[string, Partial<typeof input>, string]>([
    ['an empty title', { title: '   ' }, 'TITLE_REQUIRED'],
    ['no owner agency', { ownerAgencyId: '' }, 'OWNER_AGENCY_REQUIRED'],
    ['a due date yesterday', { dueDate: '2026-11-21' }, 'DUE_DATE_IN_PAST'],
    ['a due date that does not exist', { dueDate: '2026-11-31' }, 'INVALID_DUE_DATE'],
  ])('refuses %s', (_name, change, code) => {
    const result = proposeAction({ ...input, ...change }, '2026-11-22');
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('accepts an action due today', () => {
    expect(proposeAction({ ...input, dueDate: '2026-11-22' }, '2026-11-22').ok).toBe(true);
  });
});
