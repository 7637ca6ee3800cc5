// Panel meetings: the chair schedules the next one from the panel's cadence, the agenda builds itself
// from what waits to be heard, and the chair reorders, adds and defers. Every item says why it is there.
import {
  addToAgenda,
  buildAgenda,
  deferAgendaItem,
  keepEarlierOrder,
  reorderAgenda,
  type Agenda,
  type LateReferral,
} from '../domain/agenda/builder';
import { describeCadence, nextMeetingDates, referralCutOff, type PanelCadence } from '../domain/agenda/cadence';
import { formatLongDate, londonDateOf, londonInstant, type CalendarDate } from '../domain/agenda/calendar-date';
import type { Result } from '../domain/result';
import { actionsReviewMinutes, loadAgendaSources } from './agenda-sources';
import { readStoredRows, saveAgenda, storedAgenda } from './agenda-store';
import { audit } from './audit';
import { requireVisibleCase } from './case-access';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, notFound, staleVersion, validationFailed } from './errors';
import { panelSeating, requireMeetingChair, requireMeetingSeat, requirePanelChair } from './meeting-access';
import { readAgendaView, type MeetingAgendaView } from './meeting-views';

const DEFAULT_START_TIME = '10:00';
/** How the builder words a chair's addition; a rebuild hands the chair's own reason back to it. */
const CHAIR_PREFIX = 'Added by the chair: ';

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw validationFailed([{ field: result.error.field ?? 'body', message: result.error.message }], result.error.message);
}

const MEETING_FOR_AGENDA = {
  id: true,
  panelId: true,
  startsAt: true,
  status: true,
  version: true,
  panel: { select: { partnershipId: true, meetingMinutes: true, defaultItemMinutes: true, referralCutoffDays: true } },
} as const;

async function loadMeeting(tx: Tx, meetingId: string) {
  return tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: MEETING_FOR_AGENDA });
}

export interface AgendaBuildReply extends MeetingAgendaView {
  lateReferrals: Array<{ caseId: string; caseReference: string; note: string }>;
}

async function withLateReferrals(tx: Tx, view: MeetingAgendaView, late: readonly LateReferral[]): Promise<AgendaBuildReply> {
  const refs = await tx.case.findMany({ where: { id: { in: late.map((l) => l.caseId) } }, select: { id: true, reference: true } });
  return {
    ...view,
    lateReferrals: late.map((l) => ({
      caseId: l.caseId,
      caseReference: refs.find((r) => r.id === l.caseId)?.reference ?? '',
      note: l.note,
    })),
  };
}

/** Builds from the sources, then re-applies the chair's additions, deferrals and running order already recorded. */
async function buildAndSave(tx: Tx, ctx: ServiceContext, meetingId: string): Promise<Agenda> {
  const meeting = await loadMeeting(tx, meetingId);
  const sources = await loadAgendaSources(tx, meeting, londonDateOf(ctx.now()));
  let agenda = unwrap(buildAgenda(sources.inputs));
  const earlier = await readStoredRows(tx, meetingId);
  for (const row of earlier.filter((r) => r.reasons.includes('ADDED_BY_CHAIR'))) {
    const reasonText = row.reasonText.startsWith(CHAIR_PREFIX) ? row.reasonText.slice(CHAIR_PREFIX.length) : row.reasonText;
    const added = addToAgenda(agenda, { caseId: row.caseId, reasonText, agencies: row.requiredAgencyIds });
    if (added.ok) agenda = added.value;
  }
  for (const row of earlier.filter((r) => r.status === 'DEFERRED')) {
    const deferred = deferAgendaItem(agenda, row.caseId, row.deferralReason ?? 'Deferred by the chair.');
    if (deferred.ok) agenda = deferred.value;
  }
  agenda = keepEarlierOrder(
    agenda,
    earlier.filter((r) => r.status !== 'DEFERRED').map((r) => r.caseId),
  );
  await saveAgenda(tx, meetingId, agenda, earlier, { referralByCase: sources.referralByCase, removeMissing: true });
  const onAgenda = new Set([...agenda.items, ...agenda.spillOver].map((item) => item.caseId));
  const carried = await tx.agendaItem.findMany({ where: { id: { in: sources.carriedItemIds } }, select: { id: true, caseId: true } });
  const carriedHere = carried.filter((item) => onAgenda.has(item.caseId)).map((item) => item.id);
  if (carriedHere.length > 0)
    await tx.agendaItem.updateMany({ where: { id: { in: carriedHere } }, data: { deferredToMeetingId: meetingId } });
  return agenda;
}

export interface ScheduleRequest {
  /** London wall-clock start, 'HH:MM'. */
  startTime?: string;
  /** The date the chair was shown and confirmed; another date now (someone scheduled one since) is refused. */
  expectedDate?: CalendarDate;
}

/** The panel's next meeting day by its cadence: after today and after any meeting already scheduled. */
async function nextMeetingDate(tx: Tx, ctx: ServiceContext, panelId: string, cadence: unknown): Promise<CalendarDate> {
  const latest = await tx.meeting.findFirst({
    where: { panelId, status: { not: 'CANCELLED' } },
    orderBy: { startsAt: 'desc' },
    select: { startsAt: true },
  });
  const today = londonDateOf(ctx.now());
  const latestDate = latest ? londonDateOf(latest.startsAt) : today;
  const after: CalendarDate = latestDate > today ? latestDate : today;
  const [date] = unwrap(nextMeetingDates(cadence as PanelCadence, after, 1));
  return date!;
}

/** What scheduling would create now, for the chair to confirm: the day by the cadence and the usual start. */
export async function proposeNextMeeting(ctx: ServiceContext, panelId: string) {
  return inTransaction(ctx, async (tx) => {
    await requirePanelChair(tx, ctx, panelId);
    const panel = await tx.panel.findUniqueOrThrow({ where: { id: panelId }, select: { cadence: true } });
    const date = await nextMeetingDate(tx, ctx, panelId, panel.cadence);
    return {
      date,
      startTime: DEFAULT_START_TIME,
      startsAt: londonInstant(date, DEFAULT_START_TIME),
      cadence: describeCadence(panel.cadence as unknown as PanelCadence),
    };
  });
}

/** The panel's next meeting by its cadence, after today and after any meeting already scheduled. */
export async function scheduleNextMeeting(ctx: ServiceContext, panelId: string, request: ScheduleRequest = {}): Promise<AgendaBuildReply> {
  return inTransaction(ctx, async (tx) => {
    await requirePanelChair(tx, ctx, panelId);
    const panel = await tx.panel.findUniqueOrThrow({ where: { id: panelId } });
    if (!panel.isActive) throw conflict('This panel is closed; reopen it before scheduling meetings.');
    const organiser = await tx.member.findUniqueOrThrow({ where: { id: ctx.actor.memberId }, select: { entraObjectId: true } });
    const date = await nextMeetingDate(tx, ctx, panelId, panel.cadence);
    if (request.expectedDate !== undefined && request.expectedDate !== date)
      throw staleVersion(
        `Another meeting was scheduled meanwhile: the next by the cadence is now ${formatLongDate(date)}. Check and confirm again.`,
      );
    const startsAt = londonInstant(date, request.startTime ?? DEFAULT_START_TIME);
    const meeting = await tx.meeting.create({
      data: {
        panelId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + panel.meetingMinutes * 60_000),
        referralCutoff: referralCutOff(date, panel.referralCutoffDays).closesAt,
        // The meeting exists in the app at once; putting it in Teams is a separate, retried step.
        teamsSyncStatus: 'PENDING',
        teamsSyncRetryAt: ctx.now(),
        // The scheduling chair's mailbox organises the Teams event; changes go to the same mailbox.
        graphOrganizerId: organiser.entraObjectId,
      },
      select: { id: true },
    });
    const agenda = await buildAndSave(tx, ctx, meeting.id);
    await audit(tx, ctx, {
      event: 'meeting.schedule',
      entityType: 'Meeting',
      entityId: meeting.id,
      after: { panelId, startsAt, items: agenda.items.length, spillOver: agenda.spillOver.length },
    });
    return withLateReferrals(tx, await readAgendaView(tx, meeting.id), agenda.lateReferrals);
  });
}

async function requireOpenMeeting(tx: Tx, ctx: ServiceContext, meetingId: string, allowed: readonly string[]) {
  await requireMeetingChair(tx, ctx, meetingId);
  const meeting = await loadMeeting(tx, meetingId);
  if (!allowed.includes(meeting.status))
    throw conflict(`The meeting is ${meeting.status.toLowerCase().replace('_', ' ')}; its agenda can no longer change this way.`);
  return meeting;
}

async function bumpVersion(tx: Tx, meetingId: string): Promise<void> {
  await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
}

/** The agenda as the audit trail keeps it: the running order in full, the spill-over (thousands in a county) counted. */
async function agendaForAudit(tx: Tx, meetingId: string) {
  const order = await tx.agendaItem.findMany({
    where: { meetingId, status: { not: 'SPILLED_OVER' } },
    orderBy: { position: 'asc' },
    select: { caseId: true, status: true },
  });
  return { order, spillOver: await tx.agendaItem.count({ where: { meetingId, status: 'SPILLED_OVER' } }) };
}

/** Builds the agenda again from what waits now (referrals accepted since, actions gone overdue); before the meeting only. */
export async function rebuildAgenda(ctx: ServiceContext, meetingId: string): Promise<AgendaBuildReply> {
  return inTransaction(ctx, async (tx) => {
    await requireOpenMeeting(tx, ctx, meetingId, ['SCHEDULED']);
    const before = await agendaForAudit(tx, meetingId);
    const agenda = await buildAndSave(tx, ctx, meetingId);
    await bumpVersion(tx, meetingId);
    const after = await agendaForAudit(tx, meetingId);
    await audit(tx, ctx, { event: 'meeting.agenda.rebuild', entityType: 'Meeting', entityId: meetingId, before, after });
    return withLateReferrals(tx, await readAgendaView(tx, meetingId), agenda.lateReferrals);
  });
}

type ChairEdit = (agenda: Agenda) => Result<Agenda>;

async function editAgenda(
  ctx: ServiceContext,
  meetingId: string,
  event: string,
  detail: unknown,
  edit: ChairEdit,
  expectedVersion?: number,
): Promise<MeetingAgendaView> {
  return inTransaction(ctx, async (tx) => {
    const meeting = await requireOpenMeeting(tx, ctx, meetingId, ['SCHEDULED', 'IN_PROGRESS']);
    if (expectedVersion !== undefined && expectedVersion !== meeting.version) {
      throw staleVersion('The agenda has changed since you opened it. Refresh and try again.');
    }
    const stored = await readStoredRows(tx, meetingId);
    const current = storedAgenda(meeting, await actionsReviewMinutes(tx, meeting), stored);
    const before = [...current.items, ...current.spillOver].map((item) => item.caseId);
    const agenda = unwrap(edit(current));
    await saveAgenda(tx, meetingId, agenda, stored);
    await bumpVersion(tx, meetingId);
    await audit(tx, ctx, {
      event,
      entityType: 'Meeting',
      entityId: meetingId,
      before: { order: before },
      after: { order: [...agenda.items, ...agenda.spillOver].map((i) => i.caseId), ...(detail as object) },
    });
    return readAgendaView(tx, meetingId);
  });
}

export function reorderMeetingAgenda(ctx: ServiceContext, meetingId: string, caseIds: readonly string[], expectedVersion?: number) {
  return editAgenda(ctx, meetingId, 'meeting.agenda.reorder', {}, (agenda) => reorderAgenda(agenda, caseIds), expectedVersion);
}

export interface AgendaAddition {
  /** The case by id, or by the reference the panel knows it by. */
  caseId?: string;
  caseReference?: string;
  reasonText: string;
  /** One-based place in the running order; the end when omitted. */
  position?: number;
}

/** The chair adds a case they can see; its lead and involved agencies are the ones it needs. */
export async function addMeetingAgendaItem(ctx: ServiceContext, meetingId: string, addition: AgendaAddition, expectedVersion?: number) {
  const { caseId, agencies } = await inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const caseId = addition.caseId ?? (await caseIdOf(tx, ctx, addition.caseReference ?? ''));
    const access = await requireVisibleCase(tx, ctx, caseId);
    const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
    if (kase.status === 'CLOSED') throw conflict('This case is closed; reopen it before adding it to an agenda.');
    return { caseId, agencies: [...new Set([access.facts.leadAgencyId, ...access.facts.involvedAgencyIds])] };
  });
  return editAgenda(
    ctx,
    meetingId,
    'meeting.agenda.add',
    { caseId, reasonText: addition.reasonText },
    (agenda) =>
      addToAgenda(agenda, {
        caseId,
        reasonText: addition.reasonText,
        agencies,
        ...(addition.position ? { position: addition.position - 1 } : {}),
      }),
    expectedVersion,
  );
}

/** Typed by the chair, so any letter case; another partnership's reference answers like one that does not exist. */
async function caseIdOf(tx: Tx, ctx: ServiceContext, reference: string): Promise<string> {
  const kase = await tx.case.findFirst({
    where: { partnershipId: ctx.actor.partnershipId, reference: { equals: reference, mode: 'insensitive' } },
    select: { id: true },
  });
  if (!kase) throw notFound('case');
  return kase.id;
}

export async function deferMeetingAgendaItem(
  ctx: ServiceContext,
  meetingId: string,
  caseId: string,
  reasonText: string,
  expectedVersion?: number,
) {
  const held = await inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    return tx.agendaItem.findFirst({ where: { meetingId, caseId, status: { in: ['CURRENT', 'DISCUSSED'] } }, select: { id: true } });
  });
  if (held) throw conflict('This case is being or has been heard at this meeting, so it cannot be deferred.');
  return editAgenda(
    ctx,
    meetingId,
    'meeting.agenda.defer',
    { caseId, reasonText },
    (agenda) => deferAgendaItem(agenda, caseId, reasonText),
    expectedVersion,
  );
}

/** The agenda as the panel sees it: case references and why, never names. */
export async function readMeetingAgenda(ctx: ServiceContext, meetingId: string): Promise<MeetingAgendaView & { me: { mayRun: boolean } }> {
  return inTransaction(ctx, async (tx) => {
    const seating = await requireMeetingSeat(tx, ctx, meetingId);
    const view = await readAgendaView(tx, meetingId);
    await audit(tx, ctx, { event: 'meeting.agenda.read', entityType: 'Meeting', entityId: meetingId });
    // The tab shows the chair's controls from this; the edits themselves check again.
    return { ...view, me: { mayRun: seating.isChair } };
  });
}

export async function listPanelMeetings(ctx: ServiceContext, panelId: string) {
  return inTransaction(ctx, async (tx) => {
    const seating = await panelSeating(tx, ctx, panelId);
    if (!seating?.hasSeat) throw notFound('panel');
    return tx.meeting.findMany({
      where: { panelId },
      orderBy: { startsAt: 'desc' },
      take: 24,
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        status: true,
        teamsSyncStatus: true,
        joinUrl: true,
        _count: { select: { agendaItems: true } },
      },
    });
  });
}
