// Minutes drafted from a meeting record, their due date in working days, and the approval check.
import { checkReadyForApproval, draftMinutes, minutesDueBy, MINUTES_MARKING, type MeetingRecord } from '../../api/domain/minutes/draft';
import { bankHolidaysFrom } from '../../api/services/bank-holidays';

describe('minutes are due three working days after the meeting', () => {
  it.each([
    ['a Thursday meeting is due the next Tuesday', '2026-12-10', '2026-12-15'],
    ['a Monday meeting is due on Thursday', '2026-11-16', '2026-11-19'],
    ['Christmas and the Boxing Day substitute do not count', '2026-12-24', '2026-12-31'],
    ['Good Friday and Easter Monday do not count', '2027-03-25', '2027-04-01'],
  ])('%s', async (_name, meeting, due) => {
    const englandAndWales = new Set(await bankHolidaysFrom('ENGLAND_AND_WALES', meeting));
    expect(minutesDueBy(meeting, englandAndWales)).toBe(due);
  });

  it.each([
    ['ENGLAND_AND_WALES', '2026-12-01'],
    ['SCOTLAND', '2026-12-02'],
  ] as const)(
    "skips St Andrew's Day only where it is a bank holiday: a Thursday 26 November meeting in %s is due %s",
    async (region, due) => {
      expect(minutesDueBy('2026-11-26', new Set(await bankHolidaysFrom(region, '2026-11-26')))).toBe(due);
    },
  );
});

const record: MeetingRecord = {
  panelName: 'Fernbrook CMARAC',
  meetingDate: '2026-12-10',
  attendance: [
    { name: 'Ruth Okafor', agency: 'Fernbrook Police', status: 'PRESENT' },
    { name: 'Omar Price', agency: 'Fernbrook Council ASB Team', status: 'APOLOGIES' },
  ],
  actionReviews: [
    {
      caseReference: 'CM-5',
      title: 'Visit the victim',
      owner: 'Fernbrook Homes',
      dueDate: '2026-11-18',
      outcome: 'NOT_DONE',
      notDoneReason: 'AGENCY_DID_NOT_DO_IT',
      note: 'Officer on leave',
    },
    {
      caseReference: 'CM-5',
      title: 'Fit door cameras',
      owner: 'Fernbrook Police',
      dueDate: '2026-12-20',
      outcome: 'IN_PROGRESS',
      notDoneReason: null,
      note: null,
    },
  ],
  items: [
    {
      position: 1,
      caseReference: 'CM-1',
      why: 'New high-risk referral (score 31), received 15 November 2026.',
      status: 'DISCUSSED',
      decisions: 'Housing to move the victim.',
      riskBandAfter: 'HIGH',
      caseDecision: 'KEEP_ON',
      closureReason: null,
      deferralReason: null,
      actions: [{ title: 'Offer a move', owner: 'Sam Patel (Fernbrook Homes)', dueDate: '2026-12-24' }],
    },
    {
      position: 2,
      caseReference: 'CM-3',
      why: 'Repeat referral.',
      status: 'DISCUSSED',
      decisions: 'No incidents for three months.',
      riskBandAfter: 'LOW',
      caseDecision: 'CLOSE',
      closureReason: 'Risk resolved',
      deferralReason: null,
      actions: [],
    },
    {
      position: 3,
      caseReference: 'CM-2',
      why: 'New medium-risk referral.',
      status: 'DEFERRED',
      decisions: null,
      riskBandAfter: null,
      caseDecision: null,
      closureReason: null,
      deferralReason: 'Housing officer on leave',
      actions: [],
    },
    {
      position: 4,
      caseReference: 'CM-4',
      why: 'Review due.',
      status: 'SPILLED_OVER',
      decisions: null,
      riskBandAfter: null,
      caseDecision: null,
      closureReason: null,
      deferralReason: null,
      actions: [],
    },
  ],
};

describe('drafting the minutes from the record', () => {
  const minutes = draftMinutes(record);

  it('marks the minutes restricted and titles them with the panel and date', () => {
    expect(minutes.marking).toBe(MINUTES_MARKING);
    expect(minutes.title).toBe('Fernbrook CMARAC: minutes of the meeting on 10 December 2026');
  });

  it('lists who was present and who sent apologies, with their agencies', () => {
    expect(minutes.present).toEqual(['Ruth Okafor (Fernbrook Police)']);
    expect(minutes.apologies).toEqual(['Omar Price (Fernbrook Council ASB Team)']);
  });

  it('records the action review with the reason for an action not done', () => {
    expect(minutes.actionReview).toEqual([
      'Case CM-5: Visit the victim (Fernbrook Homes, due 18 November 2026): not done: the agency did not do it. Officer on leave',
      'Case CM-5: Fit door cameras (Fernbrook Police, due 20 December 2026): in progress',
    ]);
  });

  it('gives each case heard its decisions, outcome with risk and closure reason, and actions with owners and due dates', () => {
    expect(minutes.cases).toEqual([
      {
        heading: '1. Case CM-1',
        why: 'New high-risk referral (score 31), received 15 November 2026.',
        decisions: 'Housing to move the victim.',
        outcome: 'Kept on the panel; risk now high.',
        actions: ['Offer a move: Sam Patel (Fernbrook Homes), by 24 December 2026'],
      },
      {
        heading: '2. Case CM-3',
        why: 'Repeat referral.',
        decisions: 'No incidents for three months.',
        outcome: 'Closed; risk now low; reason: Risk resolved.',
        actions: [],
      },
    ]);
  });

  it('notes the cases deferred or not reached', () => {
    expect(minutes.notHeard).toEqual([
      'Case CM-2: deferred (Housing officer on leave)',
      'Case CM-4: not reached; carried to the next meeting',
    ]);
  });
});

describe('approval', () => {
  it('is ready when every case heard has its decisions and outcome', () => {
    expect(checkReadyForApproval(record)).toEqual({ ok: true, value: true });
  });

  it('names the cases heard without an outcome', () => {
    const missing = { ...record, items: record.items.map((item) => (item.position === 2 ? { ...item, caseDecision: null } : item)) };
    expect(checkReadyForApproval(missing)).toEqual({
      ok: false,
      error: {
        code: 'OUTCOMES_MISSING',
        message: 'Record the decisions and outcome for case CM-3 before approving the minutes.',
        field: 'items',
      },
    });
  });
});
