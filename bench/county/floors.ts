// The hand-written SQL floors: one query that reads the same rows a hot path answers with, run on
// its own connection pool, so a ratio says how much the app adds on top of the database's own work.

/** Need-to-know as one predicate over case `c` for member $1 of agency $2 (the chair's case: may attend meetings). */
const CASE_VISIBLE = `
  (c."leadAgencyId" = $2
   OR EXISTS (SELECT 1 FROM "CaseAgency" ca WHERE ca."caseId" = c.id AND ca."agencyId" = $2)
   OR EXISTS (SELECT 1 FROM "Referral" r
                JOIN "Panel" p ON p.id = r."panelId"
               WHERE r."caseId" = c.id AND r.status IN ('SUBMITTED', 'ACCEPTED')
                 AND (EXISTS (SELECT 1 FROM "PanelChair" pc WHERE pc."panelId" = p.id AND pc."memberId" = $1)
                      OR EXISTS (SELECT 1 FROM "PanelAgency" pa WHERE pa."panelId" = p.id AND pa."agencyId" = $2)))
   OR EXISTS (SELECT 1 FROM "AgendaItem" ai JOIN "Meeting" mt ON mt.id = ai."meetingId"
               WHERE ai."caseId" = c.id
                 AND (EXISTS (SELECT 1 FROM "PanelChair" pc WHERE pc."panelId" = mt."panelId" AND pc."memberId" = $1)
                      OR EXISTS (SELECT 1 FROM "PanelAgency" pa WHERE pa."panelId" = mt."panelId" AND pa."agencyId" = $2))))`;

/** The first page (50 and one to know there are more) of the chair's outstanding actions: $1 member, $2 agency, $3 partnership, $4 extra filter value. */
export function outstandingActionsFloor(filter: 'plain' | 'overdue' | 'agency' | 'mine'): string {
  const scope =
    filter === 'mine'
      ? `(a."ownerMemberId" = $1 OR (a."ownerAgencyId" = $2 AND a."ownerMemberId" IS NULL))`
      : `(a."ownerAgencyId" = $2 OR a."ownerMemberId" = $1
          OR EXISTS (SELECT 1 FROM "PanelChair" pc WHERE pc."panelId" = mt."panelId" AND pc."memberId" = $1))`;
  const extra =
    filter === 'overdue'
      ? `AND a.status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS') AND a."dueDate" < $4::date`
      : filter === 'agency'
        ? `AND a."ownerAgencyId" = $4::uuid`
        : `AND $4::text IS NOT NULL`;
  return `
    SELECT a.id, a.title, a.status, a.priority, a."dueDate", a.version, c.id AS case_id, c.reference, c."currentRiskBand",
           p.id AS panel_id, p.name AS panel_name, ag.id AS agency_id, ag.name AS agency_name, m.id AS member_id, m."displayName"
      FROM "Action" a
      JOIN "Case" c ON c.id = a."caseId"
      JOIN "Agency" ag ON ag.id = a."ownerAgencyId"
      LEFT JOIN "Member" m ON m.id = a."ownerMemberId"
      LEFT JOIN "Meeting" mt ON mt.id = a."meetingId"
      LEFT JOIN "Panel" p ON p.id = mt."panelId"
     WHERE a."partnershipId" = $3 AND c."partnershipId" = $3
       AND a.status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED')
       AND ${scope} ${extra}
       AND ${CASE_VISIBLE}
     ORDER BY a."dueDate", a.id
     LIMIT 51`;
}

/**
 * The agenda builder's candidates for meeting $1 in one query: accepted referrals not heard
 * elsewhere (with the latest assessment), open cases of the panel due for review, with overdue or
 * blocked actions, or carried over; each with its agencies and earlier hearings.
 */
export const AGENDA_CANDIDATES_FLOOR = `
  WITH m AS (SELECT id, "panelId", "startsAt" FROM "Meeting" WHERE id = $1),
  on_panel AS (
    SELECT c.id, c."nextReviewDue", c."lastHeardAt", c."leadAgencyId" FROM "Case" c, m
     WHERE c.status = 'OPEN'
       AND (EXISTS (SELECT 1 FROM "Referral" r WHERE r."caseId" = c.id AND r."panelId" = m."panelId" AND r.status = 'ACCEPTED')
            OR EXISTS (SELECT 1 FROM "AgendaItem" ai JOIN "Meeting" mm ON mm.id = ai."meetingId"
                        WHERE ai."caseId" = c.id AND mm."panelId" = m."panelId"))),
  referred AS (
    SELECT r.id, r."caseId", r."submittedAt", r."criteriaMet",
           (SELECT ra."finalBand" FROM "RiskAssessment" ra WHERE ra."referralId" = r.id ORDER BY ra."assessedAt" DESC LIMIT 1) AS band
      FROM "Referral" r JOIN "Case" c ON c.id = r."caseId", m
     WHERE r."panelId" = m."panelId" AND r.status = 'ACCEPTED' AND r."submittedAt" < m."startsAt" AND c.status = 'OPEN'
       AND NOT EXISTS (SELECT 1 FROM "AgendaItem" ai WHERE ai."referralId" = r.id AND ai."meetingId" <> m.id)),
  problems AS (
    SELECT a."caseId", count(*) FILTER (WHERE a.status = 'BLOCKED') AS blocked,
           count(*) FILTER (WHERE a.status <> 'BLOCKED' AND a."dueDate" < $2::date) AS overdue
      FROM "Action" a JOIN on_panel o ON o.id = a."caseId"
     WHERE a.status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED') GROUP BY a."caseId"),
  carried AS (
    SELECT DISTINCT ON (ai."caseId") ai."caseId", ai.status, ai."deferralReason"
      FROM "AgendaItem" ai JOIN "Meeting" mm ON mm.id = ai."meetingId" JOIN "Case" c ON c.id = ai."caseId", m
     WHERE ai.status IN ('DEFERRED', 'SPILLED_OVER') AND mm."panelId" = m."panelId" AND mm."startsAt" < m."startsAt"
       AND (ai."deferredToMeetingId" IS NULL OR ai."deferredToMeetingId" = m.id) AND c.status = 'OPEN'
     ORDER BY ai."caseId", mm."startsAt" DESC),
  candidates AS (
    SELECT "caseId" AS id FROM referred
    UNION SELECT o.id FROM on_panel o, m WHERE o."nextReviewDue" <= $2::date
    UNION SELECT "caseId" FROM problems
    UNION SELECT "caseId" FROM carried)
  SELECT k.id, rf.id AS referral_id, rf."submittedAt", rf.band, o."nextReviewDue", pr.overdue, pr.blocked, cr.status AS carried,
         (SELECT array_agg(ca."agencyId") FROM "CaseAgency" ca WHERE ca."caseId" = k.id) AS agencies,
         (SELECT array_agg(mm."startsAt") FROM "AgendaItem" ai JOIN "Meeting" mm ON mm.id = ai."meetingId", m
           WHERE ai."caseId" = k.id AND ai.status = 'DISCUSSED' AND mm."startsAt" < m."startsAt") AS hearings
    FROM candidates k
    LEFT JOIN referred rf ON rf."caseId" = k.id
    LEFT JOIN on_panel o ON o.id = k.id
    LEFT JOIN problems pr ON pr."caseId" = k.id
    LEFT JOIN carried cr ON cr."caseId" = k.id`;
