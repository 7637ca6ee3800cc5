// Starts the one process that serves everything: reads configuration, opens the database,
// applies migrations, seeds demo data into an empty embedded database, then listens.
import type { Server } from 'node:http';
import { createApp } from './app';
import { createIdentity } from './http/identity';
import { ConfigurationError, loadConfig } from './config';
import { createLogger, type Logger } from './logger';
import { migrationsDir } from './paths';
import { openDatabase, type Database } from './store/database';
import { applyMigrations, readMigrations } from './store/migrations';
import { hasAnyPartnership, seedDemoData } from './store/demo-data';
import { createBotAdapter } from '../bot/adapter';
import { AsbPanelsBot } from '../bot/asb-bot';
import { botEndpoint } from '../bot/endpoint';

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

  const adapter = createBotAdapter(config.bot, { nodeEnv: config.nodeEnv, log: (event, fields) => logger.warn(fields, event) });
  const clock = () => new Date();
  const identity = createIdentity(config.signIn, { db, logger, clock });
  const app = createApp({ db, migrations, logger, clock, identity, config, botEndpoint: botEndpoint(adapter, new AsbPanelsBot({ db, logger, clock })) });
  const server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host }, 'listening');
  });
  stopGracefully(server, db, logger);
}

// Our own start-up errors (unreachable database, failed migration) carry no personal data.
function failureOf(error: unknown): { type: string; message: string } {
  return error instanceof Error ? { type: error.name, message: error.message } : { type: typeof error, message: String(error) };
}

function stopGracefully(server: Server, db: Database, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close(() => {
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
