// The meeting and its agenda as the panel reads them: case references, why each case is there, the
// agencies it needs and when it should come up. Names and notes stay in the case view.
import { actionsReviewMinutes } from './agenda-sources';
import type { Tx } from './context';

/**
 * How many of the cases that did not fit the agenda page lists after the running order. At county
 * scale a meeting's spill-over is thousands of cases: the rest are counted, not read.
 */
export const SPILL_OVER_SHOWN = 50;

const ITEM_FIELDS = {
  id: true,
  position: true,
  reasons: true,
  reasonText: true,
  minutes: true,
  requiredAgencyIds: true,
  status: true,
  deferralReason: true,
  case: { select: { id: true, reference: true, kind: true, currentRiskBand: true } },
} as const;

/**
 * The meeting and its agenda: every case that is heard or deferred, the first `spillOverShown` of
 * those that did not fit (the side panel and the chair's running order need none), and how many
 * did not fit in all.
 */
export async function readAgendaView(tx: Tx, meetingId: string, spillOverShown: number = SPILL_OVER_SHOWN) {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      panelId: true,
      startsAt: true,
      endsAt: true,
      referralCutoff: true,
      status: true,
      version: true,
      currentAgendaItemId: true,
      teamsSyncStatus: true,
      teamsSyncError: true,
      joinUrl: true,
      panel: { select: { id: true, name: true, type: true, meetingMinutes: true, defaultItemMinutes: true } },
      agendaItems: { where: { status: { not: 'SPILLED_OVER' } }, orderBy: { position: 'asc' }, select: ITEM_FIELDS },
    },
  });
  const spilledOver = { meetingId, status: 'SPILLED_OVER' as const };
  const spillOverTotal = await tx.agendaItem.count({ where: spilledOver });
  const spillOverListed =
    spillOverShown > 0 && spillOverTotal > 0
      ? await tx.agendaItem.findMany({ where: spilledOver, orderBy: { position: 'asc' }, take: spillOverShown, select: ITEM_FIELDS })
      : [];
  const agendaItems = [...meeting.agendaItems, ...spillOverListed].sort((a, b) => a.position - b.position);
  const agencyIds = [...new Set(agendaItems.flatMap((item) => item.requiredAgencyIds))];
  const agencies = await tx.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true } });
  const agencyName = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const reviewMinutes = await actionsReviewMinutes(tx, meeting);
  let offset = reviewMinutes;
  const items = agendaItems.map((item) => {
    const planned = item.status !== 'DEFERRED' && item.status !== 'SPILLED_OVER';
    const expectedAt = planned ? new Date(meeting.startsAt.getTime() + offset * 60_000) : null;
    if (planned) offset += item.minutes;
    return {
      id: item.id,
      position: item.position,
      case: item.case,
      reasons: item.reasons,
      why: item.reasonText,
      minutes: item.minutes,
      expectedAt,
      agencies: item.requiredAgencyIds.map((id) => ({ id, name: agencyName.get(id) ?? 'Unknown agency' })),
      status: item.status,
      deferralReason: item.deferralReason,
    };
  });
  return {
    meeting: {
      id: meeting.id,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      referralCutoff: meeting.referralCutoff,
      status: meeting.status,
      version: meeting.version,
      currentAgendaItemId: meeting.currentAgendaItemId,
      teams: { status: meeting.teamsSyncStatus, error: meeting.teamsSyncError, joinUrl: meeting.joinUrl },
    },
    panel: { id: meeting.panel.id, name: meeting.panel.name, type: meeting.panel.type },
    actionsReviewMinutes: reviewMinutes,
    items,
    spillOverTotal,
  };
}

export type MeetingAgendaView = Awaited<ReturnType<typeof readAgendaView>>;
