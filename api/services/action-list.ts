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
  type ActionListCursor,
  type ActionListReader,
  type ActionListRow,
  type ActionListScope,
} from './action-list-query';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden, validationFailed } from './errors';
import { ownerDeliveryStates, type OwnerDeliveryState } from './owner-delivery-state';

/** One page of a list; the answer's nextCursor asks for the next. */
export const ACTION_PAGE_SIZE = 50;

export interface ActionListFilters {
  panelId?: string | undefined;
  agencyId?: string | undefined;
  officerId?: string | undefined;
  statuses?: readonly ActionStatus[] | undefined;
  overdue?: boolean | undefined;
  sort?: ActionSort | undefined;
  /** The nextCursor of the previous page: the list goes on after it. */
  after?: string | undefined;
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
  /** One page, in the order asked for. */
  actions: ListedAction[];
  /** More actions match than this page holds. */
  truncated: boolean;
  /** Pass back as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Whether this member may chase actions (chairs). */
  mayChase: boolean;
}

/** What the filters can choose from among the actions this member may see, whatever the filters. */
export interface ActionListChoices {
  panels: Choice[];
  agencies: Choice[];
  officers: Choice[];
}

/** A cursor as it goes on the wire: `2026-01-31~<id>`, or `<rank>~2026-01-31~<id>` in risk order. */
const CURSOR = /^(?:([0-3])~)?(\d{4}-\d{2}-\d{2})~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function cursorOf(row: { riskRank: number; dueDate: CalendarDate; id: string }, sort: ActionSort): string {
  return sort === 'risk' ? `${row.riskRank}~${row.dueDate}~${row.id}` : `${row.dueDate}~${row.id}`;
}

/** A cursor this list gave out for the same order, or a clear refusal. */
function parseCursor(cursor: string, sort: ActionSort): ActionListCursor {
  const match = CURSOR.exec(cursor.toLowerCase());
  const valid = match !== null && (match[1] !== undefined) === (sort === 'risk') && isCalendarDate(match[2]!);
  if (!valid) {
    throw validationFailed([{ field: 'after', message: 'Give after as the nextCursor of the previous page, with the same sort.' }]);
  }
  return { riskRank: match[1] === undefined ? undefined : Number(match[1]), dueDate: match[2] as CalendarDate, id: match[3]! };
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
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

function choicesOf(rows: ActionListChoiceRow[]): ActionListChoices {
  const of = (kind: ActionListChoiceRow['kind']) =>
    rows
      .filter((row) => row.kind === kind)
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { panels: of('panel'), agencies: of('agency'), officers: of('officer') };
}

function readerOf(actor: Actor): ActionListReader {
  return {
    partnershipId: actor.partnershipId,
    memberId: actor.memberId,
    agencyId: actor.agencyId,
    readsCases: mayUse(actor, 'case.read'),
    sitsOnPanels: mayUse(actor, 'meeting.attend'),
    chairs: mayUse(actor, 'panel.chair'),
  };
}

async function listWithin(tx: Tx, ctx: ServiceContext, scope: ActionListScope, filters: ActionListFilters): Promise<ActionList> {
  const { actor } = ctx;
  const today = londonDateOf(ctx.now());
  const sort = filters.sort ?? 'due';
  const after = filters.after === undefined ? null : parseCursor(filters.after, sort);
  const sqlFilters = {
    ...filters,
    statuses: filters.statuses ?? UNFINISHED_ACTION_STATUSES,
    openStatuses: OPEN_ACTION_STATUSES,
    today,
  };
  const rows = await actionListPage(tx, readerOf(actor), scope, sqlFilters, sort, after, ACTION_PAGE_SIZE + 1);
  const listed = rows.slice(0, ACTION_PAGE_SIZE);
  // One query for the whole page, and only for those who chase owners: it says who blocked the app.
  const deliveries = mayUse(actor, 'action.oversee')
    ? await ownerDeliveryStates(
        tx,
        listed.map((row) => row.id),
      )
    : null;
  // The page comes in the database's order (ties on the due date by id); the domain's order puts
  // ties by title, within the page. The cursor is the database's: no action is skipped or repeated.
  const byOrder = compareActions(sort);
  const actions = listed
    .map((row) => toListed(row, today, deliveries?.get(row.id) ?? null))
    .sort((a, b) => byOrder({ ...a, riskBand: a.case.riskBand }, { ...b, riskBand: b.case.riskBand }));
  const more = rows.length > ACTION_PAGE_SIZE;
  await audit(tx, ctx, {
    event: 'action.list',
    entityType: 'Action',
    after: { view: scope, filters: { ...filters }, actionIds: actions.map((action) => action.id) },
  });
  return {
    today,
    actions,
    truncated: more,
    nextCursor: more ? cursorOf(listed[listed.length - 1]!, sort) : null,
    mayChase: mayUse(actor, 'action.oversee'),
  };
}

/**
 * What the outstanding list's filters can offer: the panels, agencies and officers of the unfinished
 * actions on it. Read on its own, once per visit to the list, not with every page of it.
 */
export async function listActionChoices(ctx: ServiceContext): Promise<ActionListChoices> {
  if (!mayUse(ctx.actor, 'action.work')) throw forbidden('see actions');
  return inTransaction(ctx, async (tx) => {
    const choices = choicesOf(await actionListChoices(tx, readerOf(ctx.actor), UNFINISHED_ACTION_STATUSES));
    await audit(tx, ctx, {
      event: 'action.choices',
      entityType: 'Action',
      after: { view: 'outstanding', panels: choices.panels.length, agencies: choices.agencies.length, officers: choices.officers.length },
    });
    return choices;
  });
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
