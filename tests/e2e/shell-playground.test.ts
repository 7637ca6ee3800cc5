// `npm run playground` end to end: the app in local mode and Microsoft 365 Agents Playground with
// the checked-in partner users, driven through the playground's own HTTP API (no browser).
import { readFileSync } from 'node:fs';
import { DEMO_MEMBERS, DEMO_TENANT_ID } from '../../api/store/demo-data';
import { WELCOME_PERSONAL, WELCOME_SHARED } from '../../bot/handlers/help';
import { startPlayground, type PlaygroundUser, type RecordedEvent, type RunningPlayground } from '../support/playground';

let playground: RunningPlayground;

beforeAll(async () => {
  playground = await startPlayground();
}, 180_000);

afterAll(async () => {
  await playground?.stop();
}, 30_000);

async function say(text: string): Promise<RecordedEvent> {
  const chat = playground.config.personalChat.id;
  const before = playground.botMessages(chat).length;
  await playground.post(chat, text);
  for (let waited = 0; waited < 15_000; waited += 250) {
    const replies = playground.botMessages(chat);
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
    const config = playground.config;
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

  it('welcomes the member in their personal chat when the app is installed there, once, before anything else', async () => {
    const chat = playground.config.personalChat.id;
    expect(playground.botMessages(chat)).toEqual([]);
    await playground.install(chat);
    const welcome = await playground.waitForBotMessage(chat, /^Welcome to ASB Panels/);
    expect(welcome.request.body.text).toBe(WELCOME_PERSONAL);
    expect(playground.botMessages(chat)).toHaveLength(1);
  });

  it('says in the group chat, when installed there, that personal actions stay in personal chats', async () => {
    const chat = playground.config.groupChats[0]!.id;
    await playground.install(chat);
    const welcome = await playground.waitForBotMessage(chat, /^ASB Panels is here to help run your panel meetings/);
    expect(welcome.request.body.text).toBe(WELCOME_SHARED);
    expect(playground.botMessages(chat)).toHaveLength(1);
  });

  it('passes the chat to the app, whose bot answers help in the personal chat', async () => {
    const reply = await say('help');
    expect(reply.request.body.text).toMatch(/^I help your partnership run its ASB risk panels/);
  });

  it('knows the current user as a partnership member rather than a stranger', async () => {
    const reply = await say('my actions');
    expect(JSON.stringify(reply.request.body)).not.toContain('not set up as a member');
  });

  it('answers `my actions` in a group chat with one line pointing to the personal chat, and no case data', async () => {
    const chat = playground.config.groupChats[0]!.id;
    const before = playground.botMessages(chat).length;
    await playground.post(chat, 'my actions', { mentionBot: true });
    const reply = await playground.waitForBotMessage(chat, /personal chat only/);
    expect(reply.request.body.attachments ?? []).toEqual([]);
    // The one line is all: no cards follow it into the shared chat.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(playground.botMessages(chat).slice(before)).toHaveLength(1);
  });

  it('listens on the loopback interface only, for the app and for the playground', () => {
    for (const port of [playground.appPort, Number(new URL(playground.url).port)]) {
      const addresses = listeningAddresses(port);
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect([IPV4_LOOPBACK, IPV6_LOOPBACK]).toContain(address);
    }
  });
});

function member(person: PlaygroundUser) {
  return DEMO_MEMBERS.find((candidate) => candidate.entraObjectId === person.aadObjectId)!;
}
