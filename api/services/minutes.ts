// Minutes: drafted by the chair from the meeting record, read by the panel, approved by the chair,
// due within 3 working days with a reminder to the panel's chairs, and exported as a Word document.
import { londonDateOf, londonInstant } from '../domain/agenda/calendar-date';
import {
  checkMeetingHeld,
  checkReadyForApproval,
  draftMinutes,
  minutesDueBy,
  type MeetingRecord,
  type MinutesContent,
} from '../domain/minutes/draft';
import type { Prisma } from '../store/generated/client';
import { audit } from './audit';
import { partnershipBankHolidays } from './bank-holidays';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, notFound, staleVersion, validationFailed } from './errors';
import { requireMeetingChair, requireMeetingSeat } from './meeting-access';
import { minutesDocx } from './minutes-docx';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';

export const MINUTES_DUE_KEY_PREFIX = 'minutes-due:';

async function loadRecord(tx: Tx, meetingId: string): Promise<MeetingRecord & { panelId: string; status: string; endsAt: Date }> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      panelId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      panel: { select: { name: true } },
      attendances: {
        orderBy: [{ agency: { name: 'asc' } }, { member: { displayName: 'asc' } }],
        select: { status: true, member: { select: { displayName: true } }, agency: { select: { name: true } } },
      },
      actionReviews: {
        orderBy: { action: { dueDate: 'asc' } },
        select: {
          outcome: true,
          notDoneReason: true,
          note: true,
          action: {
            select: { title: true, dueDate: true, case: { select: { reference: true } }, ownerAgency: { select: { name: true } } },
          },
        },
      },
      agendaItems: {
        orderBy: { position: 'asc' },
        select: {
          position: true,
          reasonText: true,
          status: true,
          decisions: true,
          riskBandAfter: true,
          caseDecision: true,
          closureReason: true,
          deferralReason: true,
          case: { select: { reference: true } },
          actions: {
            orderBy: { dueDate: 'asc' },
            select: { title: true, dueDate: true, ownerAgency: { select: { name: true } }, ownerMember: { select: { displayName: true } } },
          },
        },
      },
    },
  });
  return {
    panelId: meeting.panelId,
    status: meeting.status,
    endsAt: meeting.endsAt,
    panelName: meeting.panel.name,
    meetingDate: londonDateOf(meeting.startsAt),
    attendance: meeting.attendances.map((row) => ({ name: row.member.displayName, agency: row.agency.name, status: row.status })),
    actionReviews: meeting.actionReviews.map((review) => ({
      caseReference: review.action.case.reference,
      title: review.action.title,
      owner: review.action.ownerAgency.name,
      dueDate: calendarDateOfColumn(review.action.dueDate),
      outcome: review.outcome,
      notDoneReason: review.notDoneReason,
      note: review.note,
    })),
    items: meeting.agendaItems.map((item) => ({
      position: item.position,
      caseReference: item.case.reference,
      why: item.reasonText,
      status: item.status,
      decisions: item.decisions,
      riskBandAfter: item.riskBandAfter,
      caseDecision: item.caseDecision,
      closureReason: item.closureReason,
      deferralReason: item.deferralReason,
      actions: item.actions.map((action) => ({
        title: action.title,
        owner: action.ownerMember ? `${action.ownerMember.displayName} (${action.ownerAgency.name})` : action.ownerAgency.name,
        dueDate: calendarDateOfColumn(action.dueDate),
      })),
    })),
  };
}

const MINUTES_SELECT = {
  status: true,
  content: true,
  dueBy: true,
  version: true,
  approvedAt: true,
  circulatedAt: true,
  approvedBy: { select: { displayName: true } },
  meeting: { select: { status: true, endsAt: true } },
} as const;

type MinutesRow = Prisma.MeetingMinutesGetPayload<{ select: typeof MINUTES_SELECT }>;

/** The minutes as the tab shows them, with the decisions per case heard (by agenda item, for the chair to
 * correct) and what this member may do (the changes check again). */
async function minutesView(tx: Tx, meetingId: string, row: MinutesRow, now: Date, mayRun: boolean) {
  const heard = await tx.agendaItem.findMany({
    where: { meetingId, status: { in: ['CURRENT', 'DISCUSSED'] } },
    orderBy: { position: 'asc' },
    select: { id: true, decisions: true, case: { select: { reference: true } } },
  });
  return {
    status: row.status,
    dueBy: calendarDateOfColumn(row.dueBy),
    version: row.version,
    content: row.content as unknown as MinutesContent,
    approved: row.approvedAt && row.approvedBy ? { by: row.approvedBy.displayName, on: londonDateOf(row.approvedAt) } : null,
    decisions: heard.map((item) => ({ itemId: item.id, caseReference: item.case.reference, decisions: item.decisions })),
    circulatedAt: row.circulatedAt,
    meeting: { held: checkMeetingHeld(row.meeting, now).ok },
    me: { mayRun },
  };
}

/** Drafts (or redrafts) the minutes from the record, and books the reminder for the due day. */
export async function draftMeetingMinutes(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const record = await loadRecord(tx, meetingId);
    if (record.status === 'SCHEDULED' || record.status === 'CANCELLED') throw conflict('Minutes are drafted once the meeting has begun.');
    const existing = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: { status: true } });
    if (existing?.status === 'APPROVED') throw conflict('These minutes are approved and can no longer be redrafted.');
    const content = draftMinutes(record) as unknown as Prisma.InputJsonValue;
    const bankHolidays = await partnershipBankHolidays(tx, ctx.actor.partnershipId, record.meetingDate);
    const dueBy = minutesDueBy(record.meetingDate, new Set(bankHolidays));
    const saved = await tx.meetingMinutes.upsert({
      where: { meetingId },
      create: { meetingId, content, dueBy: dateColumnOf(dueBy) },
      update: { content, version: { increment: 1 } },
      select: MINUTES_SELECT,
    });
    const chairs = await tx.panelChair.findMany({ where: { panelId: record.panelId }, select: { memberId: true } });
    await tx.notification.createMany({
      data: chairs.map((chair) => ({
        recipientId: chair.memberId,
        kind: 'MINUTES_DUE' as const,
        dedupeKey: `${MINUTES_DUE_KEY_PREFIX}${meetingId}:${chair.memberId}`,
        scheduledFor: londonInstant(dueBy, '09:00'),
      })),
      skipDuplicates: true,
    });
    await audit(tx, ctx, {
      event: existing ? 'minutes.redraft' : 'minutes.draft',
      entityType: 'Meeting',
      entityId: meetingId,
      after: { dueBy, version: saved.version },
    });
    return minutesView(tx, meetingId, saved, ctx.now(), true);
  });
}

export async function readMeetingMinutes(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    const seating = await requireMeetingSeat(tx, ctx, meetingId);
    const row = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: MINUTES_SELECT });
    if (!row) throw notFound('minutes for this meeting');
    await audit(tx, ctx, { event: 'minutes.read', entityType: 'Meeting', entityId: meetingId });
    return minutesView(tx, meetingId, row, ctx.now(), seating.isChair);
  });
}

/** The chair approves the minutes as they stand in the record now; every case heard needs its outcome. */
export async function approveMeetingMinutes(ctx: ServiceContext, meetingId: string, expectedVersion?: number) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const existing = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: { status: true, version: true } });
    if (!existing) throw conflict('Draft the minutes before approving them.');
    if (existing.status === 'APPROVED') throw conflict('These minutes are already approved.');
    if (expectedVersion !== undefined && expectedVersion !== existing.version)
      throw staleVersion('The minutes were redrafted since you read them. Read them again before approving.');
    const record = await loadRecord(tx, meetingId);
    const held = checkMeetingHeld(record, ctx.now());
    if (!held.ok) throw conflict(held.error.message);
    const ready = checkReadyForApproval(record);
    if (!ready.ok) throw validationFailed([{ field: ready.error.field ?? 'items', message: ready.error.message }], ready.error.message);
    const saved = await tx.meetingMinutes.update({
      where: { meetingId },
      data: {
        status: 'APPROVED',
        content: draftMinutes(record) as unknown as Prisma.InputJsonValue,
        approvedById: ctx.actor.memberId,
        approvedAt: ctx.now(),
        version: { increment: 1 },
      },
      select: MINUTES_SELECT,
    });
    await audit(tx, ctx, {
      event: 'minutes.approve',
      entityType: 'Meeting',
      entityId: meetingId,
      before: { status: existing.status },
      after: { status: 'APPROVED' },
    });
    return minutesView(tx, meetingId, saved, ctx.now(), true);
  });
}

/**
 * The chair corrects what the record says the panel decided on a case heard, before approving: the
 * agenda item changes (approval drafts from it) and the draft is redrawn. A stale draft is refused.
 */
export async function editMinutesDecisions(
  ctx: ServiceContext,
  meetingId: string,
  itemId: string,
  change: { decisions: string; expectedVersion: number },
) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const existing = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: { status: true, version: true } });
    if (!existing) throw conflict('Draft the minutes before editing them.');
    if (existing.status === 'APPROVED') throw conflict('These minutes are approved and can no longer be edited.');
    if (change.expectedVersion !== existing.version)
      throw staleVersion('The minutes have changed since you read them. Read them again and make your change there.');
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true, status: true, decisions: true } });
    if (!item || item.meetingId !== meetingId) throw notFound('agenda item');
    if (item.status !== 'CURRENT' && item.status !== 'DISCUSSED')
      throw conflict('Only a case heard at this meeting has decisions to edit.');
    await tx.agendaItem.update({ where: { id: itemId }, data: { decisions: change.decisions } });
    const record = await loadRecord(tx, meetingId);
    const saved = await tx.meetingMinutes.update({
      where: { meetingId },
      data: { content: draftMinutes(record) as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
      select: MINUTES_SELECT,
    });
    await audit(tx, ctx, {
      event: 'minutes.decisions.edit',
      entityType: 'AgendaItem',
      entityId: itemId,
      before: { decisions: item.decisions },
      after: { decisions: change.decisions, version: saved.version },
    });
    return minutesView(tx, meetingId, saved, ctx.now(), true);
  });
}

export async function exportMeetingMinutes(ctx: ServiceContext, meetingId: string): Promise<{ filename: string; data: Buffer }> {
  const minutes = await inTransaction(ctx, async (tx) => {
    await requireMeetingSeat(tx, ctx, meetingId);
    const row = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: MINUTES_SELECT });
    if (!row) throw notFound('minutes for this meeting');
    await audit(tx, ctx, {
      event: 'minutes.export',
      entityType: 'Meeting',
      entityId: meetingId,
      after: { format: 'docx', status: row.status },
    });
    return minutesView(tx, meetingId, row, ctx.now(), false);
  });
  const data = await minutesDocx({ content: minutes.content, approved: minutes.approved });
  return { filename: `minutes-${minutes.content.meetingDate}${minutes.status === 'APPROVED' ? '' : '-draft'}.docx`, data };
}
