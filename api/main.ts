// Starts the one process that serves everything: reads configuration, opens the database,
// applies migrations, seeds demo data into an empty embedded database, then listens.
import type { Server } from 'node:http';
import { createApp, type HttpApp } from './app';
import { createIdentity } from './http/identity';
import { ConfigurationError, loadConfig, type TabLinks } from './config';
import { createLogger, type Logger } from './logger';
import { migrationsDir } from './paths';
import { openDatabase, type Database } from './store/database';
import { applyMigrations, readMigrations } from './store/migrations';
import { hasAnyPartnership, seedDemoData } from './store/demo-data';
import { createBotAdapter } from '../bot/adapter';
import { AsbPanelsBot } from '../bot/asb-bot';
import { botEndpoint } from '../bot/endpoint';
import { captureConversationsMiddleware } from '../bot/conversations';
import { BotConnectorSender } from '../bot/sending/bot-connector-sender';
import { ConversationPacer } from '../bot/sending/pacer';
import { INTERACTIVE_RETRY_POLICY } from './domain/reminders/sending';
import { systemClock } from './services/clock';
import { failAbandonedImports } from './services/import/imports';
import { startReminderWorker } from './jobs/reminder-worker';
import type { RunningJob } from './jobs/polling';
import { startTeamsSyncWorker } from './jobs/teams-sync';
import { meetingSidePanelTab } from './services/meeting-chat';
import { createAppTokenSource } from './graph/app-token';
import { keepConnectionsAlive } from './http/connection-timeouts';
import { createGraphMeetingsGateway } from './graph/graph-meetings-gateway';
import { createGraphMemberReach } from './graph/graph-member-reach';
import { createGraphMemberDirectory } from './graph/graph-member-directory';
import {
  DEFAULT_RETRY_POLICY as DEFAULT_GRAPH_RETRY_POLICY,
  INTERACTIVE_RETRY_POLICY as INTERACTIVE_GRAPH_RETRY_POLICY,
  type RetryPolicy as GraphRetryPolicy,
} from './graph/retry';

async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });

  let db: Database;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    logger.fatal({ err: failureOf(error) }, 'cannot open the database');
    process.exit(1);
  }
  logger.info({ database: db.describe }, 'database open');

  const migrations = readMigrations(migrationsDir);
  try {
    const state = await applyMigrations(db.sql, migrations);
    logger.info({ applied: state.applied.length, latest: state.latest }, 'migrations applied');
  } catch (error) {
    logger.fatal({ err: failureOf(error) }, 'migration failed; not starting');
    await db.close();
    process.exit(1);
  }

  if (config.seedDemoDataWhenEmpty && !(await hasAnyPartnership(db.prisma))) {
    const summary = await seedDemoData(db.prisma, { today: new Date() });
    logger.info({ counts: summary }, 'empty database filled with the fictional demo partnership');
  }

  // A commit cut short by the restart never committed its transaction: its run can be committed again.
  const abandonedImports = await failAbandonedImports(db, { startingUp: true });
  if (abandonedImports > 0) logger.warn({ runs: abandonedImports }, 'imports left running by the last stop marked failed');

  const botLog = (event: string, fields: Record<string, unknown>) => logger.warn(fields, event);
  const adapter = createBotAdapter(config.bot, { nodeEnv: config.nodeEnv, log: botLog });
  // Every activity refreshes the stored conversation reference, so proactive sends find the member.
  adapter.use(captureConversationsMiddleware(db, systemClock, botLog));
  // Reminders wait out Teams' throttling; a card click or API call gets its answer within seconds and
  // leaves whatever Teams will not take at once to the reminder worker. One pacer keeps each chat
  // within Teams' limits across both.
  const pacer = new ConversationPacer(systemClock);
  const senderOptions = { adapter, botAppId: config.bot.MicrosoftAppId ?? '', db, clock: systemClock, log: botLog, pacer };
  const sender = new BotConnectorSender({ ...senderOptions, retryPolicy: INTERACTIVE_RETRY_POLICY });
  const reminderSender = new BotConnectorSender(senderOptions);
  const clock = systemClock.now;
  const identity = createIdentity(config.signIn, { db, logger, clock });
  // Graph needs an Entra app registration (the bot's unless GRAPH_CLIENT_ID names another); without
  // one, meetings stay pending in the app and reminders go by the bot alone.
  const graphCredentials = config.graph.credentials;
  const graph = graphCredentials && {
    tenantId: graphCredentials.tenantId,
    accessToken: createAppTokenSource({ ...graphCredentials, authorityHost: config.graph.authorityHost }),
  };
  const graphToken = graph?.accessToken ?? null;
  const { catalogAppId, noticeMailbox } = config.graph;
  // Someone Teams cannot reach gets the app installed for them, then an e-mail notice: a request
  // waits for one short try, the reminder worker for the patient ones.
  const reachWith = (retry: GraphRetryPolicy) =>
    graph && catalogAppId
      ? createGraphMemberReach({
          baseUrl: config.graph.baseUrl,
          accessToken: graph.accessToken,
          retry,
          tenantId: graph.tenantId,
          appLink: appLinkOf(config.tabLinks),
          teamsAppCatalogId: catalogAppId,
          noticeMailbox,
        })
      : null;
  const reach = reachWith(INTERACTIVE_GRAPH_RETRY_POLICY);
  const directory = graph
    ? createGraphMemberDirectory({
        baseUrl: config.graph.baseUrl,
        accessToken: graph.accessToken,
        retry: INTERACTIVE_GRAPH_RETRY_POLICY,
        tenantId: graph.tenantId,
      })
    : null;
  const bot = new AsbPanelsBot({ db, logger, clock, sender, reach, tabLinks: config.tabLinks });
  const app = createApp({
    db,
    migrations,
    logger,
    clock,
    identity,
    sender,
    reach,
    directory,
    tabLinks: config.tabLinks,
    defaultReminderPolicy: config.reminderPolicy,
    config,
    botEndpoint: botEndpoint(adapter, bot),
  });
  const server = keepConnectionsAlive(
    app.express.listen(config.port, config.host, () => {
      logger.info({ port: config.port, host: config.host }, 'listening');
    }),
  );
  const reminders = startReminderWorker({
    db,
    sender: reminderSender,
    reach: reachWith(DEFAULT_GRAPH_RETRY_POLICY),
    tabLinks: config.tabLinks,
    clock: systemClock,
    logger,
    pollIntervalMs: config.reminderPollMs,
    policy: config.reminderPolicy,
  });
  const workers: RunningJob[] = [reminders];
  if (graphToken) {
    const gateway = createGraphMeetingsGateway({ baseUrl: config.graph.baseUrl, accessToken: graphToken });
    // The app puts itself in each meeting chat only when it knows its catalogue id and where its tab lives.
    const meetingChatApp =
      config.graph.catalogAppId && config.tabLinks.publicBaseUrl
        ? { catalogAppId: config.graph.catalogAppId, tab: meetingSidePanelTab(config.tabLinks.publicBaseUrl) }
        : null;
    workers.push(
      startTeamsSyncWorker({ db, gateway, clock: systemClock, logger, organiserMailbox: config.graph.panelMailbox, meetingChatApp }),
    );
  }
  stopGracefully(server, app, db, logger, workers);
}

/** Where an e-mail notice sends people: the app in Teams, else the tab's public address. */
function appLinkOf(links: TabLinks): string {
  if (links.teamsAppId) return `https://teams.microsoft.com/l/app/${links.teamsAppId}`;
  return links.publicBaseUrl ? new URL('/tab/', links.publicBaseUrl).toString() : 'https://teams.microsoft.com/';
}

// Our own start-up errors (unreachable database, failed migration) carry no personal data.
function failureOf(error: unknown): { type: string; message: string } {
  return error instanceof Error ? { type: error.name, message: error.message } : { type: typeof error, message: String(error) };
}

function stopGracefully(server: Server, app: HttpApp, db: Database, logger: Logger, workers: RunningJob[]): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close(async () => {
      app.stop();
      // A worker stops between sends; anything it had claimed is reclaimed when its lease runs out.
      await Promise.allSettled(workers.map((worker) => worker.stop()));
      db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    // Keep-alive connections must not hold the process open for ever.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

start().catch((error: unknown) => {
  process.stderr.write(`start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
