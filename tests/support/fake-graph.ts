// A stand-in for Microsoft Graph's calendar events and Entra's client-credentials token endpoint,
// on 127.0.0.1 only, speaking their wire formats:
// - POST /{tenant}/oauth2/v2.0/token (form-encoded client_credentials) answers
//   { token_type, expires_in, ext_expires_in, access_token };
// - GET /v1.0/users/{id}: one directory user ($select), or 404 Request_ResourceNotFound;
// - /v1.0/users/{id}/events: POST creates (201, the event with onlineMeeting.joinUrl; a repeated
//   transactionId returns the first event, as Graph does), PATCH /events/{id} (200),
//   POST /events/{id}/cancel (202, empty);
// - /v1.0/users/{id}/calendarView?startDateTime&endDateTime: the events overlapping the window, in
//   pages of $top (default 10) joined by an absolute @odata.nextLink, as Graph pages them. Queries
//   Graph does not document (a $filter on transactionId) are answered 400, so no code leans on them;
// - GET /v1.0/users/{id}/events/{id} (the event, its join link included once Teams has made it);
// - GET /v1.0/users/{id}/onlineMeetings?$filter=JoinWebUrl eq '{link}': { value: [onlineMeeting] }
//   with id, joinWebUrl, subject and chatInfo { threadId, messageId, replyChainMessageId } (no
//   chatInfo while the chat is not made yet); without the filter 400, as Graph answers app-only lists;
// - POST /v1.0/chats/{id}/installedApps { "teamsApp@odata.bind": ".../appCatalogs/teamsApps/{id}" }:
//   201 with no body, 409 Conflict when already installed, 404 for an unknown chat or app;
// - GET /v1.0/chats/{id}/tabs?$expand=teamsApp and POST /v1.0/chats/{id}/tabs (201, the teamsTab;
//   the app must be installed in the chat first, as Graph requires);
// - POST /v1.0/users/{id}/teamwork/installedApps with {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{appId}"}:
//   201 with no body, 409 Conflict when the app is already installed for the user, 404 for a user the
//   directory does not hold, 403 when the tenant has not consented;
// - POST /v1.0/users/{mailbox}/sendMail with {message: {subject, body, toRecipients}, saveToSentItems}: 202, no body;
// - errors as Graph sends them: { error: { code, message, innerError: { date, request-id } } }, with
//   Retry-After on 429; a bearer token it did not issue gets 401 InvalidAuthenticationToken.
// Tests queue failures to answer the next requests with, or a dropped connection (unreachable).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { LoopbackTls } from './fake-issuer';

export interface StoredEvent {
  id: string;
  organiserId: string;
  transactionId: string | null;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: Array<{ emailAddress: { address: string; name: string }; type: string }>;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  isCancelled: boolean;
  cancellationComment?: string;
  onlineMeeting: { joinUrl: string } | null;
}

/** A meeting chat and what is in it. */
export interface StoredChat {
  installedApps: Set<string>;
  tabs: Array<{ id: string; displayName: string; teamsAppId: string; configuration: Record<string, unknown> }>;
}

export interface StoredOnlineMeeting {
  id: string;
  joinWebUrl: string;
  subject: string;
  threadId: string;
  /** Teams has made the chat: chatInfo is in the answer. */
  chatMade: boolean;
}

export type ScriptedAnswer =
  | { status: number; code: string; retryAfter?: string }
  /** The connection is closed without an answer. */
  | { drop: true };

/** How Teams behaves for the events created next. */
export interface TeamsBehaviour {
  /** The join link form Teams hands out: `/l/meetup-join/19:meeting_…` or the short `/meet/<id>?p=…`. */
  linkForm: 'long' | 'short';
  /** The event is answered without its join link, which appears later (finishMeetings). */
  joinLinkLater: boolean;
  /** The online meeting is answered without chatInfo until finishMeetings. */
  chatLater: boolean;
}

export interface SentMail {
  mailbox: string;
  subject: string;
  body: { contentType: string; content: string };
  toRecipients: Array<{ emailAddress: { address: string; name?: string } }>;
  saveToSentItems: boolean;
}

/** A user in the fake tenant's directory, with the properties the app may $select. */
export interface DirectoryUserRecord {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  userType: 'Member' | 'Guest';
}

export interface FakeGraph {
  /** The directory GET /users lists and filters ($filter=startswith(...) or ..., $select, $top). */
  readonly directoryUsers: DirectoryUserRecord[];
  /** GRAPH_BASE_URL for the app. */
  readonly graphBaseUrl: string;
  /** ENTRA_AUTHORITY_HOST for the app. */
  readonly authorityHost: string;
  readonly events: Map<string, StoredEvent>;
  readonly chats: Map<string, StoredChat>;
  readonly onlineMeetings: Map<string, StoredOnlineMeeting>;
  /** The app's id in the tenant's catalogue: the only app the chats accept. */
  readonly catalogAppId: string;
  readonly teams: TeamsBehaviour;
  /** Teams finishes making every meeting so far: join links and chats appear. */
  finishMeetings(): void;
  /** JSON bodies of Graph requests, with their `METHOD path`. */
  readonly bodies: Array<{ request: string; body: unknown }>;
  /** Answers the next requests whose `METHOD path` contains (or matches) `match` with these, one each. */
  failNextOn(match: string | RegExp, ...answers: ScriptedAnswer[]): void;
  /** Catalogue app ids installed in each user's personal scope, by user id. */
  readonly installedApps: Map<string, Set<string>>;
  /** Users the directory no longer holds: installing for them answers 404. */
  readonly goneUsers: Set<string>;
  /** Mail sent through sendMail, in order. */
  readonly sentMail: SentMail[];
  /** Called after each successful install, as Teams would then let the bot open the user's chat. */
  onInstall(listener: (userId: string, appId: string) => void): void;
  /** Whether the tenant has consented to the app installing itself (default true); false answers 403. */
  setInstallConsent(consented: boolean): void;
  /** `METHOD path` of every Graph request, in order (token requests excluded). */
  readonly requests: string[];
  /** Form bodies the token endpoint received, in order. */
  readonly tokenRequests: URLSearchParams[];
  /** A token the fake will accept, as its token endpoint would issue. */
  issueToken(): string;
  /** Answers the next Graph requests (one each) with these, before behaving normally again. */
  failNext(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

/** Over https when given a certificate: MSAL accepts only https authorities. */
export async function startFakeGraph(options: { tls?: LoopbackTls } = {}): Promise<FakeGraph> {
  const events = new Map<string, StoredEvent>();
  const chats = new Map<string, StoredChat>();
  const onlineMeetings = new Map<string, StoredOnlineMeeting>();
  const withheldJoinLinks = new Map<string, string>();
  const catalogAppId = randomUUID();
  const teams: TeamsBehaviour = { linkForm: 'long', joinLinkLater: false, chatLater: false };
  const bodies: Array<{ request: string; body: unknown }> = [];
  const targeted: Array<{ match: string | RegExp; answer: ScriptedAnswer }> = [];
  let origin = '';
  let shortIds = 4301857200;
  /** What Teams makes with an online event: its join link, its online meeting, and that meeting's chat. */
  const makeTeamsMeeting = (event: StoredEvent) => {
    const threadId = `19:meeting_${event.id.slice(6, 30)}@thread.v2`;
    const joinUrl =
      teams.linkForm === 'long'
        ? `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())}/0?context=%7b%22Tid%22%3a%22tenant%22%7d`
        : `https://teams.microsoft.com/meet/${(shortIds += 1)}?p=${randomUUID().slice(0, 8)}`;
    onlineMeetings.set(joinUrl, {
      id: `MSo${Buffer.from(`${event.organiserId}*${threadId}`).toString('base64')}`,
      joinWebUrl: joinUrl,
      subject: event.subject,
      threadId,
      chatMade: !teams.chatLater,
    });
    chats.set(threadId, { installedApps: new Set(), tabs: [] });
    if (teams.joinLinkLater) withheldJoinLinks.set(event.id, joinUrl);
    return teams.joinLinkLater ? null : { joinUrl };
  };
  const finishMeetings = () => {
    for (const [eventId, joinUrl] of withheldJoinLinks) {
      const event = events.get(eventId);
      if (event) event.onlineMeeting = { joinUrl };
    }
    withheldJoinLinks.clear();
    for (const meeting of onlineMeetings.values()) meeting.chatMade = true;
  };
  const onlineMeetingShape = (meeting: StoredOnlineMeeting) => ({
    id: meeting.id,
    joinWebUrl: meeting.joinWebUrl,
    subject: meeting.subject,
    ...(meeting.chatMade ? { chatInfo: { threadId: meeting.threadId, messageId: '0', replyChainMessageId: null } } : {}),
  });
  const tabShape = (chatId: string, tab: StoredChat['tabs'][number], expandApp: boolean) => ({
    id: tab.id,
    displayName: tab.displayName,
    webUrl: `https://teams.microsoft.com/l/entity/${tab.teamsAppId}/_djb2_msteams_prefix_${tab.id}?webUrl=&label=${encodeURIComponent(tab.displayName)}&context=%7b%22chatId%22%3a%22${encodeURIComponent(chatId)}%22%7d`,
    configuration: tab.configuration,
    ...(expandApp
      ? { teamsApp: { id: tab.teamsAppId, externalId: null, displayName: 'ASB Panels', distributionMethod: 'organization' } }
      : {}),
  });
  /** The catalogue id in a teamsApp@odata.bind, if it names one. */
  const boundApp = (body: Record<string, unknown>) =>
    /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(String(body['teamsApp@odata.bind'] ?? ''))?.[1];
  /** GET calendarView: both bounds are required; events overlapping them, a page at a time. */
  const calendarView = (organiserId: string, url: URL) => {
    const from = Date.parse(url.searchParams.get('startDateTime') ?? '');
    const to = Date.parse(url.searchParams.get('endDateTime') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return null;
    const top = Number(url.searchParams.get('$top') ?? 10);
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const instant = (time: { dateTime: string }) => Date.parse(`${time.dateTime}Z`);
    const inWindow = [...events.values()].filter((e) => e.organiserId === organiserId && instant(e.start) < to && instant(e.end) > from);
    const nextUrl = new URL(`${origin}${url.pathname}${url.search}`);
    nextUrl.searchParams.set('$skip', String(skip + top));
    return {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${organiserId}')/calendarView`,
      value: inWindow.slice(skip, skip + top),
      ...(skip + top < inWindow.length ? { '@odata.nextLink': nextUrl.toString() } : {}),
    };
  };
  const tokens = new Set<string>();
  const requests: string[] = [];
  const installedApps = new Map<string, Set<string>>();
  const goneUsers = new Set<string>();
  const directoryUsers: DirectoryUserRecord[] = [];
  const sentMail: SentMail[] = [];
  const installListeners: Array<(userId: string, appId: string) => void> = [];
  let installConsent = true;
  const tokenRequests: URLSearchParams[] = [];
  const scripted: ScriptedAnswer[] = [];
  const issueToken = () => {
    const token = `fake-graph-token-${randomUUID()}`;
    tokens.add(token);
    return token;
  };

  const listener: http.RequestListener = (req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'request-id': randomUUID(),
          ...headers,
        });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
        send(
          status,
          {
            error: {
              code,
              message,
              innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
            },
          },
          headers,
        );

      const token = /^\/[^/]+\/oauth2\/v2\.0\/token$/.exec(url.pathname);
      if (token && req.method === 'POST') {
        const form = new URLSearchParams(raw);
        tokenRequests.push(form);
        if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'https://graph.microsoft.com/.default') {
          return send(400, {
            error: 'invalid_request',
            error_description: 'AADSTS900144: The request body must contain the following parameter.',
            error_codes: [900144],
          });
        }
        return send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: issueToken() });
      }

      const request = `${req.method} ${url.pathname}${url.search}`;
      requests.push(request);
      if (raw) bodies.push({ request, body: JSON.parse(raw) as unknown });
      const aimed = targeted.findIndex((entry) =>
        typeof entry.match === 'string' ? request.includes(entry.match) : entry.match.test(request),
      );
      const next = aimed >= 0 ? targeted.splice(aimed, 1)[0]!.answer : scripted.shift();
      if (next && 'drop' in next) return req.socket.destroy();
      if (next) return graphError(next.status, next.code, 'Scripted failure.', next.retryAfter ? { 'Retry-After': next.retryAfter } : {});

      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer || !tokens.has(bearer))
        return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');

      const install = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(url.pathname);
      if (install && req.method === 'POST') {
        const userId = decodeURIComponent(install[1]!).toLowerCase();
        const bind = (JSON.parse(raw || '{}') as Record<string, unknown>)['teamsApp@odata.bind'];
        const appId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
        if (!appId) return graphError(400, 'BadRequest', 'Invalid bind property name teamsApp in request.');
        if (!installConsent) return graphError(403, 'Forbidden', 'Missing role permissions on the request.');
        if (goneUsers.has(userId)) return graphError(404, 'NotFound', 'User not found.');
        const apps = installedApps.get(userId) ?? new Set<string>();
        if (apps.has(appId)) return graphError(409, 'Conflict', 'App is already installed.');
        installedApps.set(userId, apps.add(appId));
        installListeners.forEach((listener) => listener(userId, appId));
        return send(201);
      }
      const sendMail = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(url.pathname);
      if (sendMail && req.method === 'POST') {
        const body = JSON.parse(raw || '{}') as { message?: Partial<SentMail>; saveToSentItems?: boolean };
        const message = body.message;
        if (!message?.subject || !message.body?.content || !Array.isArray(message.toRecipients) || message.toRecipients.length === 0)
          return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
        sentMail.push({
          mailbox: decodeURIComponent(sendMail[1]!),
          subject: message.subject,
          body: message.body,
          toRecipients: message.toRecipients,
          saveToSentItems: body.saveToSentItems !== false,
        });
        return send(202);
      }

      if (url.pathname === '/v1.0/users' && req.method === 'GET') {
        const matched = filterDirectory(directoryUsers, url.searchParams.get('$filter'));
        if (!matched) return graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified.');
        const select = (url.searchParams.get('$select') ?? 'id,displayName,mail,userPrincipalName,jobTitle').split(',');
        const top = Number(url.searchParams.get('$top') ?? 100);
        if (!Number.isInteger(top) || top < 1 || top > 999) return graphError(400, 'Request_BadRequest', 'Invalid page size specified.');
        const project = (user: DirectoryUserRecord) =>
          Object.fromEntries(select.filter((field) => field in user).map((field) => [field, user[field as keyof DirectoryUserRecord]]));
        return send(200, {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${select.join(',')})`,
          value: matched.slice(0, top).map(project),
        });
      }

      const oneUser = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
      if (oneUser && req.method === 'GET') {
        const id = decodeURIComponent(oneUser[1]!).toLowerCase();
        const user = directoryUsers.find((candidate) => candidate.id.toLowerCase() === id);
        if (!user)
          return graphError(
            404,
            'Request_ResourceNotFound',
            `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
          );
        const select = (url.searchParams.get('$select') ?? 'id,displayName,mail,userPrincipalName,jobTitle').split(',');
        return send(200, {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${select.join(',')})/$entity`,
          ...Object.fromEntries(select.filter((field) => field in user).map((field) => [field, user[field as keyof DirectoryUserRecord]])),
        });
      }

      const view = /^\/v1\.0\/users\/([^/]+)\/calendarView$/.exec(url.pathname);
      if (view && req.method === 'GET') {
        const page = calendarView(decodeURIComponent(view[1]!), url);
        return page ? send(200, page) : graphError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
      }
      const meetingsOf = /^\/v1\.0\/users\/([^/]+)\/onlineMeetings$/.exec(url.pathname);
      if (meetingsOf && req.method === 'GET') {
        const filter = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(url.searchParams.get('$filter') ?? '');
        if (!filter)
          return graphError(400, 'BadRequest', "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq 'joinWebUrl'.");
        const found = onlineMeetings.get(filter[1]!.replace(/''/g, "'"));
        const organiserId = decodeURIComponent(meetingsOf[1]!);
        // Each organiser sees only the meetings of their own calendar.
        const mine =
          found &&
          [...events.values()].some(
            (e) => e.organiserId === organiserId && (e.onlineMeeting?.joinUrl ?? withheldJoinLinks.get(e.id)) === found.joinWebUrl,
          );
        return send(200, {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${organiserId}')/onlineMeetings`,
          value: mine ? [onlineMeetingShape(found)] : [],
        });
      }
      const chatPath = /^\/v1\.0\/chats\/([^/]+)\/(installedApps|tabs)$/.exec(url.pathname);
      if (chatPath) {
        const chatId = decodeURIComponent(chatPath[1]!);
        const chat = chats.get(chatId);
        if (!chat) return graphError(404, 'NotFound', 'Chat not found.');
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        if (chatPath[2] === 'installedApps' && req.method === 'POST') {
          const appId = boundApp(body);
          if (!appId) return graphError(400, 'BadRequest', 'teamsApp@odata.bind is required.');
          if (appId !== catalogAppId) return graphError(404, 'NotFound', 'The app was not found in the catalog.');
          if (chat.installedApps.has(appId)) return graphError(409, 'Conflict', 'The app is already installed in this chat.');
          chat.installedApps.add(appId);
          return send(201);
        }
        if (chatPath[2] === 'tabs' && req.method === 'GET') {
          const expand = url.searchParams.get('$expand') === 'teamsApp';
          return send(200, {
            '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#chats('${chatId}')/tabs`,
            value: chat.tabs.map((tab) => tabShape(chatId, tab, expand)),
          });
        }
        if (chatPath[2] === 'tabs' && req.method === 'POST') {
          const appId = boundApp(body);
          const configuration = body.configuration as Record<string, unknown> | undefined;
          if (!appId || typeof body.displayName !== 'string' || !configuration?.contentUrl)
            return graphError(400, 'BadRequest', 'displayName, teamsApp@odata.bind and configuration.contentUrl are required.');
          if (!chat.installedApps.has(appId)) return graphError(400, 'BadRequest', 'The app is not installed in this chat.');
          const tab = { id: randomUUID(), displayName: body.displayName, teamsAppId: appId, configuration };
          chat.tabs.push(tab);
          return send(201, {
            '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#chats('${chatId}')/tabs/$entity`,
            ...tabShape(chatId, tab, false),
          });
        }
        return graphError(405, 'BadRequest', 'The method is not allowed.');
      }
      const match = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+))?(\/cancel)?$/.exec(url.pathname);
      if (!match) return graphError(400, 'BadRequest', 'Resource not found for the segment.');
      const organiserId = decodeURIComponent(match[1]!);
      const eventId = match[2] ? decodeURIComponent(match[2]) : null;
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};

      if (!eventId && req.method === 'POST') {
        const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
        const existing = [...events.values()].find(
          (e) => e.organiserId === organiserId && transactionId !== null && e.transactionId === transactionId,
        );
        if (existing) return send(201, existing);
        if (typeof body.subject !== 'string' || !body.start || !body.end)
          return graphError(400, 'ErrorInvalidRequest', "Your request can't be completed.");
        const id = `AAMkAG${randomUUID().replace(/-/g, '')}`;
        const event: StoredEvent = {
          id,
          organiserId,
          transactionId,
          subject: body.subject,
          body: body.body as StoredEvent['body'],
          start: body.start as StoredEvent['start'],
          end: body.end as StoredEvent['end'],
          attendees: (body.attendees ?? []) as StoredEvent['attendees'],
          isOnlineMeeting: body.isOnlineMeeting === true,
          onlineMeetingProvider: String(body.onlineMeetingProvider ?? 'unknown'),
          isCancelled: false,
          onlineMeeting: null,
        };
        if (body.isOnlineMeeting === true) event.onlineMeeting = makeTeamsMeeting(event);
        events.set(id, event);
        return send(201, event);
      }
      if (!eventId && req.method === 'GET') return graphError(400, 'ErrorInvalidUrlQuery', 'The query is not supported.');
      const event = eventId ? events.get(eventId) : undefined;
      if (!event || event.organiserId !== organiserId)
        return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (match[3] && req.method === 'POST') {
        event.isCancelled = true;
        event.cancellationComment = String(body.comment ?? '');
        return send(202);
      }
      if (!match[3] && req.method === 'GET') return send(200, event);
      if (req.method === 'PATCH') {
        Object.assign(event, body);
        return send(200, event);
      }
      return graphError(405, 'BadRequest', 'The method is not allowed.');
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    directoryUsers,
    graphBaseUrl: `${origin}/v1.0`,
    authorityHost: origin,
    events,
    chats,
    onlineMeetings,
    catalogAppId,
    teams,
    finishMeetings,
    bodies,
    failNextOn: (match, ...answers) => targeted.push(...answers.map((answer) => ({ match, answer }))),
    installedApps,
    goneUsers,
    sentMail,
    onInstall: (listener) => void installListeners.push(listener),
    setInstallConsent: (consented) => {
      installConsent = consented;
    },
    requests,
    tokenRequests,
    issueToken,
    failNext: (...answers) => scripted.push(...answers),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const STARTSWITH_CLAUSE = /^startswith\((displayName|mail|userPrincipalName|givenName|surname),\s*'((?:[^']|'')*)'\)$/i;

/**
 * Graph's $filter for users as the app uses it: startswith clauses joined by `or`, case-insensitive.
 * Null for a filter Graph would refuse (an unknown property or function).
 */
function filterDirectory(users: DirectoryUserRecord[], filter: string | null): DirectoryUserRecord[] | null {
  if (filter === null) return users;
  const clauses = filter.split(/\s+or\s+(?=startswith\()/i).map((clause) => STARTSWITH_CLAUSE.exec(clause.trim()));
  if (clauses.some((clause) => clause === null)) return null;
  return users.filter((user) =>
    clauses.some((clause) => {
      const property = clause![1]! as keyof DirectoryUserRecord;
      const prefix = clause![2]!.replace(/''/g, "'").toLowerCase();
      const value = user[property];
      return typeof value === 'string' && value.toLowerCase().startsWith(prefix);
    }),
  );
}
