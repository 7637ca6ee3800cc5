// The read side of actions: the chair's outstanding actions and an officer's own list (in the tab and
// in the bot's personal chat). Who sees an
// action: its case must pass need-to-know (visibleCaseWhere), and then a chair sees the actions of
// the panels they chair, everyone sees their agency's actions and those named to them. Each list
// read is audited, with the filters asked for and the actions shown.
import { daysBetween, londonDateOf, type CalendarDate } from '../domain/agenda/calendar-date';
import { isOverdue, OPEN_ACTION_STATUSES, UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../domain/actions/lifecycle';
import { compareActions, type ActionSort } from '../domain/actions/ordering';
import { mayUse, type Actor } from '../domain/access/policy';
import type { Prisma, RiskBand } from '../store/generated/client';
import { audit } from './audit';
import { visibleCaseWhere } from './case-access';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden } from './errors';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';
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

const LISTED_FIELDS = {
  id: true,
  title: true,
  status: true,
  priority: true,
  dueDate: true,
  version: true,
  case: { select: { id: true, reference: true, currentRiskBand: true } },
  meeting: { select: { panel: { select: { id: true, name: true } } } },
  ownerAgency: { select: { id: true, name: true } },
  ownerMember: { select: { id: true, displayName: true } },
} as const satisfies Prisma.ActionSelect;

type ActionRow = Prisma.ActionGetPayload<{ select: typeof LISTED_FIELDS }>;

function toListed(row: ActionRow, today: CalendarDate, delivery: OwnerDeliveryState | null): ListedAction {
  const dueDate = calendarDateOfColumn(row.dueDate);
  const overdue = isOverdue({ status: row.status, dueDate }, today);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    dueDate,
    overdue,
    daysOverdue: overdue ? daysBetween(dueDate, today) : 0,
    version: row.version,
    case: { id: row.case.id, reference: row.case.reference, riskBand: row.case.currentRiskBand },
    panel: row.meeting?.panel ?? null,
    ownerAgency: row.ownerAgency,
    ownerMember: row.ownerMember,
    delivery,
  };
}

function filterWhere(filters: ActionListFilters, today: CalendarDate): Prisma.ActionWhereInput[] {
  const where: Prisma.ActionWhereInput[] = [{ status: { in: [...(filters.statuses ?? UNFINISHED_ACTION_STATUSES)] } }];
  if (filters.panelId) where.push({ meeting: { panelId: filters.panelId } });
  if (filters.agencyId) where.push({ ownerAgencyId: filters.agencyId });
  if (filters.officerId) where.push({ ownerMemberId: filters.officerId });
  // Overdue as the lifecycle defines it: open and due before today (London).
  const dueBeforeToday = dateColumnOf(today);
  if (filters.overdue === true) where.push({ status: { in: [...OPEN_ACTION_STATUSES] }, dueDate: { lt: dueBeforeToday } });
  if (filters.overdue === false) where.push({ NOT: { status: { in: [...OPEN_ACTION_STATUSES] }, dueDate: { lt: dueBeforeToday } } });
  return where;
}

function choicesOf(rows: Array<Pick<ActionRow, 'meeting' | 'ownerAgency' | 'ownerMember'>>): ActionList['choices'] {
  const panels = new Map<string, Choice>();
  const agencies = new Map<string, Choice>();
  const officers = new Map<string, Choice>();
  for (const row of rows) {
    if (row.meeting) panels.set(row.meeting.panel.id, row.meeting.panel);
    agencies.set(row.ownerAgency.id, row.ownerAgency);
    if (row.ownerMember) officers.set(row.ownerMember.id, { id: row.ownerMember.id, name: row.ownerMember.displayName });
  }
  const sorted = (map: Map<string, Choice>) => [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { panels: sorted(panels), agencies: sorted(agencies), officers: sorted(officers) };
}

async function listWithin(
  tx: Tx,
  ctx: ServiceContext,
  scope: Prisma.ActionWhereInput,
  filters: ActionListFilters,
  view: string,
): Promise<ActionList> {
  const { actor } = ctx;
  const today = londonDateOf(ctx.now());
  const base: Prisma.ActionWhereInput = { partnershipId: actor.partnershipId, case: visibleCaseWhere(actor) };
  const [rows, choiceRows] = await Promise.all([
    tx.action.findMany({
      where: { ...base, AND: [scope, ...filterWhere(filters, today)] },
      select: LISTED_FIELDS,
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      take: LIST_LIMIT + 1,
    }),
    tx.action.findMany({
      where: { ...base, AND: [scope], status: { in: [...UNFINISHED_ACTION_STATUSES] } },
      select: { meeting: LISTED_FIELDS.meeting, ownerAgency: LISTED_FIELDS.ownerAgency, ownerMember: LISTED_FIELDS.ownerMember },
    }),
  ]);
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
    after: { view, filters: { ...filters }, actionIds: actions.map((action) => action.id) },
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
  return inTransaction(ctx, (tx) => listWithin(tx, ctx, outstandingScope(ctx.actor), filters, 'outstanding'));
}

/**
 * An officer's own list: actions named to them, and their agency's actions nobody is named on yet.
 * The tab (GET /api/actions/mine) and the bot's `my actions` and `overdue` commands both read this.
 */
export async function listMyActions(ctx: ServiceContext, filters: ActionListFilters): Promise<ActionList> {
  if (!mayUse(ctx.actor, 'action.work')) throw forbidden('see actions');
  const { actor } = ctx;
  const scope: Prisma.ActionWhereInput = {
    OR: [{ ownerMemberId: actor.memberId }, { ownerAgencyId: actor.agencyId, ownerMemberId: null }],
  };
  return inTransaction(ctx, (tx) => listWithin(tx, ctx, scope, filters, 'mine'));
}
