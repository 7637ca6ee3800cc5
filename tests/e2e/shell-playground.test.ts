// `npm run playground` end to end: the app in local mode and Microsoft 365 Agents Playground with
// the checked-in partner users, driven through the playground's own HTTP API (no browser).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../api/paths';
import { DEMO_MEMBERS, DEMO_TENANT_ID } from '../../api/store/demo-data';

interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  email: string;
}

interface RecordedEvent {
  direction: string;
  conversationId: string;
  request: { body: { text?: string; type?: string; attachments?: unknown[] } };
}

let child: ChildProcess;
let workDir: string;
let playgroundUrl: string;
let appPort: number;
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
  workDir = mkdtempSync(path.join(tmpdir(), 'asb-playground-'));
  appPort = await freePort();
  child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/playground.ts'], {
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
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const stopped = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 30_000);

async function playgroundConfig(): Promise<{ tenantId: string; currentUser: PlaygroundUser; users: PlaygroundUser[] }> {
  const response = await fetch(`${playgroundUrl}/_internal/v1/config`);
  return ((await response.json()) as { config: { tenantId: string; currentUser: PlaygroundUser; users: PlaygroundUser[] } }).config;
}

function botReplies(conversationId: string): RecordedEvent[] {
  if (!existsSync(recording())) return [];
  return readFileSync(recording(), 'utf8')
    .split(/^---$/m)
    .map((record) => record.trim())
    .filter((record) => record.startsWith('{'))
    .map((record) => JSON.parse(record) as RecordedEvent)
    .filter((event) => event.direction.startsWith('User Application') && event.conversationId === conversationId && event.request.body.type === 'message');
}

async function say(text: string): Promise<RecordedEvent> {
  const { currentUser } = await playgroundConfig();
  const chat = `a:personal-${currentUser.id.slice(3)}`;
  const before = botReplies(chat).length;
  const sent = await fetch(`${playgroundUrl}/_conversation/v1/conversations/${encodeURIComponent(chat)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: currentUser.id }, text, textFormat: 'plain' }),
  });
  expect(sent.status).toBe(200);
  for (let waited = 0; waited < 15_000; waited += 250) {
    const replies = botReplies(chat);
    if (replies.length > before) return replies[before]!;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the bot did not answer "${text}"`);
}

/** Listening sockets on a port, from the kernel's own table (Linux): local addresses in hex. */
function listeningAddresses(port: number): string[] {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${portHex}`))
      .map((fields) => fields[1]!.split(':')[0]!),
  );
}

const IPV4_LOOPBACK = '0100007F';
const IPV6_LOOPBACK = '00000000000000000000000001000000';

describe('npm run playground', () => {
  it('loads the checked-in partner users: six demo members with their tenant, Entra object ids, names and emails', async () => {
    const config = await playgroundConfig();
    expect(config.tenantId).toBe(DEMO_TENANT_ID);
    const people = [config.currentUser, ...config.users];
    expect(people).toHaveLength(6);
    for (const person of people) {
      const member = DEMO_MEMBERS.find((candidate) => candidate.entraObjectId === person.aadObjectId);
      expect(member).toBeDefined();
      expect({ name: person.name, email: person.email, upn: person.userPrincipleName, id: person.id, tenant: member!.tenantId }).toEqual({
        name: member!.displayName,
        email: member!.email,
        upn: member!.email,
        id: `29:${member!.key}`,
        tenant: DEMO_TENANT_ID,
      });
    }
    expect(new Set(people.map((person) => member(person).agencyKey)).size).toBeGreaterThanOrEqual(5);
  });

  it('passes the chat to the app, whose bot answers help in the personal chat', async () => {
    const reply = await say('help');
    expect(reply.request.body.text).toMatch(/^I help your partnership run its ASB risk panels/);
  });

  it('knows the current user as a partnership member rather than a stranger', async () => {
    const reply = await say('my actions');
    expect(JSON.stringify(reply.request.body)).not.toContain('not set up as a member');
  });

  it('listens on the loopback interface only, for the app and for the playground', () => {
    for (const port of [appPort, Number(new URL(playgroundUrl).port)]) {
      const addresses = listeningAddresses(port);
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect([IPV4_LOOPBACK, IPV6_LOOPBACK]).toContain(address);
    }
  });
});

function member(person: PlaygroundUser) {
  return DEMO_MEMBERS.find((candidate) => candidate.entraObjectId === person.aadObjectId)!;
}
