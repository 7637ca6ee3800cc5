// The partnership admin's members over real HTTP: people found in the directory through Graph (a
// loopback fake speaking Graph's wire format for GET /users with $filter=startswith), added with an
// agency and roles (read again by GET /users/{id}, never taken from the request body) (a partner agency's guest included), roles changed, a leaver deactivated with
// their history kept and their unfinished actions flagged to their chair. Every change audited.
import { createGraphMemberDirectory } from '../../api/graph/graph-member-directory';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

const HOST_TENANT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const JO_OID = '9b1d2c3e-0000-4000-8000-00000000a001';
const GUEST_OID = '9b1d2c3e-0000-4000-8000-00000000c001';

interface MemberReply {
  id: string;
  displayName: string;
  roles: string[];
  isActive: boolean;
  agency: { id: string };
  unfinishedActions: number;
}
interface PersonReply {
  entraObjectId: string;
  displayName: string;
  email: string | null;
  isGuest: boolean;
  memberId: string | null;
  tenantId: string;
}
interface ErrorReply {
  error: { code: string; message: string; fields?: Array<{ field: string }> };
}

let database: TestDatabase;
let graph: FakeGraph;
let app: RunningApp;
let world: MeetingsWorld;
let admin: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  graph = await startFakeGraph();
  graph.directoryUsers.push(
    {
      id: JO_OID,
      displayName: 'Jo Marsh',
      mail: 'jo.marsh@council.example',
      userPrincipalName: 'jo.marsh@council.example',
      jobTitle: 'ASB Officer',
      userType: 'Member',
    },
    {
      id: 'b0000000-0000-4000-8000-0000000000b1',
      displayName: "Sean O'Brien",
      mail: 'sean.obrien@council.example',
      userPrincipalName: 'sean.obrien@council.example',
      jobTitle: null,
      userType: 'Member',
    },
    {
      id: GUEST_OID,
      displayName: 'Jordan Fox (Riverside Homes)',
      mail: 'jordan.fox@riversidehomes.example',
      userPrincipalName: 'jordan.fox_riversidehomes.example#EXT#@council.onmicrosoft.com',
      jobTitle: 'Tenancy Officer',
      userType: 'Guest',
    },
  );
  const directory = createGraphMemberDirectory({
    baseUrl: graph.graphBaseUrl,
    accessToken: async () => graph.issueToken(),
    tenantId: HOST_TENANT,
  });
  app = await startTestApp(database.db, { clock: () => NOW, directory });
  admin = await app.signInAs(world.members.admin);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await graph?.close();
  await database?.dispose();
});

const find = (text: string, token = admin) =>
  app.call<PersonReply[]>('GET', `/api/directory/people?text=${encodeURIComponent(text)}`, { token });

describe("the partnership's members", () => {
  it('finds people by the start of their name or e-mail address through Graph, guests included', async () => {
    const byName = await find('jo');
    expect(byName.status).toBe(200);
    expect(byName.body.map((person) => [person.displayName, person.isGuest, person.memberId])).toEqual([
      ['Jo Marsh', false, null],
      ['Jordan Fox (Riverside Homes)', true, null],
    ]);
    expect(byName.body[0]).toMatchObject({ tenantId: HOST_TENANT, entraObjectId: JO_OID, email: 'jo.marsh@council.example' });
    expect(graph.requests.at(-1)).toMatch(/^GET \/v1\.0\/users\?\$filter=startswith/);
    expect((await find("sean o'b")).body.map((person) => person.displayName)).toEqual(["Sean O'Brien"]);
  });

  it('audits a directory search without its words', async () => {
    const searches = await database.db.prisma.auditEvent.findMany({ where: { event: 'member.directory.search' } });
    expect(searches.length).toBeGreaterThan(0);
    expect(JSON.stringify(searches.map((row) => row.after))).not.toMatch(/jo|sean/i);
  });

  it('refuses a search of fewer than 2 characters, and every other role', async () => {
    expect((await find('j')).status).toBe(400);
    const chair = await app.signInAs(world.members.chair);
    expect((await find('jo', chair)).status).toBe(403);
    expect((await app.call('GET', '/api/members', { token: chair })).status).toBe(403);
  });

  let joId: string;
  it('adds a person found in the directory with an agency and roles, audited, reading them again from Graph by id', async () => {
    const { status, body } = await app.call<MemberReply>('POST', '/api/members', {
      token: admin,
      body: { entraObjectId: JO_OID, agencyId: world.agencies.council, roles: ['REFERRER'] },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ displayName: 'Jo Marsh', roles: ['REFERRER'], isActive: true, agency: { id: world.agencies.council } });
    expect(graph.requests.filter((request) => request.startsWith(`GET /v1.0/users/${JO_OID}`))).toHaveLength(1);
    joId = body.id;
    expect(await database.db.prisma.member.findUniqueOrThrow({ where: { id: joId } })).toMatchObject({
      tenantId: HOST_TENANT,
      entraObjectId: JO_OID,
      email: 'jo.marsh@council.example',
      jobTitle: 'ASB Officer',
    });
    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'member.add', entityId: joId } });
    expect(audited.after).toMatchObject({ agencyId: world.agencies.council, roles: ['REFERRER'], entraObjectId: JO_OID });
    expect((await find('jo.m')).body[0]?.memberId).toBe(joId);
  });

  it('adds a partner agency’s guest (#EXT# sign-in) with the name and tenant Graph holds, and refuses the same person twice', async () => {
    const guest = { entraObjectId: GUEST_OID, agencyId: world.agencies.housing, roles: ['PANEL_MEMBER'] };
    const added = await app.call<MemberReply>('POST', '/api/members', { token: admin, body: guest });
    expect([added.status, added.body.displayName]).toEqual([201, 'Jordan Fox (Riverside Homes)']);
    expect(await database.db.prisma.member.findUniqueOrThrow({ where: { id: added.body.id } })).toMatchObject({
      tenantId: HOST_TENANT,
      email: 'jordan.fox@riversidehomes.example',
    });
    const twice = await app.call<ErrorReply>('POST', '/api/members', {
      token: admin,
      body: { ...guest, entraObjectId: GUEST_OID.toUpperCase() },
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CONFLICT']);
  });

  it('refuses a forged body: a name, e-mail or tenant from the browser, or someone Graph does not know', async () => {
    const before = await database.db.prisma.member.count();
    const sean = 'b0000000-0000-4000-8000-0000000000b1';
    const forged = await app.call<ErrorReply>('POST', '/api/members', {
      token: admin,
      body: {
        tenantId: '00000000-0000-4000-8000-0000000000ff',
        entraObjectId: sean,
        displayName: 'Chief Constable',
        email: 'attacker@evil.example',
        agencyId: world.agencies.council,
        roles: ['PARTNERSHIP_ADMIN'],
      },
    });
    expect(forged.status).toBe(400);
    const unknown = await app.call<ErrorReply>('POST', '/api/members', {
      token: admin,
      body: { entraObjectId: '9b1d2c3e-0000-4000-8000-00000000dead', agencyId: world.agencies.council, roles: ['REFERRER'] },
    });
    expect([unknown.status, unknown.body.error.message]).toEqual([400, 'That person is not in the directory, so they cannot be added.']);
    expect(unknown.body.error.fields?.map((field) => field.field)).toEqual(['entraObjectId']);
    expect(graph.requests).toContain(
      'GET /v1.0/users/9b1d2c3e-0000-4000-8000-00000000dead?$select=id,displayName,mail,userPrincipalName,jobTitle,userType',
    );
    expect(await database.db.prisma.member.count()).toBe(before);
  });

  it('refuses bad input field by field and an agency of another partnership, adding nobody', async () => {
    const before = await database.db.prisma.member.count();
    const bad = await app.call<ErrorReply>('POST', '/api/members', {
      token: admin,
      body: { entraObjectId: 'x', agencyId: world.agencies.council, roles: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((field) => field.field).sort()).toEqual(['entraObjectId', 'roles']);
    const other = await database.db.prisma.partnership.create({ data: { name: 'Elsewhere', area: 'Elsewhere' } });
    const theirs = await database.db.prisma.agency.create({ data: { partnershipId: other.id, name: 'Elsewhere Police', type: 'POLICE' } });
    const elsewhere = await app.call<ErrorReply>('POST', '/api/members', {
      token: admin,
      body: { entraObjectId: 'b0000000-0000-4000-8000-0000000000b1', agencyId: theirs.id, roles: ['REFERRER'] },
    });
    expect(elsewhere.status).toBe(404);
    expect(await database.db.prisma.member.count()).toBe(before);
  });

  it('changes roles, audited before and after, and will not let the admin drop their own admin role', async () => {
    const { status, body } = await app.call<MemberReply>('PUT', `/api/members/${joId}/roles`, {
      token: admin,
      body: { roles: ['REFERRER', 'PANEL_MEMBER'] },
    });
    expect([status, body.roles]).toEqual([200, ['REFERRER', 'PANEL_MEMBER']]);
    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'member.roles', entityId: joId } });
    expect([audited.before, audited.after]).toEqual([
      expect.objectContaining({ roles: ['REFERRER'] }),
      expect.objectContaining({ roles: ['REFERRER', 'PANEL_MEMBER'] }),
    ]);
    const self = await app.call<ErrorReply>('PUT', `/api/members/${world.members.admin}/roles`, {
      token: admin,
      body: { roles: ['AUDITOR'] },
    });
    expect(self.status).toBe(409);
  });

  it('deactivates a leaver: access ends, history stays, and their chair sees their unfinished action to reassign', async () => {
    const leaver = world.members.housingMember;
    const action = await database.db.prisma.action.findFirstOrThrow({
      where: { ownerAgencyId: world.agencies.housing, status: 'ACCEPTED' },
    });
    await database.db.prisma.action.update({ where: { id: action.id }, data: { ownerMemberId: leaver } });
    const leaverToken = await app.signInAs(leaver);

    const { status, body } = await app.call<MemberReply>('POST', `/api/members/${leaver}/deactivation`, { token: admin });
    expect([status, body.isActive, body.unfinishedActions]).toEqual([200, false, 1]);
    expect((await app.call('GET', '/api/me', { token: leaverToken })).status).toBe(401);
    expect(await database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ ownerMemberId: leaver });
    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'member.deactivate', entityId: leaver } });
    expect([audited.before, audited.after]).toEqual([
      expect.objectContaining({ isActive: true }),
      expect.objectContaining({ isActive: false }),
    ]);

    const chair = await app.signInAs(world.members.chair);
    const reach = await app.call<{ members: Array<{ memberId: string; reason: string; outstandingActions: number }> }>(
      'GET',
      '/api/actions/out-of-reach',
      {
        token: chair,
      },
    );
    expect(reach.status).toBe(200);
    expect(reach.body.members.find((member) => member.memberId === leaver)).toMatchObject({ reason: 'DEACTIVATED', outstandingActions: 1 });
  });

  it('refuses to deactivate the admin themself, and answers another partnership’s member as missing', async () => {
    expect((await app.call('POST', `/api/members/${world.members.admin}/deactivation`, { token: admin })).status).toBe(409);
    const other = await database.db.prisma.partnership.findFirstOrThrow({ where: { name: 'Elsewhere' }, include: { agencies: true } });
    const stranger = await database.db.prisma.member.create({
      data: {
        partnershipId: other.id,
        agencyId: other.agencies[0]!.id,
        tenantId: HOST_TENANT,
        entraObjectId: '9b1d2c3e-0000-4000-8000-00000000e002',
        displayName: 'Stranger',
        roles: ['REFERRER'],
      },
    });
    expect((await app.call('POST', `/api/members/${stranger.id}/deactivation`, { token: admin })).status).toBe(404);
    expect((await database.db.prisma.member.findUniqueOrThrow({ where: { id: stranger.id } })).isActive).toBe(true);
  });
});
