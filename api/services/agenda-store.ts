// Turns stored agenda rows into the pure builder's Agenda and writes an Agenda back, keeping what
// happened in the meeting (an item being heard or already heard) as it is.
import type { Agenda, AgendaItem, AgendaReason } from '../domain/agenda/builder';
import { londonDateOf } from '../domain/agenda/calendar-date';
import type { Tx } from './context';

export interface StoredMeeting {
  id: string;
  startsAt: Date;
  panel: { meetingMinutes: number; defaultItemMinutes: number };
}

const HELD_STATUSES = new Set(['CURRENT', 'DISCUSSED']);

export async function loadStoredAgenda(tx: Tx, meeting: StoredMeeting, actionsReviewMinutes: number): Promise<Agenda> {
  const rows = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: 'asc' } });
  const item = (row: (typeof rows)[number]): AgendaItem => ({
    caseId: row.caseId,
    reasons: row.reasons as AgendaReason[],
    why: row.reasonText,
    minutes: row.minutes,
    agencies: row.requiredAgencyIds,
    score: null,
  });
  const agenda: Agenda = {
    meeting: {
      date: londonDateOf(meeting.startsAt),
      lengthMinutes: meeting.panel.meetingMinutes,
      minutesPerItem: meeting.panel.defaultItemMinutes,
      actionsReviewMinutes,
    },
    items: rows.filter((row) => row.status !== 'SPILLED_OVER' && row.status !== 'DEFERRED').map(item),
    spillOver: rows.filter((row) => row.status === 'SPILLED_OVER').map(item),
    lateReferrals: [],
    deferredToNextMeeting: rows
      .filter((row) => row.status === 'DEFERRED')
      .map((row) => ({ caseId: row.caseId, deferredFrom: londonDateOf(meeting.startsAt), reason: row.deferralReason ?? '' })),
  };
  return agenda;
}

export interface SaveOptions {
  referralByCase?: ReadonlyMap<string, string>;
  /** Rows for cases no longer on the agenda are removed (a rebuild), unless already heard. */
  removeMissing?: boolean;
}

export async function saveAgenda(tx: Tx, meetingId: string, agenda: Agenda, options: SaveOptions = {}): Promise<void> {
  const existing = new Map((await tx.agendaItem.findMany({ where: { meetingId } })).map((row) => [row.caseId, row]));
  const placed = [
    ...agenda.items.map((item) => ({ item, status: 'PLANNED' as const })),
    ...agenda.spillOver.map((item) => ({ item, status: 'SPILLED_OVER' as const })),
  ];
  // Positions are unique per meeting only by convention; park every row first so renumbering never collides.
  await tx.agendaItem.updateMany({ where: { meetingId }, data: { position: { increment: 10_000 } } });
  for (const [index, { item, status }] of placed.entries()) {
    const row = existing.get(item.caseId);
    const fields = {
      position: index + 1,
      reasons: item.reasons,
      reasonText: item.why,
      minutes: item.minutes,
      requiredAgencyIds: item.agencies,
    };
    if (row) {
      await tx.agendaItem.update({
        where: { id: row.id },
        data: { ...fields, status: HELD_STATUSES.has(row.status) ? row.status : status, deferralReason: null, deferredToMeetingId: null },
      });
    } else {
      await tx.agendaItem.create({
        data: { meetingId, caseId: item.caseId, referralId: options.referralByCase?.get(item.caseId) ?? null, status, ...fields },
      });
    }
  }
  const deferredFrom = placed.length;
  for (const [index, deferred] of agenda.deferredToNextMeeting.entries()) {
    const row = existing.get(deferred.caseId);
    if (!row) continue;
    await tx.agendaItem.update({
      where: { id: row.id },
      data: { position: deferredFrom + index + 1, status: 'DEFERRED', deferralReason: deferred.reason },
    });
  }
  if (options.removeMissing) {
    const kept = new Set([...placed.map(({ item }) => item.caseId), ...agenda.deferredToNextMeeting.map((d) => d.caseId)]);
    const gone = [...existing.values()].filter((row) => !kept.has(row.caseId) && !HELD_STATUSES.has(row.status)).map((row) => row.id);
    if (gone.length > 0) await tx.agendaItem.deleteMany({ where: { id: { in: gone } } });
  }
}
