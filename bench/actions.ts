// `npm run bench`: how fast the action card answers a click, next to a bare botbuilder bot measured in
// the same run, and how fast reminders go out against Teams' per-conversation send limits.
//
// Both bots sit behind the real CloudAdapter on loopback HTTP (anonymous, as in local use). Ours runs
// the whole app over embedded PGlite: conversation capture, member lookup, the use case, audit and the
// card. Reminders go through the real worker and BotConnectorSender to the loopback fake Bot
// Connector used by the tests (Teams itself needs a tenant).
import { randomUUID } from 'node:crypto';
import { migrationsDir } from '../api/paths';
import { openDatabase, type Database } from '../api/store/database';
import { applyMigrations, readMigrations } from '../api/store/migrations';
import { createLogger } from '../api/logger';
import { systemClock } from '../api/services/clock';
import { runReminderCycle } from '../api/jobs/reminder-worker';
import { TEAMS_SEND_LIMITS_PER_CONVERSATION } from '../api/domain/reminders/sending';
import { createBotAdapter } from '../bot/adapter';
import { invokeBody, percentile, startBareBot, timeInvoke } from './bare-bot';
import { BotConnectorSender } from '../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../tests/support/fake-bot-connector';
import { startTestApp } from '../tests/support/test-app';
import { createPartnership, teamsActivity, TENANT, type Partnership } from '../tests/bot/sending-fixtures';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARM_UP = 30;
const ACTIONS_CLICKED = 20;
const ONE_CHAT_REMINDERS = Number(process.env.BENCH_ONE_CHAT ?? 40);
const MANY_CHAT_REMINDERS = Number(process.env.BENCH_MANY_CHATS ?? 200);

/** Always a fresh in-memory database: the bench writes thousands of rows it never cleans up. */
async function openBenchDatabase(): Promise<Database> {
  const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  await applyMigrations(db.sql, readMigrations(migrationsDir));
  return db;
}

interface InvokeRow {
  bot: string;
  samples: number[];
}

async function benchInvokes(db: Database, connector: FakeBotConnector, world: Partnership): Promise<InvokeRow[]> {
  const app = await startTestApp(db, { clock: () => new Date() });
  const bare = await startBareBot();
  const ours = `${app.baseUrl}/api/messages`;
  const officer = { teamsId: '29:1sam', aad: world.officer.aad };
  await db.prisma.caseAgency.create({ data: { caseId: world.caseId, agencyId: world.housingId } });
  // Clicks spread over several actions, as in a panel's week, so no one action's history grows without end.
  const actions: { id: string; version: number }[] = [];
  for (let i = 0; i < ACTIONS_CLICKED; i += 1) {
    const action = await db.prisma.action.create({
      data: {
        partnershipId: world.partnershipId,
        caseId: world.caseId,
        title: `Visit the tenant and review the support plan (${i})`,
        ownerAgencyId: world.housingId,
        ownerMemberId: world.officer.id,
        createdById: world.chair.id,
        dueDate: new Date(Date.now() + 14 * 86_400_000),
        status: 'IN_PROGRESS',
        version: 1,
      },
    });
    actions.push({ id: action.id, version: 1 });
  }

  const rows: InvokeRow[] = [
    { bot: 'bare TeamsActivityHandler, static card', samples: [] },
    { bot: 'ours: action.refresh (read, audit, card)', samples: [] },
    { bot: 'ours: action.updateProgress (write, history, audit, card)', samples: [] },
  ];
  // Interleaved, so that anything slowing the machine meanwhile slows all three alike.
  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    const action = actions[round % actions.length]!;
    const ref = { actionId: action.id, version: action.version };
    const times = [
      await timeInvoke(bare.url, invokeBody(connector.serviceUrl, officer, 'action.refresh', ref)),
      await timeInvoke(ours, invokeBody(connector.serviceUrl, officer, 'action.refresh', ref)),
      await timeInvoke(
        ours,
        invokeBody(connector.serviceUrl, officer, 'action.updateProgress', { ...ref, progressNote: `Visit ${round} done.` }),
      ),
    ];
    action.version += 1;
    if (round >= WARM_UP) times.forEach((ms, index) => rows[index]!.samples.push(ms));
  }
  await bare.close();
  await app.close();
  return rows;
}

interface ThroughputRow {
  scenario: string;
  messages: number;
  seconds: number;
  busiest: string;
  limit: string;
}

/** The most sends seen in any window of `windowMs`, from the fake connector's arrival times. */
function busiestWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function benchReminders(db: Database, connector: FakeBotConnector, world: Partnership): Promise<ThroughputRow[]> {
  const logger = createLogger({ level: 'silent' });
  const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });
  const sender = new BotConnectorSender({ adapter, botAppId: '', db, clock: systemClock, log: () => undefined });
  const rows: ThroughputRow[] = [];

  // Many reminders into one chat: the pacer must hold them to the limits.
  await teamsActivity(db, connector.serviceUrl, { conversationId: 'a:1personal-sam', aad: world.officer.aad, userId: '29:1sam' });
  connector.reset();
  let started = Date.now();
  for (let i = 0; i < ONE_CHAT_REMINDERS; i += 1) await sender.notifyMember(world.officer.id, { text: `Reminder ${i}` });
  let seconds = (Date.now() - started) / 1000;
  const times = connector.delivered('a:1personal-sam').map((r) => r.at);
  const [perSecond, perTwo, perThirty] = TEAMS_SEND_LIMITS_PER_CONVERSATION;
  rows.push({
    scenario: `${ONE_CHAT_REMINDERS} reminders to one personal chat`,
    messages: times.length,
    seconds,
    busiest: `${busiestWindow(times, 1000)} in 1 s, ${busiestWindow(times, 2000)} in 2 s, ${busiestWindow(times, 30_000)} in 30 s`,
    limit: `${perSecond!.max} in 1 s, ${perTwo!.max} in 2 s, ${perThirty!.max} in 30 s`,
  });

  // One due-today reminder each to many officers: the whole worker (queue, claim, card, send, settle).
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  for (let i = 0; i < MANY_CHAT_REMINDERS; i += 1) {
    const aad = randomUUID();
    const member = await db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: world.housingId,
        entraObjectId: aad,
        tenantId: TENANT,
        displayName: `Officer ${i}`,
        roles: ['PANEL_MEMBER'],
      },
    });
    await teamsActivity(db, connector.serviceUrl, { conversationId: `a:1personal-${i}`, aad, userId: `29:1bench-${i}` });
    await db.prisma.action.create({
      data: {
        partnershipId: world.partnershipId,
        caseId: world.caseId,
        title: `Action ${i}`,
        ownerAgencyId: world.housingId,
        ownerMemberId: member.id,
        createdById: world.chair.id,
        dueDate: today,
        status: 'ACCEPTED',
      },
    });
  }
  connector.reset();
  started = Date.now();
  const cycle = await runReminderCycle({ db, sender, clock: systemClock, logger });
  seconds = (Date.now() - started) / 1000;
  const sent = connector.delivered().filter((r) => /^a:1personal-\d+$/.test(r.conversationId ?? ''));
  rows.push({
    scenario: `${MANY_CHAT_REMINDERS} officers, a due-today reminder and a weekly digest each, via the worker`,
    messages: sent.length,
    seconds,
    busiest: `${busiestWindow(
      sent.map((r) => r.at),
      1000,
    )} in 1 s over all chats (results: ${JSON.stringify(cycle.results)})`,
    limit: 'per chat, so not binding here',
  });
  return rows;
}

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  const connector = await startFakeBotConnector();
  const world = await createPartnership(db);
  await teamsActivity(db, connector.serviceUrl, { conversationId: 'a:1personal-bench', aad: world.officer.aad, userId: '29:1sam' });
  process.stdout.write(`Database: ${db.describe}; ${ROUNDS} timed rounds after ${WARM_UP} warm-up rounds; Node ${process.version}\n\n`);

  const invokes = await benchInvokes(db, connector, world);
  process.stdout.write('adaptiveCard/action invoke latency (POST /api/messages on loopback, CloudAdapter, ms)\n');
  process.stdout.write('| bot | p50 | p95 | max |\n|---|---:|---:|---:|\n');
  for (const row of invokes) {
    const sorted = [...row.samples].sort((a, b) => a - b);
    process.stdout.write(
      `| ${row.bot} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} |\n`,
    );
  }

  const reminders = await benchReminders(db, connector, world);
  process.stdout.write('\nReminder throughput (BotConnectorSender to the loopback fake Bot Connector)\n');
  process.stdout.write(
    '| scenario | sent | seconds | per second | busiest windows seen | Teams limit per chat |\n|---|---:|---:|---:|---|---|\n',
  );
  for (const row of reminders) {
    process.stdout.write(
      `| ${row.scenario} | ${row.messages} | ${row.seconds.toFixed(1)} | ${(row.messages / row.seconds).toFixed(1)} | ${row.busiest} | ${row.limit} |\n`,
    );
  }
  await connector.close();
  await db.close();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
