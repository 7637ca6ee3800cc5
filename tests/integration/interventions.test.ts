// Offender Panel interventions over real HTTP: each checked against the catalogue's statutory rules,
// support recorded beside enforcement, status changes, and the history and ladder per perpetrator.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface ErrorReply {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}
interface Recorded {
  id: string;
  name: string;
  status: string;
  issuedOn: string | null;
  expiresOn: string | null;
  cautions: string[];
}
interface History {
  person: { name: string };
  interventions: Array<{
    name: string;
    status: string;
    issuedOn: string | null;
    case: { reference: string };
    supportOffered: string | null;
  }>;
  ladder: { steps: Array<{ name: string; breached: boolean }>; nextSteps: Array<{ type: string; why: string }> };
}

let database: TestDatabase;
let app: RunningApp;
let world: MeetingsWorld;
let chair: string;
let adult: string;
let teenager: string;
const caseUrl = () => `/api/cases/${world.cases.overdue}/interventions`;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  const p = database.db.prisma;
  const person = async (givenName: string, dateOfBirth: string) =>
    (
      await p.person.create({
        data: {
          partnershipId: world.partnershipId,
          givenName,
          familyName: 'Sample',
          nameKey: `${givenName} sample`.toLowerCase(),
          dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`),
        },
      })
    ).id;
  adult = await person('Bob', '1990-05-01');
  teenager = await person('Tia', '2011-06-01');
  await p.caseSubject.createMany({
    data: [
      { caseId: world.cases.overdue, personId: adult, role: 'PERPETRATOR' },
      { caseId: world.cases.overdue, personId: teenager, role: 'PERPETRATOR' },
    ],
  });
  app = await startTestApp(database.db, { clock: () => NOW });
  chair = await app.signInAs(world.members.chair);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const record = (body: unknown, token = chair) => app.call<Recorded & ErrorReply>('POST', caseUrl(), { token, body });

describe('recording interventions against the rules', () => {
  it('records a warning letter as the first, informal step', async () => {
    const answer = await record({ type: 'WARNING_LETTER', target: 'PERSON', personId: adult, status: 'ACTIVE', issuedOn: '2026-09-01' });
    expect(answer.status).toBe(201);
    expect([answer.body.name, answer.body.status, answer.body.cautions]).toEqual(['Warning letter', 'ACTIVE', []]);
  });

  it('refuses a Community Protection Notice with no earlier warning, and changes nothing', async () => {
    const before = await database.db.prisma.intervention.count();
    const answer = await record({
      type: 'COMMUNITY_PROTECTION_NOTICE',
      target: 'PERSON',
      personId: adult,
      status: 'ACTIVE',
      issuedOn: '2026-11-01',
      proportionalityNote: 'Persistent noise despite a warning letter.',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(
      'A Community Protection Notice needs a Community Protection Warning given on an earlier day, with time to put things right.',
    );
    expect(await database.db.prisma.intervention.count()).toBe(before);
  });

  it('requires a proportionality note for enforcement, naming the field', async () => {
    const answer = await record({
      type: 'COMMUNITY_PROTECTION_WARNING',
      target: 'PERSON',
      personId: adult,
      status: 'ACTIVE',
      issuedOn: '2026-10-01',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['proportionalityNote']);
  });

  it('records a warning then a notice, and reminds the panel when no support is recorded beside enforcement', async () => {
    const warning = await record({
      type: 'COMMUNITY_PROTECTION_WARNING',
      target: 'PERSON',
      personId: adult,
      status: 'ACTIVE',
      issuedOn: '2026-10-01',
      proportionalityNote: 'Noise continues after the warning letter.',
      supportOffered: 'Referred to the tenancy sustainment team.',
    });
    expect([warning.status, warning.body.cautions]).toEqual([201, []]);
    const notice = await record({
      type: 'COMMUNITY_PROTECTION_NOTICE',
      target: 'PERSON',
      personId: adult,
      status: 'ACTIVE',
      issuedOn: '2026-11-01',
      duration: { amount: 12, unit: 'MONTHS' },
      proportionalityNote: 'Warning breached twice.',
    });
    expect(notice.status).toBe(201);
    expect(notice.body.expiresOn).toBe('2027-11-01');
    expect(notice.body.cautions).toEqual([
      'No support is recorded alongside this enforcement step. Record what support was offered, or refer for support.',
    ]);
  });

  it('refuses enforcement below its minimum age, with the advice the catalogue gives', async () => {
    const answer = await record({
      type: 'COMMUNITY_PROTECTION_WARNING',
      target: 'PERSON',
      personId: teenager,
      status: 'PROPOSED',
      proportionalityNote: 'Graffiti on the estate.',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.[0]).toMatchObject({ field: 'dateOfBirth' });
    expect(answer.body.error.message).toMatch(/^A Community Protection Warning is only for people aged 16 or over; this person is 15\./);
  });

  it('keeps an injunction for someone under 18 to a set period of at most 12 months', async () => {
    const open = await record({
      type: 'CIVIL_INJUNCTION',
      target: 'PERSON',
      personId: teenager,
      status: 'PROPOSED',
      duration: 'UNTIL_FURTHER_ORDER',
      proportionalityNote: 'Repeated intimidation of neighbours.',
    });
    expect(open.status).toBe(400);
    expect(open.body.error.fields?.map((f) => f.field)).toEqual(['duration']);
    const tooLong = await record({
      type: 'CIVIL_INJUNCTION',
      target: 'PERSON',
      personId: teenager,
      status: 'PROPOSED',
      duration: { amount: 18, unit: 'MONTHS' },
      proportionalityNote: 'Repeated intimidation of neighbours.',
    });
    expect(tooLong.body.error.message).toMatch(/at most 12 months/);
    const ok = await record({
      type: 'CIVIL_INJUNCTION',
      target: 'PERSON',
      personId: teenager,
      status: 'PROPOSED',
      duration: { amount: 6, unit: 'MONTHS' },
      proportionalityNote: 'Repeated intimidation of neighbours.',
      supportOffered: 'Youth offending team mentoring.',
    });
    expect(ok.status).toBe(201);
  });

  it('refuses a Criminal Behaviour Order without a conviction, and records one relying on a conviction', async () => {
    const base = {
      type: 'CRIMINAL_BEHAVIOUR_ORDER',
      target: 'PERSON',
      personId: adult,
      status: 'PROPOSED',
      duration: { amount: 2, unit: 'YEARS' },
      proportionalityNote: 'Convicted of criminal damage; behaviour continues.',
      supportOffered: 'Drug and alcohol service.',
    };
    expect((await record(base)).body.error.message).toMatch(/no conviction is recorded/);
    const withConviction = await record({ ...base, convictions: [{ convictedOn: '2026-10-20', kind: 'OTHER' }] });
    expect(withConviction.status).toBe(201);
    const audit = await database.db.prisma.auditEvent.findFirst({
      where: { entityId: withConviction.body.id, event: 'intervention.record' },
    });
    expect(audit?.after).toMatchObject({ convictions: [{ convictedOn: '2026-10-20', kind: 'OTHER' }] });
  });

  it('refuses someone who is not on the case, and a case the member may not see as if it did not exist', async () => {
    const stranger = await record({ type: 'WARNING_LETTER', target: 'PERSON', personId: world.members.chair, status: 'PROPOSED' });
    expect(stranger.body.error.fields?.map((f) => f.field)).toEqual(['personId']);
    const hidden = await app.call<ErrorReply>('POST', `/api/cases/${world.cases.probationOnly}/interventions`, {
      token: chair,
      body: { type: 'WARNING_LETTER', target: 'PERSON', status: 'PROPOSED' },
    });
    expect(hidden.status).toBe(404);
    expect(
      (
        await record(
          { type: 'WARNING_LETTER', target: 'PERSON', personId: adult, status: 'PROPOSED' },
          await app.signInAs(world.members.admin),
        )
      ).status,
    ).toBe(403);
  });
});

describe('status and history per perpetrator', () => {
  it('marks a notice breached only with a note saying what happened', async () => {
    const notice = await database.db.prisma.intervention.findFirstOrThrow({
      where: { personId: adult, type: 'COMMUNITY_PROTECTION_NOTICE' },
    });
    const bare = await app.call<ErrorReply>('PATCH', `/api/interventions/${notice.id}`, { token: chair, body: { status: 'BREACHED' } });
    expect(bare.body.error.fields?.map((f) => f.field)).toEqual(['breachNote']);
    const breached = await app.call('PATCH', `/api/interventions/${notice.id}`, {
      token: chair,
      body: { status: 'BREACHED', breachNote: 'Loud music on 15 November; fixed penalty issued.' },
    });
    expect(breached.status).toBe(200);
    const backwards = await app.call<ErrorReply>('PATCH', `/api/interventions/${notice.id}`, { token: chair, body: { status: 'ACTIVE' } });
    expect(backwards.status).toBe(409);
  });

  it("shows the perpetrator's history in date order, proposals last, with breaches and the next proportionate steps", async () => {
    const { status, body } = await app.call<History>('GET', `/api/people/${adult}/interventions`, { token: chair });
    expect(status).toBe(200);
    expect(body.person.name).toBe('Bob Sample');
    expect(body.interventions.map((i) => [i.name, i.status, i.issuedOn])).toEqual([
      ['Warning letter', 'ACTIVE', '2026-09-01'],
      ['Community Protection Warning', 'ACTIVE', '2026-10-01'],
      ['Community Protection Notice', 'BREACHED', '2026-11-01'],
      ['Criminal Behaviour Order', 'PROPOSED', null],
    ]);
    expect(body.ladder.steps.map((s) => [s.name, s.breached])).toEqual([
      ['Warning letter', false],
      ['Community Protection Warning', false],
      ['Community Protection Notice', true],
    ]);
    expect(body.ladder.nextSteps.map((s) => s.type)).toContain('SUPPORT_REFERRAL');
    expect(body.ladder.nextSteps.map((s) => s.type)).toContain('CIVIL_INJUNCTION');
  });

  it("hides the history from a member who cannot see any of the perpetrator's cases", async () => {
    const outsider = await app.signInAs(world.members.probationMember);
    expect((await app.call('GET', `/api/people/${adult}/interventions`, { token: outsider })).status).toBe(404);
  });
});

describe('who may issue each intervention', () => {
  let neighbour: string;
  beforeAll(async () => {
    const p = database.db.prisma;
    neighbour = (
      await p.person.create({
        data: {
          partnershipId: world.partnershipId,
          givenName: 'Cal',
          familyName: 'Sample',
          nameKey: 'cal sample',
          dateOfBirth: new Date('1985-03-01T00:00:00Z'),
        },
      })
    ).id;
    await p.caseSubject.create({ data: { caseId: world.cases.overdue, personId: neighbour, role: 'PERPETRATOR' } });
  });
  const dispersal = () => ({
    type: 'DISPERSAL_DIRECTION',
    target: 'PERSON',
    personId: neighbour,
    status: 'PROPOSED',
    duration: { amount: 48, unit: 'HOURS' },
    proportionalityNote: 'Gathering outside the flats every night.',
    supportOffered: 'Outreach team.',
  });

  it('refuses a housing officer recording a dispersal direction, saying only the police may issue it, and records nothing', async () => {
    const before = await database.db.prisma.intervention.count();
    const answer = await record(dispersal(), await app.signInAs(world.members.housingMember));
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(
      'A Dispersal direction can be issued only by the police, not by a housing provider. Ask a partner agency that may issue it to record it.',
    );
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['type']);
    expect(await database.db.prisma.intervention.count()).toBe(before);
  });

  it('lets a police officer record the same dispersal direction', async () => {
    const answer = await record(dispersal());
    expect([answer.status, answer.body.name, answer.body.cautions]).toEqual([201, 'Dispersal direction', []]);
  });

  it("lets a housing officer propose a Community Protection Warning, reminding them a landlord needs the council's designation", async () => {
    const answer = await record(
      {
        type: 'COMMUNITY_PROTECTION_WARNING',
        target: 'PERSON',
        personId: neighbour,
        status: 'PROPOSED',
        proportionalityNote: 'Noise at night for three months.',
        supportOffered: 'Tenancy sustainment.',
      },
      await app.signInAs(world.members.housingMember),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.cautions).toEqual([
      'A housing provider may issue this only if the council has designated it to; confirm the designation before issuing.',
    ]);
  });

  it('refuses naming probation as the issuer of a warning letter, naming the field, and records nothing', async () => {
    const before = await database.db.prisma.intervention.count();
    const answer = await record({
      type: 'WARNING_LETTER',
      target: 'PERSON',
      personId: neighbour,
      status: 'PROPOSED',
      issuedByAgencyId: world.agencies.probation,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([
      {
        field: 'issuedByAgencyId',
        message:
          'A Warning letter can be issued only by the police, the council or a housing provider, not by probation. Ask a partner agency that may issue it to record it.',
      },
    ]);
    expect(await database.db.prisma.intervention.count()).toBe(before);
  });

  it('lists with each tool and power which agency types may issue it, and on what condition', async () => {
    const { status, body } = await app.call<
      Array<{ type: string; whoMayIssue: string; issuingAgencies: { agencies: string[] | 'ANY'; onCondition?: Record<string, string> } }>
    >('GET', '/api/interventions/catalogue', { token: chair });
    expect(status).toBe(200);
    const byType = Object.fromEntries(body.map((entry) => [entry.type, entry.issuingAgencies]));
    expect(byType.DISPERSAL_DIRECTION).toEqual({ agencies: ['POLICE'] });
    expect(byType.SUPPORT_REFERRAL).toEqual({ agencies: 'ANY' });
    expect(Object.keys(byType.COMMUNITY_PROTECTION_WARNING!.onCondition!)).toEqual(['HOUSING_PROVIDER']);
  });

  it('lets a police officer record a warning letter the housing provider issued', async () => {
    const answer = await record({
      type: 'WARNING_LETTER',
      target: 'PERSON',
      personId: neighbour,
      status: 'ACTIVE',
      issuedOn: '2026-11-02',
      issuedByAgencyId: world.agencies.housing,
    });
    expect(answer.status).toBe(201);
    const row = await database.db.prisma.intervention.findUniqueOrThrow({
      where: { id: answer.body.id },
      select: { issuedByAgencyId: true, issuedById: true },
    });
    expect(row).toEqual({ issuedByAgencyId: world.agencies.housing, issuedById: world.members.chair });
  });
});
