// Two things the Bot Connector does when a bot opens a personal chat that Agents Playground does not:
// - it refuses someone who has not got the app: 403 {"error":{"code":"BotNotInConversationRoster",...}}
//   (Playground opens a chat with anyone);
// - it takes the user's Entra object id in `members[].id` and finds their Teams user id
//   (Playground knows its users by Teams user id alone).
// This loopback proxy stands in front of Playground's connector (Playground is told to hand the bot
// this address as the serviceUrl) and does both for POST /v3/conversations; every other request goes
// on to Playground unchanged.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatOpening {
  /** The Entra object id the bot asked for. */
  aadObjectId: string;
  status: number;
  /** The conversation Playground opened, when it did. */
  conversationId: string | null;
}

export interface RefusingConnector {
  /** The serviceUrl for Playground to put in activities (M365_AGENTS_PLAYGROUND_SERVICE_URL). */
  readonly serviceUrl: string;
  /** Every POST /v3/conversations for a personal chat, in order. */
  readonly openings: ChatOpening[];
  /** Ids Playground gave the bot's messages, by conversation: Playground's recording leaves them out. */
  readonly sentActivityIds: Map<string, string[]>;
  close(): Promise<void>;
}

const CONNECTOR_PATH = '/_connector';

export async function startRefusingConnector(options: {
  /** Playground's own origin, e.g. http://127.0.0.1:56150. */
  playgroundOrigin: string;
  /** Whether the app is installed in this user's personal scope (by Entra object id). */
  hasTheApp(aadObjectId: string): boolean;
}): Promise<RefusingConnector> {
  const openings: ChatOpening[] = [];
  const sentActivityIds = new Map<string, string[]>();
  let teamsUserIds: Map<string, string> | null = null;
  // Playground's configured users, read once it is up: Entra object id → Teams user id.
  const teamsUserIdOf = async (aadObjectId: string): Promise<string | undefined> => {
    if (!teamsUserIds) {
      const { config } = (await (await fetch(`${options.playgroundOrigin}/_internal/v1/config`)).json()) as {
        config: { currentUser: PlaygroundUser; users: PlaygroundUser[] };
      };
      teamsUserIds = new Map([config.currentUser, ...config.users].map((user) => [user.aadObjectId.toLowerCase(), user.id]));
    }
    return teamsUserIds.get(aadObjectId);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const opening = req.method === 'POST' && req.url === `${CONNECTOR_PATH}/v3/conversations` ? personalChatFor(body) : null;
      if (opening !== null && !options.hasTheApp(opening)) {
        openings.push({ aadObjectId: opening, status: 403, conversationId: null });
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }),
        );
        return;
      }
      const forwarded = opening === null ? Promise.resolve(body) : withTeamsUserId(body, opening, teamsUserIdOf);
      void forwarded
        .then((sent) => forward(req, sent, options.playgroundOrigin))
        .then(
          (answer) => {
            const answeredId =
              answer.status < 300 ? ((JSON.parse(answer.body.toString('utf8') || '{}') as { id?: string }).id ?? null) : null;
            if (opening !== null) openings.push({ aadObjectId: opening, status: answer.status, conversationId: answeredId });
            const sentTo = req.method === 'POST' ? /\/v3\/conversations\/([^/]+)\/activities$/.exec(req.url ?? '')?.[1] : undefined;
            if (sentTo && answeredId) {
              const conversationId = decodeURIComponent(sentTo);
              sentActivityIds.set(conversationId, [...(sentActivityIds.get(conversationId) ?? []), answeredId]);
            }
            res.writeHead(answer.status, answer.headers);
            res.end(answer.body);
          },
          () => {
            res.writeHead(502);
            res.end();
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}${CONNECTOR_PATH}`,
    openings,
    sentActivityIds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface PlaygroundUser {
  id: string;
  aadObjectId: string;
}

/** The request with the member named by their Teams user id, as the Bot Connector resolves it. */
async function withTeamsUserId(
  body: Buffer,
  aadObjectId: string,
  teamsUserIdOf: (id: string) => Promise<string | undefined>,
): Promise<Buffer> {
  const request = JSON.parse(body.toString('utf8')) as { members: { id?: string; aadObjectId?: string }[] };
  const teamsUserId = await teamsUserIdOf(aadObjectId);
  if (!teamsUserId) return body;
  request.members[0] = { ...request.members[0], id: teamsUserId, aadObjectId };
  return Buffer.from(JSON.stringify(request));
}

/** The user a personal chat is asked for, or null for a group or channel conversation. */
function personalChatFor(body: Buffer): string | null {
  const request = JSON.parse(body.toString('utf8') || '{}') as { isGroup?: boolean; members?: { id?: string; aadObjectId?: string }[] };
  if (request.isGroup) return null;
  const member = request.members?.[0];
  return (member?.aadObjectId ?? member?.id ?? '').toLowerCase();
}

async function forward(
  req: http.IncomingMessage,
  body: Buffer,
  origin: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
  }
  const response = await fetch(`${origin}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(['GET', 'HEAD'].includes(req.method ?? 'GET') ? {} : { body }),
  });
  const answered: Record<string, string> = {};
  const type = response.headers.get('content-type');
  if (type) answered['content-type'] = type;
  return { status: response.status, headers: answered, body: Buffer.from(await response.arrayBuffer()) };
}
