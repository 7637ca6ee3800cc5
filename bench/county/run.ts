// `npm run bench -- --cases 1000|10000|100000`: the hot paths of a county-sized partnership on
// PostgreSQL, each next to its floor measured in the same run, in one table (bench/README.md).
//
// The county database is generated once per size (generate.ts); each run works on a fresh copy of
// it (CREATE DATABASE ... TEMPLATE), which it drops at the end, so runs do not drift. The app and
// its floors run in a child process (serve.ts); this process generates the load.
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { databaseUrlNamed } from '../../tests/support/template-database';
import { DEMO_MEMBERS, DEMO_PARTNERSHIP_ID, DEMO_TENANT_ID } from '../../api/store/demo-data';
import { addDays, addMonths } from '../../api/domain/agenda/calendar-date';
import { invokeBody, percentile, timeInvoke } from '../bare-bot';
import { benchServerUrl, casesArgument, countyDatabase } from './generate';
import {
  AGENDA_CANDIDATES_FLOOR,
  BUSIEST_VISIBLE_CASE,
  CASE_OVERVIEW_FLOOR,
  GOVERNANCE_FLOOR,
  MEETING_ROOM_FLOOR,
  MEETING_ROOM_TAG_FLOOR,
  PEOPLE_SEARCH_FLOOR,
  REFERRAL_INSERT_FLOOR,
  outstandingActionsFloor,
} from './floors';
import type { ServerReady, ServerReply, ServerRequest } from './serve';
import { APP_HEAP_MB, APP_MALLOC_ARENA_MAX, APP_SEMI_SPACE_MB, startBenchServer } from './server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const INVOKE_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 10);
const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 20);
/** `BENCH_REMINDERS=0` skips the reminder cycle, which takes minutes at 10,000 cases. */
const REMINDERS = process.env.BENCH_REMINDERS !== '0';
/**
 * `BENCH_LOADS=0` skips the HTTP loads: the reminder cycle alone, in a process that has served nothing.
 * The table's reminder line is measured with the loads, as the app runs the cycle after a day's work.
 */
const LOADS = process.env.BENCH_LOADS !== '0';

interface Sample {
  latencies: number[];
  seconds: number;
  errors: number;
}

interface Row {
  path: string;
  sample: Sample;
  floors: { name: string; sample: Sample }[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** `connections` loops each sending one request after another for SECONDS; a non-2xx answer is an error. */
async function load(connections: number, once: () => Promise<boolean>, seconds = SECONDS): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await once().catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

/** A keep-alive HTTP GET on loopback that reads the whole body; with an ETag, 304 is the answer hoped for. */
function getter(connections: number): (url: string, token?: string, etag?: string) => Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return (url, token, etag) =>
    new Promise((resolve, reject) => {
      const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(etag ? { 'if-none-match': etag } : {}) };
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        const status = response.statusCode ?? 500;
        response.on('end', () => resolve(status < 300 || (etag !== undefined && status === 304)));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
}

async function timed(times: number, once: () => Promise<boolean>): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    if (!(await once())) errors += 1;
    latencies.push(performance.now() - t0);
  }
  return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

function ask<T extends ServerReply['type']>(
  child: ChildProcess,
  request: ServerRequest & { type: T },
): Promise<Extract<ServerReply, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: ServerReply) => {
      if (message.type !== request.type) return;
      child.off('message', listener);
      resolve(message as Extract<ServerReply, { type: T }>);
    };
    child.on('message', listener);
    child.send(request);
  });
}

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

function stats(s: Sample) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: s.latencies.length / s.seconds, errors: s.errors };
}

/** One line per floor; the hot path's own figures on the first. */
function format(row: Row): string[] {
  const ours = stats(row.sample);
  const own = [row.path, ours.p50.toFixed(1), ours.p95.toFixed(1), ours.rps.toFixed(1), String(ours.errors)];
  if (row.floors.length === 0) return [`| ${own.join(' | ')} | | | | | |`];
  return row.floors.map((floor, index) => {
    const f = stats(floor.sample);
    const ratio = `${(ours.p95 / f.p95).toFixed(1)}× p95, ${(ours.rps / f.rps).toFixed(2)}× req/s`;
    const cells = [...(index === 0 ? own : ['', '', '', '', '']), floor.name, f.p50.toFixed(1), f.p95.toFixed(1), f.rps.toFixed(1), ratio];
    return `| ${cells.join(' | ')} |`;
  });
}

/** Every hot path under load, each beside its floors (the table's lines above the reminder cycle). */
async function measureHotPaths(ready: ServerReady, pool: Pool, today: string): Promise<Row[]> {
  const { appUrl, helloUrl, bareBotUrl } = ready;
  const chair = DEMO_MEMBERS.find((m) => m.roles.includes('PANEL_CHAIR'))!;
  const ids = (
    await pool.query<{ agency: string; officer: string; officer_agency: string; aad: string; meeting: string; action: string }>(
      `SELECT (SELECT "agencyId" FROM "Member" WHERE id = $1) AS agency,
              o.id AS officer, o."agencyId" AS officer_agency, o."entraObjectId" AS aad,
              (SELECT mt.id FROM "Meeting" mt JOIN "Panel" p ON p.id = mt."panelId"
                WHERE p.type = 'CMARAC' AND mt.status = 'SCHEDULED' ORDER BY mt."startsAt" LIMIT 1) AS meeting,
              (SELECT a.id FROM "Action" a WHERE a."ownerMemberId" = o.id AND a.status = 'IN_PROGRESS' ORDER BY a.id LIMIT 1) AS action
         FROM "Member" o WHERE o."displayName" LIKE 'Officer %'
        ORDER BY (SELECT count(*) FROM "Action" a WHERE a."ownerMemberId" = o.id AND a.status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED')) DESC
        LIMIT 1`,
      [chair.id],
    )
  ).rows[0]!;
  const signIn = async (memberId: string) => ((await post(`${appUrl}/api/dev/sign-in`, { memberId })).json as { token: string }).token;
  const chairToken = await signIn(chair.id);
  const officerToken = await signIn(ids.officer);
  const rows: Row[] = [];

  const helloFloor = async (connections: number, get: ReturnType<typeof getter>) => ({
    name: 'Express hello',
    sample: await load(connections, () => get(helloUrl)),
  });
  const sqlFloor = async (sql: string, values: unknown[]) => ({
    name: 'hand-written SQL',
    sample: await load(10, async () => (await pool.query(sql, values), true)),
  });
  const actionPaths = [
    { path: 'GET /api/actions (chair)', url: '/api/actions', token: chairToken, floor: 'plain' as const, value: 'x' },
    {
      path: 'GET /api/actions?overdue=true',
      url: '/api/actions?overdue=true',
      token: chairToken,
      floor: 'overdue' as const,
      value: today,
    },
    {
      path: 'GET /api/actions?agencyId= (chair, by agency)',
      url: `/api/actions?agencyId=${ids.agency}`,
      token: chairToken,
      floor: 'agency' as const,
      value: ids.agency,
    },
    {
      path: 'GET /api/actions/mine (busiest officer)',
      url: '/api/actions/mine',
      token: officerToken,
      floor: 'mine' as const,
      value: 'x',
    },
  ];
  for (const p of actionPaths) {
    log(`measuring ${p.path} ...`);
    // A fresh pool of keep-alive sockets each time: the server closes idle ones after 5 s.
    const get10 = getter(10);
    await get10(`${appUrl}${p.url}`, p.token); // warm up
    const who = p.token === chairToken ? [chair.id, ids.agency] : [ids.officer, ids.officer_agency];
    rows.push({
      path: `${p.path}, 10 connections`,
      sample: await load(10, () => get10(`${appUrl}${p.url}`, p.token)),
      floors: [await helloFloor(10, getter(10)), await sqlFloor(outstandingActionsFloor(p.floor), [...who, DEMO_PARTNERSHIP_ID, p.value])],
    });
  }
  log('measuring GET /api/actions/choices ...');
  const getChoices = getter(10);
  await getChoices(`${appUrl}/api/actions/choices`, chairToken); // warm up
  rows.push({
    path: 'GET /api/actions/choices (chair, once a visit), 10 connections',
    sample: await load(10, () => getChoices(`${appUrl}/api/actions/choices`, chairToken)),
    floors: [await helloFloor(10, getter(10))],
  });

  // Issue 19's other reads, each as the tab asks for it: the case page of the busiest case the chair
  // may see, the governance dashboard's default twelve months, and the referral form's search for
  // the county's commonest surname (the route takes a whole given and family name, not a prefix).
  const busiest = (await pool.query<{ id: string }>(BUSIEST_VISIBLE_CASE, [chair.id, ids.agency, DEMO_PARTNERSHIP_ID])).rows[0]!.id;
  const name = (
    await pool.query<{ given: string; family: string }>(
      `SELECT "givenName" AS given, "familyName" AS family FROM "Person" WHERE "partnershipId" = $1 AND "anonymisedAt" IS NULL
        GROUP BY 1, 2 ORDER BY sum(count(*)) OVER (PARTITION BY "familyName") DESC, count(*) DESC, 2, 1 LIMIT 1`,
      [DEMO_PARTNERSHIP_ID],
    )
  ).rows[0]!;
  const peopleUrl = `/api/people?givenName=${encodeURIComponent(name.given)}&familyName=${encodeURIComponent(name.family)}`;
  const found = (await (await fetch(`${appUrl}${peopleUrl}`, { headers: { authorization: `Bearer ${officerToken}` } })).json()) as {
    candidates: unknown[];
  };
  const readPaths = [
    {
      path: 'GET /api/cases/:id/overview (busiest case the chair may see)',
      url: `/api/cases/${busiest}/overview`,
      token: chairToken,
      floor: { sql: CASE_OVERVIEW_FLOOR, values: [busiest] },
    },
    {
      path: 'GET /api/governance/figures (chair, last twelve months)',
      url: '/api/governance/figures',
      token: chairToken,
      floor: { sql: GOVERNANCE_FLOOR, values: [DEMO_PARTNERSHIP_ID, addDays(addMonths(today, -12), 1), today] },
    },
    {
      path: `GET /api/people (officer, commonest surname: ${found.candidates.length} offered)`,
      url: peopleUrl,
      token: officerToken,
      floor: { sql: PEOPLE_SEARCH_FLOOR, values: [ids.officer, ids.officer_agency, DEMO_PARTNERSHIP_ID, name.family] },
    },
  ];
  for (const p of readPaths) {
    log(`measuring ${p.path} ...`);
    const get10 = getter(10);
    await get10(`${appUrl}${p.url}`, p.token); // warm up
    rows.push({
      path: `${p.path}, 10 connections`,
      sample: await load(10, () => get10(`${appUrl}${p.url}`, p.token)),
      floors: [await helloFloor(10, getter(10)), await sqlFloor(p.floor.sql, p.floor.values)],
    });
  }
  log('measuring GET /api/actions at 50 connections ...');
  const get50 = getter(50);
  rows.push({
    path: 'GET /api/actions (chair), 50 connections',
    sample: await load(50, () => get50(`${appUrl}/api/actions`, chairToken)),
    floors: [await helloFloor(50, getter(50))],
  });

  log('measuring the agenda rebuild ...');
  const rebuild = await timed(
    REBUILDS,
    async () => (await post(`${appUrl}/api/meetings/${ids.meeting}/agenda/rebuild`, {}, chairToken)).status === 200,
  );
  const candidates = await timed(REBUILDS, async () => (await pool.query(AGENDA_CANDIDATES_FLOOR, [ids.meeting, today]), true));
  rows.push({
    path: 'POST /api/meetings/:id/agenda/rebuild (busiest CMARAC)',
    sample: rebuild,
    floors: [{ name: 'candidates in one SQL query', sample: candidates }],
  });

  // The side panel as it is polled during the meeting. The county's next CMARAC meeting is days
  // ahead and cannot be opened before its day, so this run's copy moves it to this morning; then
  // the chair signs the register, accepts the statement and opens the first item, as in the room.
  await pool.query(`UPDATE "Meeting" SET "startsAt" = $2::date + time '09:30', "endsAt" = $2::date + time '12:30' WHERE id = $1`, [
    ids.meeting,
    today,
  ]);
  const signed = await post(`${appUrl}/api/meetings/${ids.meeting}/attendance/me`, { acceptConfidentiality: true }, chairToken);
  const opened = await post(`${appUrl}/api/meetings/${ids.meeting}/next`, {}, chairToken);
  if (signed.status !== 200 || opened.status !== 200) throw new Error(`could not open the meeting: ${JSON.stringify([signed, opened])}`);
  const roomUrl = `${appUrl}/api/meetings/${ids.meeting}/room`;
  const firstRead = await fetch(roomUrl, { headers: { authorization: `Bearer ${chairToken}` } });
  const etag = firstRead.headers.get('etag') ?? undefined;
  // The full-read line is meant to include the current case: make sure the chair is shown it.
  const room = (await firstRead.json()) as { current: { case: unknown; withheld: string | null } | null };
  if (!etag || !room.current?.case) throw new Error(`the side panel shows no case: ${JSON.stringify(room.current?.withheld)}`);
  log('measuring the side panel poll ...');
  const getRoom = getter(10);
  // Unchanged between polls (the usual answer, every second from every panel): 304 and no case read.
  rows.push({
    path: 'GET /api/meetings/:id/room, unchanged (304 to If-None-Match), 10 connections',
    sample: await load(10, () => getRoom(roomUrl, chairToken, etag)),
    floors: [await helloFloor(10, getter(10)), await sqlFloor(MEETING_ROOM_TAG_FLOOR, [ids.meeting, chair.id])],
  });
  // After each move or outcome every panel reads the whole view again, the current case's included.
  rows.push({
    path: 'GET /api/meetings/:id/room, full read (current case shown), 10 connections',
    sample: await load(10, () => getRoom(roomUrl, chairToken)),
    floors: [await helloFloor(10, getter(10)), await sqlFloor(MEETING_ROOM_FLOOR, [ids.meeting])],
  });

  // An officer refers a new high-risk victim: the draft with its risk answers, then the submit
  // (scoring, routing, person, case, assessment, audit), one referral after another.
  log('measuring referral submit ...');
  type Templates = {
    templates: {
      id: string;
      subjectType: string;
      isActive: boolean;
      questions: { id: string; options: { id: string; weight: number }[] }[];
    }[];
  };
  const listed = (await (
    await fetch(`${appUrl}/api/risk-templates`, { headers: { authorization: `Bearer ${officerToken}` } })
  ).json()) as Templates;
  const template = listed.templates.find((t) => t.subjectType === 'VICTIM' && t.isActive)!;
  const answers = Object.fromEntries(template.questions.map((q) => [q.id, [...q.options].sort((a, b) => b.weight - a.weight)[0]!.id]));
  let referred = 0;
  const submit = await timed(REFERRALS, async () => {
    referred += 1;
    const draft = {
      subject: { givenName: 'Bench', familyName: `Newcomer-${referred}`, dateOfBirth: '1961-04-15' },
      concerns: 'Stones thrown at the windows most nights; the victim no longer leaves the flat after dark.',
      answers,
      consent: { status: 'GIVEN' },
      // The officer searched first and said this is someone new (the names differ only by a number).
      match: { confirmedNew: true },
    };
    const started = await post(`${appUrl}/api/referrals`, { subjectType: 'VICTIM', draft }, officerToken);
    if (started.status !== 201) return false;
    return (await post(`${appUrl}/api/referrals/${(started.json as { id: string }).id}/submit`, {}, officerToken)).status === 200;
  });
  const cmarac = (await pool.query<{ id: string }>(`SELECT "panelId" AS id FROM "Meeting" WHERE id = $1`, [ids.meeting])).rows[0]!.id;
  let inserted = 0;
  const insertFloor = await timed(REFERRALS, async () => {
    inserted += 1;
    await pool.query(REFERRAL_INSERT_FLOOR, [DEMO_PARTNERSHIP_ID, ids.officer, ids.officer_agency, cmarac, template.id, inserted]);
    return true;
  });
  rows.push({
    path: 'POST /api/referrals + /:id/submit (officer, new high-risk victim)',
    sample: submit,
    floors: [{ name: 'its rows in one INSERT statement', sample: insertFloor }],
  });

  log('measuring the card invokes ...');
  const officer = { teamsId: `29:1bench-${ids.officer}`, aad: ids.aad };
  const serviceUrl = 'http://127.0.0.1:9/';
  const bare: number[] = [];
  const refresh: number[] = [];
  const progress: number[] = [];
  let version = (await pool.query<{ version: number }>(`SELECT version FROM "Action" WHERE id = $1`, [ids.action])).rows[0]!.version;
  for (let round = 0; round < INVOKE_ROUNDS + 10; round += 1) {
    const ref = { actionId: ids.action, version };
    const times = [
      await timeInvoke(bareBotUrl, invokeBody(serviceUrl, officer, 'action.refresh', ref, DEMO_TENANT_ID)),
      await timeInvoke(`${appUrl}/api/messages`, invokeBody(serviceUrl, officer, 'action.refresh', ref, DEMO_TENANT_ID)),
      await timeInvoke(
        `${appUrl}/api/messages`,
        invokeBody(
          serviceUrl,
          officer,
          'action.updateProgress',
          { ...ref, progressNote: `Visit ${round} ${randomUUID().slice(0, 4)}` },
          DEMO_TENANT_ID,
        ),
      ),
    ];
    version += 1;
    if (round >= 10) [bare, refresh, progress].forEach((list, i) => list.push(times[i]!));
  }
  const invokeSample = (latencies: number[]): Sample => ({ latencies, seconds: latencies.reduce((a, b) => a + b, 0) / 1000, errors: 0 });
  rows.push({
    path: 'Action.Execute action.refresh',
    sample: invokeSample(refresh),
    floors: [{ name: 'bare botbuilder handler', sample: invokeSample(bare) }],
  });
  rows.push({
    path: 'Action.Execute action.updateProgress',
    sample: invokeSample(progress),
    floors: [{ name: 'bare botbuilder handler', sample: invokeSample(bare) }],
  });
  return rows;
}

async function main(): Promise<void> {
  const cases = casesArgument(process.argv);
  const county = await countyDatabase(cases, log);
  log(`${county.name}: ${county.generatedInSeconds === null ? 'reused' : `generated in ${county.generatedInSeconds.toFixed(1)} s`}`);
  const runName = `${county.name}_run_${process.pid}`;
  const server = benchServerUrl();
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${runName} TEMPLATE ${county.name}`);
  const runUrl = databaseUrlNamed(server, runName);
  let child: ChildProcess | undefined;
  const pool = new Pool({ connectionString: runUrl, max: 10 });
  try {
    const started = await startBenchServer(runUrl, county.day);
    child = started.child;
    const rows = LOADS ? await measureHotPaths(started.ready, pool, county.day) : [];

    if (REMINDERS) log('running a reminder cycle ...');
    const reminders = REMINDERS ? await ask(child, { type: 'reminders' }) : null;
    const rss = await ask(child, { type: 'rss' });

    const load1 = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    process.stdout.write(
      `\nCounty bench: ${cases} open cases on PostgreSQL (${county.name}, day ${county.day}); ${SECONDS} s per load, Node ${process.version}, app heap limit ${APP_HEAP_MB} MB, semi-space ${APP_SEMI_SPACE_MB > 0 ? `${APP_SEMI_SPACE_MB} MB` : 'V8 default'}, MALLOC_ARENA_MAX ${APP_MALLOC_ARENA_MAX || 'unset'}; load average ${load1}\n\n`,
    );
    process.stdout.write(
      '| hot path | p50 ms | p95 ms | req/s | errors | floor | floor p50 | floor p95 | floor req/s | ratio |\n|---|---:|---:|---:|---:|---|---:|---:|---:|---|\n',
    );
    for (const row of rows) process.stdout.write(`${format(row).join('\n')}\n`);
    if (reminders) {
      process.stdout.write(
        `| reminder cycle: ${reminders.queued} queued, ${reminders.sent} sent in ${reminders.seconds.toFixed(1)} s (${(reminders.sent / reminders.seconds).toFixed(0)}/s) | | | | | peak RSS during the cycle | ${reminders.peakRssMb.toFixed(0)} MB | | | |\n`,
      );
      const { before, atPeak } = reminders;
      const mb = (value: number) => value.toFixed(0);
      process.stdout.write(
        `| its memory, before the cycle → at its RSS peak | | | | | RSS; heap used / reserved; external (of which array buffers) | ${mb(before.rss)} → ${mb(atPeak.rss)} MB | ${mb(before.heapUsed)} / ${mb(before.heapTotal)} → ${mb(atPeak.heapUsed)} / ${mb(atPeak.heapTotal)} MB | ${mb(before.external)} (${mb(before.arrayBuffers)}) → ${mb(atPeak.external)} (${mb(atPeak.arrayBuffers)}) MB | |\n`,
      );
    }
    process.stdout.write(`| app process | | | | | peak RSS over the run | ${rss.peakRssMb.toFixed(0)} MB | | | |\n`);
  } finally {
    child?.kill();
    await pool.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await admin.query(`DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
