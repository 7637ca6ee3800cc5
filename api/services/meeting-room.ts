// The meeting as it runs: the chair moves from item to item, members sign the attendance register
// and accept the confidentiality statement, and the side panel shows the current case only to
// those who have accepted it and may see the case. Nothing here waits for Teams' meeting events.
import { partnershipPolicies } from './referrals/policy-settings';
import { UNFINISHED_ACTION_STATUSES } from '../domain/actions/lifecycle';
import { caseAccessGround, mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { loadCaseAccessFacts } from './case-access';
import { inTransaction, type ServiceContext, type SystemContext, type Tx } from './context';
import { conflict, forbidden, validationFailed } from './errors';
import { requireMeetingChair, requireMeetingDayReached, requireMeetingSeat } from './meeting-access';
import { readAgendaView } from './meeting-views';
import { calendarDateOfColumn } from '../store/calendar-dates';

/** Chair: close the item being heard and open the next planned one; after the last, the meeting ends. */
export async function moveToNextItem(ctx: ServiceContext, meetingId: string, expectedVersion?: number) {
  // The role first, as the REST edge does: a member who may not run meetings learns nothing about this one.
  if (!mayUse(ctx.actor, 'meeting.run')) throw forbidden('run a meeting');
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    await requireMeetingDayReached(tx, ctx, meetingId, 'started');
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { status: true, version: true, currentAgendaItemId: true },
    });
    if (meeting.status !== 'SCHEDULED' && meeting.status !== 'IN_PROGRESS')
      throw conflict(`The meeting has ${meeting.status === 'ENDED' ? 'ended' : 'been cancelled'}.`);
    if (expectedVersion !== undefined && expectedVersion !== meeting.version) {
      throw conflict('The meeting has moved on since this was shown to you. Refresh to see where it is.');
    }
    const now = ctx.now();
    // Only cases that are heard can come next: the spill-over (thousands at county scale) is never read.
    const items = await tx.agendaItem.findMany({
      where: { meetingId, status: { not: 'SPILLED_OVER' } },
      orderBy: { position: 'asc' },
      select: { id: true, position: true, status: true, caseId: true },
    });
    const current = items.find((item) => item.id === meeting.currentAgendaItemId) ?? null;
    if (current) {
      await tx.agendaItem.update({ where: { id: current.id }, data: { status: 'DISCUSSED', endedAt: now } });
      await tx.case.update({ where: { id: current.caseId }, data: { lastHeardAt: now } });
    }
    const next = items.find((item) => item.status === 'PLANNED' && (!current || item.position > current.position)) ?? null;
    // Clear the pointer first: it is unique, and the item it leaves is no longer current.
    await tx.meeting.update({ where: { id: meetingId }, data: { currentAgendaItemId: null } });
    if (next) await tx.agendaItem.update({ where: { id: next.id }, data: { status: 'CURRENT', startedAt: now } });
    await tx.meeting.update({
      where: { id: meetingId },
      data: { currentAgendaItemId: next?.id ?? null, status: next ? 'IN_PROGRESS' : 'ENDED', version: { increment: 1 } },
    });
    await audit(tx, ctx, {
      event: 'meeting.item.next',
      entityType: 'Meeting',
      entityId: meetingId,
      before: { currentAgendaItemId: current?.id ?? null },
      after: { currentAgendaItemId: next?.id ?? null },
    });
    return readAgendaView(tx, meetingId);
  });
}

async function myAttendance(tx: Tx, ctx: ServiceContext, meetingId: string) {
  return tx.attendance.findUnique({
    where: { meetingId_memberId: { meetingId, memberId: ctx.actor.memberId } },
    select: { status: true, confidentialityAcceptedAt: true, agencyId: true },
  });
}

/** Changes whenever what the member's side panel shows would change: polled with If-None-Match. */
export async function meetingRoomTag(ctx: ServiceContext, meetingId: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingSeat(tx, ctx, meetingId);
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { version: true, currentItem: { select: { updatedAt: true } } },
    });
    const mine = await myAttendance(tx, ctx, meetingId);
    // The current item's last change counts too: an outcome recorded on it changes what the panel shows.
    const item = meeting.currentItem?.updatedAt.getTime() ?? 0;
    return `W/"${meeting.version}.${item}.${mine?.status ?? 'none'}.${mine?.confidentialityAcceptedAt ? 'accepted' : 'not-accepted'}"`;
  });
}

async function caseSummary(tx: Tx, caseId: string) {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      kind: true,
      status: true,
      currentRiskBand: true,
      summary: true,
      nextReviewDue: true,
      leadAgency: { select: { name: true } },
      subjects: {
        orderBy: { role: 'asc' },
        select: { role: true, person: { select: { givenName: true, familyName: true, anonymisedAt: true } } },
      },
      actions: {
        where: { status: { in: [...UNFINISHED_ACTION_STATUSES] } },
        orderBy: { dueDate: 'asc' },
        select: { id: true, title: true, status: true, dueDate: true, ownerAgency: { select: { name: true } } },
      },
    },
  });
  return {
    id: kase.id,
    reference: kase.reference,
    kind: kase.kind,
    status: kase.status,
    currentRiskBand: kase.currentRiskBand,
    summary: kase.summary,
    leadAgency: kase.leadAgency.name,
    subjects: kase.subjects.map(({ role, person }) => ({
      role,
      name: person.anonymisedAt ? 'Anonymised person' : `${person.givenName} ${person.familyName}`,
    })),
    openActions: kase.actions.map((action) => ({
      id: action.id,
      title: action.title,
      status: action.status,
      dueDate: calendarDateOfColumn(action.dueDate),
      owner: action.ownerAgency.name,
    })),
  };
}

export type CaseDetailWithheld = 'NOT_IN_ATTENDANCE' | 'CONFIDENTIALITY_NOT_ACCEPTED' | 'NOT_ENTITLED';

/** What one member's side panel shows; the current case only after they accepted the confidentiality statement. */
export async function readMeetingRoom(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    const seating = await requireMeetingSeat(tx, ctx, meetingId);
    // The panel lists the running order; the cases that did not fit are only counted.
    const agenda = await readAgendaView(tx, meetingId, 0);
    const mine = await myAttendance(tx, ctx, meetingId);
    const current = agenda.items.find((item) => item.id === agenda.meeting.currentAgendaItemId) ?? null;
    let withheld: CaseDetailWithheld | null = null;
    let summary: Awaited<ReturnType<typeof caseSummary>> | null = null;
    if (current) {
      const facts = await loadCaseAccessFacts(tx, current.case.id);
      if (!mine || mine.status !== 'PRESENT') withheld = 'NOT_IN_ATTENDANCE';
      else if (!mine.confidentialityAcceptedAt) withheld = 'CONFIDENTIALITY_NOT_ACCEPTED';
      else if (!facts || !caseAccessGround(ctx.actor, facts)) withheld = 'NOT_ENTITLED';
      else {
        summary = await caseSummary(tx, current.case.id);
        await audit(tx, ctx, {
          event: 'case.read',
          entityType: 'Case',
          entityId: current.case.id,
          after: { view: 'meeting-side-panel', meetingId },
        });
      }
    }
    return {
      ...agenda,
      current: current ? { item: current, case: summary, withheld } : null,
      confidentialityStatement: (await partnershipPolicies(tx, ctx.actor.partnershipId)).confidentialityStatement,
      me: {
        isChair: seating.isChair,
        attendance: mine ? { status: mine.status, confidentialityAccepted: mine.confidentialityAcceptedAt !== null } : null,
      },
    };
  });
}

/** A member signs in for their own agency and accepts the confidentiality statement. */
export async function signAttendance(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingSeat(tx, ctx, meetingId);
    await requireOpenForAttendance(tx, meetingId);
    await requireMeetingDayReached(tx, ctx, meetingId, 'attended');
    const before = await myAttendance(tx, ctx, meetingId);
    const now = ctx.now();
    // Kept with the acceptance: a later change to the partnership's wording leaves what was accepted as it was.
    const { confidentialityStatement } = await partnershipPolicies(tx, ctx.actor.partnershipId);
    const after = await tx.attendance.upsert({
      where: { meetingId_memberId: { meetingId, memberId: ctx.actor.memberId } },
      create: {
        meetingId,
        memberId: ctx.actor.memberId,
        agencyId: ctx.actor.agencyId,
        status: 'PRESENT',
        confidentialityAcceptedAt: now,
        confidentialityStatement,
        recordedAt: now,
      },
      update: {
        status: 'PRESENT',
        agencyId: ctx.actor.agencyId,
        confidentialityAcceptedAt: before?.confidentialityAcceptedAt ?? now,
        ...(before?.confidentialityAcceptedAt ? {} : { confidentialityStatement }),
        recordedAt: now,
      },
      select: { status: true, confidentialityAcceptedAt: true, agencyId: true },
    });
    await audit(tx, ctx, { event: 'meeting.attendance.sign', entityType: 'Meeting', entityId: meetingId, before, after });
    return after;
  });
}

async function requireOpenForAttendance(tx: Tx, meetingId: string): Promise<void> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true } });
  if (meeting.status === 'CANCELLED') throw conflict('The meeting was cancelled.');
}

export type AttendanceStatus = 'PRESENT' | 'APOLOGIES' | 'ABSENT';

/** Chair: records apologies or absence (or presence) for a seated member; only members themselves accept the statement. */
export async function recordAttendance(ctx: ServiceContext, meetingId: string, memberId: string, status: AttendanceStatus) {
  return inTransaction(ctx, async (tx) => {
    const seating = await requireMeetingChair(tx, ctx, meetingId);
    await requireOpenForAttendance(tx, meetingId);
    if (status === 'PRESENT') await requireMeetingDayReached(tx, ctx, meetingId, 'attended');
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { partnershipId: true, agencyId: true, isActive: true } });
    const seated = member
      ? await tx.panelAgency.findFirst({ where: { panelId: seating.panelId, agencyId: member.agencyId }, select: { agencyId: true } })
      : null;
    const chairs = await tx.panelChair.findFirst({ where: { panelId: seating.panelId, memberId }, select: { memberId: true } });
    if (!member || member.partnershipId !== ctx.actor.partnershipId || !member.isActive || (!seated && !chairs)) {
      throw validationFailed([{ field: 'memberId', message: 'This is not an active member of an agency seated on this panel.' }]);
    }
    const before = await tx.attendance.findUnique({ where: { meetingId_memberId: { meetingId, memberId } }, select: { status: true } });
    const after = await tx.attendance.upsert({
      where: { meetingId_memberId: { meetingId, memberId } },
      create: { meetingId, memberId, agencyId: member.agencyId, status, recordedAt: ctx.now() },
      update: { status, recordedAt: ctx.now() },
      select: { status: true, agencyId: true },
    });
    await audit(tx, ctx, {
      event: 'meeting.attendance.record',
      entityType: 'Meeting',
      entityId: meetingId,
      before: { memberId, ...before },
      after: { memberId, ...after },
    });
    return after;
  });
}

/** The register: who is there for which agency, and whether they accepted the statement. */
export async function listAttendance(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingSeat(tx, ctx, meetingId);
    const rows = await tx.attendance.findMany({
      where: { meetingId },
      orderBy: [{ agency: { name: 'asc' } }, { member: { displayName: 'asc' } }],
      select: {
        status: true,
        confidentialityAcceptedAt: true,
        recordedAt: true,
        member: { select: { id: true, displayName: true } },
        agency: { select: { id: true, name: true } },
      },
    });
    return rows.map((row) => ({
      member: row.member,
      agency: row.agency,
      status: row.status,
      confidentialityAccepted: row.confidentialityAcceptedAt !== null,
      recordedAt: row.recordedAt,
    }));
  });
}

/** Chair: allowed to post the agenda to the meeting chat; the post itself is the Teams edge's job. */
export async function authoriseAgendaPost(ctx: ServiceContext, meetingId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    await audit(tx, ctx, { event: 'meeting.agenda.post', entityType: 'Meeting', entityId: meetingId });
  });
}

/** The meeting whose Teams chat this is, when the member has a seat on its panel. */
export async function meetingForChat(ctx: ServiceContext, chatThreadId: string): Promise<{ meetingId: string; isChair: boolean } | null> {
  return inTransaction(ctx, async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { chatThreadId }, orderBy: { startsAt: 'desc' }, select: { id: true } });
    if (!meeting) return null;
    const seating = await requireMeetingSeat(tx, ctx, meeting.id);
    return { meetingId: meeting.id, isChair: seating.isChair };
  });
}

export async function isMeetingChair(ctx: ServiceContext, meetingId: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => (await requireMeetingSeat(tx, ctx, meetingId)).isChair);
}

export type TeamsMeetingEvent = 'started' | 'ended';

/**
 * Teams says the meeting held in this chat started or ended. The panel's own record leads and nothing
 * waits for these events: a start moves only a scheduled meeting on; an end closes a meeting the chair
 * has not closed by moving past the last item, and the case being heard counts as heard. `changed` is
 * false when the record already said so (Teams may repeat an event), or the chat is no panel meeting's.
 */
export async function recordTeamsMeetingEvent(
  ctx: SystemContext,
  chatThreadId: string,
  event: TeamsMeetingEvent,
): Promise<{ meetingId: string; changed: boolean } | null> {
  return inTransaction(ctx, async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { chatThreadId, status: { not: 'CANCELLED' } },
      orderBy: { startsAt: 'desc' },
      select: { id: true, status: true, currentAgendaItemId: true },
    });
    if (!meeting) return null;
    const moves = event === 'started' ? meeting.status === 'SCHEDULED' : meeting.status !== 'ENDED';
    if (!moves) return { meetingId: meeting.id, changed: false };
    const now = ctx.now();
    if (event === 'ended' && meeting.currentAgendaItemId) {
      const current = await tx.agendaItem.update({
        where: { id: meeting.currentAgendaItemId },
        data: { status: 'DISCUSSED', endedAt: now },
        select: { caseId: true },
      });
      await tx.case.update({ where: { id: current.caseId }, data: { lastHeardAt: now } });
    }
    const status = event === 'started' ? 'IN_PROGRESS' : 'ENDED';
    await tx.meeting.update({
      where: { id: meeting.id },
      data: { status, version: { increment: 1 }, ...(event === 'ended' ? { currentAgendaItemId: null } : {}) },
    });
    await audit(tx, ctx, {
      event: `meeting.teams.${event}`,
      entityType: 'Meeting',
      entityId: meeting.id,
      before: { status: meeting.status },
      after: { status, system: ctx.system },
    });
    return { meetingId: meeting.id, changed: true };
  });
}
