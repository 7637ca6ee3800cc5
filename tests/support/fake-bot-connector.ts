// A stand-in for the Bot Connector service (the `serviceUrl` Teams gives the bot), on loopback. It
// speaks the real REST wire format: POST /v3/conversations creates a conversation, POST
// /v3/conversations/{id}/activities[/{replyToId}] sends, PUT /v3/conversations/{id}/activities/{id}
// updates, GET /v1/meetings/{meetingId} answers the meeting's details (botbuilder's
// TeamsInfo.getMeetingInfo: details with joinUrl and msGraphResourceId, conversation, organizer; 404
// for a meeting it does not know), and errors come back as {"error":{"code","message"}} with
// Retry-After on 429. It records
// every request and can be scripted to fail the way Teams does. It is faked because the real service
// cannot be reached from a machine without a tenant; the bot under test uses botbuilder unchanged.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface RecordedRequest {
  method: 'POST' | 'PUT' | 'GET';
  /** 'create' for POST /v3/conversations, 'send' for a new or reply activity, 'update' for PUT, 'meeting' for the meeting's details. */
  operation: 'create' | 'send' | 'update' | 'meeting';
  conversationId: string | null;
  activityId: string | null;
  body: Record<string, unknown>;
  /** When it arrived (ms since the epoch) and what was answered. */
  at: number;
  status: number;
  authorization: string | undefined;
}

export interface ScriptedFailure {
  status: 403 | 404 | 412 | 429 | 500 | 502 | 504;
  code?: string;
  retryAfterSeconds?: number;
}

interface Script extends ScriptedFailure {
  remaining: number;
  conversationId?: string | undefined;
  operation?: RecordedRequest['operation'] | undefined;
}

export interface FakeBotConnector {
  /** The serviceUrl to put in activities and conversation references (ends with '/'). */
  serviceUrl: string;
  requests: RecordedRequest[];
  /** Activities that were accepted (2xx), in arrival order. */
  delivered(conversationId?: string): RecordedRequest[];
  /** Answer the next `times` matching requests with this failure instead of success. */
  failNext(failure: ScriptedFailure, options?: { times?: number; conversationId?: string; operation?: RecordedRequest['operation'] }): void;
  /** Every write to this conversation is refused with 403 MessageWritesBlocked, as when a user blocks the bot. */
  blockWrites(conversationId: string): void;
  /** Users (by "29:" id or Entra object id) for whom the app is installed: only they get a personal conversation created. */
  installFor(...userIds: string[]): void;
  /** Teams knows this meeting: GET /v1/meetings/{id} answers its details. */
  knowMeeting(meeting: { id: string; joinUrl: string; chatId: string; msGraphResourceId?: string; title?: string }): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const requests: RecordedRequest[] = [];
  const scripts: Script[] = [];
  const blocked = new Set<string>();
  const installed = new Set<string>();
  const meetings = new Map<string, Record<string, unknown>>();
  let nextId = 1;

  const app = express();
  app.use(express.json({ limit: '1mb' }));

  const scripted = (operation: RecordedRequest['operation'], conversationId: string | null): ScriptedFailure | null => {
    if (conversationId && blocked.has(conversationId) && operation !== 'create') return { status: 403, code: 'MessageWritesBlocked' };
    const script = scripts.find(
      (s) => s.remaining > 0 && (!s.conversationId || s.conversationId === conversationId) && (!s.operation || s.operation === operation),
    );
    if (!script) return null;
    script.remaining -= 1;
    return script;
  };

  const answer = (
    req: express.Request,
    res: express.Response,
    operation: RecordedRequest['operation'],
    conversationId: string | null,
    success: () => { status: number; body: Record<string, unknown> },
  ) => {
    const failure = scripted(operation, conversationId);
    const outcome = failure
      ? {
          status: failure.status,
          body: { error: { code: failure.code ?? defaultCode(failure.status), message: `Scripted ${failure.status}` } },
        }
      : success();
    requests.push({
      method: req.method as RecordedRequest['method'],
      operation,
      conversationId,
      activityId: (req.params as { activityId?: string }).activityId ?? null,
      body: req.body as Record<string, unknown>,
      at: Date.now(),
      status: outcome.status,
      authorization: req.headers.authorization,
    });
    if (failure?.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(failure.retryAfterSeconds));
    res.status(outcome.status).json(outcome.body);
  };

  app.post('/v3/conversations', (req, res) => {
    answer(req, res, 'create', null, () => {
      const body = req.body as { members?: { id?: string; aadObjectId?: string }[] };
      const member = body.members?.[0];
      const known = member && (installed.has(member.id ?? '') || installed.has(member.aadObjectId ?? ''));
      // Teams refuses to open a personal chat with someone who has not got the app.
      if (!known)
        return {
          status: 403,
          body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } },
        };
      return { status: 201, body: { id: `a:created-${nextId++}` } };
    });
  });
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:activityId'], (req, res) => {
    answer(req, res, 'send', req.params.conversationId as string, () => ({ status: 201, body: { id: `activity-${nextId++}` } }));
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    answer(req, res, 'update', req.params.conversationId as string, () => ({ status: 200, body: { id: req.params.activityId as string } }));
  });

  app.get('/v1/meetings/:meetingId', (req, res) => {
    answer(req, res, 'meeting', null, () => {
      const meeting = meetings.get(req.params.meetingId as string);
      if (!meeting) return { status: 404, body: { error: { code: 'NotFound', message: 'Meeting not found.' } } };
      return { status: 200, body: meeting };
    });
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    delivered: (conversationId) =>
      requests.filter(
        (r) =>
          r.status < 300 &&
          (r.operation === 'send' || r.operation === 'update') &&
          (!conversationId || r.conversationId === conversationId),
      ),
    failNext(failure, options = {}) {
      scripts.push({ ...failure, remaining: options.times ?? 1, conversationId: options.conversationId, operation: options.operation });
    },
    blockWrites: (conversationId) => void blocked.add(conversationId),
    installFor: (...userIds) => userIds.forEach((id) => installed.add(id)),
    knowMeeting(meeting) {
      meetings.set(meeting.id, {
        details: {
          id: meeting.id,
          msGraphResourceId: meeting.msGraphResourceId ?? '',
          scheduledStartTime: '2026-12-10T10:00:00Z',
          scheduledEndTime: '2026-12-10T12:00:00Z',
          joinUrl: meeting.joinUrl,
          title: meeting.title ?? 'Panel meeting',
          type: 'Scheduled',
        },
        conversation: { isGroup: true, conversationType: 'groupChat', id: meeting.chatId },
        organizer: { id: '29:organiser', aadObjectId: '00000000-0000-0000-0000-00000000aaaa', tenantId: '' },
      });
    },
    reset() {
      meetings.clear();
      requests.length = 0;
      scripts.length = 0;
      blocked.clear();
      installed.clear();
      nextId = 1;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function defaultCode(status: number): string {
  const codes: Record<number, string> = {
    403: 'MessageWritesBlocked',
    404: 'ConversationNotFound',
    412: 'PreconditionFailed',
    429: 'Throttled',
    500: 'InternalServerError',
    502: 'BadGateway',
    504: 'GatewayTimeout',
  };
  return codes[status] ?? 'ServiceError';
}
