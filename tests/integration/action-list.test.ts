// The outstanding actions list, an officer's own list and chasing now, over real HTTP and the real
// database, on the governance world plus a few actions added here whose visibility is worked out by
// hand. Chasing goes through the real botbuilder adapter to a fake Bot Connector on loopback (the
// real one needs a Teams tenant).
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { TENANT, teamsActivity } from '../bot/sending-fixtures';
import { createGovernanceWorld, NOW, type GovernanceWorld } from './governance-fixtures';

interface Listed {
  id: string;
  title: string;
  status: string;
  dueDate: string;
  overdue: boolean;
  daysOverdue: number;
  case: { id: string; reference: string; riskBand: string | null };
  panel: { id: string; name: string } | null;
  ownerAgency: { id: string; name: string };
  ownerMember: { id: string; displayName: string } | null;
}
interface ActionList {
  today: string;
  actions: Listed[];
  truncated: boolean;
  nextCursor: string | null;
  mayChase: boolean;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

let database: TestDatabase;
let app: RunningApp;
let connector: FakeBotConnector;
let world: GovernanceWorld;
const tokens: Record<string, string> = {};
const extra: Record<'X1' | 'X2' | 'X3' | 'X4', string> = { X1: '', X2: '', X3: '', X4: '' };
let elsewhereAction = '';

const titles = (body: ActionList) => body.actions.map((action) => action.title);
const list = (who: string, path = '/api/actions') => app.call<ActionList>('GET', path, { token: tokens[who]! });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createGovernanceWorld(database.db);
  const p = database.db.prisma;
  const meeting = await p.meeting.findFirstOrThrow({ where: { panelId: world.panelId } });
  const add = async (
    title: string,
    data: {
      caseId: string;
      ownerAgencyId: string;
      ownerMemberId?: string | null;
      due: string;
      status: 'PROPOSED' | 'ACCEPTED' | 'BLOCKED';
      meeting: boolean;
    },
  ) =>
    (
      await p.action.create({
        data: {
          partnershipId: world.partnershipId,
          caseId: data.caseId,
          title,
          ownerAgencyId: data.ownerAgencyId,
          ownerMemberId: data.ownerMemberId ?? null,
          createdById: world.members.chair,
          status: data.status,
          dueDate: new Date(`${data.due}T00:00:00Z`),
          createdAt: NOW,
          meetingId: data.meeting ? meeting.id : null,
        },
      })
    ).id;
  // X1: the council's, on high-risk c7, which involves the council. X2: the council's, on c5, which the
  // council may not see. X3: housing's, nobody named, on c2 (heard by the panel, so panel seats see it).
  // X4: housing's, named to the housing referrer, on c1.
  await p.caseAgency.create({ data: { caseId: world.cases.c7, agencyId: world.agencies.council } });
  extra.X1 = await add('Action X1', {
    caseId: world.cases.c7,
    ownerAgencyId: world.agencies.council,
    due: '2026-12-10',
    status: 'PROPOSED',
    meeting: true,
  });
  extra.X2 = await add('Action X2', {
    caseId: world.cases.c5,
    ownerAgencyId: world.agencies.council,
    due: '2026-11-30',
    status: 'ACCEPTED',
    meeting: true,
  });
  extra.X3 = await add('Action X3', {
    caseId: world.cases.c2,
    ownerAgencyId: world.agencies.housing,
    due: '2026-11-25',
    status: 'BLOCKED',
    meeting: false,
  });
  extra.X4 = await add('Action X4', {
    caseId: world.cases.c1,
    ownerAgencyId: world.agencies.housing,
    ownerMemberId: world.members.housingReferrer,
    due: '2026-12-05',
    status: 'ACCEPTED',
    meeting: false,
  });
  elsewhereAction = (await p.action.findFirstOrThrow({ where: { title: 'Elsewhere' } })).id;

  connector = await startFakeBotConnector();
  app = await startTestApp(database.db, { clock: () => NOW });
  for (const [who, id] of Object.entries(world.members)) tokens[who] = await app.signInAs(id);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

describe('the outstanding actions list', () => {
  it("gives a chair their panel's and their agency's outstanding actions, oldest due first, with overdue days", async () => {
    const { status, body } = await list('chair');
    expect(status).toBe(200);
    expect(body.today).toBe('2026-11-20');
    expect(body.truncated).toBe(false);
    expect(body.nextCursor).toBeNull();
    expect(body.mayChase).toBe(true);
    expect(body.actions.map((a) => [a.title, a.dueDate, a.overdue, a.daysOverdue])).toEqual([
      ['Action P3', '2025-12-01', true, 354],
      ['Action H6', '2026-06-01', true, 172],
      ['Action P2', '2026-06-15', true, 158],
      ['Action X2', '2026-11-30', false, 0],
      ['Action X1', '2026-12-10', false, 0],
    ]);
    const h6 = body.actions.find((a) => a.title === 'Action H6')!;
    expect(h6).toMatchObject({
      status: 'IN_PROGRESS',
      case: { id: world.cases.c1, reference: 'GOV-1', riskBand: 'HIGH' },
      panel: { id: world.panelId, name: 'Fernbrook CMARAC' },
      ownerAgency: { id: world.agencies.housing, name: 'Fernbrook Homes' },
      ownerMember: { id: world.members.housingMember, displayName: 'Sam Patel' },
    });
  });

  const filterChoicesOf = (token: string) =>
    app.call<Record<'panels' | 'agencies' | 'officers', Array<{ id: string; name: string }>>>('GET', '/api/actions/choices', { token });

  it('offers as filter choices the panels, agencies and officers of the actions on the list, and records the read', async () => {
    const { status, body } = await filterChoicesOf(tokens.chair!);
    expect(status).toBe(200);
    expect(body).toEqual({
      panels: [{ id: world.panelId, name: 'Fernbrook CMARAC' }],
      agencies: [
        { id: world.agencies.council, name: 'Fernbrook Council ASB Team' },
        { id: world.agencies.housing, name: 'Fernbrook Homes' },
        { id: world.agencies.police, name: 'Fernbrook Police' },
      ],
      officers: [{ id: world.members.housingMember, name: 'Sam Patel' }],
    });
    const row = await database.db.prisma.auditEvent.findFirstOrThrow({
      where: { event: 'action.choices', actorId: world.members.chair },
      orderBy: { seq: 'desc' },
    });
    expect(row.after).toEqual({ view: 'outstanding', panels: 1, agencies: 3, officers: 1 });
  });

  it("offers a member who chairs nothing the panel of a meeting that set their agency's action on a case they may see", async () => {
    const { status, body } = await filterChoicesOf(tokens.councilReferrer!);
    expect(status).toBe(200);
    // X1 (council, set at the panel's meeting, on c7 which involves the council) is on their list.
    expect(body).toEqual({
      panels: [{ id: world.panelId, name: 'Fernbrook CMARAC' }],
      agencies: [{ id: world.agencies.council, name: 'Fernbrook Council ASB Team' }],
      officers: [],
    });
  });

  it('sorts by risk band, highest first, then by due date', async () => {
    const { body } = await list('chair', '/api/actions?sort=risk');
    expect(body.actions.map((a) => [a.title, a.case.riskBand])).toEqual([
      ['Action P3', 'HIGH'],
      ['Action H6', 'HIGH'],
      ['Action P2', 'HIGH'],
      ['Action X1', 'HIGH'],
      ['Action X2', null],
    ]);
  });

  it.each<[string, string, string[]]>([
    ['agency', `agencyId=AGENCY_POLICE`, ['Action P3', 'Action P2']],
    ['officer', `officerId=OFFICER_SAM`, ['Action H6']],
    ['panel', `panelId=PANEL`, ['Action P3', 'Action H6', 'Action P2', 'Action X2', 'Action X1']],
    ['overdue', 'overdue=true', ['Action P3', 'Action H6', 'Action P2']],
    ['not overdue', 'overdue=false', ['Action X2', 'Action X1']],
    ['status', 'status=PROPOSED,IN_PROGRESS', ['Action H6', 'Action X1']],
    ['completed status', 'status=COMPLETED', ['Action P1', 'Action H1', 'Action H2', 'Action H3', 'Action H4', 'Action H5', 'Action P4']],
    ['two filters together', 'overdue=true&agencyId=AGENCY_POLICE&sort=risk', ['Action P3', 'Action P2']],
  ])('filters by %s', async (_name, search, expected) => {
    const filled = search
      .replace('AGENCY_POLICE', world.agencies.police)
      .replace('OFFICER_SAM', world.members.housingMember)
      .replace('PANEL', world.panelId);
    const { status, body } = await list('chair', `/api/actions?${filled}`);
    expect(status).toBe(200);
    expect(titles(body)).toEqual(expected);
  });

  it("gives a panel member their agency's actions on cases they may see, and no chasing", async () => {
    const { body } = await list('housingMember');
    expect(titles(body)).toEqual(['Action H6', 'Action X3', 'Action X4']);
    expect(body.mayChase).toBe(false);
  });

  it("leaves out an action of the member's own agency on a case the member may not see", async () => {
    const { body } = await list('councilReferrer');
    expect(titles(body)).toEqual(['Action X1']);
    expect(JSON.stringify(body)).not.toContain(extra.X2);
    expect(JSON.stringify(body)).not.toContain(world.cases.c5);
  });

  it("never lists another partnership's actions, even when asked for its agency", async () => {
    const other = await database.db.prisma.action.findUniqueOrThrow({ where: { id: elsewhereAction } });
    const { status, body } = await list('chair', `/api/actions?agencyId=${other.ownerAgencyId}`);
    expect(status).toBe(200);
    expect(body.actions).toEqual([]);
  });

  it('records who read the list, with the filters and the actions shown', async () => {
    await list('chair', `/api/actions?overdue=true&agencyId=${world.agencies.police}`);
    const row = await database.db.prisma.auditEvent.findFirstOrThrow({
      where: { event: 'action.list', actorId: world.members.chair },
      orderBy: { seq: 'desc' },
    });
    expect(row.after).toEqual({
      view: 'outstanding',
      filters: { overdue: true, agencyId: world.agencies.police },
      actionIds: [world.actions.P3, world.actions.P2],
    });
  });
});

describe('my actions', () => {
  it('gives an officer the actions named to them and their agency’s unnamed ones they may see', async () => {
    const { body } = await list('housingMember', '/api/actions/mine');
    expect(titles(body)).toEqual(['Action H6', 'Action X3']);
  });

  it('leaves out an unnamed agency action on a case a referrer may not see', async () => {
    const { body } = await list('housingReferrer', '/api/actions/mine');
    expect(titles(body)).toEqual(['Action X4']);
    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({
      where: { event: 'action.list', actorId: world.members.housingReferrer },
    });
    expect(audited.after).toMatchObject({ view: 'mine', actionIds: [extra.X4] });
  });
});

describe('the OpenAPI document', () => {
  it('describes the list routes with their filters and role gates, and chasing', async () => {
    const { body } = await app.call<{
      paths: Record<string, Record<string, { 'x-capability'?: string; parameters: Array<{ name: string }> }>>;
    }>('GET', '/api/openapi.json', { token: tokens.chair! });
    expect(body.paths['/api/actions']?.get?.['x-capability']).toBe('action.work');
    expect(body.paths['/api/actions']?.get?.parameters.map((p) => p.name)).toEqual([
      'panelId',
      'agencyId',
      'officerId',
      'status',
      'overdue',
      'sort',
      'after',
    ]);
    expect(body.paths['/api/actions/choices']?.get?.['x-capability']).toBe('action.work');
    expect(body.paths['/api/actions/mine']?.get?.['x-capability']).toBe('action.work');
    expect(body.paths['/api/actions/{actionId}/chase']?.post?.['x-capability']).toBe('action.oversee');
  });
});

describe('refusals', () => {
  it.each(['auditor', 'admin'])('refuses the %s, whose role has no actions, with 403', async (who) => {
    const answer = await app.call<ErrorBody>('GET', '/api/actions', { token: tokens[who]! });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('FORBIDDEN');
    expect((await app.call('GET', '/api/actions/mine', { token: tokens[who]! })).status).toBe(403);
    expect((await app.call('GET', '/api/actions/choices', { token: tokens[who]! })).status).toBe(403);
  });

  it('refuses a caller who is not signed in', async () => {
    expect((await app.call('GET', '/api/actions')).status).toBe(401);
    expect((await app.call('GET', '/api/actions/mine')).status).toBe(401);
    expect((await app.call('POST', `/api/actions/${extra.X1}/chase`)).status).toBe(401);
  });

  it.each<[string, string, string]>([
    ['an unknown status', 'status=DONE', 'status'],
    ['an empty status', 'status=', 'status'],
    ['overdue that is not true or false', 'overdue=yes', 'overdue'],
    ['an agency that is not an id', 'agencyId=police', 'agencyId'],
    ['an unknown sort', 'sort=owner', 'sort'],
    ['an unknown parameter', 'page=2', 'query'],
    ['a cursor that no list gave out', 'after=page-2', 'after'],
    ['a cursor with an impossible date', 'after=2026-02-30~00000000-0000-4000-8000-000000000000', 'after'],
    ['a due-date cursor for the risk order', 'sort=risk&after=2026-02-01~00000000-0000-4000-8000-000000000000', 'after'],
  ])('refuses %s with a field error and records nothing', async (_name, search, field) => {
    const before = await database.db.prisma.auditEvent.count({ where: { event: 'action.list' } });
    const answer = await app.call<ErrorBody>('GET', `/api/actions?${search}`, { token: tokens.chair! });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    if (field !== 'query') expect(answer.body.error.fields?.map((f) => f.field)).toContain(field);
    expect(await database.db.prisma.auditEvent.count({ where: { event: 'action.list' } })).toBe(before);
  });
});

describe('chasing an action now', () => {
  it('sends the named officer a reminder through Teams at once and says it got through', async () => {
    const chat = 'a:1personal-sam-governance';
    const sam = await database.db.prisma.member.update({ where: { id: world.members.housingMember }, data: { tenantId: TENANT } });
    await teamsActivity(database.db, connector.serviceUrl, { conversationId: chat, aad: sam.entraObjectId, userId: '29:1sam' });
    const answer = await app.call<{ actionId: string; deliveries: unknown[] }>('POST', `/api/actions/${world.actions.H6}/chase`, {
      token: tokens.chair!,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      actionId: world.actions.H6,
      chasedAt: expect.any(String),
      deliveries: [{ memberId: world.members.housingMember, status: 'SENT', error: null }],
    });
    expect(connector.delivered(chat).map((r) => (r.body as { text: string }).text)).toEqual([
      'The panel chair has asked for an update on an action 172 days overdue: Action H6',
    ]);
  });

  it('refuses a panel member, who may not chase, with 403', async () => {
    const answer = await app.call<ErrorBody>('POST', `/api/actions/${world.actions.H6}/chase`, { token: tokens.housingMember! });
    expect(answer.status).toBe(403);
  });

  it("answers 404 alike for a missing action, a malformed id and another partnership's action", async () => {
    const answers = await Promise.all(
      ['00000000-0000-4000-8000-000000000000', 'not-an-id', elsewhereAction].map((id) =>
        app.call<ErrorBody>('POST', `/api/actions/${id}/chase`, { token: tokens.chair! }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((a) => a.body.error.message)).size).toBe(1);
  });

  it('refuses to chase a completed action with a conflict that says why', async () => {
    const answer = await app.call<ErrorBody>('POST', `/api/actions/${world.actions.H1}/chase`, { token: tokens.chair! });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('This action is completed, so there is nothing to chase.');
  });
});

describe('paging through a long list', () => {
  const many: { id: string; due: string }[] = [];
  let acceptedBefore: string[] = [];

  beforeAll(async () => {
    acceptedBefore = (await list('chair', '/api/actions?status=ACCEPTED')).body.actions.map((action) => action.id);
    // 120 more of the police's actions on c1, which the chair may see: three due on each of 40 days,
    // so that pages end inside a day as well as between days, on high-risk c1 and on c5 (no band).
    const p = database.db.prisma;
    for (let i = 0; i < 120; i += 1) {
      const due = `2027-0${1 + Math.floor(i / 30)}-${String(1 + (Math.floor(i / 3) % 10)).padStart(2, '0')}`;
      const created = await p.action.create({
        data: {
          partnershipId: world.partnershipId,
          caseId: i % 2 === 0 ? world.cases.c1 : world.cases.c5,
          title: `Paged ${String(i).padStart(3, '0')}`,
          ownerAgencyId: world.agencies.police,
          createdById: world.members.chair,
          status: 'ACCEPTED',
          dueDate: new Date(`${due}T00:00:00Z`),
          createdAt: NOW,
        },
      });
      many.push({ id: created.id, due });
    }
  });

  const everyPage = async (query: string) => {
    const pages: ActionList[] = [];
    let after: string | null = null;
    do {
      const { status, body }: { status: number; body: ActionList } = await list(
        'chair',
        `/api/actions?${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(status).toBe(200);
      pages.push(body);
      after = body.nextCursor;
    } while (after !== null && pages.length < 10);
    return pages;
  };

  it('gives 50 actions a page, and every action exactly once across the pages, in due-date order', async () => {
    const pages = await everyPage('status=ACCEPTED');
    expect(pages.map((page) => [page.actions.length, page.truncated, page.nextCursor === null])).toEqual([
      [50, true, false],
      [50, true, false],
      [20 + acceptedBefore.length, false, true],
    ]);
    const listed = pages.flatMap((page) => page.actions);
    const ids = listed.map((action) => action.id);
    // Every accepted action the chair saw before, and the 120 added, each once.
    expect(ids.length).toBe(acceptedBefore.length + many.length);
    expect([...ids].sort()).toEqual([...acceptedBefore, ...many.map((action) => action.id)].sort());
    const dues = listed.map((action) => action.dueDate);
    expect(dues).toEqual([...dues].sort());
  });

  it('pages in risk order too: the high-risk case first, each band in due-date order', async () => {
    const pages = await everyPage('status=ACCEPTED&sort=risk');
    const listed = pages.flatMap((page) => page.actions);
    expect(listed.map((action) => action.id).sort()).toEqual(
      (await everyPage('status=ACCEPTED')).flatMap((page) => page.actions.map((action) => action.id)).sort(),
    );
    const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
    const keys = listed.map((action) => `${action.case.riskBand ? rank[action.case.riskBand as keyof typeof rank] : 3} ${action.dueDate}`);
    expect(keys).toEqual([...keys].sort());
  });
});
