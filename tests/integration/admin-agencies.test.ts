// The partnership admin's agencies over real HTTP: list, add, edit, deactivate, each audited with
// before and after; refused to other roles, to other partnerships' agencies, and while the agency
// still owns unfinished actions (the refusal lists them).
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface AgencyReply {
  id: string;
  name: string;
  type: string;
  guestTenantId: string | null;
  isActive: boolean;
  activeMembers: number;
}
interface ErrorReply {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

const PARTNER_TENANT = '5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4';

let database: TestDatabase;
let app: RunningApp;
let world: MeetingsWorld;
let admin: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  admin = await app.signInAs(world.members.admin);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const auditOf = (event: string, entityId: string) => database.db.prisma.auditEvent.findFirstOrThrow({ where: { event, entityId } });

describe("the partnership's agencies", () => {
  it('lists every agency of the partnership with its active members, to the admin', async () => {
    const { status, body } = await app.call<AgencyReply[]>('GET', '/api/agencies', { token: admin });
    expect(status).toBe(200);
    expect(body.map((agency) => agency.id).sort()).toEqual(Object.values(world.agencies).sort());
    expect(body.find((agency) => agency.id === world.agencies.council)?.activeMembers).toBe(3);
  });

  it('refuses every other role, before reading anything', async () => {
    const chair = await app.signInAs(world.members.chair);
    for (const [method, path] of [
      ['GET', '/api/agencies'],
      ['POST', '/api/agencies'],
      ['PATCH', `/api/agencies/${world.agencies.housing}`],
      ['POST', `/api/agencies/${world.agencies.housing}/deactivation`],
    ] as const) {
      const { status, body } = await app.call<ErrorReply>(method, path, {
        token: chair,
        ...(method === 'GET' ? {} : { body: { name: 'Anything', type: 'FIRE' } }),
      });
      expect([path, status, body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
  });

  it('adds a partner agency whose people sign in from their own tenant, audited', async () => {
    const { status, body } = await app.call<AgencyReply>('POST', '/api/agencies', {
      token: admin,
      body: { name: 'Fernbrook Fire and Rescue', type: 'FIRE', guestTenantId: PARTNER_TENANT.toUpperCase() },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: 'Fernbrook Fire and Rescue',
      type: 'FIRE',
      guestTenantId: PARTNER_TENANT,
      isActive: true,
      activeMembers: 0,
    });
    const audited = await auditOf('agency.add', body.id);
    expect([audited.before, audited.after]).toEqual([
      null,
      { name: 'Fernbrook Fire and Rescue', type: 'FIRE', guestTenantId: PARTNER_TENANT, isActive: true },
    ]);
  });

  it('refuses a second agency of the same name, and bad input field by field, changing nothing', async () => {
    const before = await database.db.prisma.agency.count();
    const duplicate = await app.call<ErrorReply>('POST', '/api/agencies', {
      token: admin,
      body: { name: 'fernbrook fire and rescue', type: 'FIRE' },
    });
    expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'CONFLICT']);
    const bad = await app.call<ErrorReply>('POST', '/api/agencies', {
      token: admin,
      body: { name: 'X', type: 'WIZARDS', guestTenantId: 'contoso' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((field) => field.field).sort()).toEqual(['guestTenantId', 'name', 'type']);
    expect(await database.db.prisma.agency.count()).toBe(before);
  });

  it('edits the name, type and tenant, audited before and after', async () => {
    const { status, body } = await app.call<AgencyReply>('PATCH', `/api/agencies/${world.agencies.probation}`, {
      token: admin,
      body: { name: 'Probation Service (North)', guestTenantId: PARTNER_TENANT },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Probation Service (North)', type: 'PROBATION', guestTenantId: PARTNER_TENANT });
    const audited = await auditOf('agency.edit', world.agencies.probation);
    expect(audited.before).toMatchObject({ guestTenantId: null });
    expect(audited.after).toMatchObject({ name: 'Probation Service (North)', guestTenantId: PARTNER_TENANT });
  });

  it('refuses to deactivate an agency that still owns unfinished actions, listing them, and changes nothing', async () => {
    const { status, body } = await app.call<ErrorReply>('POST', `/api/agencies/${world.agencies.housing}/deactivation`, { token: admin });
    expect([status, body.error.code]).toEqual([409, 'CONFLICT']);
    expect(body.error.message).toMatch(/still owns 1 unfinished action\. Ask the chair to reassign it/);
    expect(body.error.fields).toEqual([
      { field: expect.stringMatching(/^actions\./), message: expect.stringMatching(/^Case .+, due 2026-11-18, accepted$/) },
    ]);
    expect((await database.db.prisma.agency.findUniqueOrThrow({ where: { id: world.agencies.housing } })).isActive).toBe(true);
  });

  it("refuses to deactivate the admin's own agency", async () => {
    const { status } = await app.call<ErrorReply>('POST', `/api/agencies/${world.agencies.council}/deactivation`, { token: admin });
    expect(status).toBe(409);
  });

  it('deactivates an agency with no unfinished actions: its members lose access at once, audited', async () => {
    const probationMember = await app.signInAs(world.members.probationMember);
    const { status, body } = await app.call<AgencyReply>('POST', `/api/agencies/${world.agencies.probation}/deactivation`, {
      token: admin,
    });
    expect([status, body.isActive]).toEqual([200, false]);
    expect((await app.call('GET', '/api/me', { token: probationMember })).status).toBe(401);
    const audited = await auditOf('agency.deactivate', world.agencies.probation);
    expect([audited.before, audited.after]).toEqual([
      expect.objectContaining({ isActive: true }),
      expect.objectContaining({ isActive: false }),
    ]);
  });

  it("answers another partnership's agency as one that does not exist", async () => {
    const other = await database.db.prisma.partnership.create({ data: { name: 'Elsewhere', area: 'Elsewhere' } });
    const theirs = await database.db.prisma.agency.create({ data: { partnershipId: other.id, name: 'Elsewhere Police', type: 'POLICE' } });
    const { status, body } = await app.call<ErrorReply>('PATCH', `/api/agencies/${theirs.id}`, {
      token: admin,
      body: { name: 'Mine now' },
    });
    expect([status, body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await database.db.prisma.agency.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe('Elsewhere Police');
  });
});
