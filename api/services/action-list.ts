// The read side of actions: the chair's outstanding actions and an officer's own list (in the tab and
// in the bot's personal chat). Who sees an action: its case must pass need-to-know (visibleCaseWhere,
// applied inside the query: action-list-query.ts), and then a chair sees the actions of the panels
// they chair, everyone sees their agency's actions and those named to them. Each list read is
// audited, with the filters asked for and the actions shown.
import { daysBetween, londonDateOf, type CalendarDate } from '../domain/agenda/calendar-date';
import { isOverdue, OPEN_ACTION_STATUSES, UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../domain/actions/lifecycle';
import { compareActions, type ActionSort } from '../domain/actions/ordering';
import { mayUse, type Actor } from '../domain/access/policy';
import type { Prisma, RiskBand } from '../store/generated/client';
import { visibleCaseWhere } from './case-access';
import { audit } from './audit';
import {
  actionListChoices,
  actionListPage,
  type ActionListChoiceRow,
  type ActionListReader,
  type ActionListRow,
  type ActionListScope,
} from './action-list-query';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden } from './errors';
import { ownerDeliveryStates, type OwnerDeliveryState } from './owner-delivery-state';

/** Enough for any one partnership's open actions; the answer says when there were more. */
const LIST_LIMIT = 500;

export interface ActionListFilters {
  panelId?: string | undefined;
  agencyId?: string | undefined;
  officerId?: string | undefined;
  statuses?: readonly ActionStatus[] | undefined;
  overdue?: boolean | undefined;
  sort?: ActionSort | undefined;
}

export interface ListedAction {
  id: string;
  title: string;
  status: ActionStatus;
  priority: string;
  dueDate: CalendarDate;
  overdue: boolean;
  daysOverdue: number;
  version: number;
  case: { id: string; reference: string; riskBand: RiskBand | null };
  panel: { id: string; name: string } | null;
  ownerAgency: { id: string; name: string };
  ownerMember: { id: string; displayName: string } | null;
  /** Whether the card and reminders reach the owner in Teams; shown to chairs only, null for others. */
  delivery: OwnerDeliveryState | null;
  /** When a chair last chased the owner. */
  lastChasedAt: Date | null;
}

interface Choice {
  id: string;
  name: string;
}

export interface ActionList {
  today: CalendarDate;
  actions: ListedAction[];
  /** More actions matched than the list holds: narrow the filters. */
  truncated: boolean;
  /** What the filters can choose from among the actions this member may see. */
  choices: { panels: Choice[]; agencies: Choice[]; officers: Choice[] };
  /** Whether this member may chase actions (chairs). */
  mayChase: boolean;
}

function toListed(row: ActionListRow, today: CalendarDate, delivery: OwnerDeliveryState | null): ListedAction {
  const overdue = isOverdue({ status: row.status, dueDate: row.dueDate }, today);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    dueDate: row.dueDate,
    overdue,
    daysOverdue: overdue ? daysBetween(row.dueDate, today) : 0,
    version: row.version,
    case: { id: row.caseId, reference: row.caseReference, riskBand: row.caseRiskBand },
    panel: row.panelId === null ? null : { id: row.panelId, name: row.panelName! },
    ownerAgency: { id: row.agencyId, name: row.agencyName },
    ownerMember: row.memberId === null ? null : { id: row.memberId, displayName: row.memberName! },
    delivery,
    lastChasedAt: row.lastChasedAt,
  };
}

function choicesOf(rows: ActionListChoiceRow[]): ActionList['choices'] {
  const of = (kind: ActionListChoiceRow['kind']) =>
    rows
      .filter((row) => row.kind === kind)
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { panels: of('panel'), agencies: of('agency'), officers: of('officer') };
}

async function listWithin(tx: Tx, ctx: ServiceContext, scope: ActionListScope, filters: ActionListFilters): Promise<ActionList> {
  const { actor } = ctx;
  const today = londonDateOf(ctx.now());
  const reader: ActionListReader = {
    partnershipId: actor.partnershipId,
    memberId: actor.memberId,
    agencyId: actor.agencyId,
    readsCases: mayUse(actor, 'case.read'),
    sitsOnPanels: mayUse(actor, 'meeting.attend'),
    chairs: mayUse(actor, 'panel.chair'),
  };
  const sqlFilters = {
    ...filters,
    statuses: filters.statuses ?? UNFINISHED_ACTION_STATUSES,
    openStatuses: OPEN_ACTION_STATUSES,
    today,
  };
  // One after the other: a transaction is one connection, so running them together gains nothing.
  const rows = await actionListPage(tx, reader, scope, sqlFilters, LIST_LIMIT + 1);
  const choiceRows = await actionListChoices(tx, reader, scope, UNFINISHED_ACTION_STATUSES);
  const byOrder = compareActions(filters.sort ?? 'due');
  const listed = rows.slice(0, LIST_LIMIT);
  // One query for the whole page, and only for those who chase owners: it says who blocked the app.
  const deliveries = mayUse(actor, 'action.oversee')
    ? await ownerDeliveryStates(
        tx,
        listed.map((row) => row.id),
      )
    : null;
  const actions = listed
    .map((row) => toListed(row, today, deliveries?.get(row.id) ?? null))
    .sort((a, b) => byOrder({ ...a, riskBand: a.case.riskBand }, { ...b, riskBand: b.case.riskBand }));
  await audit(tx, ctx, {
    event: 'action.list',
    entityType: 'Action',
    after: { view: scope, filters: { ...filters }, actionIds: actions.map((action) => action.id) },
  });
  return { today, actions, truncated: rows.length > LIST_LIMIT, choices: choicesOf(choiceRows), mayChase: mayUse(actor, 'action.oversee') };
}

/** Whose actions are on a member's outstanding list: their panels' (for a chair), their agency's and their own. */
function outstandingScope(actor: Actor): Prisma.ActionWhereInput {
  const mine: Prisma.ActionWhereInput[] = [{ ownerAgencyId: actor.agencyId }, { ownerMemberId: actor.memberId }];
  if (mayUse(actor, 'panel.chair')) mine.push({ meeting: { panel: { chairs: { some: { memberId: actor.memberId } } } } });
  return { OR: mine };
}

/** The unfiltered outstanding list as a condition, for counts that link to it (e.g. an officer's actions). */
export function outstandingActionsWhere(actor: Actor): Prisma.ActionWhereInput {
  return {
    partnershipId: actor.partnershipId,
    case: visibleCaseWhere(actor),
    status: { in: [...UNFINISHED_ACTION_STATUSES] },
    AND: [outstandingScope(actor)],
  };
}

/** Outstanding actions: a chair's panels' actions plus, for everyone, their agency's and their own. */
export async function listOutstandingActions(ctx: ServiceContext, filters: ActionListFilters): Promise<ActionList> {
  if (!mayUse(ctx.actor, 'action.work')) throw forbidden('see actions');
  return inTransaction(ctx, (tx) => listWithin(tx, ctx, 'outstanding', filters));
}

/**
 * An officer's own list: actions named to them, and their agency's actions nobody is named on yet.
 * The tab (GET /api/actions/mine) and the bot's `my actions` and `overdue` commands both read this.
 */
export async function listMyActions(ctx: ServiceContext, filters: ActionListFilters): Promise<ActionList> {
  if (!mayUse(ctx.actor, 'action.work')) throw forbidden('see actions');
  return inTransaction(ctx, (tx) => listWithin(tx, ctx, 'mine', filters));
}
