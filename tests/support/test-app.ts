// Starts the real HTTP app in-process on a random loopback port, over a test database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { migrationsDir } from '../../api/paths';
import { readMigrations } from '../../api/store/migrations';
import type { Database } from '../../api/store/database';
import { createBotAdapter } from '../../bot/adapter';
import { AsbPanelsBot } from '../../bot/asb-bot';
import { botEndpoint } from '../../bot/endpoint';

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startTestApp(db: Database): Promise<RunningApp> {
  const logger = createLogger({ level: 'silent' });
  const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });
  const app = createApp({ db, migrations: readMigrations(migrationsDir), logger, botEndpoint: botEndpoint(adapter, new AsbPanelsBot()) });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
