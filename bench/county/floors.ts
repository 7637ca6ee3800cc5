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

/** The busiest case member $1 of agency $2 may see in partnership $3: the most incidents, actions and hearings. */
export const BUSIEST_VISIBLE_CASE = `
  SELECT c.id FROM "Case" c
   WHERE c."partnershipId" = $3 AND c.status = 'OPEN' AND ${CASE_VISIBLE}
   ORDER BY (SELECT count(*) FROM "Incident" i WHERE i."caseId" = c.id)
          + (SELECT count(*) FROM "Action" a WHERE a."caseId" = c.id)
          + (SELECT count(*) FROM "AgendaItem" ai WHERE ai."caseId" = c.id) DESC, c.id
   LIMIT 1`;

/** The case overview's main rows for case $1 in one query: the case, its people, places, risk history, incidents, hearings and actions. */
export const CASE_OVERVIEW_FLOOR = `
  SELECT c.id, c.reference, c.kind, c.status, c."currentRiskBand", c.summary, c."openedAt", c."lastHeardAt", c."nextReviewDue",
         ag.name AS lead_agency,
         (SELECT json_agg(json_build_object('role', cs.role, 'id', p.id, 'given', p."givenName", 'family', p."familyName",
                                            'dob', p."dateOfBirth", 'vulnerabilities', p.vulnerabilities) ORDER BY cs.role, cs."addedAt")
            FROM "CaseSubject" cs JOIN "Person" p ON p.id = cs."personId" WHERE cs."caseId" = c.id) AS subjects,
         (SELECT json_agg(json_build_object('id', l.id, 'address', l."addressLine1", 'postcode', l.postcode, 'ward', l.ward) ORDER BY cl."addedAt")
            FROM "CaseLocation" cl JOIN "Location" l ON l.id = cl."locationId" WHERE cl."caseId" = c.id) AS locations,
         (SELECT json_agg(json_build_object('id', ra.id, 'at', ra."assessedAt", 'score', ra.score, 'band', ra."finalBand", 'by', m."displayName")
                          ORDER BY ra."assessedAt")
            FROM "RiskAssessment" ra JOIN "Member" m ON m.id = ra."assessedById" WHERE ra."caseId" = c.id) AS risk,
         (SELECT json_agg(json_build_object('id', i.id, 'at', i."occurredAt", 'category', i.category, 'description', i.description,
                                            'ward', l.ward, 'reportedTo', ra.name) ORDER BY i."occurredAt" DESC)
            FROM "Incident" i LEFT JOIN "Location" l ON l.id = i."locationId" LEFT JOIN "Agency" ra ON ra.id = i."reportedToAgencyId"
           WHERE i."caseId" = c.id) AS incidents,
         (SELECT json_agg(json_build_object('id', ai.id, 'status', ai.status, 'decisions', ai.decisions, 'meeting', mt.id,
                                            'startsAt', mt."startsAt", 'panel', p.name) ORDER BY mt."startsAt" DESC)
            FROM "AgendaItem" ai JOIN "Meeting" mt ON mt.id = ai."meetingId" JOIN "Panel" p ON p.id = mt."panelId"
           WHERE ai."caseId" = c.id) AS hearings,
         (SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'status', a.status, 'due', a."dueDate", 'agency', oa.name,
                                            'member', om."displayName", 'version', a.version) ORDER BY a."dueDate")
            FROM "Action" a JOIN "Agency" oa ON oa.id = a."ownerAgencyId" LEFT JOIN "Member" om ON om.id = a."ownerMemberId"
           WHERE a."caseId" = c.id) AS actions
    FROM "Case" c JOIN "Agency" ag ON ag.id = c."leadAgencyId"
   WHERE c.id = $1`;

/** What the side panel's ETag is made of for member $2 at meeting $1: the poll's whole read when nothing changed. */
export const MEETING_ROOM_TAG_FLOOR = `
  SELECT mt.version, ai."updatedAt", at.status, at."confidentialityAcceptedAt"
    FROM "Meeting" mt
    LEFT JOIN "AgendaItem" ai ON ai.id = mt."currentAgendaItemId"
    LEFT JOIN "Attendance" at ON at."meetingId" = mt.id AND at."memberId" = $2
   WHERE mt.id = $1`;

/** The side panel's full read of meeting $1: the agenda with each case, and the current case's people and open actions. */
export const MEETING_ROOM_FLOOR = `
  SELECT mt.id, mt.status, mt.version, p.name,
         (SELECT json_agg(json_build_object('id', ai.id, 'position', ai.position, 'status', ai.status, 'reason', ai."reasonText",
                                            'case', c.reference, 'band', c."currentRiskBand") ORDER BY ai.position)
            FROM "AgendaItem" ai JOIN "Case" c ON c.id = ai."caseId" WHERE ai."meetingId" = mt.id) AS items,
         (SELECT json_build_object('reference', c.reference, 'summary', c.summary,
                   'subjects', (SELECT json_agg(pp."givenName" || ' ' || pp."familyName") FROM "CaseSubject" cs
                                  JOIN "Person" pp ON pp.id = cs."personId" WHERE cs."caseId" = c.id),
                   'actions', (SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'due', a."dueDate", 'agency', oa.name)
                                               ORDER BY a."dueDate")
                                 FROM "Action" a JOIN "Agency" oa ON oa.id = a."ownerAgencyId"
                                WHERE a."caseId" = c.id AND a.status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED')))
            FROM "AgendaItem" ci JOIN "Case" c ON c.id = ci."caseId" WHERE ci.id = mt."currentAgendaItemId") AS current
    FROM "Meeting" mt JOIN "Panel" p ON p.id = mt."panelId"
   WHERE mt.id = $1`;

/**
 * The governance figures counted in SQL for partnership $1 over [$2, $3] (dates): actions set,
 * completed and overdue by agency, cases open by band, cases closed, interventions issued by type and
 * referrals by source agency, as (kind, key, count) rows.
 */
export const GOVERNANCE_FLOOR = `
  SELECT 'actions' AS kind, a."ownerAgencyId"::text AS key,
         count(*) FILTER (WHERE a.status <> 'CANCELLED' AND a."createdAt"::date BETWEEN $2::date AND $3::date) AS set,
         count(*) FILTER (WHERE a.status = 'COMPLETED' AND a."createdAt"::date BETWEEN $2::date AND $3::date) AS n,
         count(*) FILTER (WHERE a.status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED') AND a."dueDate" < $3::date) AS overdue
    FROM "Action" a WHERE a."partnershipId" = $1 AND a."createdAt" < $3::date + 1 GROUP BY a."ownerAgencyId"
  UNION ALL
  SELECT 'cases', coalesce(c."currentRiskBand"::text, 'UNASSESSED'), count(*), count(*) FILTER (WHERE c."closedAt" IS NOT NULL), 0
    FROM "Case" c WHERE c."partnershipId" = $1 AND c."openedAt" < $3::date + 1 AND (c."closedAt" IS NULL OR c."closedAt" >= $2::date)
   GROUP BY 2
  UNION ALL
  SELECT 'interventions', i.type::text, count(*), 0, 0
    FROM "Intervention" i JOIN "Case" c ON c.id = i."caseId"
   WHERE c."partnershipId" = $1 AND i."issuedOn" BETWEEN $2::date AND $3::date GROUP BY 2
  UNION ALL
  SELECT 'referrals', r."referrerAgencyId"::text, count(*), 0, 0
    FROM "Referral" r WHERE r."partnershipId" = $1 AND r."submittedAt" >= $2::date AND r."submittedAt" < $3::date + 1 GROUP BY 2`;

/** People search for member $1 of agency $2 in partnership $3: live people whose family name starts with $4, and whether a case they are on is visible. */
export const PEOPLE_SEARCH_FLOOR = `
  SELECT p.id, p."givenName", p."familyName", p."dateOfBirth",
         EXISTS (SELECT 1 FROM "CaseSubject" cs JOIN "Case" c ON c.id = cs."caseId" WHERE cs."personId" = p.id AND ${CASE_VISIBLE}) AS visible
    FROM "Person" p
   WHERE p."partnershipId" = $3 AND p."anonymisedAt" IS NULL AND lower(p."familyName") LIKE lower($4) || '%'`;

/**
 * The rows a submitted referral about a new victim writes, in one statement: the person, the case,
 * the victim's place on it, the referral and its risk assessment. $1 partnership, $2 referrer, $3
 * their agency, $4 panel, $5 risk template, $6 a number that keeps the reference unique.
 */
export const REFERRAL_INSERT_FLOOR = `
  WITH person AS (
    INSERT INTO "Person" (id, "partnershipId", "givenName", "familyName", "dateOfBirth", "nameKey", vulnerabilities, "updatedAt")
    VALUES (gen_random_uuid(), $1, 'Floor', 'Referral' || $6::int, date '1970-01-01', 'floor referral' || $6::int, '{}', now()) RETURNING id),
  kase AS (
    INSERT INTO "Case" (id, "partnershipId", reference, kind, "leadAgencyId", "currentRiskBand", summary, "nextReviewDue", "updatedAt")
    VALUES (gen_random_uuid(), $1, 'FLOOR-' || $6::int, 'VICTIM', $3, 'HIGH', 'Stones thrown at the windows', current_date + 28, now())
    RETURNING id),
  subject AS (
    INSERT INTO "CaseSubject" ("caseId", "personId", role, "addedAt") SELECT kase.id, person.id, 'VICTIM', now() FROM kase, person),
  referral AS (
    INSERT INTO "Referral" (id, "partnershipId", "subjectType", status, "referrerId", "referrerAgencyId", "panelId", "caseId", "personId",
                            reason, "criteriaMet", route, "routingExplanation", "submittedAt", "updatedAt")
    SELECT gen_random_uuid(), $1, 'VICTIM', 'SUBMITTED', $2, $3, $4, kase.id, person.id, 'Stones thrown at the windows',
           '{VISIBLE_HIGH_RISK}', 'PANEL', 'High risk', now(), now() FROM kase, person RETURNING id, "caseId", "personId")
  INSERT INTO "RiskAssessment" (id, "templateId", "subjectType", "caseId", "referralId", "personId", "assessedById", answers, score,
                                "calculatedBand", "finalBand", reasons, "assessedAt")
  SELECT gen_random_uuid(), $5, 'VICTIM', r."caseId", r.id, r."personId", $2, '[]'::jsonb, 60, 'HIGH', 'HIGH', '{}', now() FROM referral r`;
