// Panel actions in every status, each with the history that got it there, and the review of each
// action at the panel's next meeting ("done", "in progress", or not done and why).
import { ACTION_STATUSES, UNFINISHED_ACTION_STATUSES } from '../../domain/actions/lifecycle';
import { addDays, londonDateOf, type CalendarDate } from '../../domain/agenda/calendar-date';
import type {
  ActionEventKind,
  ActionNotDoneReason,
  ActionPriority,
  ActionStatus,
  AgencyType,
  RiskBand,
  SubjectType,
} from '../generated/client';
import { involve, type DemoCase } from './cases';
import { agencyByKey, DEMO_PARTNERSHIP_ID, memberByName, membersOf, type AgencyKey, type DemoMember } from './partnership';
import type { IdMaker, Random } from './random';
import { toJson, type DemoRows } from './rows';
import type { ScheduledMeeting } from './schedule';
import { addMinutes, type DemoClock } from './time';
import { dateColumnOf } from '../calendar-dates';

export interface DemoAction {
  id: string;
  c: DemoCase;
  meeting: ScheduledMeeting;
  agendaItemId: string;
  title: string;
  owner: AgencyKey;
  ownerMember: DemoMember | null;
  createdBy: DemoMember;
  dueDate: CalendarDate;
  priority: ActionPriority;
  status: ActionStatus;
  completedAt: Date | null;
  /** When it stopped being open (completed, blocked or cancelled), for the next meeting's review. */
  settledAt: Date | null;
  notDoneReason: ActionNotDoneReason | null;
}

const TITLES: Partial<Record<AgencyType, Record<SubjectType, readonly string[]>>> = {
  POLICE: {
    VICTIM: [
      'Carry out a home visit and give crime prevention advice',
      'Flag the address for a priority response to 999 calls',
      "Increase evening patrols near the victim's home",
    ],
    PERPETRATOR: [
      'Serve a Community Protection Warning',
      'Check compliance with bail conditions and update the panel',
      'Deliver a joint warning visit with the landlord',
    ],
    LOCATION: [
      'Target patrols on Friday and Saturday evenings',
      'Consider a dispersal authorisation for the bank holiday weekend',
      'Review CCTV coverage with the council',
    ],
  },
  COUNCIL_ASB: {
    VICTIM: [
      'Install noise monitoring equipment for two weeks',
      'Arrange mediation between the households',
      'Keep the victim updated every 10 working days',
    ],
    PERPETRATOR: ['Send a first warning letter', 'Prepare the evidence file for a civil injunction', 'Draft a Community Protection Notice'],
    LOCATION: [
      'Cut back vegetation and improve lighting on the path',
      'Consult on a Public Spaces Protection Order',
      'Remove graffiti within 48 hours of each report',
    ],
  },
  HOUSING_PROVIDER: {
    VICTIM: [
      'Consider a management move for the victim',
      'Repair the communal door entry system',
      'Fit additional locks and a door viewer',
    ],
    PERPETRATOR: [
      'Visit the tenant to discuss breaches of the tenancy',
      'Serve a notice of seeking possession',
      'Offer tenancy sustainment support',
    ],
    LOCATION: [
      'Secure the empty garage block',
      'Clear the fly-tipped waste and recharge the tenant responsible',
      'Install a gate on the rear alleyway',
    ],
  },
  ADULT_SOCIAL_CARE: {
    VICTIM: ['Complete a Care Act needs assessment', 'Hold a safeguarding strategy discussion'],
    PERPETRATOR: ['Check whether the person has care and support needs'],
    LOCATION: ['Visit the tenant at the address to check on their welfare'],
  },
  CHILDRENS_SOCIAL_CARE: {
    VICTIM: ['Check whether the children are known and share any concerns'],
    PERPETRATOR: ['Complete a child and family assessment'],
    LOCATION: ['Share any exploitation concerns with the MASH'],
  },
  MENTAL_HEALTH: {
    VICTIM: ['Offer an appointment with the community mental health team'],
    PERPETRATOR: ['Arrange a review with the care coordinator'],
    LOCATION: ['Outreach visit to people sleeping at the location'],
  },
  FIRE: {
    VICTIM: ['Carry out a Safe and Well visit and fit a letterbox guard'],
    PERPETRATOR: ['Assess the fire risk at the property'],
    LOCATION: ['Remove combustible waste to cut the arson risk'],
  },
  VICTIM_SUPPORT: {
    VICTIM: ['Make weekly support calls to the victim', 'Help the victim write an impact statement'],
    PERPETRATOR: ['Contact the complainants and offer support'],
    LOCATION: ['Offer support to residents who reported'],
  },
  PROBATION: {
    VICTIM: ["Share licence conditions relevant to the victim's safety"],
    PERPETRATOR: ['Review licence conditions and report on compliance', 'Discuss the behaviour at the next supervision appointment'],
    LOCATION: ['Check whether anyone on licence is linked to the location'],
  },
};

const PRIORITY_BY_BAND: Record<RiskBand, readonly (readonly [ActionPriority, number])[]> = {
  HIGH: [
    ['URGENT', 2],
    ['HIGH', 5],
    ['NORMAL', 3],
  ],
  MEDIUM: [
    ['HIGH', 2],
    ['NORMAL', 6],
    ['LOW', 1],
  ],
  LOW: [
    ['NORMAL', 5],
    ['LOW', 4],
  ],
};

/** Agreed at a held meeting; the status and history are decided later, once every action exists. */
export function proposeActions(
  random: Random,
  id: IdMaker,
  c: DemoCase,
  meeting: ScheduledMeeting,
  agendaItemId: string,
  corePanelAgencies: AgencyKey[],
): DemoAction[] {
  const count = random.weighted([
    [1, 3],
    [2, 4],
    [3, 2],
  ] as const);
  const candidates = [...new Set<AgencyKey>([c.lead, c.lead, ...c.agencies.keys(), ...corePanelAgencies])];
  const chosen = new Set<AgencyKey>([c.lead]);
  while (chosen.size < count) chosen.add(random.pick(candidates));
  return [...chosen].map((owner, n) => {
    const titles = TITLES[agencyByKey(owner).type]?.[c.kind] ?? ['Share relevant information with the lead agency'];
    // Officers who work cases; the auditor and the panel coordinator (minute-taker) record, not own.
    const staff = membersOf(owner).filter((m) =>
      m.roles.some((role) => role === 'REFERRER' || role === 'PANEL_MEMBER' || role === 'PANEL_CHAIR'),
    );
    return {
      id: id('action', meeting.id, c.id, n),
      c,
      meeting,
      agendaItemId,
      title: random.pick(titles),
      owner,
      ownerMember: staff.length > 0 && random.chance(0.9) ? random.pick(staff) : null,
      createdBy: memberByName(meeting.panel.chairs[n % meeting.panel.chairs.length] ?? 'Helen Placeholder'),
      dueDate: addDays(meeting.date, random.pick([14, 21, 28, 28, 35, 42])),
      priority: random.weighted(PRIORITY_BY_BAND[c.currentRiskBand ?? 'MEDIUM']),
      status: 'PROPOSED',
      completedAt: null,
      settledAt: null,
      notDoneReason: null,
    };
  });
}

export function isOverdue(a: DemoAction, today: CalendarDate): boolean {
  return UNFINISHED_ACTION_STATUSES.includes(a.status) && a.dueDate < today;
}

/** Decides each action's status (every status occurs), writes it with its history, and returns it. */
export function settleActions(rows: DemoRows, random: Random, id: IdMaker, clock: DemoClock, actions: DemoAction[]): void {
  for (const a of actions) {
    a.status =
      a.dueDate < clock.today
        ? random.weighted<ActionStatus>([
            ['COMPLETED', 55],
            ['IN_PROGRESS', 14],
            ['ACCEPTED', 8],
            ['PROPOSED', 4],
            ['BLOCKED', 11],
            ['CANCELLED', 8],
          ])
        : random.weighted<ActionStatus>([
            ['COMPLETED', 20],
            ['IN_PROGRESS', 30],
            ['ACCEPTED', 28],
            ['PROPOSED', 14],
            ['BLOCKED', 4],
            ['CANCELLED', 4],
          ]);
  }
  for (const status of ACTION_STATUSES) {
    if (actions.some((a) => a.status === status)) continue;
    const spare = actions.find((a) => actions.filter((b) => b.status === a.status).length > 1);
    if (spare) spare.status = status;
  }
  const endOfHistory = clock.at(clock.today, 0).getTime() - 30 * 60_000;
  for (const a of actions) writeAction(rows, random, id, a, endOfHistory);
}

function writeAction(rows: DemoRows, random: Random, id: IdMaker, a: DemoAction, endOfHistory: number): void {
  const owner = a.ownerMember ?? membersOf(a.owner)[0] ?? a.createdBy;
  const events: DemoRows['actionEvents'] = [];
  let at = a.meeting.endsAt.getTime();
  let current: ActionStatus = 'PROPOSED';
  let dueDate = a.dueDate;
  let progressNote: string | null = null;
  // Each step happens some days after the last, but never after the day before `today`.
  const later = (minDays: number, maxDays: number): Date => {
    const planned = at + random.int(minDays * 24 * 60, maxDays * 24 * 60) * 60_000;
    at = Math.max(at + 60_000, Math.min(planned, endOfHistory - (6 - events.length) * 60_000));
    return new Date(at);
  };
  const record = (kind: ActionEventKind, to: ActionStatus, actor: DemoMember, when: Date, note: string | null, changes?: unknown): void => {
    events.push({
      id: id('action-event', a.id, events.length),
      actionId: a.id,
      kind,
      fromStatus: kind === 'CREATED' ? null : current,
      toStatus: to,
      actorId: actor.id,
      note,
      changes: changes === undefined ? undefined : toJson(changes),
      at: when,
    });
    current = to;
  };
  record('CREATED', 'PROPOSED', a.createdBy, new Date(at), `Agreed at the ${a.meeting.panel.name}.`);
  if (a.status === 'CANCELLED') {
    if (random.chance(0.5)) record('ACCEPTED', 'ACCEPTED', owner, later(1, 3), null);
    record(
      'CANCELLED',
      'CANCELLED',
      a.createdBy,
      later(5, 20),
      random.pick([
        'No longer needed: the victim has moved to another area.',
        'Superseded by the civil injunction application.',
        'Duplicate of an action already held by the lead agency.',
      ]),
    );
    a.settledAt = new Date(at);
  } else if (a.status !== 'PROPOSED') {
    record('ACCEPTED', 'ACCEPTED', owner, later(1, 3), null);
    if (a.status !== 'ACCEPTED') {
      progressNote = random.pick([
        'First visit made; follow-up booked.',
        'Referral sent; waiting for an appointment.',
        'Contacted the household; agreed a plan with them.',
      ]);
      record('PROGRESS_UPDATED', 'IN_PROGRESS', owner, later(2, 10), progressNote);
      if (a.status === 'IN_PROGRESS' && random.chance(0.3)) {
        const to = addDays(dueDate, 14);
        record('DUE_DATE_CHANGED', 'IN_PROGRESS', a.createdBy, later(1, 5), 'Extended: waiting for a court date.', {
          dueDate: { from: dueDate, to },
        });
        dueDate = to;
      }
      if (a.status === 'COMPLETED') {
        const dueMs = new Date(`${dueDate}T12:00:00Z`).getTime();
        progressNote = random.pick([
          'Done; the household reports things are calmer.',
          'Completed and evidence shared with the lead agency.',
          'Done; no further concerns found.',
        ]);
        record(
          'COMPLETED',
          'COMPLETED',
          owner,
          later(1, Math.max(2, Math.round((dueMs - at) / 86_400_000) + random.int(-4, 4))),
          progressNote,
        );
        a.completedAt = new Date(at);
        a.settledAt = a.completedAt;
      } else if (a.status === 'BLOCKED') {
        a.notDoneReason = random.chance(0.6) ? 'CIRCUMSTANCES_CHANGED' : 'AGENCY_DID_NOT_DO_IT';
        progressNote =
          a.notDoneReason === 'CIRCUMSTANCES_CHANGED'
            ? 'Cannot complete: the resident has declined any further contact.'
            : 'Not done: no officer available this month; escalated to the team manager.';
        record('BLOCKED', 'BLOCKED', owner, later(3, 12), progressNote);
        a.settledAt = new Date(at);
      }
    }
  }
  a.dueDate = dueDate;
  rows.actions.push({
    id: a.id,
    partnershipId: DEMO_PARTNERSHIP_ID,
    caseId: a.c.id,
    meetingId: a.meeting.id,
    agendaItemId: a.agendaItemId,
    title: a.title,
    ownerAgencyId: agencyByKey(a.owner).id,
    ownerMemberId: a.ownerMember?.id ?? null,
    createdById: a.createdBy.id,
    dueDate: dateColumnOf(dueDate),
    priority: a.priority,
    status: a.status,
    progressNote,
    notDoneReason: a.notDoneReason,
    completedAt: a.completedAt,
    version: events.length - 1,
    createdAt: a.meeting.endsAt,
    updatedAt: new Date(at),
  });
  rows.actionEvents.push(...events);
  involve(a.c, a.owner, a.meeting.endsAt);
}

/** At each held meeting the chair reviews the actions agreed at the one before. */
export function reviewActions(rows: DemoRows, id: IdMaker, actions: DemoAction[], meeting: ScheduledMeeting): void {
  for (const a of actions) {
    const settled = a.settledAt !== null && a.settledAt < meeting.startsAt;
    const outcome =
      settled && a.status === 'COMPLETED' ? 'DONE' : settled || a.dueDate < londonDateOf(meeting.startsAt) ? 'NOT_DONE' : 'IN_PROGRESS';
    const notDoneReason: ActionNotDoneReason | null =
      outcome !== 'NOT_DONE'
        ? null
        : settled && a.status !== 'COMPLETED'
          ? (a.notDoneReason ?? 'CIRCUMSTANCES_CHANGED')
          : 'AGENCY_DID_NOT_DO_IT';
    rows.actionReviews.push({
      id: id('action-review', meeting.id, a.id),
      meetingId: meeting.id,
      actionId: a.id,
      outcome,
      notDoneReason,
      note:
        outcome === 'DONE'
          ? 'Confirmed done.'
          : outcome === 'IN_PROGRESS'
            ? 'Under way; not yet due.'
            : notDoneReason === 'AGENCY_DID_NOT_DO_IT'
              ? 'Past due and not done; the agency was asked to escalate.'
              : 'Not done because circumstances changed.',
      reviewedAt: addMinutes(meeting.startsAt, 10),
    });
  }
}
