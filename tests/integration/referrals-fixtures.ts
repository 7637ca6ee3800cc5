// A small fictional partnership for the referral tests: three agencies, one panel of each kind with
// its own chair, referrers, a panel member, an auditor, an administrator, and a member of another
// partnership who must never see anything here.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../api/store/database';
import type { MemberRole } from '../../api/store/generated/client';
import { DEFAULT_TEMPLATES } from '../../api/domain/risk/default-templates';
import type { SubjectType } from '../../api/domain/risk/template';

export interface ReferralWorld {
  partnershipId: string;
  agencies: { police: string; housing: string; council: string };
  panels: { cmarac: string; offender: string; forum: string };
  members: {
    policeReferrer: string;
    housingReferrer: string;
    councilReferrer: string;
    cmaracChair: string;
    offenderChair: string;
    housingMember: string;
    auditor: string;
    admin: string;
    outsider: string;
  };
}

export async function createReferralWorld(db: Database): Promise<ReferralWorld> {
  const p = db.prisma;
  const partnershipId = (await p.partnership.create({ data: { name: 'Fernbrook CSP (referral test)', area: 'Fernbrook' } })).id;
  const agency = async (name: string, type: 'POLICE' | 'HOUSING_PROVIDER' | 'COUNCIL_ASB') =>
    (await p.agency.create({ data: { partnershipId, name, type } })).id;
  const agencies = {
    police: await agency('Fernbrook Police', 'POLICE'),
    housing: await agency('Fernbrook Homes', 'HOUSING_PROVIDER'),
    council: await agency('Fernbrook Council ASB Team', 'COUNCIL_ASB'),
  };
  const member = async (agencyId: string, displayName: string, roles: MemberRole[], inPartnership = partnershipId) =>
    (
      await p.member.create({
        data: { partnershipId: inPartnership, agencyId, entraObjectId: randomUUID(), tenantId: 'tenant-referrals', displayName, roles },
      })
    ).id;
  const elsewhere = (await p.partnership.create({ data: { name: 'Otherton CSP', area: 'Otherton' } })).id;
  const elsewhereAgency = (await p.agency.create({ data: { partnershipId: elsewhere, name: 'Otherton Police', type: 'POLICE' } })).id;
  const members = {
    policeReferrer: await member(agencies.police, 'Pat Constable', ['REFERRER']),
    housingReferrer: await member(agencies.housing, 'Jo Reid', ['REFERRER']),
    councilReferrer: await member(agencies.council, 'Priya Shah', ['REFERRER']),
    cmaracChair: await member(agencies.council, 'Ruth Okafor', ['PANEL_CHAIR']),
    offenderChair: await member(agencies.council, 'Owen Chair', ['PANEL_CHAIR']),
    housingMember: await member(agencies.housing, 'Sam Patel', ['PANEL_MEMBER']),
    auditor: await member(agencies.council, 'Alex Auditor', ['AUDITOR']),
    admin: await member(agencies.council, 'Dee Admin', ['PARTNERSHIP_ADMIN']),
    outsider: await member(elsewhereAgency, 'Olly Outsider', ['REFERRER', 'PANEL_CHAIR'], elsewhere),
  };
  const cadence = { kind: 'MONTHLY', weekday: 'THURSDAY', week: 2 };
  const panel = async (type: 'CMARAC' | 'OFFENDER_PANEL' | 'PROBLEM_SOLVING_FORUM', name: string, chair: string) => {
    const id = (await p.panel.create({ data: { partnershipId, type, name, cadence } })).id;
    await p.panelChair.create({ data: { panelId: id, memberId: chair } });
    await p.panelAgency.createMany({
      data: [
        { panelId: id, agencyId: agencies.police, membership: 'CORE' },
        { panelId: id, agencyId: agencies.housing, membership: 'CORE' },
      ],
    });
    return id;
  };
  const panels = {
    cmarac: await panel('CMARAC', 'Fernbrook CMARAC', members.cmaracChair),
    offender: await panel('OFFENDER_PANEL', 'Fernbrook Offender Panel', members.offenderChair),
    forum: await panel('PROBLEM_SOLVING_FORUM', 'Fernbrook Problem-Solving Forum', members.cmaracChair),
  };
  return { partnershipId, agencies, panels, members };
}

/** The same answer ("none", "some" or "serious") to every question of the default template. */
export function answersAll(subjectType: SubjectType, option: 'none' | 'some' | 'serious'): Record<string, string> {
  const template = DEFAULT_TEMPLATES.find((t) => t.subjectType === subjectType)!;
  return Object.fromEntries(template.questions.map((q) => [q.id, option]));
}

export async function auditEvents(db: Database, event: string, entityId?: string) {
  return db.prisma.auditEvent.findMany({ where: { event, ...(entityId ? { entityId } : {}) }, orderBy: { seq: 'asc' } });
}
