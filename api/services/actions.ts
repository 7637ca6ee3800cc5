// The action use cases: assign, then accept, update, complete, can't complete, reassign and cancel,
// and read one. The card, the REST API and the tab all call these. Each reads the action under a
// row lock, lets the lifecycle decide (entitlement, version, repeated click), saves the change with
// its history line and audit row in one transaction, and only then talks to Teams.
import { randomUUID } from 'node:crypto';
import {
  commandsOpenTo,
  isOpen,
  proposeAction,
  transitionAction,
  type ActionCommand,
  type ActionCommandKind,
} from '../domain/actions/lifecycle';
import { londonDateOf, type CalendarDate } from '../domain/agenda/calendar-date';
import { mayUse, type Actor } from '../domain/access/policy';
import type { DomainError } from '../domain/result';
import { Prisma, type ActionEventKind, type ActionPriority } from '../store/generated/client';
import type { DeliveryPorts } from './reminders/delivery';
import { postToMeetingChat, refreshPostedCards, sendActionToOwner, type OwnerDelivery, type PostedCopy } from './action-delivery';
import {
  isRecordOverdue,
  lifecycleActionOf,
  lifecycleActorOf,
  loadActionForChange,
  loadActionRecord,
  type ActionEventChanges,
  type ActionRecord,
} from './action-records';
import { audit, auditAll, type AuditEntry } from './audit';
import { ownerDeliveryStates, type OwnerDeliveryState } from './owner-delivery-state';
import { requireVisibleCase } from './case-access';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden, notFound, ServiceError, staleVersion, validationFailed } from './errors';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';

/** The bot's chat, and (with Graph) installing the app and e-mail for an owner Teams cannot reach. */
export type ActionServiceDeps = DeliveryPorts;

export interface AssignActionInput {
  caseId: string;
  meetingId?: string | undefined;
  agendaItemId?: string | undefined;
  title: string;
  description?: string | undefined;
  ownerAgencyId: string;
  ownerMemberId?: string | null | undefined;
  dueDate: CalendarDate;
  priority: ActionPriority;
  /** The card the chair clicked, when assigned from Teams: a second click on it finds this action. */
  fromCard?: { conversationId: string; activityId: string } | undefined;
}

/**
 * An action as a member may see it: the record without Teams ids, with overdue worked out for today,
 * and whether it reaches its owner in Teams for those who oversee actions (chairs); null for others.
 */
export type ActionDetails = Omit<ActionRecord, 'ownerTeamsUserIds'> & {
  overdue: boolean;
  delivery: OwnerDeliveryState | null;
  /** What this member may do to the action now, by the same rules the commands check: the tab offers only these. */
  allowedCommands: AllowedCommand[];
};

/** The lifecycle's commands, and CHASE (remind the owner now), which is not a change to the action. */
export type AllowedCommand = ActionCommandKind | 'CHASE';

/** The same gates changeAction and chaseNow apply: the role's capability, then the lifecycle's entitlement and status. */
function allowedCommandsOf(actor: Actor, record: ActionRecord): AllowedCommand[] {
  const action = lifecycleActionOf(record);
  const allowed: AllowedCommand[] = commandsOpenTo(action, lifecycleActorOf(actor)).filter((kind) =>
    mayUse(actor, CHAIR_COMMANDS.includes(kind) ? 'action.oversee' : 'action.work'),
  );
  if (mayUse(actor, 'action.oversee') && isOpen(action.status)) allowed.push('CHASE');
  return allowed;
}

export interface ActionOutcome {
  action: ActionDetails;
  /** ALREADY_APPLIED: a repeated click or request; nothing changed the second time. */
  outcome: 'APPLIED' | 'ALREADY_APPLIED';
  /** Who was sent the card, and who could not be reached (for the chair to phone instead). */
  deliveries: OwnerDelivery[];
}

export interface ChangeRequest {
  /** The version the card or form was drawn from. */
  expectedVersion: number;
  command: ActionCommand;
  /** A card clicked in a personal chat: only the clicker sees it, and the invoke answer replaces it. */
  clickedInPersonalChat?: PostedCopy | undefined;
}

/** Commands that oversee the plan (the chair's), as opposed to working on the action (the owner's). */
const CHAIR_COMMANDS: readonly ActionCommandKind[] = ['CANCEL', 'REASSIGN', 'CHANGE_DUE_DATE'];

const EVENT_KIND: Record<ActionCommand['kind'], ActionEventKind> = {
  ACCEPT: 'ACCEPTED',
  UPDATE_PROGRESS: 'PROGRESS_UPDATED',
  COMPLETE: 'COMPLETED',
  CANNOT_COMPLETE: 'BLOCKED',
  CANCEL: 'CANCELLED',
  REASSIGN: 'REASSIGNED',
  CHANGE_DUE_DATE: 'DUE_DATE_CHANGED',
};

const AUDIT_EVENT: Record<ActionCommand['kind'], string> = {
  ACCEPT: 'action.accept',
  UPDATE_PROGRESS: 'action.progress',
  COMPLETE: 'action.complete',
  CANNOT_COMPLETE: 'action.cannotComplete',
  CANCEL: 'action.cancel',
  REASSIGN: 'action.reassign',
  CHANGE_DUE_DATE: 'action.changeDueDate',
};

export async function assignAction(ctx: ServiceContext, deps: ActionServiceDeps, input: AssignActionInput): Promise<ActionOutcome> {
  if (!mayUse(ctx.actor, 'action.assign')) throw forbidden('assign actions');
  const now = ctx.now();
  let created: { actionId: string; outcome: ActionOutcome['outcome'] };
  try {
    created = await inTransaction(ctx, async (tx) => {
      if (input.fromCard) {
        const earlier = await tx.actionCard.findUnique({
          where: { conversationId_activityId: input.fromCard },
          select: { actionId: true },
        });
        if (earlier) return { actionId: earlier.actionId, outcome: 'ALREADY_APPLIED' as const };
      }
      await requireVisibleCase(tx, ctx, input.caseId);
      const where = await checkWhereMade(tx, ctx, input);
      await checkOwner(tx, ctx, input.ownerAgencyId, input.ownerMemberId ?? null, { agency: 'ownerAgencyId', member: 'ownerMemberId' });
      const proposed = proposeAction(
        {
          id: randomUUID(),
          caseId: input.caseId,
          title: input.title,
          ownerAgencyId: input.ownerAgencyId,
          ownerMemberId: input.ownerMemberId ?? null,
          dueDate: input.dueDate,
        },
        londonDateOf(now),
      );
      if (!proposed.ok) throw serviceErrorOf(proposed.error);
      const action = proposed.value;
      const saved = {
        id: action.id,
        partnershipId: ctx.actor.partnershipId,
        caseId: action.caseId,
        meetingId: where.meetingId,
        agendaItemId: where.agendaItemId,
        title: action.title,
        description: input.description?.trim() || null,
        ownerAgencyId: action.ownerAgencyId,
        ownerMemberId: action.ownerMemberId,
        createdById: ctx.actor.memberId,
        dueDate: dateColumnOf(action.dueDate),
        priority: input.priority,
        status: action.status,
        version: action.version,
      };
      await tx.action.create({ data: { ...saved, createdAt: now } });
      const snapshot = snapshotOf(saved);
      const changes: ActionEventChanges = { version: action.version, command: { kind: 'CREATE' }, before: null, after: snapshot };
      await tx.actionEvent.create({
        data: {
          actionId: action.id,
          kind: 'CREATED',
          toStatus: action.status,
          actorId: ctx.actor.memberId,
          changes: changes as unknown as Prisma.InputJsonValue,
          at: now,
        },
      });
      const involved = await involveOwnerAgency(tx, input.caseId, action.ownerAgencyId, now);
      if (input.fromCard) await tx.actionCard.create({ data: { actionId: action.id, ...input.fromCard, postedAt: now } });
      await audit(tx, ctx, {
        event: 'action.assign',
        entityType: 'Action',
        entityId: action.id,
        after: { ...snapshot, ownerAgencyNowInvolvedInCase: involved },
      });
      return { actionId: action.id, outcome: 'APPLIED' as const };
    });
  } catch (error) {
    // Two clicks on one card racing: the second insert of the same card copy loses to the first.
    if (input.fromCard && isUniqueViolation(error)) return assignedFromCard(ctx, input.fromCard);
    throw error;
  }
  let deliveries: OwnerDelivery[] = [];
  if (created.outcome === 'APPLIED') {
    deliveries = await sendActionToOwner(ctx.db, deps, created.actionId, now);
    // Assigned from the chat, the answer to the click is the copy there already.
    if (!input.fromCard) await postToMeetingChat(ctx.db, deps.sender, created.actionId, now);
  }
  return { action: await readAction(ctx, created.actionId), outcome: created.outcome, deliveries };
}

async function assignedFromCard(ctx: ServiceContext, fromCard: { conversationId: string; activityId: string }): Promise<ActionOutcome> {
  const earlier = await ctx.db.prisma.actionCard.findUniqueOrThrow({
    where: { conversationId_activityId: fromCard },
    select: { actionId: true },
  });
  return { action: await readAction(ctx, earlier.actionId), outcome: 'ALREADY_APPLIED', deliveries: [] };
}

/** Accept, progress, complete, can't complete, reassign, cancel or re-date: whatever the lifecycle allows this member now. */
export async function changeAction(
  ctx: ServiceContext,
  deps: ActionServiceDeps,
  actionId: string,
  request: ChangeRequest,
): Promise<ActionOutcome> {
  const { record: _record, ...outcome } = await changeActionForCard(ctx, deps, actionId, request);
  return outcome;
}

/** The same change, also returning the action as it now stands with the owner's Teams ids, for the card that answers the click. */
export async function changeActionForCard(
  ctx: ServiceContext,
  deps: ActionServiceDeps,
  actionId: string,
  request: ChangeRequest,
): Promise<ActionOutcome & { record: ActionRecord }> {
  const chairCommand = CHAIR_COMMANDS.includes(request.command.kind);
  if (!mayUse(ctx.actor, chairCommand ? 'action.oversee' : 'action.work'))
    throw forbidden(chairCommand ? 'reassign or cancel actions' : 'work on actions');
  const now = ctx.now();
  const mayReadBack = mayUse(ctx.actor, 'case.read');
  const changed = await inTransaction(ctx, async (tx) => {
    // The row lock makes two clicks arriving together take turns, so the second sees the first's version.
    await tx.$queryRaw`SELECT "id" FROM "Action" WHERE "id" = ${actionId}::uuid FOR UPDATE`;
    const { record, lastEntry } = await requireVisibleActionForChange(tx, ctx, actionId);
    if (request.command.kind === 'REASSIGN')
      await checkOwner(tx, ctx, request.command.agencyId, request.command.memberId, { agency: 'agencyId', member: 'memberId' });
    const decided = transitionAction({
      action: lifecycleActionOf(record),
      command: request.command,
      actor: lifecycleActorOf(ctx.actor),
      expectedVersion: request.expectedVersion,
      at: now,
      ...(lastEntry ? { lastEntry } : {}),
    });
    if (!decided.ok) throw serviceErrorOf(decided.error);
    if (decided.value.outcome === 'ALREADY_APPLIED') {
      const readBack = mayReadBack ? await readBackInChange(tx, ctx, record, []) : null;
      return { outcome: 'ALREADY_APPLIED' as const, record, readBack };
    }

    const { action: next, entry } = decided.value;
    const command = request.command;
    const data = {
      status: next.status,
      version: next.version,
      ownerAgencyId: next.ownerAgencyId,
      ownerMemberId: next.ownerMemberId,
      dueDate: dateColumnOf(next.dueDate),
      ...(command.kind === 'UPDATE_PROGRESS' || command.kind === 'COMPLETE' || command.kind === 'CANNOT_COMPLETE'
        ? { progressNote: entry.note }
        : {}),
      ...(command.kind === 'CANNOT_COMPLETE' ? { notDoneReason: command.reason } : {}),
      ...(command.kind === 'COMPLETE' ? { completedAt: now } : {}),
      // A new owner starts afresh: the last owner's notes and reasons are in the history.
      ...(command.kind === 'REASSIGN' ? { progressNote: null, notDoneReason: null } : {}),
    };
    const saved = await tx.action.updateMany({ where: { id: actionId, version: request.expectedVersion }, data });
    if (saved.count !== 1) throw staleVersion('Someone else has changed this action since you opened it. Refresh and try again.');
    const before = snapshotOf({
      status: record.status,
      ownerAgencyId: record.ownerAgency.id,
      ownerMemberId: record.ownerMember?.id ?? null,
      dueDate: record.dueDate,
      version: record.version,
      progressNote: record.progressNote,
      notDoneReason: record.notDoneReason,
    });
    const progressNote = 'progressNote' in data ? data.progressNote : record.progressNote;
    const notDoneReason = 'notDoneReason' in data ? data.notDoneReason : record.notDoneReason;
    const after = snapshotOf({ ...data, progressNote, notDoneReason });
    const changes: ActionEventChanges = { version: next.version, command, before, after };
    const line = {
      kind: EVENT_KIND[command.kind],
      fromStatus: entry.from,
      toStatus: entry.to,
      note: entry.note || null,
      at: now,
    };
    await tx.actionEvent.create({
      data: { actionId, ...line, actorId: ctx.actor.memberId, changes: changes as unknown as Prisma.InputJsonValue },
    });
    if (command.kind === 'REASSIGN') await involveOwnerAgency(tx, record.caseId, command.agencyId, now);
    const changeAudit: AuditEntry = { event: AUDIT_EVENT[command.kind], entityType: 'Action', entityId: actionId, before, after };
    // The member's read of the result is audited as readAction audits it. With the owner unchanged it
    // is made here, from the record in hand with this change applied (the same names and Teams ids a
    // reload would give). A new owner is first sent the card, and the chair's view of whether it
    // reached them depends on that send: then the read follows it, as readAction.
    const keepsOwner = next.ownerAgencyId === record.ownerAgency.id && next.ownerMemberId === (record.ownerMember?.id ?? null);
    if (!keepsOwner || !mayReadBack) {
      await audit(tx, ctx, changeAudit);
      return { outcome: 'APPLIED' as const, record, readBack: null };
    }
    const updated: ActionRecord = {
      ...record,
      status: next.status,
      version: next.version,
      dueDate: next.dueDate,
      progressNote: progressNote ?? null,
      notDoneReason: notDoneReason ?? null,
      completedAt: command.kind === 'COMPLETE' ? now : record.completedAt,
      history: withLine(record.history, { ...line, actor: { id: ctx.actor.memberId, displayName: ctx.actor.displayName } }),
    };
    return { outcome: 'APPLIED' as const, record: updated, readBack: await readBackInChange(tx, ctx, updated, [changeAudit]) };
  });

  let deliveries: OwnerDelivery[] = [];
  if (changed.outcome === 'APPLIED') {
    // Copies already posted first, so the new owner's fresh card is not overwritten by the read-only view.
    await refreshPostedCards(ctx.db, deps.sender, actionId, now, {
      except: request.clickedInPersonalChat,
      current: changed.readBack ? changed.record : undefined,
    });
    if (request.command.kind === 'REASSIGN') deliveries = await sendActionToOwner(ctx.db, deps, actionId, now);
  }
  if (changed.readBack) return { action: changed.readBack, record: changed.record, outcome: changed.outcome, deliveries };
  const { details, record } = await readVisibleAction(ctx, actionId, async (tx, current) => ({
    details: await actionDetailsOf(tx, ctx, current),
    record: current,
  }));
  return { action: details, record, outcome: changed.outcome, deliveries };
}

/** readAction's audit row and answer, written after `earlier` audit rows in the change's transaction. */
async function readBackInChange(tx: Tx, ctx: ServiceContext, record: ActionRecord, earlier: AuditEntry[]): Promise<ActionDetails> {
  await auditAll(tx, ctx, [...earlier, { event: 'action.read', entityType: 'Action', entityId: record.id }]);
  return actionDetailsOf(tx, ctx, record);
}

/** The history with a new line in its place: by time, and after every earlier change at the same moment. */
function withLine(history: ActionRecord['history'], line: ActionRecord['history'][number]): ActionRecord['history'] {
  const later = history.findIndex((existing) => existing.at.getTime() > line.at.getTime());
  return later === -1 ? [...history, line] : [...history.slice(0, later), line, ...history.slice(later)];
}

/** One action with its history, for a member who may see its case; the read is audited. A chair also sees whether it reached its owner. */
export async function readAction(ctx: ServiceContext, actionId: string): Promise<ActionDetails> {
  return readVisibleAction(ctx, actionId, (tx, record) => actionDetailsOf(tx, ctx, record));
}

async function actionDetailsOf(tx: Tx, ctx: ServiceContext, record: ActionRecord): Promise<ActionDetails> {
  const delivery = mayUse(ctx.actor, 'action.oversee') ? ((await ownerDeliveryStates(tx, [record.id])).get(record.id) ?? null) : null;
  return { ...detailsOf(record, ctx.now()), delivery, allowedCommands: allowedCommandsOf(ctx.actor, record) };
}

/** The same read for a card, keeping the owner's Teams ids for the card's refresh list. */
export async function readActionForCard(ctx: ServiceContext, actionId: string): Promise<ActionRecord> {
  return readVisibleAction(ctx, actionId, async (_tx, record) => record);
}

async function readVisibleAction<T>(
  ctx: ServiceContext,
  actionId: string,
  shape: (tx: Tx, record: ActionRecord) => Promise<T>,
): Promise<T> {
  if (!mayUse(ctx.actor, 'case.read')) throw notFound('action');
  return inTransaction(ctx, async (tx) => {
    const record = await requireVisibleAction(tx, ctx, actionId);
    await audit(tx, ctx, { event: 'action.read', entityType: 'Action', entityId: actionId });
    return shape(tx, record);
  });
}

/** The action, or NOT_FOUND alike for a missing one and one on a case the member may not see. */
async function requireVisibleAction(tx: Tx, ctx: ServiceContext, actionId: string): Promise<ActionRecord> {
  const record = await loadActionRecord(tx, actionId);
  await requireVisible(tx, ctx, record);
  return record!;
}

/** The same check for a change, which also needs the action's latest change. */
async function requireVisibleActionForChange(tx: Tx, ctx: ServiceContext, actionId: string) {
  const loaded = await loadActionForChange(tx, actionId);
  await requireVisible(tx, ctx, loaded?.record ?? null);
  return loaded!;
}

async function requireVisible(tx: Tx, ctx: ServiceContext, record: ActionRecord | null): Promise<void> {
  if (!record || record.partnershipId !== ctx.actor.partnershipId) throw notFound('action');
  await requireVisibleCase(tx, ctx, record.caseId).catch((error: unknown) => {
    throw error instanceof ServiceError && error.code === 'NOT_FOUND' ? notFound('action') : error;
  });
}

function detailsOf(record: ActionRecord, now: Date): Omit<ActionDetails, 'delivery' | 'allowedCommands'> {
  const { ownerTeamsUserIds: _teamsIds, ...details } = record;
  return { ...details, overdue: isRecordOverdue(record, now) };
}

/** A meeting and agenda item named on an assignment must be this case's item in a meeting of the partnership. */
async function checkWhereMade(
  tx: Tx,
  ctx: ServiceContext,
  input: AssignActionInput,
): Promise<{ meetingId: string | null; agendaItemId: string | null }> {
  if (input.agendaItemId) {
    const item = await tx.agendaItem.findUnique({
      where: { id: input.agendaItemId },
      select: { caseId: true, meetingId: true, meeting: { select: { panel: { select: { partnershipId: true } } } } },
    });
    if (
      !item ||
      item.caseId !== input.caseId ||
      item.meeting.panel.partnershipId !== ctx.actor.partnershipId ||
      (input.meetingId && item.meetingId !== input.meetingId)
    ) {
      throw validationFailed([{ field: 'agendaItemId', message: 'This agenda item is not about this case in that meeting.' }]);
    }
    return { meetingId: item.meetingId, agendaItemId: input.agendaItemId };
  }
  if (input.meetingId) {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { panel: { select: { partnershipId: true } } } });
    if (!meeting || meeting.panel.partnershipId !== ctx.actor.partnershipId)
      throw validationFailed([{ field: 'meetingId', message: 'There is no panel meeting with that id.' }]);
    return { meetingId: input.meetingId, agendaItemId: null };
  }
  return { meetingId: null, agendaItemId: null };
}

/** The owner agency must be an active agency of the partnership, and the officer one of its active members. */
async function checkOwner(
  tx: Tx,
  ctx: ServiceContext,
  agencyId: string,
  memberId: string | null,
  fields: { agency: string; member: string },
): Promise<void> {
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { partnershipId: true, isActive: true, name: true } });
  if (!agency || agency.partnershipId !== ctx.actor.partnershipId || !agency.isActive) {
    throw validationFailed([{ field: fields.agency, message: 'Choose an agency of this partnership.' }]);
  }
  if (memberId === null) return;
  const member = await tx.member.findUnique({ where: { id: memberId }, select: { agencyId: true, isActive: true } });
  if (!member || member.agencyId !== agencyId || !member.isActive) {
    throw validationFailed([{ field: fields.member, message: `Choose an officer who works for ${agency.name}.` }]);
  }
}

/**
 * An agency that owns an action on a case needs to see that case: it becomes an involved agency
 * (need-to-know, policy.ts). Returns whether it was newly involved, for the audit row.
 */
async function involveOwnerAgency(tx: Tx, caseId: string, agencyId: string, now: Date): Promise<boolean> {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { leadAgencyId: true } });
  if (kase.leadAgencyId === agencyId) return false;
  const added = await tx.caseAgency.createMany({ data: [{ caseId, agencyId, since: now }], skipDuplicates: true });
  return added.count > 0;
}

function snapshotOf(fields: Record<string, unknown>): Record<string, unknown> {
  const keep = [
    'status',
    'version',
    'title',
    'caseId',
    'meetingId',
    'agendaItemId',
    'ownerAgencyId',
    'ownerMemberId',
    'dueDate',
    'priority',
    'progressNote',
    'notDoneReason',
  ];
  const snapshot: Record<string, unknown> = {};
  for (const key of keep) {
    if (!(key in fields)) continue;
    const value = fields[key];
    snapshot[key] = value instanceof Date ? calendarDateOfColumn(value) : value;
  }
  return snapshot;
}

/** The lifecycle's refusals, as the errors every edge knows how to show. */
function serviceErrorOf(error: DomainError): ServiceError {
  switch (error.code) {
    case 'STALE':
      return staleVersion(error.message);
    case 'INVALID_TRANSITION':
      return new ServiceError('CONFLICT', error.message);
    case 'NOT_ENTITLED':
      return new ServiceError('FORBIDDEN', error.message);
    default:
      return validationFailed([{ field: error.field ?? 'body', message: error.message }], error.message);
  }
}

function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return (
    candidate?.code === 'P2002' ||
    candidate?.cause?.code === '23505' ||
    /unique constraint/i.test(String((error as Error | null)?.message ?? ''))
  );
}
