// The whole VOL and consent over real HTTP: a victim's or perpetrator's home typed into a referral
// becomes a place on their case (a known address reused), counted in the places figures; consent or
// the lawful basis for sharing without it is required, kept per person on the case, recordable later
// by the case's agencies, and given back in a subject-access export.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { tableRowCounts } from '../support/table-counts';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');
// Each request a minute after the last, as in life: the latest consent record is the one in force.
let clock = NOW.getTime();
const tick = () => new Date((clock += 60_000));

interface ErrorBody {
  error: { code: string; fields?: Array<{ field: string; message: string }> };
}
interface Submitted {
  referral: { id: string; status: string; person: { id: string } | null };
  result: { case: { id: string } };
}
interface Consent {
  personId: string;
  consent: string;
  lawfulBasis: string;
  regime: string;
  justification: string | null;
  recordedBy: string;
}
interface Overview {
  access: { mayRecordConsent: boolean };
  locations: Array<{ id: string; kind: string; addressLine1: string; role: string; personId: string | null }>;
  consent: Consent[];
}
type Cell = { value: number | null };
interface Places {
  areas: Array<{ area: string; casesTotal: Cell }>;
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
const tokens: Record<string, string> = {};
const as = (who: keyof ReferralWorld['members']) => tokens[who]!;
const fieldsOf = (body: unknown) => (body as ErrorBody).error.fields?.map((f) => f.field).sort() ?? [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: tick });
  for (const who of Object.keys(world.members) as Array<keyof ReferralWorld['members']>)
    tokens[who] = await app.signInAs(world.members[who]);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function draft(token: string, subjectType: string, body: Record<string, unknown>, option: 'some' | 'serious' = 'some') {
  const answer = await app.call<{ id: string }>('POST', '/api/referrals', {
    token,
    body: {
      subjectType,
      draft: { concerns: 'Shouting and threats at the door most evenings.', answers: answersAll(subjectType as 'VICTIM', option), ...body },
    },
  });
  expect(answer.status).toBe(201);
  return answer.body.id;
}
const submit = (token: string, id: string) => app.call<Submitted>('POST', `/api/referrals/${id}/submit`, { token });
const overview = async (token: string, caseId: string) =>
  (await app.call<Overview>('GET', `/api/cases/${caseId}/overview`, { token })).body;
const givenConsent = { status: 'GIVEN' };

async function fernbrookCases(): Promise<number> {
  const { body } = await app.call<Places>('GET', '/api/places?from=2026-11-01&to=2026-11-30', { token: as('cmaracChair') });
  return body.areas.find((row) => row.area === 'Fernbrook')?.casesTotal.value ?? 0;
}

describe("a victim's or perpetrator's home", () => {
  it("makes the victim's address a dwelling on their case, counted in the places figures", async () => {
    const before = await fernbrookCases();
    const id = await draft(as('policeReferrer'), 'VICTIM', {
      subject: { givenName: 'Maisie', familyName: 'Holloway', address: '12 Willow Court', town: 'Fernbrook', postcode: 'fb1 2ab' },
      consent: givenConsent,
    });
    const submitted = await submit(as('policeReferrer'), id);
    expect(submitted.status).toBe(200);
    const { locations } = await overview(as('policeReferrer'), submitted.body.result.case.id);
    expect(locations).toEqual([
      expect.objectContaining({
        kind: 'DWELLING',
        addressLine1: '12 Willow Court',
        role: 'VICTIM_HOME',
        personId: submitted.body.referral.person!.id,
      }),
    ]);
    const location = await database.db.prisma.location.findUniqueOrThrow({ where: { id: locations[0]!.id } });
    expect([location.postcodeKey, location.ward]).toEqual(['FB1 2AB', 'Fernbrook']);
    expect(await fernbrookCases()).toBe(before + 1);
    const [link] = await auditEvents(database.db, 'case.link-location', submitted.body.result.case.id);
    expect(link?.after).toMatchObject({ locationId: location.id, role: 'VICTIM_HOME', reusedLocation: false });
  });

  it('offers a home as a match only to members who may see a case it is on; others learn only that a match exists', async () => {
    type Offers = { candidates: Array<{ address: string }>; undisclosedMatch: boolean; advice?: string };
    const search = (who: 'policeReferrer' | 'councilReferrer') =>
      app.call<Offers>('GET', '/api/locations?address=12%20Willow%20Court&postcode=FB1%202AB', { token: as(who) });
    const onTheCase = await search('policeReferrer');
    expect([onTheCase.status, onTheCase.body.candidates.map((c) => c.address), onTheCase.body.undisclosedMatch]).toEqual([
      200,
      ['12 Willow Court'],
      false,
    ]);
    // The council's referrer is on none of the cases this home is on: no address, only the advice.
    const offCase = await search('councilReferrer');
    expect(offCase.body).toEqual({
      candidates: [],
      undisclosedMatch: true,
      advice: expect.stringContaining('on a case you cannot see') as unknown as string,
    });
    expect(JSON.stringify(offCase.body)).not.toContain('Willow');
  });

  it("reuses a known address typed differently for the perpetrator's home, and makes no second place", async () => {
    const known = await database.db.prisma.location.findFirstOrThrow({ where: { addressLine1: '12 Willow Court' } });
    const places = await database.db.prisma.location.count();
    const id = await draft(as('housingReferrer'), 'PERPETRATOR', {
      subject: { givenName: 'Dean', familyName: 'Marlowe', address: '12, willow court', town: 'Fernbrook', postcode: 'FB12AB' },
      consent: { status: 'NOT_SOUGHT', lawfulBasis: 'PUBLIC_TASK', justification: 'Telling him would put the victim next door at risk.' },
    });
    const submitted = await submit(as('housingReferrer'), id);
    expect(submitted.status).toBe(200);
    expect(await database.db.prisma.location.count()).toBe(places);
    const { locations } = await overview(as('housingReferrer'), submitted.body.result.case.id);
    expect(locations.map((l) => [l.id, l.role])).toEqual([[known.id, 'PERPETRATOR_HOME']]);
  });

  it('uses the known place the referrer chose, and makes a new one when they said the address is new', async () => {
    const known = await database.db.prisma.location.findFirstOrThrow({ where: { addressLine1: '12 Willow Court' } });
    const chosen = await draft(as('councilReferrer'), 'VICTIM', {
      subject: { givenName: 'Rhea', familyName: 'Castell', address: 'Flat 12 Willow Ct', town: 'Fernbrook' },
      homeMatch: { locationId: known.id },
      consent: givenConsent,
    });
    const linked = await submit(as('councilReferrer'), chosen);
    expect(linked.status).toBe(200);
    expect((await overview(as('councilReferrer'), linked.body.result.case.id)).locations.map((l) => l.id)).toEqual([known.id]);

    const places = await database.db.prisma.location.count();
    const fresh = await draft(as('councilReferrer'), 'VICTIM', {
      subject: { givenName: 'Tomas', familyName: 'Reyes', address: '12 Willow Court', town: 'Fernbrook', postcode: 'FB1 2AB' },
      homeMatch: { confirmedNew: true },
      consent: givenConsent,
    });
    const created = await submit(as('councilReferrer'), fresh);
    expect(created.status).toBe(200);
    expect(await database.db.prisma.location.count()).toBe(places + 1);
  });

  it('refuses a chosen place that is not on record, with the field to fix', async () => {
    const id = await draft(as('councilReferrer'), 'VICTIM', {
      subject: { givenName: 'Uma', familyName: 'Ferris', address: '4 Lark Rise', town: 'Fernbrook' },
      homeMatch: { locationId: '00000000-0000-4000-8000-000000000000' },
      consent: givenConsent,
    });
    const counts = await tableRowCounts(database.db);
    const answer = await submit(as('councilReferrer'), id);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['homeMatch']);
    expect(await tableRowCounts(database.db)).toEqual(counts);
  });

  it('refuses half an address with the fields to finish, leaving the draft as it was', async () => {
    const id = await draft(as('councilReferrer'), 'VICTIM', {
      subject: { givenName: 'Noor', familyName: 'Akhtar', postcode: 'FB1 9ZZ' },
      consent: givenConsent,
    });
    const counts = await tableRowCounts(database.db);
    const answer = await submit(as('councilReferrer'), id);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['subject.address', 'subject.town']);
    expect(await tableRowCounts(database.db)).toEqual(counts);
  });
});

describe('consent and the lawful basis for sharing', () => {
  it('refuses a referral made without consent until the lawful basis and its reason are given, then keeps them', async () => {
    const id = await draft(as('councilReferrer'), 'VICTIM', {
      subject: { givenName: 'Ivy', familyName: 'Brennan' },
      consent: { status: 'REFUSED' },
    });
    const counts = await tableRowCounts(database.db);
    const refused = await submit(as('councilReferrer'), id);
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['consent.justification', 'consent.lawfulBasis']);
    expect(await tableRowCounts(database.db)).toEqual(counts);

    const saved = await app.call('PUT', `/api/referrals/${id}/draft`, {
      token: as('councilReferrer'),
      body: {
        draft: {
          subject: { givenName: 'Ivy', familyName: 'Brennan' },
          concerns: 'Shouting and threats at the door most evenings.',
          answers: answersAll('VICTIM', 'some'),
          consent: { status: 'REFUSED', lawfulBasis: 'VITAL_INTERESTS', justification: 'Threats to kill were made on 18 November.' },
        },
      },
    });
    expect(saved.status).toBe(200);
    const accepted = await submit(as('councilReferrer'), id);
    expect(accepted.status).toBe(200);
    const { consent } = await overview(as('councilReferrer'), accepted.body.result.case.id);
    expect(consent).toEqual([
      expect.objectContaining({
        personId: accepted.body.referral.person!.id,
        consent: 'REFUSED',
        lawfulBasis: 'VITAL_INTERESTS',
        regime: 'UK_GDPR_DPA_PART_2',
        justification: 'Threats to kill were made on 18 November.',
        recordedBy: 'Priya Shah',
      }),
    ]);
  });

  it.each(['VICTIM', 'PERPETRATOR'])(
    'refuses a %s referral whose consent is unanswered, naming the question, and makes nothing',
    async (subjectType) => {
      const id = await draft(as('councilReferrer'), subjectType, { subject: { givenName: 'Orla', familyName: `Unasked${subjectType}` } });
      const counts = await tableRowCounts(database.db);
      const refused = await submit(as('councilReferrer'), id);
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['consent.status']);
      expect((refused.body as unknown as ErrorBody).error.fields?.[0]?.message).toBe(
        'Say whether the person consented to sharing their information.',
      );
      expect(await tableRowCounts(database.db)).toEqual(counts);
    },
  );

  it('refuses "not sought" without a lawful basis or its reason, and asks no consent for a location', async () => {
    const id = await draft(as('councilReferrer'), 'VICTIM', {
      subject: { givenName: 'Petra', familyName: 'Notsought' },
      consent: { status: 'NOT_SOUGHT' },
    });
    const refused = await submit(as('councilReferrer'), id);
    expect([refused.status, fieldsOf(refused.body)]).toEqual([400, ['consent.justification', 'consent.lawfulBasis']]);

    const place = await draft(as('councilReferrer'), 'LOCATION', {
      subject: { address: 'Underpass by Fernbrook station', town: 'Fernbrook', postcode: 'FB1 4QQ' },
    });
    const submitted = await submit(as('councilReferrer'), place);
    expect(submitted.status).toBe(200);
  });

  it('lets the lead agency update consent on the case, audited before and after, and the export includes it', async () => {
    const id = await draft(as('policeReferrer'), 'VICTIM', { subject: { givenName: 'Lena', familyName: 'Osei' }, consent: givenConsent });
    const { body } = await submit(as('policeReferrer'), id);
    const caseId = body.result.case.id;
    const personId = body.referral.person!.id;
    expect((await overview(as('policeReferrer'), caseId)).access.mayRecordConsent).toBe(true);

    const recorded = await app.call<{ consent: Consent[] }>('POST', `/api/cases/${caseId}/consent`, {
      token: as('policeReferrer'),
      body: { personId, status: 'WITHDRAWN', lawfulBasis: 'LAW_ENFORCEMENT', justification: 'Investigating a threat to her safety.' },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.consent).toEqual([
      expect.objectContaining({ consent: 'WITHDRAWN', lawfulBasis: 'LAW_ENFORCEMENT', regime: 'DPA_PART_3_LAW_ENFORCEMENT' }),
    ]);
    const audits = await auditEvents(database.db, 'consent.record');
    expect(audits.at(-1)).toMatchObject({
      before: expect.objectContaining({ consent: 'GIVEN', lawfulBasis: 'CONSENT' }),
      after: expect.objectContaining({ consent: 'WITHDRAWN', lawfulBasis: 'LAW_ENFORCEMENT', personId, caseId }),
    });

    const exported = await app.call<{ consent: Array<{ consent: string; lawfulBasis: string }> }>(
      'GET',
      `/api/people/${personId}/subject-access`,
      { token: as('admin') },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.consent.map((c) => [c.consent, c.lawfulBasis]).sort()).toEqual([
      ['GIVEN', 'CONSENT'],
      ['WITHDRAWN', 'LAW_ENFORCEMENT'],
    ]);
  });

  it('refuses a panel seat, another partnership and an incomplete record, and changes nothing', async () => {
    // Heard by the CMARAC, where the housing provider has a seat: it sees the case but does not work it.
    const id = await draft(
      as('policeReferrer'),
      'VICTIM',
      { subject: { givenName: 'Ada', familyName: 'Quill' }, consent: givenConsent },
      'serious',
    );
    const { body } = await submit(as('policeReferrer'), id);
    const caseId = body.result.case.id;
    const personId = body.referral.person!.id;
    const record = (who: keyof ReferralWorld['members'], consent: Record<string, unknown>) =>
      app.call('POST', `/api/cases/${caseId}/consent`, { token: as(who), body: { personId, ...consent } });

    expect((await overview(as('housingMember'), caseId)).access.mayRecordConsent).toBe(false);
    const counts = await tableRowCounts(database.db);
    expect((await record('housingMember', { status: 'GIVEN' })).status).toBe(403);
    expect((await record('outsider', { status: 'GIVEN' })).status).toBe(404);
    const incomplete = await record('policeReferrer', { status: 'REFUSED', lawfulBasis: 'PUBLIC_TASK', justification: '   ' });
    expect(incomplete.status).toBe(400);
    expect(fieldsOf(incomplete.body)).toEqual(['consent.justification']);
    expect(await tableRowCounts(database.db)).toEqual(counts);
  });
});
