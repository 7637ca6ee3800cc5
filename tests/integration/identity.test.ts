// Sign-in at the REST edge: the development sign-in in local mode, refusals that leak nothing, and
// the browser-facing headers.
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';

let test: TestDatabase;
let app: RunningApp;
const chair = DEMO_MEMBERS.find((member) => member.roles.includes('PANEL_CHAIR'))!;

beforeAll(async () => {
  test = await openDemoDatabase({ today: new Date('2026-11-02T09:00:00Z') });
  app = await startTestApp(test.db, { allowedOrigins: ['https://asb.example.org'] });
}, 60_000);
afterAll(async () => {
  await app.close();
  await test.dispose();
});

describe('development sign-in', () => {
  it('says which sign-in the tab must use', async () => {
    const answer = await app.call('GET', '/api/config');
    expect(answer).toMatchObject({ status: 200, body: { signIn: 'development' } });
  });

  it('lists the demo members to pick from and signs in as the one picked', async () => {
    const list = await app.call<{ members: { id: string; agencyName: string }[] }>('GET', '/api/dev/members');
    expect(list.body.members).toHaveLength(DEMO_MEMBERS.length);
    const token = await app.signInAs(chair.id);
    const me = await app.call('GET', '/api/me', { token });
    expect(me).toMatchObject({
      status: 200,
      body: {
        id: chair.id,
        displayName: chair.displayName,
        roles: [...chair.roles],
        signIn: 'development',
        agency: { name: chair.agencyName },
      },
    });
    expect((me.body as { capabilities: string[] }).capabilities).toContain('meeting.run');
  });

  it('answers a missing, forged or malformed token with the same 401', async () => {
    const token = await app.signInAs(chair.id);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    for (const attempt of [undefined, forged, 'not-a-token', `${header}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`]) {
      const answer = await app.call('GET', '/api/me', attempt ? { token: attempt } : {});
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in again to continue.' } });
    }
  });

  it('refuses to sign in as a member who has left', async () => {
    const leaver = DEMO_MEMBERS[3]!;
    const token = await app.signInAs(leaver.id);
    await test.db.prisma.member.update({ where: { id: leaver.id }, data: { isActive: false } });
    expect((await app.call('GET', '/api/me', { token })).status).toBe(401);
    expect((await app.call('POST', '/api/dev/sign-in', { body: { memberId: leaver.id } })).status).toBe(404);
    await test.db.prisma.member.update({ where: { id: leaver.id }, data: { isActive: true } });
  });

  it('explains a bad sign-in request field by field', async () => {
    const answer = await app.call('POST', '/api/dev/sign-in', { body: { memberId: 'someone', extra: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: expect.arrayContaining([{ field: 'memberId', message: 'Choose a member from the list.' }]),
      },
    });
  });
});

describe('browser-facing defences', () => {
  it('lets Teams and Office frame the tab and nobody else', async () => {
    const answer = await app.call('GET', '/api/config');
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com/);
    expect(policy).toContain("script-src 'self'");
    expect(answer.headers.get('x-frame-options')).toBeNull();
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses calls from other web sites and answers our own origin', async () => {
    const refused = await app.call('GET', '/api/config', { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    const allowed = await app.call('OPTIONS', '/api/me', {
      headers: { origin: 'https://asb.example.org', 'access-control-request-method': 'GET' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://asb.example.org');
  });

  it('refuses a body over the size limit without touching the database', async () => {
    const answer = await app.call('POST', '/api/dev/sign-in', { body: JSON.stringify({ memberId: 'x'.repeat(200_000) }) });
    expect(answer.status).toBe(413);
  });
});

describe('per-member rate limit', () => {
  it('slows one busy member down without affecting another', async () => {
    const limited = await startTestApp(test.db, { rateLimitPerMinute: 3 });
    try {
      const busy = await limited.signInAs(chair.id);
      const other = await limited.signInAs(DEMO_MEMBERS[1]!.id);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.call('GET', '/api/me', { token: busy })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await limited.call('GET', '/api/me', { token: other })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('sign-in rate limit', () => {
  it('limits the routes before sign-in per client address', async () => {
    const limited = await startTestApp(test.db, { signInRateLimitPerMinute: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.call('GET', '/api/config')).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect((await limited.call('POST', '/api/dev/sign-in', { body: { memberId: chair.id } })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
