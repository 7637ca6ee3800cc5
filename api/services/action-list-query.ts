// The SQL behind the action lists: one query for the page the member sees and one for what the
// filters can choose from, each with need-to-know inside the query (the same rule as
// visibleCaseWhere in case-access.ts; tests/integration/action-list and access-matrix hold them
// together), so a county's tens of thousands of actions are filtered, ordered and cut to a page by
// the database rather than loaded and sifted here.
import { Prisma } from '../store/generated/client';
import type { ActionStatus } from '../domain/actions/lifecycle';
import type { CalendarDate } from '../domain/agenda/calendar-date';
import { PREPARED_STATEMENT } from '../store/database';
import type { Tx } from './context';

/** Who is asking, in the terms the access rule needs. */
export interface ActionListReader {
  partnershipId: string;
  memberId: string;
  agencyId: string;
  /** May read cases at all (case.read); without it no action is visible. */
  readsCases: boolean;
  /** Hears cases at panels where their agency has a seat (meeting.attend), not only those they chair. */
  sitsOnPanels: boolean;
  /** Sees the actions of the panels they chair (panel.chair), in the outstanding list. */
  chairs: boolean;
}

/** Outstanding: the member's panels, agency and own. Mine: named to them, or their agency's with nobody named. */
export type ActionListScope = 'outstanding' | 'mine';

export interface ActionListSqlFilters {
  statuses: readonly ActionStatus[];
  openStatuses: readonly ActionStatus[];
  panelId?: string | undefined;
  agencyId?: string | undefined;
  officerId?: string | undefined;
  overdue?: boolean | undefined;
  today: CalendarDate;
}

export interface ActionListRow {
  id: string;
  title: string;
  status: ActionStatus;
  priority: string;
  dueDate: CalendarDate;
  version: number;
  caseId: string;
  caseReference: string;
  caseRiskBand: 'LOW' | 'MEDIUM' | 'HIGH' | null;
  panelId: string | null;
  panelName: string | null;
  agencyId: string;
  agencyName: string;
  memberId: string | null;
  memberName: string | null;
  lastChasedAt: Date | null;
}

export interface ActionListChoiceRow {
  kind: 'panel' | 'agency' | 'officer';
  id: string;
  name: string;
}

const statusList = (statuses: readonly ActionStatus[]) => Prisma.join(statuses.map((status) => Prisma.sql`${status}::"ActionStatus"`));

/** The case `c` passes need-to-know for the reader: visibleCaseWhere as SQL. */
function caseVisible(reader: ActionListReader): Prisma.Sql {
  if (!reader.readsCases) return Prisma.sql`FALSE`;
  const hearingPanels = reader.sitsOnPanels
    ? Prisma.sql`SELECT pc."panelId" FROM "PanelChair" pc WHERE pc."memberId" = ${reader.memberId}::uuid
                 UNION SELECT pa."panelId" FROM "PanelAgency" pa WHERE pa."agencyId" = ${reader.agencyId}::uuid`
    : Prisma.sql`SELECT pc."panelId" FROM "PanelChair" pc WHERE pc."memberId" = ${reader.memberId}::uuid`;
  return Prisma.sql`(c."partnershipId" = ${reader.partnershipId}::uuid AND (
      c."leadAgencyId" = ${reader.agencyId}::uuid
      OR EXISTS (SELECT 1 FROM "CaseAgency" ca WHERE ca."caseId" = c.id AND ca."agencyId" = ${reader.agencyId}::uuid)
      OR EXISTS (SELECT 1 FROM "Referral" r
                  WHERE r."caseId" = c.id AND r.status IN ('SUBMITTED', 'ACCEPTED') AND r."panelId" IN (${hearingPanels}))
      OR EXISTS (SELECT 1 FROM "AgendaItem" ai JOIN "Meeting" am ON am.id = ai."meetingId"
                  WHERE ai."caseId" = c.id AND am."panelId" IN (${hearingPanels}))))`;
}

/** Whose actions the list holds, over action `a` and its meeting `mt`. */
function inScope(reader: ActionListReader, scope: ActionListScope): Prisma.Sql {
  if (scope === 'mine') {
    return Prisma.sql`(a."ownerMemberId" = ${reader.memberId}::uuid
                       OR (a."ownerAgencyId" = ${reader.agencyId}::uuid AND a."ownerMemberId" IS NULL))`;
  }
  const chaired = reader.chairs
    ? Prisma.sql`OR mt."panelId" IN (SELECT pc."panelId" FROM "PanelChair" pc WHERE pc."memberId" = ${reader.memberId}::uuid)`
    : Prisma.empty;
  return Prisma.sql`(a."ownerAgencyId" = ${reader.agencyId}::uuid OR a."ownerMemberId" = ${reader.memberId}::uuid ${chaired})`;
}

function filtered(filters: ActionListSqlFilters): Prisma.Sql {
  const parts = [Prisma.sql`a.status IN (${statusList(filters.statuses)})`];
  if (filters.panelId) parts.push(Prisma.sql`mt."panelId" = ${filters.panelId}::uuid`);
  if (filters.agencyId) parts.push(Prisma.sql`a."ownerAgencyId" = ${filters.agencyId}::uuid`);
  if (filters.officerId) parts.push(Prisma.sql`a."ownerMemberId" = ${filters.officerId}::uuid`);
  // Overdue as the lifecycle defines it: open and due before today (London).
  const overdue = Prisma.sql`(a.status IN (${statusList(filters.openStatuses)}) AND a."dueDate" < ${filters.today}::date)`;
  if (filters.overdue === true) parts.push(overdue);
  if (filters.overdue === false) parts.push(Prisma.sql`NOT ${overdue}`);
  return Prisma.join(parts, ' AND ');
}

/** Where the previous page ended, in the page's own order: the risk rank (risk order only), due date and id. */
export interface ActionListCursor {
  riskRank?: number | undefined;
  dueDate: CalendarDate;
  id: string;
}

/** The case's current band as the domain ranks it (ordering.ts): HIGH 0, MEDIUM 1, LOW 2, not assessed 3. */
const RISK_RANK = Prisma.sql`(CASE c."currentRiskBand" WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END)`;

/**
 * The next `limit` actions after `after`, in due-date order (then id) or, for `risk`, riskiest case
 * first (then due date, then id), with what the list shows of each. Due-date order walks each
 * status in turn, seeking the (partnershipId, status, dueDate, id) index to just after the cursor
 * and stopping at `limit`, then orders those few pages: the database reads about a page a status,
 * not every open action.
 * Risk order cannot walk an index of actions (the band is the case's), so it orders every action in
 * scope: the slower, rarer view.
 */
export async function actionListPage(
  tx: Tx,
  reader: ActionListReader,
  scope: ActionListScope,
  filters: ActionListSqlFilters,
  order: 'due' | 'risk',
  after: ActionListCursor | null,
  limit: number,
): Promise<(ActionListRow & { riskRank: number })[]> {
  if (filters.statuses.length === 0) return [];
  const where = (status: Prisma.Sql) => Prisma.sql`a."partnershipId" = ${reader.partnershipId}::uuid AND ${status}
        AND ${inScope(reader, scope)}
        AND ${filtered(filters)}
        AND ${caseVisible(reader)}`;
  let page: Prisma.Sql;
  if (order === 'due') {
    const seek = after ? Prisma.sql`AND (a."dueDate", a.id) > (${after.dueDate}::date, ${after.id}::uuid)` : Prisma.empty;
    // An officer's own list is a few of the partnership's actions: there each status's walk splits
    // by owner, so that it reads the owner indexes (by member, by agency) rather than every action.
    const owners =
      scope === 'mine'
        ? [
            Prisma.sql`AND a."ownerMemberId" = ${reader.memberId}::uuid`,
            Prisma.sql`AND a."ownerAgencyId" = ${reader.agencyId}::uuid AND a."ownerMemberId" IS NULL`,
          ]
        : [Prisma.empty];
    // One walk per status, written once and run for each status (LATERAL): the database plans the
    // walk once, not once per status, and planning this need-to-know filter costs as much as running it.
    const walks = owners.map(
      (owner) => Prisma.sql`(SELECT walk.id, walk."dueDate", 0 AS rank
         FROM unnest(ARRAY[${statusList(filters.statuses)}]) AS s(status)
         CROSS JOIN LATERAL (SELECT a.id, a."dueDate"
           FROM "Action" a
           JOIN "Case" c ON c.id = a."caseId"
           LEFT JOIN "Meeting" mt ON mt.id = a."meetingId"
          WHERE ${where(Prisma.sql`a.status = s.status ${owner}`)} ${seek}
          ORDER BY a."dueDate", a.id
          LIMIT ${limit}) AS walk)`,
    );
    page = Prisma.sql`SELECT id, "dueDate", rank FROM (${Prisma.join(walks, ' UNION ALL ')}) AS walked ORDER BY "dueDate", id LIMIT ${limit}`;
  } else {
    const seek = after
      ? Prisma.sql`AND (${RISK_RANK}, a."dueDate", a.id) > (${after.riskRank ?? 0}::int, ${after.dueDate}::date, ${after.id}::uuid)`
      : Prisma.empty;
    page = Prisma.sql`SELECT a.id, a."dueDate", ${RISK_RANK} AS rank
         FROM "Action" a
         JOIN "Case" c ON c.id = a."caseId"
         LEFT JOIN "Meeting" mt ON mt.id = a."meetingId"
        WHERE ${where(Prisma.sql`a.status IN (${statusList(filters.statuses)})`)} ${seek}
        ORDER BY rank, a."dueDate", a.id
        LIMIT ${limit}`;
  }
  // Prepared and planned once per connection with the parameters left open (a generic plan): this
  // query's plan does not turn on whose list it is, and planning it took as long as running it. SET
  // LOCAL lasts to the end of this transaction, whose other statements are simple lookups.
  await tx.$executeRawUnsafe('SET LOCAL plan_cache_mode = force_generic_plan');
  return tx.$queryRaw<(ActionListRow & { riskRank: number })[]>`${Prisma.raw(PREPARED_STATEMENT)}
    WITH page AS (${page})
    SELECT a.id::text AS "id", a.title, a.status::text AS "status", a.priority::text AS "priority",
           to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate", a.version,
           c.id::text AS "caseId", c.reference AS "caseReference", c."currentRiskBand"::text AS "caseRiskBand",
           p.id::text AS "panelId", p.name AS "panelName", ag.id::text AS "agencyId", ag.name AS "agencyName",
           m.id::text AS "memberId", m."displayName" AS "memberName", a."lastChasedAt", page.rank::int AS "riskRank"
      FROM page
      JOIN "Action" a ON a.id = page.id
      JOIN "Case" c ON c.id = a."caseId"
      JOIN "Agency" ag ON ag.id = a."ownerAgencyId"
      LEFT JOIN "Member" m ON m.id = a."ownerMemberId"
      LEFT JOIN "Meeting" mt ON mt.id = a."meetingId"
      LEFT JOIN "Panel" p ON p.id = mt."panelId"
     ORDER BY page.rank, page."dueDate", page.id`;
}

/**
 * The panels, agencies and officers of every unfinished action on the outstanding list, whatever
 * the filters. A chair's outstanding scope is most of the partnership's actions: each candidate
 * panel, agency and officer is probed for one such action (LIMIT 1 on an index by meeting or
 * owner), rather than reading thousands of actions to find a few dozen names. A panel is probed
 * meeting by meeting, once per way an action can be in scope (the reader's agency owns it, the
 * reader owns it, the reader chairs the panel), so that each probe seeks the index by meeting and
 * owner instead of walking every action of the panel that the reader may not see. Officers are
 * one probe each: their number, and so this answer, grows with the county.
 */
export async function actionListChoices(
  tx: Tx,
  reader: ActionListReader,
  unfinished: readonly ActionStatus[],
): Promise<ActionListChoiceRow[]> {
  const probe = (owner: Prisma.Sql) => Prisma.sql`(SELECT 1
       FROM "Action" a
       JOIN "Case" c ON c.id = a."caseId"
       LEFT JOIN "Meeting" mt ON mt.id = a."meetingId"
      WHERE ${owner} AND a."partnershipId" = ${reader.partnershipId}::uuid
        AND a.status IN (${statusList(unfinished)})
        AND ${inScope(reader, 'outstanding')}
        AND ${caseVisible(reader)}
      LIMIT 1)`;
  const atMeeting = (owner: Prisma.Sql) => Prisma.sql`EXISTS ${probe(Prisma.sql`a."meetingId" = pm.id AND ${owner}`)}`;
  const chairedPanel = reader.chairs
    ? Prisma.sql`OR (pm."panelId" IN (SELECT pc."panelId" FROM "PanelChair" pc WHERE pc."memberId" = ${reader.memberId}::uuid)
                     AND ${atMeeting(Prisma.sql`TRUE`)})`
    : Prisma.empty;
  return tx.$queryRaw<ActionListChoiceRow[]>`
    SELECT 'panel' AS "kind", p.id::text AS "id", p.name AS "name"
      FROM "Panel" p
     WHERE p."partnershipId" = ${reader.partnershipId}::uuid
       AND EXISTS (SELECT 1 FROM "Meeting" pm
                    WHERE pm."panelId" = p.id
                      AND (${atMeeting(Prisma.sql`a."ownerAgencyId" = ${reader.agencyId}::uuid`)}
                           OR ${atMeeting(Prisma.sql`a."ownerMemberId" = ${reader.memberId}::uuid`)}
                           ${chairedPanel}))
    UNION ALL
    SELECT 'agency', ag.id::text, ag.name
      FROM "Agency" ag CROSS JOIN LATERAL ${probe(Prisma.sql`a."ownerAgencyId" = ag.id`)} hit
     WHERE ag."partnershipId" = ${reader.partnershipId}::uuid
    UNION ALL
    SELECT 'officer', m.id::text, m."displayName"
      FROM "Member" m CROSS JOIN LATERAL ${probe(Prisma.sql`a."ownerMemberId" = m.id`)} hit
     WHERE m."partnershipId" = ${reader.partnershipId}::uuid`;
}
