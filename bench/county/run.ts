// `npm run bench -- --cases 1000|10000|100000`: the hot paths of a county-sized partnership on
// PostgreSQL, each next to its floor measured in the same run, in one table (bench/README.md).
//
// The county database is generated once per size (generate.ts); each run works on a fresh copy of
// it (CREATE DATABASE ... TEMPLATE), which it drops at the end, so runs do not drift. The app and
// its floors run in a child process (serve.ts); this process generates the load.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { databaseUrlNamed } from '../../tests/support/template-database';
import { DEMO_MEMBERS, DEMO_PARTNERSHIP_ID, DEMO_TENANT_ID } from '../../api/store/demo-data';
import { invokeBody, percentile, timeInvoke } from '../actions';
import { benchServerUrl, casesArgument, countyDatabase } from './generate';
import { AGENDA_CANDIDATES_FLOOR, outstandingActionsFloor } from './floors';
import type { ServerReady, ServerReply, ServerRequest } from './serve';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const INVOKE_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 10);
/** `BENCH_REMINDERS=0` skips the reminder cycle, which takes minutes at 10,000 cases. */
const REMINDERS = process.env.BENCH_REMINDERS !== '0';

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

/** A keep-alive HTTP GET on loopback that reads the whole body. */
function getter(connections: number): (url: string, token?: string) => Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return (url, token) =>
    new Promise((resolve, reject) => {
      const request = http.get(url, { agent, headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
        response.resume();
        response.on('end', () => resolve((response.statusCode ?? 500) < 300));
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

function startServer(url: string, day: string): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(path.join(__dirname, 'serve.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_RUN_DATABASE_URL: url, BENCH_DAY: day },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: ServerReady) => resolve({ child, ready: message }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
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
    const started = await startServer(runUrl, county.day);
    child = started.child;
    const { appUrl, helloUrl, bareBotUrl } = started.ready;
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
    const today = county.day;
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
        floors: [
          await helloFloor(10, getter(10)),
          await sqlFloor(outstandingActionsFloor(p.floor), [...who, DEMO_PARTNERSHIP_ID, p.value]),
        ],
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

    if (REMINDERS) log('running a reminder cycle ...');
    const reminders = REMINDERS ? await ask(child, { type: 'reminders' }) : null;
    const rss = await ask(child, { type: 'rss' });

    const load1 = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    process.stdout.write(
      `\nCounty bench: ${cases} open cases on PostgreSQL (${county.name}, day ${county.day}); ${SECONDS} s per load, Node ${process.version}; load average ${load1}\n\n`,
    );
    process.stdout.write(
      '| hot path | p50 ms | p95 ms | req/s | errors | floor | floor p50 | floor p95 | floor req/s | ratio |\n|---|---:|---:|---:|---:|---|---:|---:|---:|---|\n',
    );
    for (const row of rows) process.stdout.write(`${format(row).join('\n')}\n`);
    if (reminders) {
      process.stdout.write(
        `| reminder cycle: ${reminders.queued} queued, ${reminders.sent} sent in ${reminders.seconds.toFixed(1)} s (${(reminders.sent / reminders.seconds).toFixed(0)}/s) | | | | | peak RSS during the cycle | ${reminders.peakRssMb.toFixed(0)} MB | | | |\n`,
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
