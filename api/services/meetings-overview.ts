// The meetings a member sees across panels: each panel they have a seat on, its meetings with their
// Teams state and minutes; and for a chair, the minutes still waiting for approval with their due day.
import { describeCadence, type PanelCadence } from '../domain/agenda/cadence';
import { londonDateOf } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import { minutesDueBy } from '../domain/minutes/draft';
import { calendarDateOfColumn } from '../store/calendar-dates';
import { partnershipBankHolidays } from './bank-holidays';
import { inTransaction, type ServiceContext } from './context';

/** How many of each panel's past meetings the list shows; older ones are in the audit and exports. */
const PAST_SHOWN = 6;

/** Panels where the member's agency has a seat, or that they chair (the route asks for meeting.attend). */
export async function listMyPanelsMeetings(ctx: ServiceContext) {
  return inTransaction(ctx, async (tx) => {
    const panels = await tx.panel.findMany({
      where: {
        partnershipId: ctx.actor.partnershipId,
        isActive: true,
        OR: [{ chairs: { some: { memberId: ctx.actor.memberId } } }, { agencies: { some: { agencyId: ctx.actor.agencyId } } }],
      },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, cadence: true, chairs: { where: { memberId: ctx.actor.memberId }, select: { memberId: true } } },
    });
    const now = ctx.now();
    return Promise.all(
      panels.map(async (panel) => {
        const select = {
          id: true,
          startsAt: true,
          endsAt: true,
          status: true,
          version: true,
          teamsSyncStatus: true,
          teamsSyncError: true,
          minutes: { select: { status: true, dueBy: true, circulatedAt: true } },
        } as const;
        const [upcoming, past] = await Promise.all([
          tx.meeting.findMany({ where: { panelId: panel.id, endsAt: { gt: now } }, orderBy: { startsAt: 'asc' }, select }),
          tx.meeting.findMany({
            where: { panelId: panel.id, endsAt: { lte: now } },
            orderBy: { startsAt: 'desc' },
            take: PAST_SHOWN,
            select,
          }),
        ]);
        const view = (meeting: (typeof upcoming)[number]) => ({
          id: meeting.id,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          status: meeting.status,
          version: meeting.version,
          teams: { status: meeting.teamsSyncStatus, error: meeting.teamsSyncError },
          minutes: meeting.minutes
            ? {
                status: meeting.minutes.status,
                dueBy: calendarDateOfColumn(meeting.minutes.dueBy),
                circulatedAt: meeting.minutes.circulatedAt,
              }
            : null,
        });
        return {
          panel: { id: panel.id, name: panel.name, cadence: describeCadence(panel.cadence as unknown as PanelCadence) },
          mayRun: panel.chairs.length > 0 && mayUse(ctx.actor, 'meeting.run'),
          upcoming: upcoming.map(view),
          past: past.map(view),
        };
      }),
    );
  });
}

/**
 * The chair's minutes still to approve: meetings of the panels they chair that have happened and whose
 * minutes are not approved, each with its due day (3 working days after the meeting) and whether it has passed.
 */
export async function listMinutesAwaitingApproval(ctx: ServiceContext) {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const meetings = await tx.meeting.findMany({
      where: {
        panel: { partnershipId: ctx.actor.partnershipId, chairs: { some: { memberId: ctx.actor.memberId } } },
        status: { not: 'CANCELLED' },
        OR: [{ status: 'ENDED' }, { endsAt: { lte: now } }],
        NOT: { minutes: { is: { status: 'APPROVED' } } },
      },
      orderBy: { startsAt: 'asc' },
      take: 20,
      select: { id: true, startsAt: true, panel: { select: { name: true } }, minutes: { select: { status: true, dueBy: true } } },
    });
    const today = londonDateOf(now);
    const first = meetings[0];
    const holidays = first
      ? new Set(await partnershipBankHolidays(tx, ctx.actor.partnershipId, londonDateOf(first.startsAt)))
      : new Set<string>();
    return meetings.map((meeting) => {
      const meetingDate = londonDateOf(meeting.startsAt);
      const dueBy = meeting.minutes ? calendarDateOfColumn(meeting.minutes.dueBy) : minutesDueBy(meetingDate, holidays);
      return {
        meetingId: meeting.id,
        panelName: meeting.panel.name,
        meetingDate,
        minutes: meeting.minutes ? ('DRAFT' as const) : ('NOT_DRAFTED' as const),
        dueBy,
        overdue: dueBy < today,
      };
    });
  });
}
