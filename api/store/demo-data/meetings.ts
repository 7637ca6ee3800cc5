// Each panel's meetings of the last three months (held, with agenda, attendance, minutes and
// actions) and its next meeting (scheduled, with the agenda built so far).
import { draftMinutes, type MeetingRecord } from '../../domain/minutes/draft';
import type { AgendaItemReason, AttendanceStatus, CaseDecision } from '../generated/client';
import { isOverdue, proposeActions, type DemoAction } from './actions';
import type { DemoCase } from './cases';
import { agencyByKey, DEMO_MEMBERS, memberByName, type AgencyKey } from './partnership';
import type { IdMaker, Random } from './random';
import { toJson, type DemoRows } from './rows';
import type { ScheduledMeeting } from './schedule';
import { addMinutes, addWorkingDays, earlierOf, type DemoClock } from './time';
import { dateColumnOf } from '../calendar-dates';

const DECISIONS = [
  'Partners shared updates; risk remains and the plan continues.',
  'Incidents have reduced since the last meeting; keep on for one more cycle to check it holds.',
  'New incidents reported; actions added to increase support and enforcement.',
  'Victim reports feeling safer; partners to keep contact going.',
];

export const CONFIDENTIALITY_STATEMENT =
  'Information shared at this meeting is confidential to the agencies present and is shared under s115 of the Crime and Disorder Act 1998 ' +
  'and the partnership information sharing agreement. It must not be shared outside the meeting or used for any other purpose without ' +
  'the agreement of the agency that provided it.';

/** Works out who is heard when, closes or hands back a few cases, and writes the held meetings. */
export function holdMeetings(
  rows: DemoRows,
  random: Random,
  id: IdMaker,
  cases: DemoCase[],
  schedules: Map<string, ScheduledMeeting[]>,
): { actions: DemoAction[]; deferred: Map<string, DemoCase> } {
  for (const meetings of schedules.values()) {
    for (const m of meetings) {
      rows.meetings.push({
        id: m.id,
        panelId: m.panel.id,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        referralCutoff: m.cutoff,
        status: m.held ? 'ENDED' : 'SCHEDULED',
        graphTransactionId: id('graph-transaction', m.id),
        version: m.held ? 3 : 0,
        createdAt: addMinutes(m.startsAt, -40 * 24 * 60),
        updatedAt: m.held ? m.endsAt : addMinutes(m.startsAt, -40 * 24 * 60),
      });
    }
  }
  for (const c of cases) {
    if (c.route === 'PANEL') c.hearings = (schedules.get(c.panel.key) ?? []).filter((m) => m.cutoff > c.submittedAt);
  }
  const outcomes = decideOutcomes(cases);
  const deferred = new Map<string, DemoCase>();
  const actions: DemoAction[] = [];
  for (const meetings of schedules.values()) {
    const next = meetings.find((m) => !m.held);
    const held = meetings.filter((m) => m.held);
    held.forEach((m, index) => {
      const heard = cases.filter((c) => c.hearings.includes(m));
      const lastHeld = index === held.length - 1;
      // The referrer could not come, and a case is not heard without its referrer.
      const deferredCase =
        lastHeld && next && heard.length > 3 ? heard.find((c) => !outcomes.has(c) && c.hearings.includes(next)) : undefined;
      if (deferredCase && next) deferred.set(next.id, deferredCase);
      actions.push(...holdMeeting(rows, random, id, m, heard, outcomes, deferredCase, next));
    });
  }
  return { actions, deferred };
}

/** A few low-risk cases close and a few medium ones go back to their lead agency at their latest hearing. */
function decideOutcomes(cases: DemoCase[]): Map<DemoCase, { at: ScheduledMeeting; decision: CaseDecision }> {
  const outcomes = new Map<DemoCase, { at: ScheduledMeeting; decision: CaseDecision }>();
  const heardTwice = cases.filter((c) => c.hearings.filter((m) => m.held).length >= 2);
  for (const [band, decision, limit] of [
    ['LOW', 'CLOSE', 3],
    ['MEDIUM', 'LEAD_AGENCY_CASEWORK', 2],
  ] as const) {
    for (const c of heardTwice.filter((x) => x.currentRiskBand === band && !outcomes.has(x)).slice(0, limit)) {
      const at = c.hearings.filter((m) => m.held).at(-1);
      if (!at) continue;
      outcomes.set(c, { at, decision });
      c.hearings = c.hearings.filter((m) => m.startsAt <= at.startsAt);
    }
  }
  return outcomes;
}

function holdMeeting(
  rows: DemoRows,
  random: Random,
  id: IdMaker,
  m: ScheduledMeeting,
  heard: DemoCase[],
  outcomes: Map<DemoCase, { at: ScheduledMeeting; decision: CaseDecision }>,
  deferredCase: DemoCase | undefined,
  next: ScheduledMeeting | undefined,
): DemoAction[] {
  const core = m.panel.agencies.filter(([, membership]) => membership === 'CORE').map(([key]) => key);
  const ordered = orderAgenda(heard, m);
  let clock = addMinutes(m.startsAt, 15);
  const actions: DemoAction[] = [];
  const minutesItems: MeetingRecord['items'] = [];
  ordered.forEach((c, index) => {
    const itemId = id('agenda-item', m.id, c.id);
    const reasons = reasonsAt(c, m);
    const outcome = outcomes.get(c);
    const isDeferred = c === deferredCase;
    const length = isDeferred ? 2 : m.panel.defaultItemMinutes + random.int(-4, 6);
    const decision: CaseDecision | null = isDeferred ? null : outcome?.at === m ? outcome.decision : 'KEEP_ON';
    const decisions = isDeferred
      ? null
      : decision === 'CLOSE'
        ? 'Partners agree the risk is resolved: no incidents since the last meeting and the victim feels safe. Case closed.'
        : decision === 'LEAD_AGENCY_CASEWORK'
          ? `Risk reduced to medium; ${agencyByKey(c.lead).name} to continue as lead agency without the panel.`
          : random.pick(DECISIONS);
    rows.agendaItems.push({
      id: itemId,
      meetingId: m.id,
      caseId: c.id,
      referralId: referralFor(c, m),
      position: index + 1,
      reasons,
      reasonText: reasonText(reasons, c),
      minutes: m.panel.defaultItemMinutes,
      requiredAgencyIds: [...c.agencies.keys()].map((k) => agencyByKey(k).id),
      status: isDeferred ? 'DEFERRED' : 'DISCUSSED',
      deferredToMeetingId: isDeferred ? (next?.id ?? null) : null,
      deferralReason: isDeferred ? 'The referrer could not attend; the case is not heard without them.' : null,
      decisions,
      riskBandAfter: isDeferred ? null : c.currentRiskBand,
      caseDecision: decision,
      closureReason: decision === 'CLOSE' ? 'Risk resolved' : null,
      startedAt: clock,
      endedAt: addMinutes(clock, length),
      createdAt: addMinutes(m.cutoff, 60),
      updatedAt: addMinutes(clock, length),
    });
    clock = addMinutes(clock, length);
    c.lastHeardAt = isDeferred ? c.lastHeardAt : clock;
    if (decision === 'CLOSE') {
      c.status = 'CLOSED';
      c.closedAt = clock;
      c.closureReason = 'Partners agreed the risk is resolved.';
    } else if (decision === 'LEAD_AGENCY_CASEWORK') {
      c.status = 'LEAD_AGENCY_CASEWORK';
    }
    const agreed = isDeferred || decision === 'CLOSE' ? [] : proposeActions(random, id, c, m, itemId, core);
    actions.push(...agreed);
    minutesItems.push({
      position: index + 1,
      caseReference: c.reference,
      why: reasonText(reasons, c),
      status: isDeferred ? 'DEFERRED' : 'DISCUSSED',
      decisions,
      riskBandAfter: isDeferred ? null : c.currentRiskBand,
      caseDecision: decision,
      closureReason: decision === 'CLOSE' ? 'Risk resolved' : null,
      deferralReason: isDeferred ? 'The referrer could not attend; the case is not heard without them.' : null,
      actions: agreed.map((a) => ({ title: a.title, owner: agencyByKey(a.owner).name, dueDate: a.dueDate })),
    });
  });
  const attendance = addAttendance(rows, random, id, m, heard);
  const approved = random.chance(0.8);
  const chair = memberByName(m.panel.chairs[0] ?? 'Helen Placeholder');
  rows.meetingMinutes.push({
    id: id('minutes', m.id),
    meetingId: m.id,
    status: approved ? 'APPROVED' : 'DRAFT',
    // Written by the same drafting rule as the app's own minutes, so they read and export alike.
    content: toJson(
      draftMinutes({
        panelName: m.panel.name,
        meetingDate: m.date,
        actionReviews: [],
        items: minutesItems,
        attendance: attendance.map((row) => ({ name: row.member, agency: row.agency, status: row.status })),
      }),
    ),
    dueBy: dateColumnOf(addWorkingDays(m.date, 3)),
    approvedById: approved ? chair.id : null,
    approvedAt: approved ? addMinutes(m.endsAt, random.int(1, 3) * 24 * 60) : null,
    version: approved ? 2 : 1,
    createdAt: m.endsAt,
    updatedAt: approved ? addMinutes(m.endsAt, 3 * 24 * 60) : m.endsAt,
  });
  return actions;
}

function referralFor(c: DemoCase, m: ScheduledMeeting): string | null {
  if (c.repeatReferral && c.hearings.find((h) => h.cutoff > (c.repeatReferral?.submittedAt ?? m.startsAt)) === m)
    return c.repeatReferral.id;
  return c.hearings[0] === m && c.submittedAt > addMinutes(m.cutoff, -45 * 24 * 60) ? c.initialReferralId : null;
}

function reasonsAt(c: DemoCase, m: ScheduledMeeting): AgendaItemReason[] {
  const referral = referralFor(c, m);
  if (referral && referral === c.repeatReferral?.id) return ['REPEAT_REFERRAL'];
  if (referral) return ['NEW_REFERRAL'];
  return ['REVIEW_DUE'];
}

function reasonText(reasons: AgendaItemReason[], c: DemoCase): string {
  const words: Record<AgendaItemReason, string> = {
    NEW_REFERRAL: `New referral from ${agencyByKey(c.referrer.agencyKey).name}`,
    REPEAT_REFERRAL: 'Repeat referral: a new incident within 12 months of the case being heard',
    REVIEW_DUE: `Review due (${(c.currentRiskBand ?? 'MEDIUM').toLowerCase()} risk)`,
    OVERDUE_ACTIONS: 'Actions overdue since the last meeting',
    DEFERRED: 'Deferred from the last meeting',
    ADDED_BY_CHAIR: 'Added by the chair',
  };
  return reasons.map((r) => words[r]).join('; ');
}

/** New and repeat referrals first, then the highest risk. */
function orderAgenda(heard: DemoCase[], m: ScheduledMeeting): DemoCase[] {
  const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
  return [...heard].sort(
    (a, b) =>
      Number(referralFor(b, m) !== null) - Number(referralFor(a, m) !== null) ||
      rank[a.currentRiskBand ?? 'MEDIUM'] - rank[b.currentRiskBand ?? 'MEDIUM'] ||
      a.reference.localeCompare(b.reference),
  );
}

function addAttendance(
  rows: DemoRows,
  random: Random,
  id: IdMaker,
  m: ScheduledMeeting,
  heard: DemoCase[],
): { member: string; agency: string; status: AttendanceStatus }[] {
  const involved = new Set<AgencyKey>(heard.flatMap((c) => [...c.agencies.keys()]));
  const seats = m.panel.agencies.filter(([key, membership]) => membership === 'CORE' || involved.has(key)).map(([key]) => key);
  const referrers = new Set(heard.map((c) => c.referrer.id));
  const invited = DEMO_MEMBERS.filter(
    (member) =>
      m.panel.chairs.includes(member.displayName) ||
      (seats.includes(member.agencyKey) && member.roles.includes('PANEL_MEMBER')) ||
      referrers.has(member.id),
  );
  return invited.map((member) => {
    const status: AttendanceStatus = m.panel.chairs.includes(member.displayName)
      ? 'PRESENT'
      : random.weighted([
          ['PRESENT', 80],
          ['APOLOGIES', 15],
          ['ABSENT', 5],
        ]);
    rows.attendances.push({
      id: id('attendance', m.id, member.id),
      meetingId: m.id,
      memberId: member.id,
      agencyId: agencyByKey(member.agencyKey).id,
      status,
      confidentialityAcceptedAt: status === 'PRESENT' ? addMinutes(m.startsAt, random.int(0, 6)) : null,
      informationSentInAdvance: status === 'APOLOGIES' && random.chance(0.6),
      recordedAt: addMinutes(m.startsAt, random.int(1, 10)),
    });
    return { member: member.displayName, agency: agencyByKey(member.agencyKey).name, status };
  });
}

/** The next meeting's agenda as built so far: new referrals, deferred items, overdue actions, reviews. */
export function planNextMeetings(
  rows: DemoRows,
  id: IdMaker,
  clock: DemoClock,
  cases: DemoCase[],
  schedules: Map<string, ScheduledMeeting[]>,
  actions: DemoAction[],
  deferred: Map<string, DemoCase>,
): void {
  for (const meetings of schedules.values()) {
    const next = meetings.find((m) => !m.held);
    if (!next) continue;
    const heard = cases.filter((c) => c.status === 'OPEN' && c.hearings.includes(next));
    const planned = earlierOf(addMinutes(next.cutoff, 60), clock.at(clock.today, 0));
    orderAgenda(heard, next).forEach((c, index) => {
      const reasons: AgendaItemReason[] = reasonsAt(c, next).filter((r) => r !== 'REVIEW_DUE');
      if (deferred.get(next.id) === c) reasons.push('DEFERRED');
      if (actions.some((a) => a.c === c && isOverdue(a, clock.today))) reasons.push('OVERDUE_ACTIONS');
      if (reasons.length === 0) reasons.push('REVIEW_DUE');
      rows.agendaItems.push({
        id: id('agenda-item', next.id, c.id),
        meetingId: next.id,
        caseId: c.id,
        referralId: referralFor(c, next),
        position: index + 1,
        reasons,
        reasonText: reasonText(reasons, c),
        minutes: next.panel.defaultItemMinutes,
        requiredAgencyIds: [...c.agencies.keys()].map((k) => agencyByKey(k).id),
        status: 'PLANNED',
        createdAt: planned,
        updatedAt: planned,
      });
    });
  }
}
