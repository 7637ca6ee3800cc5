// Starts the real HTTP app in-process on a random loopback port, over a test database, and signs in
// through the app's own development sign-in (or an Entra verifier pointed at a loopback issuer).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ActivityHandler } from 'botbuilder';
import { createApp } from '../../api/app';
import type { AppConfig, TabLinks } from '../../api/config';
import { createLogger, type Logger } from '../../api/logger';
import { migrationsDir } from '../../api/paths';
import { readMigrations } from '../../api/store/migrations';
import type { Database } from '../../api/store/database';
import { createIdentity } from '../../api/http/identity';
import type { EntraTokenVerifier } from '../../api/auth/entra-token';
import { createBotAdapter, type BotAuthenticationSettings } from '../../bot/adapter';
import { AsbPanelsBot } from '../../bot/asb-bot';
import { botEndpoint } from '../../bot/endpoint';
import { captureConversationsMiddleware } from '../../bot/conversations';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { ConversationPacer } from '../../bot/sending/pacer';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import type { MemberDirectory } from '../../api/services/ports/member-directory';
import { systemClock } from '../../api/services/clock';
import { keepConnectionsAlive } from '../../api/http/connection-timeouts';

export interface TestAppOptions {
  clock?: () => Date;
  /** Defaults to a silent logger; pass one with a destination to read what the app logs. */
  logger?: Logger;
  signIn?: AppConfig['signIn'];
  entraVerifier?: EntraTokenVerifier;
  rateLimitPerMinute?: number;
  signInRateLimitPerMinute?: number;
  allowedOrigins?: string[];
  bot?: BotAuthenticationSettings;
  botHandler?: ActivityHandler;
  /** Defaults to the real sender over this app's adapter (point `bot` at a fake Bot Connector). */
  sender?: TeamsSender;
  /** The organisation's directory (a Graph directory over the loopback fake, in tests). */
  directory?: MemberDirectory;
  /** Where the default bot's cards and the app's messages link into the tab; without it they carry no links. */
  tabLinks?: TabLinks;
  /** `test` (the default) checks every JSON answer against its schema; the benchmark runs as `development`, as people do. */
  nodeEnv?: 'test' | 'development';
}

export interface ApiAnswer<Body = unknown> {
  status: number;
  headers: Headers;
  body: Body;
}

export interface RunningApp {
  baseUrl: string;
  /** Development sign-in as a member: returns the bearer token the tab would hold. */
  signInAs(memberId: string): Promise<string>;
  /** A JSON call to the API with an optional bearer token. */
  call<Body = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer<Body>>;
  close(): Promise<void>;
}

export async function startTestApp(db: Database, options: TestAppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const clock = options.clock ?? (() => new Date());
  const signIn = options.signIn ?? { mode: 'development' as const };
  const identity = createIdentity(signIn, {
    db,
    logger,
    clock,
    ...(options.entraVerifier ? { entraVerifier: options.entraVerifier } : {}),
  });
  const adapter = createBotAdapter(options.bot ?? {}, { nodeEnv: 'test', log: () => undefined });
  adapter.use(captureConversationsMiddleware(db, { now: clock }, () => undefined));
  // Records carry the test's day; pacing counts real sends in real time, as Teams does.
  const sender =
    options.sender ??
    new BotConnectorSender({
      adapter,
      botAppId: options.bot?.MicrosoftAppId ?? '',
      db,
      clock: { ...systemClock, now: clock },
      pacer: new ConversationPacer(systemClock),
      log: () => undefined,
    });
  const app = createApp({
    db,
    migrations: readMigrations(migrationsDir),
    logger,
    clock,
    identity,
    sender,
    ...(options.tabLinks ? { tabLinks: options.tabLinks } : {}),
    ...(options.directory ? { directory: options.directory } : {}),
    config: {
      signIn,
      allowedOrigins: options.allowedOrigins ?? [],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
      signInRateLimitPerMinute: options.signInRateLimitPerMinute ?? 10_000,
      nodeEnv: options.nodeEnv ?? 'test',
    },
    botEndpoint: botEndpoint(
      adapter,
      options.botHandler ?? new AsbPanelsBot({ db, logger, clock, sender, ...(options.tabLinks ? { tabLinks: options.tabLinks } : {}) }),
    ),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = keepConnectionsAlive(app.express.listen(0, '127.0.0.1', () => resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const call: RunningApp['call'] = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
    if (callOptions.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(callOptions.body !== undefined
        ? { body: typeof callOptions.body === 'string' ? callOptions.body : JSON.stringify(callOptions.body) }
        : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text) as unknown;
    return { status: response.status, headers: response.headers, body: body as never };
  };

  return {
    baseUrl,
    call,
    async signInAs(memberId) {
      const answer = await call<{ token: string }>('POST', '/api/dev/sign-in', { body: { memberId } });
      if (answer.status !== 200) throw new Error(`development sign-in as ${memberId} failed with ${answer.status}`);
      return answer.body.token;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          app.stop();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
