// The whole app in Entra mode: Teams SSO tokens from a loopback issuer (tests/support/fake-issuer.ts,
// Entra's real discovery, JWKS and RS256 wire format) are verified on every API call, and the token's
// user must also be a member of the partnership. Entra ID cannot be reached from here, so it is faked.
import type { JWTPayload } from 'jose';
import { createEntraTokenVerifier } from '../../api/auth/entra-token';
import { DEMO_AGENCIES, DEMO_GUEST_TENANT_ID, DEMO_MEMBERS, DEMO_TENANT_ID } from '../../api/store/demo-data';
import { startFakeIssuer, type FakeIssuer } from '../support/fake-issuer';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';

const CLIENT_ID = '6f1c2c7e-3d8a-4c55-9a43-2f1b5e0d7a11';
const STRANGER_TENANT = 'f2e4c6a8-1b3d-4f5a-8c7e-9d0b1a2c3e4f';
const NOW = new Date('2026-11-02T10:00:00Z');
const officer = DEMO_MEMBERS.find((m) => m.displayName === 'Dan Sample')!;

let database: TestDatabase;
let issuer: FakeIssuer;
let app: RunningApp;

beforeAll(async () => {
  database = await openDemoDatabase({ today: NOW });
  issuer = await startFakeIssuer();
  const settings = {
    clientId: CLIENT_ID,
    allowedTenants: [DEMO_TENANT_ID, DEMO_GUEST_TENANT_ID],
    openIdMetadataUrl: issuer.entraMetadataUrl,
  };
  app = await startTestApp(database.db, {
    clock: () => NOW,
    signIn: { mode: 'entra', ...settings },
    entraVerifier: createEntraTokenVerifier(settings),
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await issuer?.close();
  await database?.dispose();
});

function teamsSso(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: `api://panels.example/${CLIENT_ID}`,
    iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
    tid: DEMO_TENANT_ID,
    oid: officer.entraObjectId,
    name: officer.displayName,
    scp: 'access_as_user',
    ver: '1.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  };
}

describe('Teams SSO on the running app', () => {
  test('signs a member in from their Teams SSO token', async () => {
    const answer = await app.call<{ id: string; signIn: string }>('GET', '/api/me', { token: await issuer.sign(teamsSso()) });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: officer.id, signIn: 'entra' });
  });

  test('signs in an external partner from their own allowed tenant, and not from the home tenant with the same object id', async () => {
    const housing = DEMO_AGENCIES.find((agency) => agency.guestTenantId === DEMO_GUEST_TENANT_ID)!;
    const partnershipId = (await database.db.prisma.partnership.findFirstOrThrow()).id;
    const guestOid = '7e570000-0000-4000-8000-0000000a55c1';
    const guest = await database.db.prisma.member.create({
      data: {
        partnershipId,
        agencyId: housing.id,
        tenantId: DEMO_GUEST_TENANT_ID,
        entraObjectId: guestOid,
        displayName: 'Guest Officer',
        roles: ['REFERRER'],
      },
    });
    const fromGuestTenant = { tid: DEMO_GUEST_TENANT_ID, iss: `https://sts.windows.net/${DEMO_GUEST_TENANT_ID}/`, oid: guestOid };

    const signedIn = await app.call<{ id: string; agency: { id: string } }>('GET', '/api/me', {
      token: await issuer.sign(teamsSso(fromGuestTenant)),
    });
    const sameOidAtHome = await app.call('GET', '/api/me', { token: await issuer.sign(teamsSso({ oid: guestOid })) });

    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ id: guest.id, agency: { id: housing.id } });
    expect(sameOidAtHome.status).toBe(403);
  });

  test('refuses a valid token for someone who is not a member, without naming them', async () => {
    const answer = await app.call('GET', '/api/me', {
      token: await issuer.sign(teamsSso({ oid: '11111111-2222-4333-8444-555555555555' })),
    });

    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'Your account is not set up as a member of a partnership here. Ask your partnership administrator.',
      },
    });
  });

  const refused: [string, () => Promise<string>][] = [
    ['an expired token', () => issuer.sign(teamsSso({ exp: Math.floor(Date.now() / 1000) - 600 }))],
    ['a token that is not valid yet', () => issuer.sign(teamsSso({ nbf: Math.floor(Date.now() / 1000) + 600 }))],
    ['a token for another app', () => issuer.sign(teamsSso({ aud: 'api://panels.example/00000003-0000-0000-c000-000000000000' }))],
    ['a token from another issuer', () => issuer.sign(teamsSso({ iss: 'https://login.example.net/' }))],
    [
      'a member object id from a tenant not allowed',
      () => issuer.sign(teamsSso({ tid: STRANGER_TENANT, iss: `https://sts.windows.net/${STRANGER_TENANT}/` })),
    ],
    ['a forged signature', () => issuer.sign(teamsSso(), { signWithStrangerKey: true })],
    ['alg none', async () => issuer.unsigned(teamsSso())],
    ['an unknown key id', () => issuer.sign(teamsSso(), { keyId: 'never-published' })],
    ['a development sign-in token', async () => 'not-a-jwt'],
  ];

  test.each(refused)('answers %s with the same 401 on every route', async (_case, makeToken) => {
    const token = await makeToken();
    for (const path of ['/api/me', '/api/governance/figures', '/api/audit']) {
      const answer = await app.call('GET', path, { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in again to continue.' } });
    }
  });

  test('gives no development sign-in token when Entra is configured', async () => {
    const answer = await app.call('POST', '/api/dev/sign-in', { body: { memberId: officer.id } });
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toContain('token');
  });
});
