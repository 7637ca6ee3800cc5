import {
  CAPABILITY_NAMES,
  caseAccessGround,
  mayUse,
  NO_RESTRICTED_FIELDS,
  restrictedFieldsVisible,
  ROLES,
  type Actor,
  type CaseAccessFacts,
  type Role,
} from '../../api/domain/access/policy';

const facts: CaseAccessFacts = {
  partnershipId: 'fernbrook',
  leadAgencyId: 'council',
  involvedAgencyIds: ['housing'],
  hearingPanels: [{ panelId: 'marac', agencyIds: ['police', 'health'], chairMemberIds: ['chair-of-marac'] }],
};

const actor = (agencyId: string, roles: Role[], changes: Partial<Actor> = {}): Actor => ({
  memberId: `${agencyId}-member`,
  partnershipId: 'fernbrook',
  agencyId,
  agencyType: agencyId === 'police' ? 'POLICE' : 'OTHER',
  roles,
  displayName: 'Someone',
  ...changes,
});

describe('need-to-know: who sees a case', () => {
  it.each<[string, Actor, string | null]>([
    ['a referrer in the lead agency', actor('council', ['REFERRER']), 'LEAD_AGENCY'],
    ['a referrer in an involved agency', actor('housing', ['REFERRER']), 'INVOLVED_AGENCY'],
    ['a panel member whose agency sits on the hearing panel', actor('police', ['PANEL_MEMBER']), 'PANEL_SEAT'],
    ['not a referrer whose agency sits on the hearing panel (a seat is for panel members)', actor('police', ['REFERRER']), null],
    [
      'the chair of the hearing panel, from an agency with no seat',
      actor('fire', ['PANEL_CHAIR'], { memberId: 'chair-of-marac' }),
      'PANEL_CHAIR',
    ],
    ['not a chair of another panel from an agency with no seat', actor('fire', ['PANEL_CHAIR']), null],
    ['not a panel member from an agency with no part in the case', actor('probation', ['PANEL_MEMBER']), null],
    ['not a partnership admin, even in the lead agency', actor('council', ['PARTNERSHIP_ADMIN']), null],
    ['not an auditor, even in the lead agency', actor('council', ['AUDITOR']), null],
    [
      'not a member of another partnership, even with the same agency id',
      actor('council', ['PANEL_CHAIR'], { partnershipId: 'elsewhere' }),
      null,
    ],
  ])('%s', (_case, who, ground) => {
    expect(caseAccessGround(who, facts)).toBe(ground);
  });
});

describe('restricted notes', () => {
  it.each<[string, Actor, { healthNotes: boolean; safeguardingNotes: boolean; intelligenceNotes: boolean }]>([
    ['a referrer in the lead agency sees none', actor('council', ['REFERRER']), NO_RESTRICTED_FIELDS],
    [
      'a panel member sees health and safeguarding but not police intelligence',
      actor('health', ['PANEL_MEMBER'], { agencyId: 'health' }),
      { healthNotes: true, safeguardingNotes: true, intelligenceNotes: false },
    ],
    [
      'a police panel member also sees police intelligence',
      actor('police', ['PANEL_MEMBER']),
      { healthNotes: true, safeguardingNotes: true, intelligenceNotes: true },
    ],
    [
      'a chair sees everything',
      actor('fire', ['PANEL_CHAIR'], { memberId: 'chair-of-marac' }),
      { healthNotes: true, safeguardingNotes: true, intelligenceNotes: true },
    ],
    ['a panel member who may not see the case sees nothing', actor('probation', ['PANEL_MEMBER']), NO_RESTRICTED_FIELDS],
  ])('%s', (_case, who, visible) => {
    expect(restrictedFieldsVisible(who, facts)).toEqual(visible);
  });
});

describe('what each role may do', () => {
  it.each<[Role, string[]]>([
    [
      'PARTNERSHIP_ADMIN',
      [
        'agency.manage',
        'governance.read',
        'import.run',
        'member.manage',
        'panel.manage',
        'partnership.configure',
        'retention.manage',
        'riskTemplate.manage',
        'subjectAccess.export',
      ],
    ],
    ['AUDITOR', ['audit.read', 'case.viewers', 'governance.read']],
    ['REFERRER', ['action.work', 'case.read', 'case.update', 'person.search', 'referral.create']],
  ])('a %s may do exactly these', (role, capabilities) => {
    const who = actor('council', [role]);
    const allowed = CAPABILITY_NAMES.filter((capability) => mayUse(who, capability)).sort();
    expect(allowed).toEqual(capabilities);
  });

  it('gives no role the audit trail except the auditor, and no role both the audit trail and case content', () => {
    for (const role of ROLES) {
      const who = actor('council', [role]);
      expect(mayUse(who, 'audit.read')).toBe(role === 'AUDITOR');
      expect(mayUse(who, 'audit.read') && mayUse(who, 'case.read')).toBe(false);
    }
  });
});
