// The tab's API client (openapi-fetch over the OpenAPI document's types, tab/src/api/client.ts)
// against the real app on loopback over a database with the demo partnership: the bearer token, one
// fresh sign-in and retry on 401, refusals as ApiError values with their field errors, conditional
// GETs for the side panel's polling, and an unreachable server. Tokens come from the app's own
// development sign-in.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { ApiError } from '../../tab/src/api/api-error';
import { answerOf, createApiClient, createSignInClient, ifChangedSince, revalidated, type TokenSource } from '../../tab/src/api/client';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';

let database: TestDatabase;
let app: RunningApp;

const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;

beforeAll(async () => {
  database = await openDemoDatabase({ today: new Date() });
  app = await startTestApp(database.db);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

/** A token source that starts from `first` and signs in again as `memberId` through the app when asked. */
function tokensFor(first: string, renewAs: string | null) {
  const source = {
    renewals: 0,
    token: first,
    current: () => source.token,
    async renew() {
      source.renewals += 1;
      source.token = renewAs ? await app.signInAs(renewAs) : 'still-not-a-token';
      return source.token;
    },
  };
  return source satisfies TokenSource;
}

describe("the tab's API client", () => {
  it("reads an answer with the member's bearer token", async () => {
    const dan = member('Dan Sample');
    const api = createApiClient(tokensFor(await app.signInAs(dan.id), null), () => undefined, { baseUrl: app.baseUrl });
    const me = await answerOf(api.GET('/api/me'));
    expect(me.displayName).toBe('Dan Sample');
    expect(me.capabilities).toContain('referral.create');
  });

  it('signs in again once when the server refuses the token, and sends the same request with its body again', async () => {
    const dan = member('Dan Sample');
    const tokens = tokensFor('an-expired-token', dan.id);
    let signedOut = 0;
    const api = createApiClient(tokens, () => (signedOut += 1), { baseUrl: app.baseUrl });
    const created = await answerOf(
      api.POST('/api/referrals', {
        body: { subjectType: 'VICTIM', draft: { step: 'subject', subject: { givenName: 'Ivy', familyName: 'Retried-Testcase' } } },
      }),
    );
    expect(tokens.renewals).toBe(1);
    expect(signedOut).toBe(0);
    expect(created.status).toBe('DRAFT');
    expect(created.draft?.subject?.familyName).toBe('Retried-Testcase');
    expect(await database.db.prisma.referral.count({ where: { id: created.id, referrerId: dan.id } })).toBe(1);
  });

  it('tells the session the member is signed out when the fresh sign-in is refused too', async () => {
    const tokens = tokensFor('an-expired-token', null);
    let signedOut = 0;
    const api = createApiClient(tokens, () => (signedOut += 1), { baseUrl: app.baseUrl });
    const failure = await answerOf(api.GET('/api/me')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(tokens.renewals).toBe(1);
    expect(signedOut).toBe(1);
  });

  it('turns a refusal into an ApiError carrying the message for each field', async () => {
    const owen = member('Owen Dummy');
    const api = createApiClient(tokensFor(await app.signInAs(owen.id), null), () => undefined, { baseUrl: app.baseUrl });
    const failure = await answerOf(api.PUT('/api/retention/settings', { body: { retentionReviewMonths: 0.5 } })).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, retryable: false });
    expect((failure as ApiError).fields.retentionReviewMonths).toBe('Give the review period as a whole number of months.');
  });

  it('answers "unchanged" to a conditional GET of the meeting room until the meeting changes', async () => {
    const meeting = await database.db.prisma.meeting.findFirstOrThrow({
      where: { status: 'SCHEDULED', agendaItems: { some: { status: 'PLANNED' } } },
      orderBy: { startsAt: 'asc' },
      include: { panel: { include: { chairs: true } } },
    });
    // Held today: a meeting is started on its day, not before.
    await database.db.prisma.meeting.update({
      where: { id: meeting.id },
      data: { startsAt: new Date(), endsAt: new Date(Date.now() + 7_200_000) },
    });
    const chairId = meeting.panel.chairs[0]!.memberId;
    const api = createApiClient(tokensFor(await app.signInAs(chairId), null), () => undefined, { baseUrl: app.baseUrl });
    const room = (etag: string | null) =>
      revalidated(api.GET('/api/meetings/{meetingId}/room', { params: { path: { meetingId: meeting.id } }, ...ifChangedSince(etag) }));

    const first = await room(null);
    if (!first.changed) throw new Error('the first read must carry the room');
    expect(first.data.meeting.id).toBe(meeting.id);
    expect(first.etag).toEqual(expect.any(String));
    expect(await room(first.etag)).toEqual({ changed: false });

    await answerOf(api.POST('/api/meetings/{meetingId}/next', { params: { path: { meetingId: meeting.id } }, body: {} }));
    const after = await room(first.etag);
    expect(after.changed).toBe(true);
  });

  it('reads how to sign in before anyone has', async () => {
    expect(await answerOf(createSignInClient({ baseUrl: app.baseUrl }).GET('/api/config'))).toEqual({ signIn: 'development' });
  });

  it('gives an ApiError the page may retry when the server cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const api = createApiClient(tokensFor('any', null), () => undefined, { baseUrl: `http://127.0.0.1:${closed}` });
    const failure = await answerOf(api.GET('/api/me')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 0, code: 'network', retryable: true });
  });
});
