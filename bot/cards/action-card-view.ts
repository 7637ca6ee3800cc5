// From an action as stored to the action card a given person sees: the owner gets the buttons the
// lifecycle allows them now, everyone else (or nobody in particular, for a copy posted to a chat)
// the read-only view. Card state always comes from the database record passed in.
import type { Actor } from '../../api/domain/access/policy';
import { isRecordOverdue, lifecycleActionOf, lifecycleActorOf, type ActionRecord } from '../../api/services/action-records';
import { buildActionCard, cardCommandsFor, type ActionCardView } from './action-card';
import type { AdaptiveCard } from './adaptive-card';

export type CardNotice = NonNullable<ActionCardView['notice']>;

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

export function actionCardFor(record: ActionRecord, viewer: Actor | null, now: Date, notice: CardNotice | null = null): AdaptiveCard {
  return buildActionCard(actionCardViewOf(record, viewer, now, notice));
}
