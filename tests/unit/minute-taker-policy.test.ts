// The minute-taker's place in the access policy: records the actions a panel agrees and follows the
// meeting as a panel member would, but decides nothing the chair decides.
import {
  caseAccessGround,
  mayUse,
  restrictedFieldsVisible,
  type Actor,
  type Capability,
  type CaseAccessFacts,
} from '../../api/domain/access/policy';

const minuteTaker: Actor = {
  memberId: 'm-lee',
  partnershipId: 'p-1',
  agencyId: 'a-council',
  agencyType: 'COUNCIL_ASB',
  roles: ['MINUTE_TAKER'],
  displayName: 'Lee Minutes',
};

describe('what a minute-taker may do', () => {
  test.each<[Capability, boolean]>([
    ['action.assign', true],
    ['meeting.attend', true],
    ['case.read', true],
    ['action.work', true],
    ['action.oversee', false],
    ['referral.decide', false],
    ['meeting.run', false],
    ['referral.create', false],
    ['panel.manage', false],
    ['audit.read', false],
  ])('%s: %s', (capability, allowed) => {
    expect(mayUse(minuteTaker, capability)).toBe(allowed);
  });
});

describe('which cases a minute-taker sees', () => {
  const onPanel = (agencyIds: string[]): CaseAccessFacts => ({
    partnershipId: 'p-1',
    leadAgencyId: 'a-police',
    involvedAgencyIds: [],
    hearingPanels: [{ panelId: 'panel-1', agencyIds, chairMemberIds: ['m-chair'] }],
  });

  test('sees a case heard by a panel their agency sits on, as a panel member would', () => {
    expect(caseAccessGround(minuteTaker, onPanel(['a-council', 'a-police']))).toBe('PANEL_SEAT');
  });

  test('does not see a case heard by a panel their agency has no seat on', () => {
    expect(caseAccessGround(minuteTaker, onPanel(['a-police']))).toBeNull();
  });

  test('does not see health, safeguarding or police intelligence notes on a case they can see', () => {
    expect(restrictedFieldsVisible(minuteTaker, onPanel(['a-council']))).toEqual({
      healthNotes: false,
      safeguardingNotes: false,
      intelligenceNotes: false,
    });
  });
});
