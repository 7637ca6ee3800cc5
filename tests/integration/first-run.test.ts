// First run in production: Entra configured, an empty database, no demo data. The person named by
// BOOTSTRAP_ADMIN_UPN in BOOTSTRAP_ADMIN_TENANT_ID sets the partnership up and becomes its first
// admin; anyone else is refused (the same sign-in address from a partner tenant too), and once a partnership exists the set-up is refused to everyone. Tokens come from a loopback issuer
// speaking Entra's wire format (tests/support/fake-issuer.ts).
import type { JWTPayload } from 'jose';
import { createEntraTokenVerifier } from '../../api/auth/entra-token';
import { DEFAULT_TEMPLATES } from '../../api/domain/risk/default-templates';
import { startFakeIssuer, type FakeIssuer } from '../support/fake-issuer';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const CLIENT_ID = '0b0a7d1e-6a3c-4f2e-9d1b-7c4e2a9f3b10';
const TENANT = '3c9d2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** A partner agency's tenant: allowed to sign in, but it can name its users whatever it likes. */
const PARTNER_TENANT = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const ADMIN_UPN = 'Asb.Coordinator@council.example';
const ADMIN_OID = 'a0000000-0000-4000-8000-00000000ad01';
const STRANGER_OID = 'a0000000-0000-4000-8000-00000000ad02';
const NOW = new Date('2026-12-07T10:00:00Z');

const SET_UP = {
  partnershipName: 'Riverside Community Safety Partnership',
  area: 'Riverside District',
  bankHolidayRegion: 'ENGLAND_AND_WALES',
  agencyName: 'Riverside Council ASB Team',
  agencyType: 'COUNCIL_ASB',
};

let database: TestDatabase;
let issuer: FakeIssuer;
let app: RunningApp;

beforeAll(async () => {
  database = await openTestDatabase();
  issuer = await startFakeIssuer();
  const settings = { clientId: CLIENT_ID, allowedTenants: [TENANT, PARTNER_TENANT], openIdMetadataUrl: issuer.entraMetadataUrl };
  app = await startTestApp(database.db, {
    clock: () => NOW,
    signIn: { mode: 'entra', ...settings, bootstrapAdmin: { tenantId: TENANT, upn: ADMIN_UPN.toLowerCase() } },
    entraVerifier: createEntraTokenVerifier(settings),
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await issuer?.close();
  await database?.dispose();
});

function teamsSso(oid: string, upn: string, name: string, tenant = TENANT): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    aud: `api://panels.example/${CLIENT_ID}`,
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    tid: tenant,
    oid,
    name,
    preferred_username: upn,
    scp: 'access_as_user',
    ver: '2.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
  };
  return issuer.sign(claims);
}

const adminToken = () => teamsSso(ADMIN_OID, 'asb.coordinator@COUNCIL.example', 'Ada Coordinator');
const strangerToken = () => teamsSso(STRANGER_OID, 'someone.else@council.example', 'Sam Else');
/** Someone in a partner tenant whose preferred_username copies the admin's. */
const impostorToken = () => teamsSso(ADMIN_OID, ADMIN_UPN, 'Ada Coordinator', PARTNER_TENANT);

describe('first run on an empty deployment', () => {
  test('refuses anyone but the bootstrap admin with a clear message, and lets them set up nothing', async () => {
    const token = await strangerToken();
    const me = await app.call<{ error: { code: string; message: string } }>('GET', '/api/me', { token });
    expect(me.status).toBe(403);
    expect(me.body.error.message).toMatch(/has not been set up here yet/);

    expect((await app.call('GET', '/api/setup', { token })).body).toEqual({ state: 'WAITING_FOR_ADMIN' });
    const refused = await app.call<{ error: { code: string } }>('POST', '/api/setup', { token, body: SET_UP });
    expect(refused.status).toBe(403);
    expect(await database.db.prisma.partnership.count()).toBe(0);
  });

  test('refuses the admin’s sign-in address when another allowed tenant presents it', async () => {
    const token = await impostorToken();
    const me = await app.call<{ error: { code: string; message: string } }>('GET', '/api/me', { token });
    expect(me.status).toBe(403);
    expect(me.body.error.message).toMatch(/has not been set up here yet/);
    expect((await app.call('GET', '/api/setup', { token })).body).toEqual({ state: 'WAITING_FOR_ADMIN' });
    const refused = await app.call('POST', '/api/setup', { token, body: SET_UP });
    expect(refused.status).toBe(403);
    expect(await database.db.prisma.partnership.count()).toBe(0);
  });

  test('asks the bootstrap admin to set up, whatever the case of their sign-in address', async () => {
    const token = await adminToken();
    const me = await app.call<{ error: { code: string } }>('GET', '/api/me', { token });
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('SET_UP_NEEDED');
    expect((await app.call('GET', '/api/setup', { token })).body).toEqual({ state: 'SET_UP_BY_YOU' });
  });

  test('refuses an incomplete set-up field by field and creates nothing', async () => {
    const token = await adminToken();
    const answer = await app.call<{ error: { fields: { field: string }[] } }>('POST', '/api/setup', {
      token,
      body: { ...SET_UP, partnershipName: '  ', agencyType: 'WIZARDS' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.map((field) => field.field).sort()).toEqual(['agencyType', 'partnershipName']);
    expect(await database.db.prisma.partnership.count()).toBe(0);
  });

  test('creates the partnership with the default risk templates, the admin’s agency and the admin, audited', async () => {
    const token = await adminToken();
    const answer = await app.call<{ partnershipId: string; memberId: string }>('POST', '/api/setup', { token, body: SET_UP });
    expect(answer.status).toBe(201);

    const partnership = await database.db.prisma.partnership.findUniqueOrThrow({
      where: { id: answer.body.partnershipId },
      include: { agencies: true, members: true, riskTemplates: true },
    });
    expect(partnership).toMatchObject({ name: SET_UP.partnershipName, area: SET_UP.area, bankHolidayRegion: 'ENGLAND_AND_WALES' });
    expect(partnership.agencies.map((agency) => [agency.name, agency.type])).toEqual([[SET_UP.agencyName, 'COUNCIL_ASB']]);
    expect(partnership.members).toEqual([
      expect.objectContaining({
        id: answer.body.memberId,
        displayName: 'Ada Coordinator',
        roles: ['PARTNERSHIP_ADMIN'],
        entraObjectId: ADMIN_OID,
      }),
    ]);
    expect(partnership.riskTemplates.map((template) => template.subjectType).sort()).toEqual(
      DEFAULT_TEMPLATES.map((template) => template.subjectType).sort(),
    );

    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'partnership.setUp' } });
    expect(audited).toMatchObject({ actorKind: 'MEMBER', actorId: answer.body.memberId, entityId: answer.body.partnershipId });
    expect(audited.after).toMatchObject({ partnership: { name: SET_UP.partnershipName }, admin: { roles: ['PARTNERSHIP_ADMIN'] } });

    const me = await app.call<{ id: string; roles: string[]; capabilities: string[] }>('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: answer.body.memberId, roles: ['PARTNERSHIP_ADMIN'] });
    expect(me.body.capabilities).toContain('member.manage');
  });

  test('refuses a second set-up once a partnership exists, and tells a stranger to ask their admin', async () => {
    const again = await app.call<{ error: { code: string } }>('POST', '/api/setup', {
      token: await adminToken(),
      body: { ...SET_UP, partnershipName: 'Another partnership' },
    });
    expect(again.status).toBe(409);
    expect(await database.db.prisma.partnership.count()).toBe(1);

    const stranger = await app.call<{ error: { message: string } }>('GET', '/api/me', { token: await strangerToken() });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.message).toMatch(/Ask your partnership administrator/);
    expect((await app.call('GET', '/api/setup', { token: await strangerToken() })).body).toEqual({ state: 'SET_UP' });
  });

  test('answers the set-up only to a signed-in caller', async () => {
    expect((await app.call('POST', '/api/setup', { body: SET_UP })).status).toBe(401);
  });
});
