// One action as the services, the cards and the reminder sender read it: its facts, the names they
// show, the Teams ids of whoever gets the owner's view on refresh, and its history. Plain queries;
// the use cases decide who may read it.
import type { Action, ActionCommand, ActionHistoryEntry, ActionStatus, Actor as LifecycleActor } from '../domain/actions/lifecycle';
import { isOverdue } from '../domain/actions/lifecycle';
import { formatLongDate, londonDateOf, type CalendarDate } from '../domain/agenda/calendar-date';
import { mayUse, type Actor } from '../domain/access/policy';
import type { ActionNotDoneReason, ActionPriority } from '../store/generated/client';
import type { Tx } from './context';
import { calendarDateOfColumn } from '../store/calendar-dates';

/** Teams lets at most 60 users see their own view of a refreshed card. */
const REFRESH_USER_LIMIT = 60;

export interface ActionHistoryLine {
  kind: string;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  note: string | null;
  actor: { id: string; displayName: string };
  at: Date;
}

export interface ActionRecord {
  id: string;
  partnershipId: string;
  caseId: string;
  caseReference: string;
  title: string;
  description: string | null;
  status: ActionStatus;
  priority: ActionPriority;
  dueDate: CalendarDate;
  version: number;
  ownerAgency: { id: string; name: string };
  ownerMember: { id: string; displayName: string } | null;
  createdBy: { id: string; displayName: string };
  meetingId: string | null;
  agendaItemId: string | null;
  /** e.g. "Fernbrook CMARAC, 12 November 2026". */
  madeAt: string | null;
  progressNote: string | null;
  notDoneReason: ActionNotDoneReason | null;
  completedAt: Date | null;
  /** When a chair last chased the owner. */
  lastChasedAt: Date | null;
  /** Teams user ids ("29:...") of the owner, or of the owner agency's members when no officer is named. */
  ownerTeamsUserIds: string[];
  history: ActionHistoryLine[];
}

/** What is kept in ActionEvent.changes: enough to recognise a repeated click and to show before and after. */
export interface ActionEventChanges {
  version: number;
  command: ActionCommand | { kind: 'CREATE' };
  before?: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

const OWNER_REFERENCES = {
  where: { kind: 'PERSONAL', userId: { not: null } },
  select: { userId: true },
  orderBy: { lastSeenAt: 'desc' },
  take: REFRESH_USER_LIMIT,
} as const;

export async function loadActionRecord(tx: Tx, actionId: string): Promise<ActionRecord | null> {
  return (await loadActionForChange(tx, actionId))?.record ?? null;
}

/**
 * The record and the latest change (what the lifecycle needs to recognise a double click), from the
 * same read: a change needs both, and the history is already in hand.
 */
export async function loadActionForChange(
  tx: Tx,
  actionId: string,
): Promise<{ record: ActionRecord; lastEntry: ActionHistoryEntry | undefined } | null> {
  const row = await tx.action.findUnique({
    where: { id: actionId },
    select: {
      id: true,
      partnershipId: true,
      caseId: true,
      title: true,
      description: true,
      status: true,
      priority: true,
      dueDate: true,
      version: true,
      meetingId: true,
      agendaItemId: true,
      progressNote: true,
      notDoneReason: true,
      completedAt: true,
      lastChasedAt: true,
      case: { select: { reference: true } },
      ownerAgency: { select: { id: true, name: true } },
      // A named officer's chats come in the same query; an agency's members' need one of their own.
      ownerMember: { select: { id: true, displayName: true, conversations: OWNER_REFERENCES } },
      createdBy: { select: { id: true, displayName: true } },
      meeting: { select: { startsAt: true, panel: { select: { name: true } } } },
      events: {
        select: {
          kind: true,
          fromStatus: true,
          toStatus: true,
          note: true,
          at: true,
          changes: true,
          actor: { select: { id: true, displayName: true } },
        },
      },
    },
  });
  if (!row) return null;
  const owners = row.ownerMember
    ? row.ownerMember.conversations
    : await tx.conversationReference.findMany({
        ...OWNER_REFERENCES,
        where: { ...OWNER_REFERENCES.where, member: { agencyId: row.ownerAgency.id, isActive: true } },
      });
  const record: ActionRecord = {
    id: row.id,
    partnershipId: row.partnershipId,
    caseId: row.caseId,
    caseReference: row.case.reference,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    dueDate: calendarDateOfColumn(row.dueDate),
    version: row.version,
    ownerAgency: row.ownerAgency,
    ownerMember: row.ownerMember ? { id: row.ownerMember.id, displayName: row.ownerMember.displayName } : null,
    createdBy: row.createdBy,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    madeAt: row.meeting ? `${row.meeting.panel.name}, ${formatLongDate(londonDateOf(row.meeting.startsAt))}` : null,
    progressNote: row.progressNote,
    notDoneReason: row.notDoneReason,
    completedAt: row.completedAt,
    lastChasedAt: row.lastChasedAt,
    ownerTeamsUserIds: [...new Set(owners.map((owner) => owner.userId!))],
    // In time order, and by the version each change produced where two share a timestamp.
    history: [...row.events]
      .sort((a, b) => a.at.getTime() - b.at.getTime() || versionOf(a.changes) - versionOf(b.changes))
      .map((event) => ({
        kind: event.kind,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        note: event.note,
        actor: event.actor,
        at: event.at,
      })),
  };
  return { record, lastEntry: latestChangeOf(actionId, row.events) };
}

/**
 * The latest change, as the lifecycle needs it; undefined before any change. Ordered by the version
 * each change produced, not by time: a test clock (or two clicks in one millisecond) gives several
 * changes the same timestamp.
 */
function latestChangeOf(
  actionId: string,
  events: readonly {
    fromStatus: ActionStatus | null;
    toStatus: ActionStatus;
    note: string | null;
    at: Date;
    changes: unknown;
    actor: { id: string };
  }[],
): ActionHistoryEntry | undefined {
  let latest: ActionHistoryEntry | undefined;
  for (const event of events) {
    const changes = event.changes as ActionEventChanges | null;
    if (!changes || typeof changes.version !== 'number' || changes.command.kind === 'CREATE' || !event.fromStatus) continue;
    if (latest && latest.version >= changes.version) continue;
    latest = {
      actionId,
      version: changes.version,
      from: event.fromStatus,
      to: event.toStatus,
      command: changes.command,
      note: event.note ?? '',
      actorMemberId: event.actor.id,
      at: event.at,
    };
  }
  return latest;
}

function versionOf(changes: unknown): number {
  const version = (changes as Partial<ActionEventChanges> | null)?.version;
  return typeof version === 'number' ? version : -1;
}

/** The action as the lifecycle rules see it. */
export function lifecycleActionOf(
  record: Pick<ActionRecord, 'id' | 'caseId' | 'title' | 'status' | 'version' | 'ownerAgency' | 'ownerMember' | 'dueDate'>,
): Action {
  return {
    id: record.id,
    caseId: record.caseId,
    title: record.title,
    status: record.status,
    version: record.version,
    ownerAgencyId: record.ownerAgency.id,
    ownerMemberId: record.ownerMember?.id ?? null,
    dueDate: record.dueDate,
  };
}

/** The member as the lifecycle rules see them: the chair is whoever the policy lets assign actions. */
export function lifecycleActorOf(actor: Actor): LifecycleActor {
  return { memberId: actor.memberId, agencyId: actor.agencyId, isChair: mayUse(actor, 'action.oversee') };
}

/** Overdue as of `now`, derived, never stored. */
export function isRecordOverdue(record: Pick<ActionRecord, 'status' | 'dueDate'>, now: Date): boolean {
  return isOverdue(record, londonDateOf(now));
}
