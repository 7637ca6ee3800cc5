// Minutes: drafted by the chair from the meeting record, read by the panel, approved by the chair,
// due within 3 working days with a reminder to the panel's chairs, and exported as a Word document.
import { londonDateOf, londonInstant } from '../domain/agenda/calendar-date';
import { checkReadyForApproval, draftMinutes, minutesDueBy, type MeetingRecord, type MinutesContent } from '../domain/minutes/draft';
import type { Prisma } from '../store/generated/client';
import { audit } from './audit';
import { partnershipBankHolidays } from './bank-holidays';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, notFound, staleVersion, validationFailed } from './errors';
import { requireMeetingChair, requireMeetingSeat } from './meeting-access';
import { minutesDocx } from './minutes-docx';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';

export const MINUTES_DUE_KEY_PREFIX = 'minutes-due:';

async function loadRecord(tx: Tx, meetingId: string): Promise<MeetingRecord & { panelId: string; status: string }> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      panelId: true,
      startsAt: true,
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

function minutesView(row: {
  status: string;
  content: Prisma.JsonValue;
  dueBy: Date;
  version: number;
  approvedAt: Date | null;
  approvedBy: { displayName: string } | null;
}) {
  return {
    status: row.status,
    dueBy: calendarDateOfColumn(row.dueBy),
    version: row.version,
    content: row.content as unknown as MinutesContent,
    approved: row.approvedAt && row.approvedBy ? { by: row.approvedBy.displayName, on: londonDateOf(row.approvedAt) } : null,
  };
}

const MINUTES_SELECT = {
  status: true,
  content: true,
  dueBy: true,
  version: true,
  approvedAt: true,
  approvedBy: { select: { displayName: true } },
} as const;

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
    return minutesView(saved);
  });
}

export async function readMeetingMinutes(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingSeat(tx, ctx, meetingId);
    const row = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: MINUTES_SELECT });
    if (!row) throw notFound('minutes for this meeting');
    await audit(tx, ctx, { event: 'minutes.read', entityType: 'Meeting', entityId: meetingId });
    return minutesView(row);
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
    return minutesView(saved);
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
    return minutesView(row);
  });
  const data = await minutesDocx({ content: minutes.content, approved: minutes.approved });
  return { filename: `minutes-${minutes.content.meetingDate}${minutes.status === 'APPROVED' ? '' : '-draft'}.docx`, data };
}
