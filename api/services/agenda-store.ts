// Turns stored agenda rows into the pure builder's Agenda and writes an Agenda back, keeping what
// happened in the meeting (an item being heard or already heard) as it is.
import { randomUUID } from 'node:crypto';
import type { Agenda, AgendaItem, AgendaReason } from '../domain/agenda/builder';
import { londonDateOf } from '../domain/agenda/calendar-date';
import type { Tx } from './context';

export interface StoredMeeting {
  startsAt: Date;
  panel: { meetingMinutes: number; defaultItemMinutes: number };
}

const HELD_STATUSES = new Set(['CURRENT', 'DISCUSSED']);

/** What the agenda's writers need of each stored row. */
const STORED_ROW = {
  id: true,
  caseId: true,
  status: true,
  position: true,
  reasons: true,
  reasonText: true,
  minutes: true,
  requiredAgencyIds: true,
  deferralReason: true,
  deferredToMeetingId: true,
} as const;

/**
 * The meeting's agenda rows as stored, in running order. Read once per change and handed to
 * saveAgenda, which compares against them: a county's meeting holds tens of thousands of rows.
 */
export function readStoredRows(tx: Tx, meetingId: string) {
  return tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' }, select: STORED_ROW });
}

export type StoredRow = Awaited<ReturnType<typeof readStoredRows>>[number];

export function storedAgenda(meeting: StoredMeeting, actionsReviewMinutes: number, rows: readonly StoredRow[]): Agenda {
  const item = (row: StoredRow): AgendaItem => ({
    caseId: row.caseId,
    reasons: row.reasons as AgendaReason[],
    why: row.reasonText,
    minutes: row.minutes,
    agencies: row.requiredAgencyIds,
    score: null,
  });
  return {
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
}

export interface SaveOptions {
  referralByCase?: ReadonlyMap<string, string>;
  /** Rows for cases no longer on the agenda are removed (a rebuild), unless already heard. */
  removeMissing?: boolean;
}

/** Rows written per statement: a county's rebuild places tens of thousands of cases, nearly all spilled over. */
const WRITE_BATCH = 5000;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += WRITE_BATCH) out.push(rows.slice(at, at + WRITE_BATCH));
  return out;
}

/** One agenda row's values as the batched statements below read them from JSON. */
interface RowValues {
  id: string;
  position: number;
  reasons: string[];
  reasonText: string;
  minutes: number;
  agencies: string[];
  status: string;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Writes the agenda in a few statements whatever its size: new rows in batched inserts and changed
 * rows in batched updates, each from one JSON parameter. A rebuild leaves most of a county's
 * spill-over as it was, so rows that would not change are not written at all. `stored` is the
 * meeting's rows as readStoredRows read them in this transaction.
 */
export async function saveAgenda(
  tx: Tx,
  meetingId: string,
  agenda: Agenda,
  stored: readonly StoredRow[],
  options: SaveOptions = {},
): Promise<void> {
  const existing = new Map(stored.map((row) => [row.caseId, row]));
  const placed = [
    ...agenda.items.map((item) => ({ item, status: 'PLANNED' as const })),
    ...agenda.spillOver.map((item) => ({ item, status: 'SPILLED_OVER' as const })),
  ];
  // Positions are unique per meeting by convention only (no index enforces it), so rows are renumbered in place.
  const updated: RowValues[] = [];
  const created: (RowValues & { caseId: string; referralId: string | null })[] = [];
  for (const [index, { item, status }] of placed.entries()) {
    const row = existing.get(item.caseId);
    const fields = { position: index + 1, reasons: item.reasons, reasonText: item.why, minutes: item.minutes, agencies: item.agencies };
    if (!row) {
      created.push({
        id: randomUUID(),
        caseId: item.caseId,
        referralId: options.referralByCase?.get(item.caseId) ?? null,
        status,
        ...fields,
      });
      continue;
    }
    const keptStatus = HELD_STATUSES.has(row.status) ? row.status : status;
    const unchanged =
      row.position === fields.position &&
      row.status === keptStatus &&
      row.reasonText === fields.reasonText &&
      row.minutes === fields.minutes &&
      row.deferralReason === null &&
      row.deferredToMeetingId === null &&
      sameList(row.reasons, fields.reasons) &&
      sameList(row.requiredAgencyIds, fields.agencies);
    if (!unchanged) updated.push({ id: row.id, status: keptStatus, ...fields });
  }
  // A row neither placed nor deferred (kept because it was heard) moves after the renumbered ones.
  const kept = new Set([...placed.map(({ item }) => item.caseId), ...agenda.deferredToNextMeeting.map((entry) => entry.caseId)]);
  const stray = [...existing.values()].filter((row) => !kept.has(row.caseId)).map((row) => row.id);
  if (stray.length > 0) await tx.agendaItem.updateMany({ where: { id: { in: stray } }, data: { position: { increment: 10_000 } } });
  const now = new Date();
  for (const batch of batches(updated)) {
    await tx.$executeRaw`
      UPDATE "AgendaItem" ai
         SET position = v.position, reasons = v.reasons::"AgendaItemReason"[], "reasonText" = v."reasonText", minutes = v.minutes,
             "requiredAgencyIds" = v.agencies::uuid[], status = v.status::"AgendaItemStatus",
             "deferralReason" = NULL, "deferredToMeetingId" = NULL, "updatedAt" = ${now}
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
             AS v(id uuid, position int, reasons text[], "reasonText" text, minutes int, agencies text[], status text)
       WHERE ai.id = v.id`;
  }
  for (const batch of batches(created)) {
    await tx.$executeRaw`
      INSERT INTO "AgendaItem" (id, "meetingId", "caseId", "referralId", position, reasons, "reasonText", minutes,
                                "requiredAgencyIds", status, "createdAt", "updatedAt")
      SELECT v.id, ${meetingId}::uuid, v."caseId", v."referralId", v.position, v.reasons::"AgendaItemReason"[], v."reasonText",
             v.minutes, v.agencies::uuid[], v.status::"AgendaItemStatus", ${now}, ${now}
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
             AS v(id uuid, "caseId" uuid, "referralId" uuid, position int, reasons text[], "reasonText" text, minutes int,
                  agencies text[], status text)`;
  }
  const deferredFrom = placed.length;
  const deferred = agenda.deferredToNextMeeting.flatMap((entry, index) => {
    const row = existing.get(entry.caseId);
    return row ? [{ id: row.id, position: deferredFrom + index + 1, reason: entry.reason }] : [];
  });
  for (const batch of batches(deferred)) {
    await tx.$executeRaw`
      UPDATE "AgendaItem" ai
         SET position = v.position, status = 'DEFERRED', "deferralReason" = v.reason, "updatedAt" = ${new Date()}
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS v(id uuid, position int, reason text)
       WHERE ai.id = v.id`;
  }
  if (options.removeMissing) {
    const gone = [...existing.values()].filter((row) => !kept.has(row.caseId) && !HELD_STATUSES.has(row.status)).map((row) => row.id);
    for (const batch of batches(gone)) await tx.agendaItem.deleteMany({ where: { id: { in: batch } } });
  }
}
