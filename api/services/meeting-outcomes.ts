// What the panel decided: per case heard (decisions, risk re-rated, kept on or closed with a reason)
// and per action set at earlier meetings (done, in progress, or not done and why). The actions
// themselves are worked by their owners elsewhere; the review only records what the panel heard.
import { UNFINISHED_ACTION_STATUSES } from '../domain/actions/lifecycle';
import { londonDateOf } from '../domain/agenda/calendar-date';
import { draftNotDoneNote } from '../domain/minutes/not-done-note';
import { agencyScorecard } from './agency-scorecard';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { conflict, notFound, staleVersion, validationFailed } from './errors';
import { requireMeetingChair, requireMeetingDayReached, requireMeetingSeat } from './meeting-access';
import { calendarDateOfColumn, calendarDateOrNull, dateColumnOf } from '../store/calendar-dates';

export interface ItemOutcome {
  decisions: string;
  caseDecision: 'KEEP_ON' | 'CLOSE' | 'LEAD_AGENCY_CASEWORK';
  riskBandAfter?: 'LOW' | 'MEDIUM' | 'HIGH' | undefined;
  closureReason?: string | undefined;
  /** When a case kept on comes back for review (YYYY-MM-DD). */
  nextReviewDue?: string | undefined;
}

export async function recordItemOutcome(ctx: ServiceContext, meetingId: string, itemId: string, outcome: ItemOutcome) {
  if (outcome.caseDecision === 'CLOSE' && !outcome.closureReason?.trim()) {
    throw validationFailed([{ field: 'closureReason', message: 'Say why the case is closed.' }]);
  }
  if (outcome.caseDecision !== 'KEEP_ON' && outcome.nextReviewDue) {
    throw validationFailed([{ field: 'nextReviewDue', message: 'Only a case kept on the panel has a review date.' }]);
  }
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    await requireMeetingDayReached(tx, ctx, meetingId, 'minuted');
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, include: { case: true } });
    if (!item || item.meetingId !== meetingId) throw notFound('agenda item');
    if (item.status !== 'CURRENT' && item.status !== 'DISCUSSED')
      throw conflict('Record an outcome once the case is being heard or has been heard.');
    const before = {
      item: {
        decisions: item.decisions,
        caseDecision: item.caseDecision,
        riskBandAfter: item.riskBandAfter,
        closureReason: item.closureReason,
      },
      case: { status: item.case.status, currentRiskBand: item.case.currentRiskBand, nextReviewDue: item.case.nextReviewDue },
    };
    const now = ctx.now();
    await tx.agendaItem.update({
      where: { id: itemId },
      data: {
        decisions: outcome.decisions,
        caseDecision: outcome.caseDecision,
        riskBandAfter: outcome.riskBandAfter ?? null,
        closureReason: outcome.caseDecision === 'CLOSE' ? outcome.closureReason!.trim() : null,
      },
    });
    const caseChange = {
      ...(outcome.riskBandAfter ? { currentRiskBand: outcome.riskBandAfter } : {}),
      ...(outcome.caseDecision === 'CLOSE'
        ? { status: 'CLOSED' as const, closedAt: now, closureReason: outcome.closureReason!.trim(), nextReviewDue: null }
        : outcome.caseDecision === 'LEAD_AGENCY_CASEWORK'
          ? { status: 'LEAD_AGENCY_CASEWORK' as const, nextReviewDue: null }
          : {
              status: 'OPEN' as const,
              closedAt: null,
              closureReason: null,
              ...(outcome.nextReviewDue ? { nextReviewDue: dateColumnOf(outcome.nextReviewDue) } : {}),
            }),
    };
    const kase = await tx.case.update({
      where: { id: item.caseId },
      data: caseChange,
      select: { status: true, currentRiskBand: true, nextReviewDue: true },
    });
    await audit(tx, ctx, {
      event: 'meeting.item.outcome',
      entityType: 'AgendaItem',
      entityId: itemId,
      before,
      after: { item: outcome, case: kase },
    });
    return {
      itemId,
      ...outcome,
      case: {
        status: kase.status,
        currentRiskBand: kase.currentRiskBand,
        nextReviewDue: calendarDateOrNull(kase.nextReviewDue),
      },
    };
  });
}

/**
 * Actions set at this panel's earlier meetings that are still open, or were closed since the last
 * meeting, with each attending agency's scorecard for the panel.
 */
export async function listActionsForReview(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    const seating = await requireMeetingSeat(tx, ctx, meetingId);
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { startsAt: true, panel: { select: { name: true } } },
    });
    const previous = await tx.meeting.findFirst({
      where: { panelId: seating.panelId, startsAt: { lt: meeting.startsAt }, status: { not: 'CANCELLED' } },
      orderBy: { startsAt: 'desc' },
      select: { startsAt: true },
    });
    const actions = await tx.action.findMany({
      where: {
        meeting: { panelId: seating.panelId, startsAt: { lt: meeting.startsAt } },
        OR: [{ status: { in: [...UNFINISHED_ACTION_STATUSES] } }, ...(previous ? [{ updatedAt: { gte: previous.startsAt } }] : [])],
      },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        case: { select: { reference: true } },
        ownerAgency: { select: { name: true, lead: { select: { displayName: true } } } },
        reviews: { where: { meetingId }, select: { outcome: true, notDoneReason: true, note: true, version: true, ...SENT_NOTE } },
      },
    });
    const scorecard = await agencyScorecard(tx, meetingId, seating.panelId, ctx.now());
    await audit(tx, ctx, { event: 'meeting.actions.read', entityType: 'Meeting', entityId: meetingId });
    const meetingDate = londonDateOf(meeting.startsAt);
    return {
      scorecard,
      actions: actions.map((action) => {
        const facts = {
          agency: action.ownerAgency.name,
          panelName: meeting.panel.name,
          meetingDate,
          actionTitle: action.title,
          caseReference: action.case.reference,
          dueDate: calendarDateOfColumn(action.dueDate),
        };
        const found = action.reviews[0];
        const review = found && { outcome: found.outcome, notDoneReason: found.notDoneReason, note: found.note, version: found.version };
        return {
          id: action.id,
          title: action.title,
          status: action.status,
          dueDate: facts.dueDate,
          caseReference: action.case.reference,
          owner: action.ownerAgency.name,
          review: review ? { ...review, agencyNote: noteFor(review, facts, action.ownerAgency.lead, found) } : null,
        };
      }),
    };
  });
}

/** What a review holds of the note sent to the agency's lead. */
const SENT_NOTE = {
  agencyNoteText: true,
  agencyNoteSentAt: true,
  agencyNoteSentBy: { select: { displayName: true } },
} as const;

interface SentNote {
  agencyNoteText: string | null;
  agencyNoteSentAt: Date | null;
  agencyNoteSentBy: { displayName: string } | null;
}

/**
 * A "did not do it" outcome drafts a note to the agency's lead for the chair to send; once sent, the
 * note is shown as sent, by whom and when.
 */
function noteFor(
  review: { notDoneReason: string | null },
  facts: Parameters<typeof draftNotDoneNote>[0],
  lead: { displayName: string } | null,
  sent: SentNote | null | undefined,
) {
  if (review.notDoneReason !== 'AGENCY_DID_NOT_DO_IT') return null;
  const draft = draftNotDoneNote(facts);
  const sentAt = sent?.agencyNoteSentAt;
  return {
    ...draft,
    ...(sentAt && sent.agencyNoteText ? { text: sent.agencyNoteText } : {}),
    lead: lead?.displayName ?? null,
    sent: sentAt ? { at: sentAt, by: sent.agencyNoteSentBy?.displayName ?? 'a chair' } : null,
  };
}

export interface ActionReviewInput {
  actionId: string;
  outcome: 'DONE' | 'IN_PROGRESS' | 'NOT_DONE';
  notDoneReason?: 'CIRCUMSTANCES_CHANGED' | 'AGENCY_DID_NOT_DO_IT' | undefined;
  note?: string | undefined;
  /** The review's version the chair saw; 0 when the action had not been reviewed at this meeting. */
  expectedVersion: number;
}

export async function reviewAction(ctx: ServiceContext, meetingId: string, review: ActionReviewInput) {
  if (review.outcome === 'NOT_DONE' && !review.notDoneReason) {
    throw validationFailed([
      { field: 'notDoneReason', message: 'Say why the action was not done: circumstances changed, or the agency did not do it.' },
    ]);
  }
  if (review.outcome !== 'NOT_DONE' && review.notDoneReason) {
    throw validationFailed([{ field: 'notDoneReason', message: 'A reason is only for an action not done.' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const seating = await requireMeetingChair(tx, ctx, meetingId);
    await requireMeetingDayReached(tx, ctx, meetingId, 'minuted');
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { startsAt: true, panel: { select: { name: true } } },
    });
    // Two reviews of the same action take turns, so the second sees the first's version.
    await tx.$queryRaw`SELECT "id" FROM "Action" WHERE "id" = ${review.actionId}::uuid FOR UPDATE`;
    const action = await tx.action.findUnique({
      where: { id: review.actionId },
      select: {
        title: true,
        dueDate: true,
        case: { select: { reference: true } },
        ownerAgency: { select: { name: true, lead: { select: { displayName: true } } } },
        meeting: { select: { panelId: true, startsAt: true } },
      },
    });
    if (!action?.meeting || action.meeting.panelId !== seating.panelId || action.meeting.startsAt >= meeting.startsAt) {
      throw validationFailed([{ field: 'actionId', message: 'This is not an action set at an earlier meeting of this panel.' }]);
    }
    const before = await tx.actionReview.findUnique({
      where: { meetingId_actionId: { meetingId, actionId: review.actionId } },
      select: { outcome: true, notDoneReason: true, note: true, version: true },
    });
    const sent = await tx.actionReview.findUnique({
      where: { meetingId_actionId: { meetingId, actionId: review.actionId } },
      select: SENT_NOTE,
    });
    if ((before?.version ?? 0) !== review.expectedVersion)
      throw staleVersion('Someone else has recorded the review of this action since you opened it. This is how it stands now.');
    const data = {
      outcome: review.outcome,
      notDoneReason: review.notDoneReason ?? null,
      note: review.note?.trim() || null,
      reviewedAt: ctx.now(),
      version: review.expectedVersion + 1,
    };
    await tx.actionReview.upsert({
      where: { meetingId_actionId: { meetingId, actionId: review.actionId } },
      create: { meetingId, actionId: review.actionId, ...data },
      update: data,
    });
    await audit(tx, ctx, {
      event: 'meeting.action.review',
      entityType: 'Action',
      entityId: review.actionId,
      before,
      after: { meetingId, ...data },
    });
    const agencyNote = noteFor(
      data,
      {
        agency: action.ownerAgency.name,
        panelName: meeting.panel.name,
        meetingDate: londonDateOf(meeting.startsAt),
        actionTitle: action.title,
        caseReference: action.case.reference,
        dueDate: calendarDateOfColumn(action.dueDate),
      },
      action.ownerAgency.lead,
      sent,
    );
    return { actionId: review.actionId, ...data, agencyNote };
  });
}
