// Per agency attending a meeting, how its actions for the panel stand: what the chair sees above the
// review of earlier actions, so an agency that keeps missing its actions is plain to the room.
import { Prisma } from '../store/generated/client';
import { londonDateOf } from '../domain/agenda/calendar-date';
import { OPEN_ACTION_STATUSES, UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../domain/actions/lifecycle';
import type { Tx } from './context';

export interface AgencyScore {
  agencyId: string;
  agency: string;
  /** Neither completed nor cancelled (blocked ones included, as they still need the panel), overdue ones included. */
  open: number;
  /** Still the agency's to do (proposed, accepted, in progress) and past the due date, London's day. */
  overdue: number;
  completed: number;
}

/**
 * Agencies signed in as present at the meeting; before anyone has signed in, the panel's agencies.
 * Their actions are those set at any meeting of the panel. One query.
 */
export async function agencyScorecard(tx: Tx, meetingId: string, panelId: string, now: Date): Promise<AgencyScore[]> {
  const today = londonDateOf(now);
  const statuses = (list: readonly ActionStatus[]) => Prisma.join(list.map((status) => Prisma.sql`${status}::"ActionStatus"`));
  const rows = await tx.$queryRaw<Array<{ agencyId: string; agency: string; open: number; overdue: number; completed: number }>>`
    WITH present AS (
      SELECT DISTINCT "agencyId" FROM "Attendance" WHERE "meetingId" = ${meetingId}::uuid AND "status" = 'PRESENT'
    ), attending AS (
      SELECT "agencyId" FROM present
      UNION
      SELECT "agencyId" FROM "PanelAgency" WHERE "panelId" = ${panelId}::uuid AND NOT EXISTS (SELECT 1 FROM present)
    )
    SELECT ag."id"::text AS "agencyId", ag."name" AS "agency",
      (COUNT(a."id") FILTER (WHERE a."status" IN (${statuses(UNFINISHED_ACTION_STATUSES)})))::int AS "open",
      (COUNT(a."id") FILTER (WHERE a."status" IN (${statuses(OPEN_ACTION_STATUSES)}) AND a."dueDate" < ${today}::date))::int AS "overdue",
      (COUNT(a."id") FILTER (WHERE a."status" = 'COMPLETED'))::int AS "completed"
    FROM attending
    JOIN "Agency" ag ON ag."id" = attending."agencyId"
    LEFT JOIN ("Action" a JOIN "Meeting" m ON m."id" = a."meetingId" AND m."panelId" = ${panelId}::uuid)
      ON a."ownerAgencyId" = ag."id"
    GROUP BY ag."id", ag."name"
    ORDER BY ag."name", ag."id"`;
  return rows.map((row) => ({ ...row, open: Number(row.open), overdue: Number(row.overdue), completed: Number(row.completed) }));
}
