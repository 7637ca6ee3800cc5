// Views of every card in every shape it takes, shared by the card tests. Fictional throughout.
import type { Action } from '../../api/domain/actions/lifecycle';
import { cardCommandsFor } from '../../api/services/action-card-view';
import type { ActionCardView, AgendaCardView, ReminderKind } from '../../api/services/ports/card-views';
import { buildActionCard } from '../../bot/cards/action-card';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { buildAgendaCard } from '../../bot/cards/agenda-card';
import { buildAssignActionCard, type AssignActionCardView } from '../../bot/cards/assign-action-card';
import { buildErrorCard, buildRefusalCard } from '../../bot/cards/notice-cards';
import { buildDigestCard, buildReminderCard } from '../../bot/cards/reminder-cards';
import { buildDraftSavedCard, buildStartReferralCard } from '../../bot/cards/referral-card';
import { referralLink } from '../../bot/cards/tab-links';

export const IDS = {
  action: '5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
  case: '6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
  meeting: '7b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  agendaItem: '8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  police: '9d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a',
  housing: 'ae5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b',
  owner: 'bf6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c',
  chair: 'c07b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
  colleague: 'd18c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
};

export const OWNER_TEAMS_ID = '29:1owner-sam-patel';
export const CHAIR_TEAMS_ID = '29:1chair-ruth-okafor';

export function domainAction(overrides: Partial<Action> = {}): Action {
  return {
    id: IDS.action,
    caseId: IDS.case,
    title: 'Visit the tenant and review the tenancy support plan',
    status: 'PROPOSED',
    version: 3,
    ownerAgencyId: IDS.housing,
    ownerMemberId: IDS.owner,
    dueDate: '2026-12-01',
    ...overrides,
  };
}

export const OWNER = { memberId: IDS.owner, agencyId: IDS.housing, isChair: false };
export const CHAIR = { memberId: IDS.chair, agencyId: IDS.police, isChair: true };
export const COLLEAGUE = { memberId: IDS.colleague, agencyId: IDS.housing, isChair: false };
export const AT = new Date('2026-11-20T10:00:00Z');

export function actionCardView(action: Action, viewer = OWNER, overrides: Partial<ActionCardView> = {}): ActionCardView {
  return {
    actionId: action.id,
    version: action.version,
    title: action.title,
    caseReference: 'ASB-2026-0042',
    ownerAgencyName: 'Fernbrook Homes',
    ownerOfficerName: 'Sam Patel',
    dueDate: action.dueDate,
    priority: 'HIGH',
    status: action.status,
    overdue: false,
    commands: cardCommandsFor(action, viewer, AT),
    refreshUserIds: [OWNER_TEAMS_ID],
    ...overrides,
  };
}

export function assignView(overrides: Partial<AssignActionCardView> = {}): AssignActionCardView {
  return {
    context: { caseId: IDS.case, meetingId: IDS.meeting, agendaItemId: IDS.agendaItem },
    caseReference: 'ASB-2026-0042',
    whereLabel: 'Item 3 of the Fernbrook CMARAC on 19 November 2026',
    agencies: [
      { id: IDS.police, name: 'Fernbrook Police' },
      { id: IDS.housing, name: 'Fernbrook Homes' },
    ],
    officers: [],
    values: {},
    fieldErrors: [],
    today: '2026-11-20',
    ...overrides,
  };
}

export function agendaView(overrides: Partial<AgendaCardView> = {}): AgendaCardView {
  return {
    meetingId: IDS.meeting,
    version: 4,
    panelName: 'Fernbrook CMARAC',
    whenLabel: 'Thursday 19 November 2026, 10:00 to 12:00',
    items: [
      {
        id: 'i1',
        position: 1,
        caseReference: 'ASB-2026-0040',
        reasonText: 'New referral: repeat victimisation',
        minutes: 20,
        status: 'DISCUSSED',
      },
      {
        id: 'i2',
        position: 2,
        caseReference: 'ASB-2026-0042',
        reasonText: 'Review due; two actions overdue',
        minutes: 15,
        status: 'CURRENT',
      },
      { id: 'i3', position: 3, caseReference: 'ASB-2026-0047', reasonText: 'Deferred from October', minutes: 15, status: 'PLANNED' },
    ],
    currentItemId: 'i2',
    chairView: true,
    chairUserIds: [CHAIR_TEAMS_ID],
    ...overrides,
  };
}

const reminder = (kind: ReminderKind, dueDate: string) =>
  buildReminderCard({
    kind,
    actionId: IDS.action,
    title: 'Visit the tenant',
    caseReference: 'ASB-2026-0042',
    dueDate,
    status: 'ACCEPTED',
    ownerLabel: 'Sam Patel (Fernbrook Homes)',
    today: '2026-11-20',
  });

/** Every card the app sends, in every shape, by name. */
export function everyCard(): [string, AdaptiveCard][] {
  const statuses = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'BLOCKED', 'CANCELLED'] as const;
  return [
    ...statuses.map((status): [string, AdaptiveCard] => [
      `action card, owner, ${status}`,
      buildActionCard(actionCardView(domainAction({ status }))),
    ]),
    ['action card, read-only', buildActionCard(actionCardView(domainAction({ status: 'ACCEPTED' }), COLLEAGUE))],
    [
      'action card, stale click notice, overdue, blocked with reason',
      buildActionCard(
        actionCardView(domainAction({ status: 'BLOCKED' }), OWNER, {
          overdue: true,
          notDoneReason: 'CIRCUMSTANCES_CHANGED',
          latestNote: 'Tenant moved out on 3 November.',
          madeAt: 'Fernbrook CMARAC, 19 November 2026',
          notice: { tone: 'warning', text: 'Someone else changed this action since you opened it. This is how it stands now.' },
        }),
      ),
    ],
    [
      'action card, owner unknown to Teams (no refresh)',
      buildActionCard(actionCardView(domainAction(), COLLEAGUE, { refreshUserIds: [], ownerOfficerName: null })),
    ],
    ['assign card, empty', buildAssignActionCard(assignView())],
    [
      'assign card, officers listed and errors shown',
      buildAssignActionCard(
        assignView({
          officers: [
            { id: IDS.owner, name: 'Sam Patel', jobTitle: 'Tenancy Sustainment Officer' },
            { id: IDS.colleague, name: 'Jo Reid' },
          ],
          values: { title: '', ownerAgencyId: IDS.housing, dueDate: '2026-11-01', priority: 'URGENT' },
          fieldErrors: [
            { field: 'title', message: 'Say what will be done.' },
            { field: 'dueDate', message: 'The due date cannot be in the past.' },
            { field: 'card', message: 'This case has been closed.' },
          ],
        }),
      ),
    ],
    [
      'refusal card',
      buildRefusalCard({
        attempted: 'Accept this action',
        reason: 'Only the officer who owns this action can do this.',
        about: 'Action for case ASB-2026-0042',
      }),
    ],
    [
      'error card with retry',
      buildErrorCard({
        title: 'That did not work',
        message: 'Try again in a moment.',
        reference: 'req-123',
        retry: { verb: 'action.refresh', title: 'Try again', data: { actionId: IDS.action, version: 3 } },
      }),
    ],
    ['agenda card, chair', buildAgendaCard(agendaView())],
    ['agenda card, read-only', buildAgendaCard(agendaView({ chairView: false }))],
    ['agenda card, empty and not started', buildAgendaCard(agendaView({ items: [], currentItemId: null, chairUserIds: [] }))],
    ['reminder, before due', reminder('BEFORE_DUE', '2026-11-23')],
    ['reminder, due today', reminder('DUE_TODAY', '2026-11-20')],
    ['reminder, overdue', reminder('OVERDUE', '2026-11-17')],
    ['reminder, escalation', reminder('ESCALATION', '2026-11-13')],
    ['reminder, chase', reminder('CHASE', '2026-11-25')],
    [
      'weekly digest',
      buildDigestCard({
        weekLabel: 'week 47, 2026',
        actions: [
          {
            actionId: IDS.action,
            title: 'Visit the tenant',
            caseReference: 'ASB-2026-0042',
            dueDate: '2026-11-17',
            status: 'ACCEPTED',
            overdue: true,
          },
          {
            actionId: IDS.agendaItem,
            title: 'Share the CCTV log',
            caseReference: 'ASB-2026-0047',
            dueDate: '2026-12-04',
            status: 'PROPOSED',
            overdue: false,
          },
        ],
      }),
    ],
    ['start referral, empty', buildStartReferralCard({ values: {}, fieldErrors: [] })],
    [
      'start referral, errors shown',
      buildStartReferralCard({
        values: { subjectType: 'LOCATION', address: 'Sampleton Recreation Ground' },
        fieldErrors: [{ field: 'concerns', message: 'Say briefly what is happening.' }],
      }),
    ],
    [
      'referral draft saved',
      buildDraftSavedCard({ subjectType: 'VICTIM', about: 'Mabel Exampleton', savedAt: '20 November 2026 at 12:00', link: null }),
    ],
    [
      'referral draft saved, with a Teams deep link to it',
      buildDraftSavedCard({
        subjectType: 'VICTIM',
        about: 'Mabel Exampleton',
        savedAt: '20 November 2026 at 12:00',
        link: referralLink(
          { teamsAppId: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f', publicBaseUrl: null },
          '5b0c9a4e-1f2d-4c3b-8a7e-6d5c4b3a2f10',
        ),
      }),
    ],
  ];
}
