// A CMARAC whose next agenda can be worked out by hand. Today is Friday 20 November 2026; the panel
// meets on the second Thursday, so the next meeting is Thursday 10 December 2026, with referrals
// closing at the end of Monday 30 November. The last meeting, 12 November, set actions, so the next
// one opens with a 10-minute actions review; at 90 minutes and 15 per case, five cases fit.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../api/store/database';
import type { MemberRole, RiskBand } from '../../api/store/generated/client';

export const NOW = new Date('2026-11-20T12:00:00Z');

export interface MeetingsWorld {
  partnershipId: string;
  agencies: { police: string; housing: string; council: string; probation: string };
  members: {
    chair: string;
    otherChair: string;
    housingMember: string;
    probationMember: string;
    councilReferrer: string;
    admin: string;
    elsewhereChair: string;
  };
  panelId: string;
  lastMeetingId: string;
  cases: Record<
    'newHigh' | 'newMedium' | 'repeat' | 'review' | 'overdue' | 'deferred' | 'spilt' | 'late' | 'extra' | 'probationOnly',
    string
  >;
  referrals: { late: string };
}

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createMeetingsWorld(db: Database): Promise<MeetingsWorld> {
  const p = db.prisma;
  const partnershipId = (await p.partnership.create({ data: { name: 'Fernbrook CSP (meetings test)', area: 'Fernbrook' } })).id;
  const agency = async (name: string, type: 'POLICE' | 'HOUSING_PROVIDER' | 'COUNCIL_ASB' | 'PROBATION') =>
    (await p.agency.create({ data: { partnershipId, name, type } })).id;
  const agencies = {
    police: await agency('Fernbrook Police', 'POLICE'),
    housing: await agency('Fernbrook Homes', 'HOUSING_PROVIDER'),
    council: await agency('Fernbrook Council ASB Team', 'COUNCIL_ASB'),
    probation: await agency('Sampleshire Probation', 'PROBATION'),
  };
  const member = async (partnership: string, agencyId: string, displayName: string, roles: MemberRole[]) =>
    (
      await p.member.create({
        data: {
          partnershipId: partnership,
          agencyId,
          entraObjectId: randomUUID(),
          tenantId: 'tenant-meetings',
          displayName,
          email: `${displayName.split(' ')[0]!.toLowerCase()}@fernbrook.example`,
          roles,
        },
      })
    ).id;
  const elsewhere = await p.partnership.create({ data: { name: 'Elsewhere CSP', area: 'Elsewhere' } });
  const elsewherePolice = await p.agency.create({ data: { partnershipId: elsewhere.id, name: 'Elsewhere Police', type: 'POLICE' } });
  const members = {
    chair: await member(partnershipId, agencies.police, 'Ruth Okafor', ['PANEL_CHAIR']),
    otherChair: await member(partnershipId, agencies.council, 'Omar Price', ['PANEL_CHAIR']),
    housingMember: await member(partnershipId, agencies.housing, 'Sam Patel', ['PANEL_MEMBER']),
    probationMember: await member(partnershipId, agencies.probation, 'Pat Lee', ['PANEL_MEMBER']),
    councilReferrer: await member(partnershipId, agencies.council, 'Priya Shah', ['REFERRER']),
    admin: await member(partnershipId, agencies.council, 'Dee Admin', ['PARTNERSHIP_ADMIN']),
    elsewhereChair: await member(elsewhere.id, elsewherePolice.id, 'Elsie Where', ['PANEL_CHAIR']),
  };
  const panelId = (
    await p.panel.create({
      data: {
        partnershipId,
        type: 'CMARAC',
        name: 'Fernbrook CMARAC',
        cadence: { kind: 'MONTHLY', weekday: 'THURSDAY', week: 2 },
        meetingMinutes: 90,
        defaultItemMinutes: 15,
      },
    })
  ).id;
  await p.panelChair.create({ data: { panelId, memberId: members.chair } });
  await p.panelAgency.createMany({
    data: [
      { panelId, agencyId: agencies.police, membership: 'CORE' },
      { panelId, agencyId: agencies.housing, membership: 'CORE' },
      { panelId, agencyId: agencies.council, membership: 'FLEXIBLE' },
    ],
  });

  let sequence = 0;
  const kase = async (band: RiskBand, extra: { nextReviewDue?: string; lastHeardAt?: string; leadAgencyId?: string } = {}) =>
    (
      await p.case.create({
        data: {
          partnershipId,
          reference: `CM-${++sequence}`,
          kind: 'VICTIM',
          leadAgencyId: extra.leadAgencyId ?? agencies.police,
          currentRiskBand: band,
          openedAt: at('2026-06-01'),
          ...(extra.nextReviewDue ? { nextReviewDue: day(extra.nextReviewDue) } : {}),
          ...(extra.lastHeardAt ? { lastHeardAt: at(extra.lastHeardAt) } : {}),
        },
      })
    ).id;
  const cases = {
    newHigh: await kase('HIGH'),
    newMedium: await kase('MEDIUM'),
    repeat: await kase('HIGH', { lastHeardAt: '2026-07-09' }),
    review: await kase('MEDIUM', { nextReviewDue: '2026-12-01', lastHeardAt: '2026-11-12' }),
    overdue: await kase('HIGH', { lastHeardAt: '2026-11-12' }),
    deferred: await kase('MEDIUM'),
    spilt: await kase('LOW'),
    late: await kase('HIGH'),
    extra: await kase('MEDIUM'),
    // Led by probation, which has no seat on this panel: the chair's agency cannot see it.
    probationOnly: await kase('HIGH', { leadAgencyId: agencies.probation }),
  };
  await p.caseAgency.create({ data: { caseId: cases.newHigh, agencyId: agencies.housing } });

  const template = await p.riskTemplate.create({
    data: { partnershipId, subjectType: 'VICTIM', name: 'Victim risk', version: 1, definition: {} },
  });
  const referral = async (caseId: string, submitted: string, band: RiskBand, score: number) => {
    const created = await p.referral.create({
      data: {
        partnershipId,
        subjectType: 'VICTIM',
        status: 'ACCEPTED',
        referrerId: members.councilReferrer,
        referrerAgencyId: agencies.council,
        caseId,
        panelId,
        submittedAt: at(submitted),
      },
    });
    await p.riskAssessment.create({
      data: {
        templateId: template.id,
        subjectType: 'VICTIM',
        caseId,
        referralId: created.id,
        assessedById: members.councilReferrer,
        answers: [],
        score,
        calculatedBand: band,
        finalBand: band,
        reasons: [],
        assessedAt: at(submitted),
      },
    });
    return created.id;
  };
  await referral(cases.newHigh, '2026-11-15', 'HIGH', 31);
  await referral(cases.newMedium, '2026-11-16', 'MEDIUM', 18);
  await referral(cases.repeat, '2026-11-10', 'HIGH', 27);
  // Submitted 2 December, after the December cut-off: created by the test when the clock gets there.
  const late = await referral(cases.late, '2026-12-02', 'HIGH', 35);
  await p.referral.update({ where: { id: late }, data: { status: 'SUBMITTED' } });

  const lastMeetingId = (
    await p.meeting.create({
      data: {
        panelId,
        startsAt: at('2026-11-12T10:00:00Z'),
        endsAt: at('2026-11-12T11:30:00Z'),
        referralCutoff: at('2026-11-03T00:00:00Z'),
        status: 'ENDED',
      },
    })
  ).id;
  const heard = (
    caseId: string,
    position: number,
    status: 'DISCUSSED' | 'DEFERRED' | 'SPILLED_OVER',
    deferralReason: string | null = null,
  ) =>
    p.agendaItem.create({
      data: {
        meetingId: lastMeetingId,
        caseId,
        position,
        reasons: ['NEW_REFERRAL'],
        reasonText: 'New referral.',
        minutes: 15,
        requiredAgencyIds: [],
        status,
        deferralReason,
      },
    });
  await heard(cases.review, 1, 'DISCUSSED');
  await heard(cases.overdue, 2, 'DISCUSSED');
  await heard(cases.deferred, 3, 'DEFERRED', 'The referrer could not attend');
  await heard(cases.spilt, 4, 'SPILLED_OVER');
  await p.action.create({
    data: {
      partnershipId,
      caseId: cases.overdue,
      meetingId: lastMeetingId,
      title: 'Visit the victim',
      ownerAgencyId: agencies.housing,
      createdById: members.chair,
      status: 'ACCEPTED',
      dueDate: day('2026-11-18'),
    },
  });
  await p.action.create({
    data: {
      partnershipId,
      caseId: cases.overdue,
      meetingId: lastMeetingId,
      title: 'Fit door cameras',
      ownerAgencyId: agencies.police,
      createdById: members.chair,
      status: 'BLOCKED',
      dueDate: day('2026-12-20'),
    },
  });
  return { partnershipId, agencies, members, panelId, lastMeetingId, cases, referrals: { late } };
}

/** Moves a meeting to NOW: a meeting is started, attended and minuted on its day, not before. */
export async function heldToday(db: Database, meetingId: string): Promise<void> {
  await db.prisma.meeting.update({ where: { id: meetingId }, data: { startsAt: NOW, endsAt: new Date(NOW.getTime() + 2 * 3_600_000) } });
}
