// Who may run and who may join a panel's meetings. Running needs the chair role AND a chair's seat
// on this panel; joining needs a seat for the member's agency (or the chair's seat). A meeting of
// another partnership, or of a panel the member has no seat on, answers as a missing one.
import { mayUse } from '../domain/access/policy';
import { formatLongDate, londonDateOf } from '../domain/agenda/calendar-date';
import type { ServiceContext, Tx } from './context';
import { conflict, forbidden, notFound } from './errors';

export interface PanelSeating {
  panelId: string;
  partnershipId: string;
  isChair: boolean;
  hasSeat: boolean;
}

export async function panelSeating(tx: Tx, ctx: ServiceContext, panelId: string): Promise<PanelSeating | null> {
  const panel = await tx.panel.findUnique({
    where: { id: panelId },
    select: {
      partnershipId: true,
      chairs: { where: { memberId: ctx.actor.memberId }, select: { memberId: true } },
      agencies: { where: { agencyId: ctx.actor.agencyId }, select: { agencyId: true } },
    },
  });
  if (!panel || panel.partnershipId !== ctx.actor.partnershipId) return null;
  const isChair = panel.chairs.length > 0 && mayUse(ctx.actor, 'panel.chair');
  return {
    panelId,
    partnershipId: panel.partnershipId,
    isChair,
    hasSeat: isChair || (panel.agencies.length > 0 && mayUse(ctx.actor, 'meeting.attend')),
  };
}

/** The panel, when the actor chairs it; otherwise NOT_FOUND (no seat) or FORBIDDEN (a seat, but not the chair). */
export async function requirePanelChair(tx: Tx, ctx: ServiceContext, panelId: string): Promise<PanelSeating> {
  const seating = await panelSeating(tx, ctx, panelId);
  if (!seating || !seating.hasSeat) throw notFound('panel');
  if (!seating.isChair) throw forbidden("run this panel's meetings; only its chairs may");
  return seating;
}

export interface MeetingSeating extends PanelSeating {
  meetingId: string;
}

async function meetingPanel(tx: Tx, meetingId: string): Promise<string | null> {
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { panelId: true } });
  return meeting?.panelId ?? null;
}

export async function requireMeetingSeat(tx: Tx, ctx: ServiceContext, meetingId: string): Promise<MeetingSeating> {
  const panelId = await meetingPanel(tx, meetingId);
  const seating = panelId ? await panelSeating(tx, ctx, panelId) : null;
  if (!seating || !seating.hasSeat) throw notFound('meeting');
  return { ...seating, meetingId };
}

export async function requireMeetingChair(tx: Tx, ctx: ServiceContext, meetingId: string): Promise<MeetingSeating> {
  const seating = await requireMeetingSeat(tx, ctx, meetingId);
  if (!seating.isChair) throw forbidden("run this panel's meetings; only its chairs may");
  return seating;
}

/**
 * A meeting is started, attended and minuted on its day or after, never before: a chair clicking
 * Next item on the wrong meeting, or a register signed in advance, would put a hearing on record
 * that did not happen. Apologies may still be recorded in advance.
 */
export async function requireMeetingDayReached(tx: Tx, ctx: ServiceContext, meetingId: string, doing: string): Promise<void> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { startsAt: true } });
  const day = londonDateOf(meeting.startsAt);
  if (londonDateOf(ctx.now()) < day) throw conflict(`This meeting is on ${formatLongDate(day)}: it cannot be ${doing} before its day.`);
}
