// `npm run playground` as a test harness: the app in local mode and Microsoft 365 Agents Playground
// (pinned, telemetry off, loopback only) in a child process, driven through the playground's own HTTP
// API. What the bot sent is read from the playground's events recording.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../api/paths';
import { freePort } from './free-port';

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  email: string;
}

export interface PlaygroundConfig {
  tenantId: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChats: { id: string }[];
  bot: { id: string; name: string };
}

export interface RecordedEvent {
  direction: string;
  conversationId: string;
  request: { method?: string; body: { text?: string; type?: string; attachments?: { content: AnswerCard }[] } };
}

/** A card's words, element by element. */
export const cardText = (card: AnswerCard) => card.body.map((element) => element.text ?? '').join('\n');
/** The titles of a card's buttons. */
export const cardButtons = (card: AnswerCard) => (card.actions ?? []).map((action) => action.title);

export interface AnswerCard {
  body: { type: string; text?: string }[];
  actions?: { title: string }[];
}

export interface RunningPlayground {
  url: string;
  appPort: number;
  config: PlaygroundConfig;
  /** Messages the bot posted to a conversation, oldest first; card updates (PUT) are left out. */
  botMessages(conversationId: string): RecordedEvent[];
  waitForBotMessage(conversationId: string, matching: RegExp, timeoutMs?: number): Promise<RecordedEvent>;
  /**
   * A message typed into a chat; the playground always sends it as its current user. Returns its id.
   * `mentionBot` @mentions the bot first, as group chats and channels need before Teams passes a message on.
   */
  post(conversationId: string, text: string, options?: { mentionBot?: boolean }): Promise<string>;
  /** The app installed in a chat, as the playground's Install button does: Teams' installationUpdate reaches the bot. */
  install(conversationId: string): Promise<void>;
  /** A click on an Action.Execute button by any configured user; answers with the bot's card. */
  click(userId: string, conversationId: string, replyToId: string, verb: string, data: Record<string, unknown>): Promise<AnswerCard>;
  stop(): Promise<void>;
}

/** Starts `scripts/playground.ts` on free loopback ports over a fresh embedded database. */
export async function startPlayground(env: Record<string, string> = {}): Promise<RunningPlayground> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'asb-playground-'));
  const recording = path.join(workDir, 'events.log');
  const appPort = await freePort();
  const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/playground.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(appPort),
      PLAYGROUND_PORT: String(await freePort()),
      DATA_DIR: path.join(workDir, 'pglite'),
      LOG_LEVEL: 'warn',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log'),
      M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: 'true',
      M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const stopped = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await stopped;
    }
    rmSync(workDir, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /ready: open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
        if (ready) resolve(ready);
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.on('exit', (code) => reject(new Error(`npm run playground stopped with ${code}:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const config = ((await (await fetch(`${url}/_internal/v1/config`)).json()) as { config: PlaygroundConfig }).config;

  const botMessages = (conversationId: string): RecordedEvent[] => {
    if (!existsSync(recording)) return [];
    return readFileSync(recording, 'utf8')
      .split(/^---$/m)
      .map((record) => record.trim())
      .filter((record) => record.startsWith('{'))
      .map((record) => JSON.parse(record) as RecordedEvent)
      .filter(
        (event) =>
          event.direction.startsWith('User Application') &&
          event.conversationId === conversationId &&
          event.request.body.type === 'message' &&
          event.request.method !== 'PUT',
      );
  };

  return {
    url,
    appPort,
    config,
    botMessages,
    async waitForBotMessage(conversationId, matching, timeoutMs = 20_000) {
      for (let waited = 0; waited < timeoutMs; waited += 250) {
        const found = botMessages(conversationId).find((event) => matching.test(event.request.body.text ?? ''));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`the bot sent nothing matching ${matching} to ${conversationId}`);
    },
    async post(conversationId, text, options = {}) {
      const mention = `<at>${config.bot.name}</at>`;
      const message = options.mentionBot
        ? { text: `${mention} ${text}`, mentions: [{ mentioned: { id: config.bot.id }, text: mention }] }
        : { text };
      const response = await fetch(`${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: config.currentUser.id }, textFormat: 'plain', ...message }),
      });
      if (response.status !== 200) throw new Error(`the playground refused the message with ${response.status}`);
      return ((await response.json()) as { messageId: string }).messageId;
    },
    async install(conversationId) {
      const response = await fetch(`${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (response.status !== 200) throw new Error(`the playground refused to install the app with ${response.status}`);
    },
    async click(userId, conversationId, replyToId, verb, data) {
      const response = await fetch(`${url}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'adaptiveCard/action',
          from: { id: userId },
          conversation: { id: conversationId },
          replyToId,
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      });
      if (response.status !== 200) throw new Error(`the playground answered the click with ${response.status}`);
      const answer = (await response.json()) as { type: string; value: AnswerCard };
      if (answer.type !== 'application/vnd.microsoft.card.adaptive')
        throw new Error(`the bot answered the click with ${answer.type}, not a card`);
      return answer.value;
    },
    stop,
  };
}
