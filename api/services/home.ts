// What needs the signed-in member now, for the tab's home page: a chair's referrals waiting for a
// decision, the next meeting of each panel they chair and how ready its agenda is, overdue and blocked
// actions by agency; for a referrer, what happened to their referrals. Each part is there only for a
// member whose roles use it; cases one step short of a threshold for their chair and lead agency.
// Counts and references only: names stay on the pages behind them.
import { mayUse } from '../domain/access/policy';
import { OPEN_ACTION_STATUSES } from '../domain/actions/lifecycle';
import { referralCutOff } from '../domain/agenda/cadence';
import { londonDateOf } from '../domain/agenda/calendar-date';
import { dateColumnOf } from '../store/calendar-dates';
import { outstandingActionsWhere } from './action-list';
import { audit } from './audit';
import { casesNearThreshold } from './early-warning';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { readAgendaView } from './meeting-views';

/** How many of a referrer's latest referrals the home lists. */
const RECENT_REFERRALS = 5;

type ChairedPanel = { id: string; name: string; referralCutoffDays: number };

export async function readHome(ctx: ServiceContext) {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    const chairedPanels: ChairedPanel[] = mayUse(actor, 'panel.chair')
      ? await tx.panel.findMany({
          where: { partnershipId: actor.partnershipId, isActive: true, chairs: { some: { memberId: actor.memberId } } },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, referralCutoffDays: true },
        })
      : [];
    const home = {
      triage: chairedPanels.length > 0 ? await awaitingDecision(tx, chairedPanels) : null,
      nextMeetings: chairedPanels.length > 0 ? await nextMeetings(tx, chairedPanels, ctx.now()) : null,
      actionsByAgency: mayUse(actor, 'action.oversee') ? await overdueAndBlockedByAgency(tx, ctx) : null,
      earlyWarnings: mayUse(actor, 'case.read') ? await casesNearThreshold(tx, ctx) : null,
      referrals: mayUse(actor, 'referral.create') ? await referralsOf(tx, ctx) : null,
    };
    await audit(tx, ctx, { event: 'home.read', entityType: 'Member', entityId: actor.memberId });
    return home;
  });
}

async function awaitingDecision(tx: Tx, panels: ChairedPanel[]) {
  const waiting = { panelId: { in: panels.map((panel) => panel.id) }, status: 'SUBMITTED' as const };
  const [count, oldest] = await Promise.all([
    tx.referral.count({ where: waiting }),
    tx.referral.findFirst({ where: waiting, orderBy: { submittedAt: 'asc' }, select: { submittedAt: true } }),
  ]);
  return { awaitingDecision: count, oldestSubmittedAt: oldest?.submittedAt ?? null };
}

/** The next meeting of each panel, with what its agenda holds against the time the meeting has. */
async function nextMeetings(tx: Tx, panels: ChairedPanel[], now: Date) {
  const meetings = [];
  for (const panel of panels) {
    const next = await tx.meeting.findFirst({
      where: { panelId: panel.id, status: { in: ['SCHEDULED', 'IN_PROGRESS'] }, endsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
      select: { id: true },
    });
    if (!next) {
      meetings.push({ panel: { id: panel.id, name: panel.name }, meeting: null });
      continue;
    }
    const view = await readAgendaView(tx, next.id, 0);
    const heard = view.items.filter((item) => item.expectedAt !== null);
    const cutOff = referralCutOff(londonDateOf(view.meeting.startsAt), panel.referralCutoffDays);
    const lateReferrals = await tx.referral.count({
      where: {
        panelId: panel.id,
        status: 'ACCEPTED',
        submittedAt: { gte: cutOff.closesAt, lt: view.meeting.startsAt },
        agendaItems: { none: {} },
      },
    });
    meetings.push({
      panel: { id: panel.id, name: panel.name },
      meeting: {
        id: view.meeting.id,
        startsAt: view.meeting.startsAt,
        referralCutoff: view.meeting.referralCutoff,
        items: heard.length,
        plannedMinutes: heard.reduce((sum, item) => sum + item.minutes, view.actionsReviewMinutes),
        lengthMinutes: Math.round((view.meeting.endsAt.getTime() - view.meeting.startsAt.getTime()) / 60_000),
        lateReferrals,
        teamsStatus: view.meeting.teams.status,
      },
    });
  }
  return meetings;
}

/** Overdue and blocked actions on the chair's outstanding list, per owning agency, most first. */
async function overdueAndBlockedByAgency(tx: Tx, ctx: ServiceContext) {
  const outstanding = outstandingActionsWhere(ctx.actor);
  const today = dateColumnOf(londonDateOf(ctx.now()));
  const [overdue, blocked] = await Promise.all([
    tx.action.groupBy({
      by: ['ownerAgencyId'],
      where: { AND: [outstanding, { status: { in: [...OPEN_ACTION_STATUSES] }, dueDate: { lt: today } }] },
      _count: { _all: true },
    }),
    tx.action.groupBy({ by: ['ownerAgencyId'], where: { AND: [outstanding, { status: 'BLOCKED' }] }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, { overdue: number; blocked: number }>();
  for (const row of overdue) counts.set(row.ownerAgencyId, { overdue: row._count._all, blocked: 0 });
  for (const row of blocked)
    counts.set(row.ownerAgencyId, { overdue: counts.get(row.ownerAgencyId)?.overdue ?? 0, blocked: row._count._all });
  const agencies = await tx.agency.findMany({ where: { id: { in: [...counts.keys()] } }, select: { id: true, name: true } });
  return agencies
    .map((agency) => ({ agency, ...counts.get(agency.id)! }))
    .sort((a, b) => b.overdue + b.blocked - (a.overdue + a.blocked) || a.agency.name.localeCompare(b.agency.name));
}

/** The referrer's unfinished drafts, counted, and their latest sent referrals with what became of them. */
async function referralsOf(tx: Tx, ctx: ServiceContext) {
  const own = { partnershipId: ctx.actor.partnershipId, referrerId: ctx.actor.memberId };
  const [drafts, recent] = await Promise.all([
    tx.referral.count({ where: { ...own, status: 'DRAFT' } }),
    tx.referral.findMany({
      where: { ...own, status: { not: 'DRAFT' } },
      orderBy: { submittedAt: 'desc' },
      take: RECENT_REFERRALS,
      select: {
        id: true,
        status: true,
        submittedAt: true,
        decidedAt: true,
        withdrawnAt: true,
        declineReason: true,
        panel: { select: { name: true } },
        case: { select: { id: true, reference: true } },
      },
    }),
  ]);
  return {
    drafts,
    recent: recent.map((referral) => ({
      id: referral.id,
      status: referral.status,
      submittedAt: referral.submittedAt,
      decidedAt: referral.decidedAt ?? referral.withdrawnAt,
      declineReason: referral.declineReason,
      panelName: referral.panel?.name ?? null,
      case: referral.case,
    })),
  };
}
