// A county-sized PostgreSQL database for the benchmark: the fictional demo partnership (agencies,
// members, panels, risk templates), grown with set-based SQL to `--cases` open cases with their
// people, places, years of incidents, referrals, assessments, meetings, agendas, actions in every
// state and audit rows. Built once per size and schema (the database's comment records both, and
// is written last, so a half-built database is built again) and reused by `npm run bench`.
//
//   npx tsx bench/county/generate.ts --cases 10000     (BENCH_DATABASE_URL names the server)
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { migrationsDir } from '../../api/paths';
import { openDatabase } from '../../api/store/database';
import { applyMigrations, readMigrations } from '../../api/store/migrations';
import { seedDemoData, DEMO_MEMBERS, DEMO_PARTNERSHIP_ID, DEMO_TENANT_ID } from '../../api/store/demo-data';
import { FAMILY_NAMES, GIVEN_NAMES, STREETS, WARDS } from '../../api/store/demo-data/names';
import { personNameKey } from '../../api/domain/matching/names';
import { personMatchKeys } from '../../api/domain/matching/blocking';
import { hashOf, GENESIS_HASH, type ChainedFields } from '../../api/services/audit';
import { databaseUrlNamed } from '../../tests/support/template-database';

export const COUNTY_SIZES = [1000, 10_000, 100_000] as const;
const DEFAULT_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface CountyDatabase {
  name: string;
  url: string;
  cases: number;
  /** The London day the data was generated for: the bench runs the app's clock on it. */
  day: string;
  /** Seconds spent generating, or null when an existing database was reused. */
  generatedInSeconds: number | null;
}

export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER;
}

export function countyDatabaseName(cases: number): string {
  return `asb_bench_${cases}`;
}

/**
 * Every migration by name and checksum, hashed: a migration merged in with an earlier timestamp than
 * the latest (two branches meeting) changes it, where the latest name alone would not.
 */
function schemaKey(): string {
  const migrations = readMigrations(migrationsDir).map((migration) => `${migration.name}:${migration.checksum}`);
  return createHash('sha256').update(migrations.join('\n')).digest('hex').slice(0, 16);
}

/** Bumped whenever the generator makes different rows, so older databases are built again. */
const GENERATOR_VERSION = 4;

/** What the comment of a finished database says: the generator, the size, the schema and the day. */
function stamp(cases: number, day: string): string {
  return `asb-bench v${GENERATOR_VERSION} cases=${cases} schema=${schemaKey()} day=${day}`;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The county database of this size, generated first when missing, unfinished or of an older schema. */
export async function countyDatabase(cases: number, log: (line: string) => void = () => undefined): Promise<CountyDatabase> {
  const server = benchServerUrl();
  const name = countyDatabaseName(cases);
  const url = databaseUrlNamed(server, name);
  const comment = await withClient(server, async (admin) => {
    const rows = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows.rows[0] ? (rows.rows[0].comment ?? '') : null;
  });
  const reusable = comment?.match(/^asb-bench v(\d+) cases=(\d+) schema=(\S+) day=(\d{4}-\d{2}-\d{2})$/);
  if (reusable && Number(reusable[1]) === GENERATOR_VERSION && Number(reusable[2]) === cases && reusable[3] === schemaKey()) {
    return { name, url, cases, day: reusable[4]!, generatedInSeconds: null };
  }
  const started = Date.now();
  const day = new Date().toISOString().slice(0, 10);
  await withClient(server, async (admin) => {
    // Only ever this bench's own database of this size.
    if (comment !== null) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  log(`generating ${name} (${cases} open cases) ...`);
  const db = await openDatabase({ kind: 'postgresql', url });
  try {
    await applyMigrations(db.sql, readMigrations(migrationsDir));
    await seedDemoData(db.prisma, { today: new Date(`${day}T12:00:00Z`) });
  } finally {
    await db.close();
  }
  await withClient(url, async (client) => {
    await growCounty(client, cases, day, log);
    await addAuditTrail(client, day);
    // VACUUM as well, as autovacuum does to a settled table: without the visibility map it sets, the
    // planner will not read the governance figures' covering indexes alone (index-only scans).
    log('vacuuming and analysing ...');
    await client.query('VACUUM ANALYZE');
  });
  await withClient(server, (admin) => admin.query(`COMMENT ON DATABASE ${name} IS '${stamp(cases, day)}'`));
  return { name, url, cases, day, generatedInSeconds: (Date.now() - started) / 1000 };
}

const ACTION_TITLES = [
  'Joint visit to the victim with the housing officer',
  'Review the tenancy and serve a warning letter',
  'Refer to the mental health liaison team',
  'Install additional CCTV coverage',
  'Arrange mediation between the neighbours',
  'Safeguarding referral to adult social care',
  'Check for a community protection warning',
  'Target-hardening: new locks and door chain',
  'Share the incident log with the lead agency',
  'Make contact with the school about the young people involved',
  'Apply for a civil injunction',
  'Signpost to victim support and agree a contact plan',
];

/**
 * Everything beyond the demo, in one transaction of INSERT ... SELECT over generate_series. Rows are
 * derived from the case number with ids hashed from names (pg_temp.bench_id), so every table can find its parents by
 * arithmetic rather than by lookups.
 */
async function growCounty(client: Client, cases: number, day: string, log: (line: string) => void): Promise<void> {
  const officers = Math.max(60, Math.round(cases / 25));
  const closed = Math.round(cases / 5);
  const names = GIVEN_NAMES.flatMap((given) =>
    FAMILY_NAMES.map((family) => ({ given, family, key: personNameKey(given, family), match: personMatchKeys(given, family) })),
  );
  const chair = DEMO_MEMBERS.find((m) => m.roles.includes('PANEL_CHAIR'))!;
  const params = {
    p: DEMO_PARTNERSHIP_ID,
    n: cases,
    total: cases + closed,
    m: officers,
    day,
    chair: chair.id,
    tenant: DEMO_TENANT_ID,
  };
  // Named parameters (:n, :day, ...), so the statements below read as SQL; $x1, $x2 ... are extra ones.
  const run = async (label: string, sql: string, extra: unknown[] = []) => {
    const started = Date.now();
    const used: unknown[] = [...extra];
    const slots = new Map<string, number>();
    const text = sql
      .replace(/\$x(\d+)/g, (_, i: string) => `$${i}`)
      .replace(/(?<!:):(p|n|total|m|day|chair|tenant)\b/g, (_, key: keyof typeof params) => {
        if (!slots.has(key)) slots.set(key, used.push(params[key]));
        return `$${slots.get(key)!}`;
      });
    const result = await client.query(text, used);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  await client.query('BEGIN');
  // A uuid from a name, with the version and variant bits of a random one, as the API's id checks expect.
  await client.query(`CREATE FUNCTION pg_temp.bench_id(name text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM (SELECT md5(name) AS h) AS hashed $$`);
  await client.query(`CREATE TEMP TABLE bench_refs ON COMMIT DROP AS
    SELECT (SELECT array_agg(id ORDER BY name) FROM "Agency") AS ag,
           (SELECT array_agg(id ORDER BY name) FROM "Agency" WHERE type IN ('POLICE', 'COUNCIL_ASB', 'HOUSING_PROVIDER')) AS leads,
           (SELECT id FROM "Panel" WHERE type = 'CMARAC') AS cmarac,
           (SELECT id FROM "Panel" WHERE type = 'OFFENDER_PANEL') AS offender,
           (SELECT id FROM "Panel" WHERE type = 'PROBLEM_SOLVING_FORUM') AS forum`);
  // Case c: kind by c % 10 (half victims, three in ten perpetrators, two in ten places); open when
  // c <= n; heard at the meeting `heard` months ago (2 to 47), except one open case in twenty,
  // referred lately and waiting for its first hearing.
  await client.query(
    `CREATE TEMP TABLE bench_case ON COMMIT DROP AS
    SELECT c,
           pg_temp.bench_id('bench:case:' || c) AS id,
           CASE WHEN c % 10 < 5 THEN 'VICTIM' WHEN c % 10 < 8 THEN 'PERPETRATOR' ELSE 'LOCATION' END AS kind,
           CASE WHEN c % 10 < 5 THEN 'CMARAC' WHEN c % 10 < 8 THEN 'OFFENDER_PANEL' ELSE 'PROBLEM_SOLVING_FORUM' END AS panel_type,
           c <= $1 AS open,
           CASE WHEN c <= $1 AND c % 20 = 0 THEN NULL ELSE 2 + (c * 7) % 46 END AS heard,
           pg_temp.bench_id('bench:person:' || c) AS person,
           pg_temp.bench_id('bench:witness:' || c) AS witness,
           pg_temp.bench_id('bench:location:' || c) AS location,
           pg_temp.bench_id('bench:referral:' || c) AS referral,
           1 + (c * 13) % $2 AS referrer
      FROM generate_series(1, $3::int) AS c`,
    [cases, officers, cases + closed],
  );
  await client.query(`ALTER TABLE bench_case ADD COLUMN opened timestamptz, ADD COLUMN meeting uuid, ADD COLUMN meeting_at timestamptz`);
  await client.query(
    `UPDATE bench_case SET
       meeting = CASE WHEN heard IS NULL THEN NULL ELSE pg_temp.bench_id('bench:meeting:' || panel_type || ':' || heard) END,
       meeting_at = CASE WHEN heard IS NULL THEN NULL
                         ELSE date_trunc('month', $1::date) - make_interval(months => heard) + interval '9 days 10 hours' END,
       opened = CASE WHEN heard IS NULL THEN $1::date - make_interval(days => 5 + c % 25) + interval '11 hours'
                     ELSE date_trunc('month', $1::date) - make_interval(months => heard) - make_interval(days => 5 + c % 20) + interval '11 hours' END`,
    [day],
  );
  await client.query('CREATE INDEX ON bench_case (c)');
  log(`  plan: ${cases + closed} cases (${cases} open), ${officers} officers`);

  await run(
    'officers',
    `INSERT INTO "Member" (id, "partnershipId", "agencyId", "entraObjectId", "tenantId", "displayName", email, "jobTitle", roles, "updatedAt")
     SELECT pg_temp.bench_id('bench:member:' || i), :p::uuid, r.ag[1 + i % array_length(r.ag, 1)], pg_temp.bench_id('bench:entra:' || i)::text, :tenant,
            'Officer ' || i || ' Example', 'officer' || i || '@bench.example', 'Caseworker', '{PANEL_MEMBER,REFERRER}', now()
       FROM generate_series(1, :m::int) AS i, bench_refs r`,
  );
  await run(
    'people',
    `INSERT INTO "Person" (id, "partnershipId", "givenName", "familyName", "dateOfBirth", "nameKey", vulnerabilities, "createdAt", "updatedAt",
                           "matchLength", "matchBag", "matchExtra")
     SELECT p.id, :p::uuid, ($x1::text[])[1 + k], ($x2::text[])[1 + k], date '1950-01-01' + (h % 20000), ($x3::text[])[1 + k],
            CASE WHEN h % 4 = 0 THEN '{mental health}'::text[] ELSE '{}' END, b.opened, b.opened,
            ($x5::int[])[1 + k], ($x6::bigint[])[1 + k], ($x7::int[])[1 + k]
       FROM bench_case b
       CROSS JOIN LATERAL (VALUES (b.person, b.c), (CASE WHEN b.c % 3 = 0 THEN b.witness END, b.c + 7919)) AS p(id, seed)
       CROSS JOIN LATERAL (SELECT abs(hashtext('bench:name:' || p.seed)) AS h) hh
       CROSS JOIN LATERAL (SELECT hh.h % $x4::int AS k) kk
      WHERE p.id IS NOT NULL AND (b.kind <> 'LOCATION' OR p.id = b.witness)`,
    [
      names.map((x) => x.given),
      names.map((x) => x.family),
      names.map((x) => x.key),
      names.length,
      // The people search's blocking keys, as the app writes them (api/domain/matching/blocking.ts).
      names.map((x) => x.match.matchLength),
      names.map((x) => x.match.matchBag.toString()),
      names.map((x) => x.match.matchExtra),
    ],
  );
  await run(
    'places',
    `INSERT INTO "Location" (id, "partnershipId", kind, "addressLine1", town, postcode, "postcodeKey", "addressKey", ward, area, "createdAt", "updatedAt")
     SELECT b.location, :p::uuid, CASE WHEN b.kind = 'LOCATION' THEN 'PUBLIC_SPACE' ELSE 'DWELLING' END::"LocationKind",
            addr, ($x3::text[])[1 + w], pc, pc, lower(addr), ($x1::text[])[1 + w], ($x4::text[])[1 + w], b.opened, b.opened
       FROM bench_case b
       CROSS JOIN LATERAL (SELECT b.c % $x5::int AS w) ww
       CROSS JOIN LATERAL (SELECT (1 + b.c % 180) || ' ' || ($x2::text[])[1 + b.c % $x6::int] AS addr,
                                  ($x7::text[])[1 + ww.w] || ' ' || (b.c % 9 + 1) || chr(65 + b.c % 26) || chr(65 + (b.c / 26) % 26) AS pc) a`,
    [
      WARDS.map((w) => w.name),
      [...STREETS],
      WARDS.map((w) => w.town),
      WARDS.map((w) => w.area),
      WARDS.length,
      STREETS.length,
      WARDS.map((w) => w.district),
    ],
  );
  await run(
    'cases',
    `INSERT INTO "Case" (id, "partnershipId", reference, kind, status, "leadAgencyId", "currentRiskBand", summary, "openedAt", "lastHeardAt",
                         "nextReviewDue", "closedAt", "closureReason", "retentionReviewDue", "createdAt", "updatedAt")
     SELECT b.id, :p::uuid, 'CTY-' || to_char(b.opened, 'YYYY') || '-' || lpad(b.c::text, 6, '0'), b.kind::"SubjectType",
            CASE WHEN b.open THEN 'OPEN' ELSE 'CLOSED' END::"CaseStatus",
            r.leads[1 + b.c % array_length(r.leads, 1)],
            (ARRAY['HIGH', 'MEDIUM', 'MEDIUM', 'LOW', 'HIGH'])[1 + b.c % 5]::"RiskBand",
            'County-scale benchmark case', b.opened, b.meeting_at,
            CASE WHEN b.open THEN :day::date + (b.c * 11) % 120 - 30 END,
            CASE WHEN b.open THEN NULL ELSE b.meeting_at + interval '1 month' END,
            CASE WHEN b.open THEN NULL ELSE 'Risk reduced; no further incidents' END,
            CASE WHEN b.open THEN NULL ELSE (b.meeting_at + interval '25 months')::date END,
            b.opened, coalesce(b.meeting_at, b.opened)
       FROM bench_case b, bench_refs r`,
  );
  await run(
    'case subjects',
    `INSERT INTO "CaseSubject" ("caseId", "personId", role, "addedAt")
     SELECT b.id, b.person, CASE WHEN b.kind = 'PERPETRATOR' THEN 'PERPETRATOR' ELSE 'VICTIM' END::"CaseRole", b.opened
       FROM bench_case b WHERE b.kind <> 'LOCATION'
     UNION ALL
     SELECT b.id, b.witness, 'WITNESS', b.opened FROM bench_case b WHERE b.c % 3 = 0`,
  );
  await run('case places', `INSERT INTO "CaseLocation" ("caseId", "locationId", "addedAt") SELECT id, location, opened FROM bench_case`);
  await run(
    'incidents (about 20 a case, over the years before and after referral)',
    `INSERT INTO "Incident" (id, "partnershipId", "caseId", "locationId", "reportedToAgencyId", "occurredAt", "reportedAt", category, description, "createdAt")
     SELECT pg_temp.bench_id('bench:incident:' || b.c || ':' || k), :p::uuid, b.id, b.location, r.ag[1 + (b.c + k) % array_length(r.ag, 1)],
            t, t + interval '3 hours', (ARRAY['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'])[1 + (b.c + k) % 3]::"AsbCategory",
            'Reported anti-social behaviour near the home (benchmark)', t + interval '1 day'
       FROM bench_case b, bench_refs r, generate_series(1, 10 + b.c % 21) AS k,
            LATERAL (SELECT b.opened - make_interval(days => (k * 53 + b.c) % 400) + make_interval(hours => k % 24) AS t) tt`,
  );
  await run(
    'people in incidents',
    `INSERT INTO "IncidentPerson" ("incidentId", "personId", role, "occurredAt")
     SELECT i.id, b.person, CASE WHEN b.kind = 'PERPETRATOR' THEN 'PERPETRATOR' ELSE 'VICTIM' END::"CaseRole", i."occurredAt"
       FROM bench_case b JOIN "Incident" i ON i."caseId" = b.id
      WHERE b.kind <> 'LOCATION' AND i."occurredAt" >= b.opened - interval '200 days'`,
  );
  await run(
    'referrals',
    `INSERT INTO "Referral" (id, "partnershipId", "subjectType", status, "referrerId", "referrerAgencyId", "panelId", "caseId", "personId",
                             "locationId", reason, "criteriaMet", route, "routingExplanation", "submittedAt", "decidedAt", "decidedById",
                             "createdAt", "updatedAt")
     SELECT b.referral, :p::uuid, b.kind::"SubjectType",
            CASE WHEN b.open AND b.c % 40 = 20 THEN 'SUBMITTED' ELSE 'ACCEPTED' END::"ReferralStatus",
            pg_temp.bench_id('bench:member:' || b.referrer), r.ag[1 + b.referrer % array_length(r.ag, 1)],
            CASE b.panel_type WHEN 'CMARAC' THEN r.cmarac WHEN 'OFFENDER_PANEL' THEN r.offender ELSE r.forum END,
            b.id, CASE WHEN b.kind <> 'LOCATION' THEN b.person END, CASE WHEN b.kind = 'LOCATION' THEN b.location END,
            'Repeated incidents and rising risk', CASE WHEN b.c % 6 = 0 THEN '{VISIBLE_HIGH_RISK,REPEAT_REFERRAL}' ELSE '{VISIBLE_HIGH_RISK}' END::"ReferralCriterion"[],
            'PANEL', 'High risk: heard at the panel', b.opened, CASE WHEN b.open AND b.c % 40 = 20 THEN NULL ELSE b.opened + interval '2 days' END,
            CASE WHEN b.open AND b.c % 40 = 20 THEN NULL ELSE :chair::uuid END, b.opened, b.opened
       FROM bench_case b, bench_refs r`,
  );
  await run(
    'risk assessments',
    `INSERT INTO "RiskAssessment" (id, "templateId", "subjectType", "caseId", "referralId", "personId", "locationId", "assessedById", answers,
                                   score, "calculatedBand", "finalBand", reasons, "assessedAt")
     SELECT pg_temp.bench_id('bench:assessment:' || b.c), t.id, b.kind::"SubjectType", b.id, b.referral,
            CASE WHEN b.kind <> 'LOCATION' THEN b.person END, CASE WHEN b.kind = 'LOCATION' THEN b.location END,
            pg_temp.bench_id('bench:member:' || b.referrer), '{}'::jsonb, (b.c * 13) % 40, band, band, '{}', b.opened
       FROM bench_case b
       JOIN LATERAL (SELECT id FROM "RiskTemplate" WHERE "subjectType" = b.kind::"SubjectType" ORDER BY "isActive" DESC, version DESC LIMIT 1) t ON true
       CROSS JOIN LATERAL (SELECT (ARRAY['HIGH', 'MEDIUM', 'MEDIUM', 'LOW', 'HIGH'])[1 + b.c % 5]::"RiskBand" AS band) bb`,
  );
  await run(
    'past meetings (monthly, four years, each panel)',
    `INSERT INTO "Meeting" (id, "panelId", "startsAt", "endsAt", "referralCutoff", status, "graphTransactionId", "createdAt", "updatedAt")
     SELECT pg_temp.bench_id('bench:meeting:' || p.type || ':' || k), p.id, s, s + interval '3 hours', s - interval '10 days', 'ENDED',
            pg_temp.bench_id('bench:graph-transaction:' || p.type || ':' || k), s - interval '1 month', s
       FROM "Panel" p, generate_series(2, 47) AS k,
            LATERAL (SELECT date_trunc('month', :day::date) - make_interval(months => k) + interval '9 days 10 hours' AS s) ss`,
  );
  await run(
    'agenda items (each case heard once)',
    `INSERT INTO "AgendaItem" (id, "meetingId", "caseId", "referralId", position, reasons, "reasonText", minutes, "requiredAgencyIds", status,
                               "caseDecision", decisions, "createdAt", "updatedAt")
     SELECT pg_temp.bench_id('bench:agenda:' || b.c), b.meeting, b.id, b.referral, row_number() OVER (PARTITION BY b.meeting ORDER BY b.c),
            '{NEW_REFERRAL}', 'New referral', 15, '{}', 'DISCUSSED', CASE WHEN b.open THEN 'KEEP_ON' ELSE 'CLOSE' END::"CaseDecision",
            'Actions agreed', b.meeting_at - interval '5 days', b.meeting_at
       FROM bench_case b WHERE b.meeting IS NOT NULL`,
  );
  // About five actions a case: finished on closed cases; on open ones, every state, and about half
  // of the open ones overdue. Owners are officers of the owning agency, or nobody named yet.
  await run(
    'actions (about 5 a case, every state)',
    `INSERT INTO "Action" (id, "partnershipId", "caseId", "meetingId", "agendaItemId", title, "ownerAgencyId", "ownerMemberId", "createdById",
                           "dueDate", priority, status, "progressNote", "completedAt", version, "createdAt", "updatedAt")
     SELECT pg_temp.bench_id('bench:action:' || b.c || ':' || j), :p::uuid, b.id, b.meeting,
            CASE WHEN b.meeting IS NOT NULL THEN pg_temp.bench_id('bench:agenda:' || b.c) END,
            ($x1::text[])[1 + (b.c + j) % $x2::int], r.ag[1 + a], CASE WHEN j % 5 = 0 THEN NULL ELSE pg_temp.bench_id('bench:member:' || o) END,
            :chair::uuid,
            CASE WHEN s IN ('COMPLETED', 'CANCELLED') THEN (coalesce(b.meeting_at, b.opened) + interval '28 days')::date
                 ELSE :day::date + (b.c * j * 7) % 120 - 60 END,
            (ARRAY['NORMAL', 'NORMAL', 'HIGH', 'LOW', 'URGENT'])[1 + (b.c + j) % 5]::"ActionPriority", s::"ActionStatus",
            CASE WHEN s = 'IN_PROGRESS' THEN 'Visited; follow-up booked' END,
            CASE WHEN s = 'COMPLETED' THEN coalesce(b.meeting_at, b.opened) + interval '20 days' END,
            CASE WHEN s = 'PROPOSED' THEN 0 ELSE 2 END, coalesce(b.meeting_at, b.opened), coalesce(b.meeting_at, b.opened)
       FROM bench_case b, bench_refs r, generate_series(1, 3 + b.c % 5) AS j,
            LATERAL (SELECT (b.c + j) % array_length(r.ag, 1) AS a, (b.c * 31 + j * 17) % 20 AS h) x,
            -- officer i belongs to agency ag[1 + i % 10]: pick one of the owning agency's officers
            LATERAL (SELECT coalesce(nullif((abs(hashtext(b.c || ':' || j)) % (:m::int / 10)) * 10 + x.a, 0), (:m::int / 10) * 10) AS o) oo,
            LATERAL (SELECT CASE WHEN NOT b.open THEN (CASE WHEN j % 7 = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END)
                                 WHEN x.h < 8 THEN 'COMPLETED' WHEN x.h = 8 THEN 'CANCELLED' WHEN x.h < 11 THEN 'PROPOSED'
                                 WHEN x.h < 14 OR x.h = 19 THEN 'ACCEPTED' WHEN x.h < 18 THEN 'IN_PROGRESS' ELSE 'BLOCKED' END AS s) ss`,
    [ACTION_TITLES, ACTION_TITLES.length],
  );
  await run(
    'case agencies (lead, and every agency owning an action)',
    `INSERT INTO "CaseAgency" ("caseId", "agencyId", since)
     SELECT b.id, c."leadAgencyId", b.opened FROM bench_case b JOIN "Case" c ON c.id = b.id
     UNION
     SELECT a."caseId", a."ownerAgencyId", min(a."createdAt") FROM "Action" a JOIN bench_case b ON b.id = a."caseId" GROUP BY 1, 2
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'action history',
    `INSERT INTO "ActionEvent" (id, "actionId", kind, "fromStatus", "toStatus", "actorId", note, at)
     SELECT pg_temp.bench_id('bench:event:' || a.id || ':created'), a.id, 'CREATED', NULL::"ActionStatus", 'PROPOSED'::"ActionStatus", a."createdById", NULL, a."createdAt"
       FROM "Action" a JOIN bench_case b ON b.id = a."caseId"
     UNION ALL
     SELECT pg_temp.bench_id('bench:event:' || a.id || ':status'), a.id,
            (CASE a.status WHEN 'IN_PROGRESS' THEN 'PROGRESS_UPDATED' ELSE a.status::text END)::"ActionEventKind",
            'PROPOSED'::"ActionStatus", a.status, coalesce(a."ownerMemberId", a."createdById"), a."progressNote", a."createdAt" + interval '3 days'
       FROM "Action" a JOIN bench_case b ON b.id = a."caseId" WHERE a.status <> 'PROPOSED'`,
  );
  await run(
    'chats the bot can write to (each officer)',
    `INSERT INTO "ConversationReference" (id, "memberId", kind, "conversationId", "serviceUrl", "tenantId", "botId", "userId", "userAadObjectId", reference)
     SELECT pg_temp.bench_id('bench:conversation:' || i), pg_temp.bench_id('bench:member:' || i), 'PERSONAL', 'a:1bench-' || i, 'http://127.0.0.1:9/',
            :tenant, '28:bench-bot', '29:1bench-' || i, pg_temp.bench_id('bench:entra:' || i)::text,
            jsonb_build_object('conversation', jsonb_build_object('id', 'a:1bench-' || i, 'conversationType', 'personal', 'tenantId', :tenant::text),
                               'serviceUrl', 'http://127.0.0.1:9/', 'channelId', 'msteams',
                               'user', jsonb_build_object('id', '29:1bench-' || i), 'bot', jsonb_build_object('id', '28:bench-bot'))
       FROM generate_series(1, :m::int) AS i`,
  );
  await client.query('COMMIT');
}

/**
 * Two audit rows a case (the referral's submission and a later read of the case), hash-chained in
 * order after the demo's own rows exactly as the app writes them, so `/api/audit/verify` passes.
 */
async function addAuditTrail(client: Client, day: string): Promise<void> {
  const last = await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const sources = await client.query<{ id: string; referral: string; referrer: string; opened: Date }>(
    `SELECT c.id, r.id AS referral, r."referrerId" AS referrer, c."openedAt" AS opened
       FROM "Case" c JOIN "Referral" r ON r."caseId" = c.id WHERE c.reference LIKE 'CTY-%' ORDER BY c."openedAt", c.id`,
  );
  const rows: Array<ChainedFields & { hash: string }> = [];
  const at = new Date(`${day}T08:00:00Z`);
  const push = (fields: Omit<ChainedFields, 'prevHash' | 'partnershipId' | 'actorKind' | 'requestId' | 'before'>) => {
    const full: ChainedFields = {
      ...fields,
      actorKind: 'MEMBER',
      partnershipId: DEMO_PARTNERSHIP_ID,
      before: null,
      requestId: null,
      prevHash,
    };
    const hash = hashOf(full);
    rows.push({ ...full, hash });
    prevHash = hash;
  };
  for (const s of sources.rows) {
    push({
      at: s.opened,
      actorId: s.referrer,
      event: 'referral.submit',
      entityType: 'Referral',
      entityId: s.referral,
      after: { caseId: s.id },
    });
  }
  for (const s of sources.rows) {
    push({ at, actorId: s.referrer, event: 'case.read', entityType: 'Case', entityId: s.id, after: null });
  }
  // Chained rows must go in in order, so one multi-row INSERT per slice.
  for (let start = 0; start < rows.length; start += 2000) {
    const slice = rows.slice(start, start + 2000);
    await client.query(
      `INSERT INTO "AuditEvent" (at, "actorKind", "actorId", "partnershipId", event, "entityType", "entityId", before, after, "requestId", "prevHash", hash)
       SELECT at, 'MEMBER', actor, $1::uuid, event, etype, eid, NULL, after, NULL, prev, hash
         FROM unnest($2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[])
              WITH ORDINALITY AS u(at, actor, event, etype, eid, after, prev, hash, ord)
        ORDER BY ord`,
      [
        DEMO_PARTNERSHIP_ID,
        slice.map((r) => r.at),
        slice.map((r) => r.actorId),
        slice.map((r) => r.event),
        slice.map((r) => r.entityType),
        slice.map((r) => r.entityId),
        slice.map((r) => (r.after === null ? null : JSON.stringify(r.after))),
        slice.map((r) => r.prevHash),
        slice.map((r) => r.hash),
      ],
    );
  }
}

function casesArgument(argv: string[]): number {
  const at = argv.indexOf('--cases');
  const value = Number(at >= 0 ? argv[at + 1] : 1000);
  if (!COUNTY_SIZES.includes(value as (typeof COUNTY_SIZES)[number])) {
    throw new Error(`Give --cases as one of ${COUNTY_SIZES.join(', ')}.`);
  }
  return value;
}

export { casesArgument };

if (require.main === module) {
  countyDatabase(casesArgument(process.argv), (line) => process.stdout.write(`${line}\n`)).then(
    (county) => {
      process.stdout.write(
        `${county.name}: ${county.generatedInSeconds === null ? 'reused' : `generated in ${county.generatedInSeconds.toFixed(1)} s`} (day ${county.day})\n`,
      );
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
