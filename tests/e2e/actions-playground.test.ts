// An action from assignment to completion, end to end: `npm run playground` (the app in local mode
// and Microsoft 365 Agents Playground 0.2.28, pinned, telemetry off, loopback only), driven through
// the playground's own HTTP API by two people. Priya Example, a police chair, assigns the action from
// a card in the panel's group chat; Helen Placeholder (the playground's current user, so the one with
// a personal chat) receives the card, accepts it, gets the due-today reminder, and completes it. What
// the bot sent is read from the playground's events recording.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../api/paths';
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
import { buildDemoRows, DEMO_AGENCIES } from '../../api/store/demo-data';
import { memberByName } from '../../api/store/demo-data/partnership';

interface RecordedEvent {
  direction: string;
  conversationId: string;
  request: { method?: string; body: { text?: string; type?: string; attachments?: { content: Card }[] } };
}

interface Card {
  body: { type: string; text?: string }[];
  actions?: { title: string }[];
}

interface PlaygroundConfig {
  personalChat: { id: string };
  groupChats: { id: string }[];
  currentUser: { id: string };
  users: { id: string; name: string }[];
}

let child: ChildProcess;
let workDir: string;
let playgroundUrl: string;
let config: PlaygroundConfig;
const recording = () => path.join(workDir, 'events.log');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'asb-actions-playground-'));
  child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/playground.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      DATA_DIR: path.join(workDir, 'pglite'),
      LOG_LEVEL: 'error',
      // The reminder worker looks every two seconds here instead of every minute.
      REMINDER_POLL_SECONDS: '2',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log'),
      M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: 'true',
      M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  playgroundUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready: open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => reject(new Error(`npm run playground stopped with ${code}:\n${output}`)));
  });
  config = ((await (await fetch(`${playgroundUrl}/_internal/v1/config`)).json()) as { config: PlaygroundConfig }).config;
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const stopped = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 30_000);

function botMessages(conversationId: string): RecordedEvent[] {
  if (!existsSync(recording())) return [];
  return readFileSync(recording(), 'utf8')
    .split(/^---$/m)
    .map((record) => record.trim())
    .filter((record) => record.startsWith('{'))
    .map((record) => JSON.parse(record) as RecordedEvent)
    .filter((event) => event.direction.startsWith('User Application') && event.conversationId === conversationId && event.request.body.type === 'message' && event.request.method !== 'PUT');
}

async function waitForBotMessage(conversationId: string, matching: RegExp, timeoutMs = 20_000): Promise<RecordedEvent> {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    const found = botMessages(conversationId).find((event) => matching.test(event.request.body.text ?? ''));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the bot sent nothing matching ${matching} to ${conversationId}`);
}

/** A message typed into a chat; the playground always sends it as its current user. */
async function post(conversationId: string, text: string): Promise<string> {
  const response = await fetch(`${playgroundUrl}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { messageId: string }).messageId;
}

/** A click on an Action.Execute button by any configured user; the playground answers with the bot's card. */
async function click(userId: string, conversationId: string, replyToId: string, verb: string, data: Record<string, unknown>): Promise<Card> {
  const response = await fetch(`${playgroundUrl}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'adaptiveCard/action', from: { id: userId }, conversation: { id: conversationId }, replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { type: string; value: Card };
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  return answer.value;
}

const cardText = (card: Card) => card.body.map((element) => element.text ?? '').join('\n');
const buttons = (card: Card) => (card.actions ?? []).map((action) => action.title);

describe('an action in Agents Playground, from assignment to completion', () => {
  it('is assigned by the chair, accepted, reminded and completed by its owner, each step in Teams', async () => {
    const today = londonDateOf(new Date());
    const police = DEMO_AGENCIES.find((agency) => agency.key === 'police')!;
    const council = DEMO_AGENCIES.find((agency) => agency.key === 'council')!;
    // An open case led by the police, so Priya (a police chair) may assign on it.
    const kase = buildDemoRows({ today: new Date() }).cases.find((c) => c.leadAgencyId === police.id && c.status === 'OPEN')!;
    const helen = memberByName('Helen Placeholder');
    const priya = config.users.find((user) => user.name === 'Priya Example')!;
    const personal = config.personalChat.id;
    const panelChat = config.groupChats[0]!.id;

    // Helen has spoken to the bot, so it knows her personal chat (as installing the app would).
    // The recording does not carry the ids of the bot's messages; clicks in the personal chat name this
    // message of the thread instead, which the playground accepts as the card clicked.
    const personalMessage = await post(personal, 'help');
    await waitForBotMessage(personal, /^I help your partnership/);

    // Priya assigns from the assign card in the panel chat.
    const cardMessage = await post(panelChat, 'Item 2: actions');
    const assigned = await click(priya.id, panelChat, cardMessage, 'action.assign', {
      caseId: kase.id, title: 'Phone the victim and update the safety plan', ownerAgencyId: council.id, ownerMemberId: helen.id, dueDate: today, priority: 'HIGH',
    });
    expect(cardText(assigned)).toContain('Assigned and sent to Helen Placeholder in Teams.');
    expect(buttons(assigned)).toEqual([]);

    // Helen gets the action card in her personal chat with Accept, and accepts it there.
    const delivered = await waitForBotMessage(personal, /^New action for you, case .*: Phone the victim/);
    const ownerCard = delivered.request.body.attachments![0]!.content;
    expect(buttons(ownerCard)).toEqual(['Accept']);
    const actionId = (ownerCard as unknown as { actions: { data: { actionId: string } }[] }).actions[0]!.data.actionId;
    const accepted = await click(config.currentUser.id, personal, personalMessage, 'action.accept', { actionId, version: 1 });
    expect(cardText(accepted)).toContain('Accepted.');
    expect(buttons(accepted)).toEqual(['Update progress', 'Mark complete', "Can't complete"]);

    // Priya sees status only; Helen's reminder that the action is due today arrives on its own.
    const chairView = await click(priya.id, panelChat, cardMessage, 'action.refresh', { actionId, version: 2 });
    expect(cardText(chairView)).toContain('Accepted');
    expect(buttons(chairView)).toEqual(["Can't complete"]);
    await waitForBotMessage(personal, /^Reminder: your action is due today: Phone the victim/);

    const completed = await click(config.currentUser.id, personal, personalMessage, 'action.complete', { actionId, version: 2, completionNote: 'Spoke to the victim; safety plan updated.' });
    expect(cardText(completed)).toContain('Marked complete.');
    expect(cardText(completed)).toContain('Completed');
    expect(buttons(completed)).toEqual([]);
  }, 90_000);
});
