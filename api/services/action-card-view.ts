// From an action as stored to the action card view a given person gets: the owner gets the buttons
// the lifecycle allows them now, everyone else (or nobody in particular, for a copy posted to a chat)
// the read-only view. Card state always comes from the database record passed in.
import type { Actor } from '../domain/access/policy';
import { transitionAction, type Action, type ActionCommand, type Actor as LifecycleActor } from '../domain/actions/lifecycle';
import { isRecordOverdue, lifecycleActionOf, lifecycleActorOf, type ActionRecord } from './action-records';
import type { ActionCardView, CardCommand, CardNotice } from './ports/card-views';

const PROBES: Record<CardCommand, ActionCommand> = {
  ACCEPT: { kind: 'ACCEPT' },
  UPDATE_PROGRESS: { kind: 'UPDATE_PROGRESS', note: 'probe' },
  COMPLETE: { kind: 'COMPLETE', note: 'probe' },
  CANNOT_COMPLETE: { kind: 'CANNOT_COMPLETE', reason: 'CIRCUMSTANCES_CHANGED', note: 'probe' },
};

/**
 * The buttons `viewer` gets: exactly the commands the lifecycle would accept from them now. Asking
 * the domain, rather than restating its rules here, keeps card and service from disagreeing.
 */
export function cardCommandsFor(action: Action, viewer: LifecycleActor, at: Date): CardCommand[] {
  return (Object.keys(PROBES) as CardCommand[]).filter(
    (command) => transitionAction({ action, command: PROBES[command], actor: viewer, expectedVersion: action.version, at }).ok,
  );
}

export function actionCardViewOf(record: ActionRecord, viewer: Actor | null, now: Date, notice: CardNotice | null = null): ActionCardView {
  return {
    actionId: record.id,
    version: record.version,
    title: record.title,
    caseReference: record.caseReference,
    ownerAgencyName: record.ownerAgency.name,
    ownerOfficerName: record.ownerMember?.displayName ?? null,
    dueDate: record.dueDate,
    priority: record.priority,
    status: record.status,
    overdue: isRecordOverdue(record, now),
    latestNote: record.progressNote,
    notDoneReason: record.notDoneReason,
    madeAt: record.madeAt,
    commands: viewer ? cardCommandsFor(lifecycleActionOf(record), lifecycleActorOf(viewer), now) : [],
    refreshUserIds: record.ownerTeamsUserIds,
    notice,
  };
}
