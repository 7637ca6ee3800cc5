import type { AdaptiveCard, CardAction, CardElement, ExecuteAction, InnerCard } from '../../bot/cards/adaptive-card';
import { buildActionCard } from '../../bot/cards/action-card';
import { REFRESH_USER_LIMIT } from '../../bot/cards/adaptive-card';
import { buildAgendaCard } from '../../bot/cards/agenda-card';
import { buildAssignActionCard } from '../../bot/cards/assign-action-card';
import { reminderHeadline } from '../../api/services/reminders/reminder-headline';
import {
  actionCardSubmissions,
  assignActionSubmission,
  CARD_VERBS,
  chooseOwnerAgencySubmission,
  parseCardData,
} from '../../bot/cards/verbs';
import {
  actionCardView,
  agendaView,
  assignView,
  CHAIR,
  CHAIR_TEAMS_ID,
  COLLEAGUE,
  domainAction,
  IDS,
  OWNER,
  OWNER_TEAMS_ID,
} from './cards-fixtures';

function executes(card: AdaptiveCard | InnerCard): ExecuteAction[] {
  const fromActions = (actions: CardAction[] = []): ExecuteAction[] =>
    actions.flatMap((action) =>
      action.type === 'Action.Execute' ? [action] : action.type === 'Action.ShowCard' ? executes(action.card) : [],
    );
  const fromElements = (elements: CardElement[]): ExecuteAction[] =>
    elements.flatMap((element) => {
      if (element.type === 'ActionSet') return fromActions(element.actions);
      if (element.type === 'Container') return fromElements(element.items);
      if (element.type === 'ColumnSet') return element.columns.flatMap((column) => fromElements(column.items));
      return [];
    });
  return [...fromElements(card.body), ...fromActions(card.actions)];
}

const buttonTitles = (card: AdaptiveCard) => (card.actions ?? []).map((action) => action.title);
const allText = (card: AdaptiveCard) => JSON.stringify(card.body);

describe('the action card', () => {
  it.each([
    ['PROPOSED', ['Accept']],
    ['ACCEPTED', ['Update progress', 'Mark complete', "Can't complete"]],
    ['IN_PROGRESS', ['Update progress', 'Mark complete', "Can't complete"]],
    ['BLOCKED', ['Update progress']],
    ['COMPLETED', []],
    ['CANCELLED', []],
  ] as const)('shows the owner of a %s action the buttons the lifecycle allows: %j', (status, titles) => {
    expect(buttonTitles(buildActionCard(actionCardView(domainAction({ status }), OWNER)))).toEqual(titles);
  });

  it('is read-only for a colleague when a named officer owns the action', () => {
    const card = buildActionCard(actionCardView(domainAction({ status: 'ACCEPTED' }), COLLEAGUE));
    expect(card.actions).toBeUndefined();
    expect(allText(card)).toContain('Accepted');
  });

  it('lets anyone in the owner agency act when no officer is named', () => {
    const card = buildActionCard(actionCardView(domainAction({ ownerMemberId: null }), COLLEAGUE));
    expect(buttonTitles(card)).toEqual(['Accept']);
  });

  it("gives the chair only the can't-complete record, which the panel makes at its actions review", () => {
    expect(buttonTitles(buildActionCard(actionCardView(domainAction({ status: 'IN_PROGRESS' }), CHAIR)))).toEqual(["Can't complete"]);
  });

  it('carries the action and the version it was drawn from on every button and on the refresh', () => {
    const card = buildActionCard(actionCardView(domainAction({ status: 'ACCEPTED', version: 7 })));
    const all = [...executes(card), card.refresh?.action as ExecuteAction];
    expect(all.map((action) => action.verb).sort()).toEqual(
      [CARD_VERBS.updateProgress, CARD_VERBS.complete, CARD_VERBS.cannotComplete, CARD_VERBS.refreshAction].sort(),
    );
    for (const action of all) expect(action.data).toEqual({ actionId: IDS.action, version: 7 });
  });

  it('asks Teams to refresh it for the owner only, so the owner gets buttons and others see status', () => {
    const card = buildActionCard(actionCardView(domainAction(), COLLEAGUE));
    expect(card.refresh?.userIds).toEqual([OWNER_TEAMS_ID]);
    expect(card.refresh?.action.verb).toBe(CARD_VERBS.refreshAction);
  });

  it('has no refresh when the owner has never spoken to the bot, rather than refreshing for everyone', () => {
    expect(buildActionCard(actionCardView(domainAction(), COLLEAGUE, { refreshUserIds: [] })).refresh).toBeUndefined();
  });

  it("offers the two reasons the minutes record for an action that can't be completed", () => {
    const card = buildActionCard(actionCardView(domainAction({ status: 'ACCEPTED' })));
    const cannot = card.actions?.find((action) => action.title === "Can't complete");
    expect(JSON.stringify(cannot)).toContain('CIRCUMSTANCES_CHANGED');
    expect(JSON.stringify(cannot)).toContain('AGENCY_DID_NOT_DO_IT');
  });

  it('says when it is overdue and shows a notice above everything else', () => {
    const card = buildActionCard(
      actionCardView(domainAction({ status: 'ACCEPTED' }), OWNER, {
        overdue: true,
        notice: { tone: 'warning', text: 'This card was out of date.' },
      }),
    );
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'This card was out of date.', color: 'warning' });
    expect(allText(card)).toContain('Accepted, overdue');
  });
});

describe('the assign-action card', () => {
  it('lists officers only once an agency is chosen, and keeps what was typed', () => {
    const first = buildAssignActionCard(assignView());
    expect(allText(first)).not.toContain(IDS.owner);
    const second = buildAssignActionCard(
      assignView({
        officers: [{ id: IDS.owner, name: 'Sam Patel' }],
        values: { title: 'Visit the tenant', ownerAgencyId: IDS.housing, dueDate: '2026-12-01' },
      }),
    );
    const inputs = second.body.filter((element) => element.type.startsWith('Input.'));
    expect(inputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'title', value: 'Visit the tenant' }),
        expect.objectContaining({ id: 'ownerAgencyId', value: IDS.housing }),
        expect.objectContaining({ id: 'ownerMemberId', choices: [{ title: 'Sam Patel', value: IDS.owner }] }),
        expect.objectContaining({ id: 'dueDate', value: '2026-12-01', min: '2026-11-20' }),
      ]),
    );
  });

  it('shows each error right under its field, and errors without a field at the top', () => {
    const card = buildAssignActionCard(
      assignView({
        fieldErrors: [
          { field: 'dueDate', message: 'The due date cannot be in the past.' },
          { field: 'card', message: 'This case has been closed.' },
        ],
      }),
    );
    const dueIndex = card.body.findIndex((element) => element.type === 'Input.Date');
    expect(card.body[dueIndex + 1]).toMatchObject({ type: 'TextBlock', text: 'The due date cannot be in the past.', color: 'attention' });
    expect(card.body.slice(0, 4)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Please correct the 2 highlighted fields.' }),
        expect.objectContaining({ text: 'This case has been closed.' }),
      ]),
    );
  });

  it('sends where it was opened from with both the officer lookup and the submission', () => {
    const card = buildAssignActionCard(assignView());
    const context = { caseId: IDS.case, meetingId: IDS.meeting, agendaItemId: IDS.agendaItem };
    expect(executes(card).map((action) => [action.verb, action.data])).toEqual([
      [CARD_VERBS.chooseOwnerAgency, context],
      [CARD_VERBS.assign, context],
    ]);
  });
});

describe('what comes back from a card', () => {
  it('turns an assign submission with missing fields into one message per field', () => {
    const parsed = parseCardData(assignActionSubmission, {
      caseId: IDS.case,
      title: '  ',
      ownerAgencyId: '',
      dueDate: '',
      priority: 'HIGH',
    });
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: [
        { field: 'title', message: 'Say what will be done.' },
        { field: 'ownerAgencyId', message: 'Choose the agency that owns this action.' },
        { field: 'dueDate', message: 'Choose a due date.' },
      ],
    });
  });

  it('accepts a complete assign submission, with no officer meaning the agency owns it', () => {
    const parsed = parseCardData(assignActionSubmission, {
      caseId: IDS.case,
      title: ' Visit ',
      ownerAgencyId: IDS.housing,
      ownerMemberId: '',
      dueDate: '2026-12-01',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        caseId: IDS.case,
        title: 'Visit',
        ownerAgencyId: IDS.housing,
        ownerMemberId: undefined,
        dueDate: '2026-12-01',
        priority: 'NORMAL',
      },
    });
  });

  it('keeps a half-filled form when only the agency was chosen', () => {
    expect(parseCardData(chooseOwnerAgencySubmission, { caseId: IDS.case, ownerAgencyId: IDS.police, title: 'Draft' })).toMatchObject({
      ok: true,
      value: { title: 'Draft', ownerAgencyId: IDS.police },
    });
  });

  it("requires a reason and a note for can't complete, and a version on every action button", () => {
    expect(
      parseCardData(actionCardSubmissions[CARD_VERBS.cannotComplete], {
        actionId: IDS.action,
        version: 2,
        cannotCompleteReason: 'BORED',
        cannotCompleteNote: '',
      }),
    ).toEqual({
      ok: false,
      fieldErrors: [
        { field: 'cannotCompleteReason', message: 'Choose why the action cannot be completed.' },
        { field: 'cannotCompleteNote', message: 'Explain why the action cannot be completed.' },
      ],
    });
    expect(parseCardData(actionCardSubmissions[CARD_VERBS.accept], { actionId: IDS.action }).ok).toBe(false);
  });
});

describe('the agenda card', () => {
  it('highlights the item under discussion and gives the chair "Next item"', () => {
    const card = buildAgendaCard(agendaView());
    const current = card.body.find((element) => element.type === 'Container' && element.style === 'accent');
    expect(JSON.stringify(current)).toContain('2. Case ASB-2026-0042 (15 min): Now');
    expect(executes(card)).toEqual([
      expect.objectContaining({ verb: CARD_VERBS.nextAgendaItem, title: 'Next item', data: { meetingId: IDS.meeting, version: 4 } }),
    ]);
    expect(card.refresh?.userIds).toEqual([CHAIR_TEAMS_ID]);
  });

  it('names at most 60 users to refresh for, as Teams allows, keeping the first named and dropping repeats', () => {
    const chairs = Array.from({ length: 75 }, (_, index) => `29:chair-${index}`);
    const card = buildAgendaCard(agendaView({ chairUserIds: [chairs[0]!, ...chairs] }));
    expect(card.refresh?.userIds).toEqual(chairs.slice(0, REFRESH_USER_LIMIT));
    expect(REFRESH_USER_LIMIT).toBe(60);
    expect(buildAgendaCard(agendaView({ chairUserIds: [] })).refresh).toBeUndefined();
  });

  it('shows reasons and minutes but no button to anyone but the chair', () => {
    const card = buildAgendaCard(agendaView({ chairView: false }));
    expect(card.actions).toBeUndefined();
    expect(allText(card)).toContain('Review due; two actions overdue');
    expect(allText(card)).toContain('3 items, 50 minutes');
  });

  it.each([
    [{ currentItemId: null, items: agendaView().items.map((item) => ({ ...item, status: 'PLANNED' as const })) }, 'Start the first item'],
    [
      {
        currentItemId: 'i3',
        items: agendaView().items.map((item) => ({ ...item, status: item.id === 'i3' ? ('CURRENT' as const) : ('DISCUSSED' as const) })),
      },
      'Close the last item',
    ],
  ])('names the chair button for where the meeting is (%#)', (overrides, label) => {
    expect(buttonTitles(buildAgendaCard(agendaView(overrides)))).toEqual([label]);
  });
});

describe('reminder headlines', () => {
  it.each([
    ['BEFORE_DUE', '2026-11-23', 'Reminder: your action is due in 3 days'],
    ['BEFORE_DUE', '2026-11-21', 'Reminder: your action is due tomorrow'],
    ['DUE_TODAY', '2026-11-20', 'Reminder: your action is due today'],
    ['OVERDUE', '2026-11-19', 'Reminder: your action is 1 day overdue'],
    ['ESCALATION', '2026-11-13', 'Escalation: an action for case ASB-2026-0042 is 7 days overdue'],
    ['CHASE', '2026-11-25', 'The panel chair has asked for an update on an action due in 5 days'],
  ] as const)('%s due %s reads "%s"', (kind, dueDate, headline) => {
    expect(reminderHeadline({ kind, dueDate, caseReference: 'ASB-2026-0042', today: '2026-11-20' })).toBe(headline);
  });
});
