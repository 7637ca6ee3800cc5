// Builds a panel meeting's agenda from what is waiting to be heard, and applies the chair's edits.
import { fail, ok, type Result } from '../result';
import { isLateReferral, type ReferralCutOff } from './cadence';
import { daysBetween, formatLongDate, londonDateOf, type CalendarDate } from './calendar-date';
import { DEFAULT_REFERRAL_POLICY } from '../referrals/criteria';

export type AgendaReason = 'NEW_REFERRAL' | 'REPEAT_REFERRAL' | 'REVIEW_DUE' | 'OVERDUE_ACTIONS' | 'DEFERRED' | 'ADDED_BY_CHAIR';
export type RiskBand = 'LOW' | 'MEDIUM' | 'HIGH';

export interface AgendaMeeting {
  date: CalendarDate;
  lengthMinutes: number;
  minutesPerItem: number;
  /** The previous meeting's open actions are reviewed first (docs/domain.md §4). */
  actionsReviewMinutes: number;
}

export interface AcceptedReferral {
  caseId: string;
  submittedAt: Date;
  riskBand: RiskBand;
  score: number;
  /** Its own criteria named it a repeat referral (the subject was referred again within the policy's window). */
  isRepeat: boolean;
}

export interface CaseDueForReview {
  caseId: string;
  reviewDue: CalendarDate;
  score?: number;
}

export interface CaseWithActionProblems {
  caseId: string;
  overdueActions: number;
  blockedActions: number;
  score?: number;
}

export interface DeferredCase {
  caseId: string;
  deferredFrom: CalendarDate;
  reason: string;
  score?: number;
}

export interface AgendaInputs {
  meeting: AgendaMeeting;
  cutOff: ReferralCutOff;
  referrals: readonly AcceptedReferral[];
  reviewsDue: readonly CaseDueForReview[];
  actionProblems: readonly CaseWithActionProblems[];
  deferred: readonly DeferredCase[];
  agenciesByCase: Readonly<Record<string, readonly string[]>>;
  /**
   * The case's history: when it was heard at earlier meetings. A referral received before the last
   * hearing has been heard, so it is never new or repeat here; one received after it is a repeat
   * within the policy's window and new after that.
   */
  hearingsByCase?: Readonly<Record<string, readonly Date[]>>;
  repeatReferralWithinDays?: number;
}

export interface AgendaItem {
  caseId: string;
  /** Every reason the case is here, the one that placed it first. */
  reasons: AgendaReason[];
  why: string;
  minutes: number;
  agencies: string[];
  score: number | null;
}

export interface LateReferral {
  caseId: string;
  submittedAt: Date;
  note: string;
}

export interface Agenda {
  meeting: AgendaMeeting;
  /** In running order, after the actions review; all fit in the meeting. */
  items: AgendaItem[];
  /** Items that did not fit, in the order they would have been heard. */
  spillOver: AgendaItem[];
  lateReferrals: LateReferral[];
  deferredToNextMeeting: DeferredCase[];
}

/**
 * Running order by reason. The brief puts new high-risk referrals first, then repeats, deferred,
 * action problems and reviews. A new referral below high risk was accepted on judgement or
 * escalation and has never been heard, so it follows the repeats.
 */
type Tier = 'NEW_HIGH' | 'REPEAT' | 'NEW_OTHER' | 'DEFERRED' | 'ACTIONS' | 'REVIEW' | 'CHAIR';
const TIER_ORDER: readonly Tier[] = ['NEW_HIGH', 'REPEAT', 'NEW_OTHER', 'DEFERRED', 'ACTIONS', 'REVIEW', 'CHAIR'];

interface Candidate {
  caseId: string;
  facts: { tier: Tier; reason: AgendaReason; sentence: string }[];
  score: number | null;
  submittedAt: Date | null;
}

export function buildAgenda(inputs: AgendaInputs): Result<Agenda> {
  const meetingCheck = checkMeeting(inputs.meeting);
  if (!meetingCheck.ok) return meetingCheck;

  const candidates = new Map<string, Candidate>();
  const note = (caseId: string, tier: Tier, reason: AgendaReason, sentence: string, score?: number, submittedAt?: Date) => {
    const candidate = candidates.get(caseId) ?? { caseId, facts: [], score: null, submittedAt: null };
    candidate.facts.push({ tier, reason, sentence });
    if (score !== undefined && (candidate.score === null || score > candidate.score)) candidate.score = score;
    if (submittedAt && (!candidate.submittedAt || submittedAt < candidate.submittedAt)) candidate.submittedAt = submittedAt;
    candidates.set(caseId, candidate);
  };

  const lateReferrals: LateReferral[] = [];
  for (const { referral, lastHeard } of referralsToHear(inputs)) {
    const received = formatLongDate(londonDateOf(referral.submittedAt));
    if (isLateReferral(referral.submittedAt, inputs.cutOff)) {
      lateReferrals.push({
        caseId: referral.caseId,
        submittedAt: referral.submittedAt,
        note: `Received ${received}, after the cut-off of ${formatLongDate(inputs.cutOff.lastDay)}, so it goes to the next meeting.`,
      });
      continue;
    }
    const band = referral.riskBand.toLowerCase();
    const heardTail = lastHeard ? ` The case was last heard on ${formatLongDate(lastHeard)}.` : '';
    const withinWindow =
      lastHeard !== null &&
      daysBetween(lastHeard, londonDateOf(referral.submittedAt)) <=
        (inputs.repeatReferralWithinDays ?? DEFAULT_REFERRAL_POLICY.repeatReferralWithinDays);
    if (referral.isRepeat || withinWindow) {
      note(
        referral.caseId,
        'REPEAT',
        'REPEAT_REFERRAL',
        `Repeat referral, ${band} risk (score ${referral.score}), received ${received}.${heardTail}`,
        referral.score,
        referral.submittedAt,
      );
    } else {
      const tier = referral.riskBand === 'HIGH' ? 'NEW_HIGH' : 'NEW_OTHER';
      note(
        referral.caseId,
        tier,
        'NEW_REFERRAL',
        `New ${band}-risk referral (score ${referral.score}), received ${received}.${heardTail}`,
        referral.score,
        referral.submittedAt,
      );
    }
  }
  for (const d of inputs.deferred) {
    note(
      d.caseId,
      'DEFERRED',
      'DEFERRED',
      `Deferred from the meeting on ${formatLongDate(d.deferredFrom)}: ${asSentence(d.reason)}`,
      d.score,
    );
  }
  for (const problem of inputs.actionProblems) {
    const parts = [counted(problem.overdueActions, 'overdue action'), counted(problem.blockedActions, 'blocked action')].filter(Boolean);
    if (parts.length === 0) continue;
    note(problem.caseId, 'ACTIONS', 'OVERDUE_ACTIONS', `${capitalise(parts.join(' and '))} to resolve.`, problem.score);
  }
  for (const review of inputs.reviewsDue) {
    note(review.caseId, 'REVIEW', 'REVIEW_DUE', `Review due ${formatLongDate(review.reviewDue)}.`, review.score);
  }

  const ordered = [...candidates.values()].sort(compareCandidates).map((candidate) => toItem(candidate, inputs));
  return ok(fit({ meeting: inputs.meeting, items: [], spillOver: [], lateReferrals, deferredToNextMeeting: [] }, ordered));
}

/**
 * Per case, the earliest referral not yet heard: one received after the case's last hearing before
 * this meeting (or any, for a case never heard), with that hearing's date.
 */
export function referralsToHear(inputs: AgendaInputs): { referral: AcceptedReferral; lastHeard: CalendarDate | null }[] {
  const chosen = new Map<string, { referral: AcceptedReferral; lastHeard: CalendarDate | null }>();
  const bySubmission = [...inputs.referrals].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  for (const referral of bySubmission) {
    if (chosen.has(referral.caseId)) continue;
    const lastHeard = lastHearingBefore(inputs.hearingsByCase?.[referral.caseId] ?? [], inputs.meeting.date);
    if (lastHeard && referral.submittedAt.getTime() <= lastHeard.getTime()) continue;
    chosen.set(referral.caseId, { referral, lastHeard: lastHeard ? londonDateOf(lastHeard) : null });
  }
  return [...chosen.values()];
}

function lastHearingBefore(hearings: readonly Date[], meetingDate: CalendarDate): Date | null {
  let last: Date | null = null;
  for (const heardAt of hearings) {
    if (londonDateOf(heardAt) >= meetingDate) continue;
    if (!last || heardAt > last) last = heardAt;
  }
  return last;
}

function checkMeeting(meeting: AgendaMeeting): Result<AgendaMeeting> {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(meeting.lengthMinutes) || meeting.lengthMinutes === 0) {
    return fail('INVALID_MEETING', 'The meeting length must be a whole number of minutes above zero.', 'lengthMinutes');
  }
  if (!whole(meeting.minutesPerItem) || meeting.minutesPerItem === 0) {
    return fail('INVALID_MEETING', 'Minutes per case must be a whole number above zero.', 'minutesPerItem');
  }
  if (!whole(meeting.actionsReviewMinutes) || meeting.actionsReviewMinutes > meeting.lengthMinutes) {
    return fail('INVALID_MEETING', 'The actions review cannot take longer than the meeting.', 'actionsReviewMinutes');
  }
  return ok(meeting);
}

function bestTier(candidate: Candidate): number {
  return Math.min(...candidate.facts.map((fact) => TIER_ORDER.indexOf(fact.tier)));
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    bestTier(a) - bestTier(b) ||
    (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
    (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) ||
    (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
  );
}

function toItem(candidate: Candidate, inputs: AgendaInputs): AgendaItem {
  const facts = [...candidate.facts].sort((x, y) => TIER_ORDER.indexOf(x.tier) - TIER_ORDER.indexOf(y.tier));
  return {
    caseId: candidate.caseId,
    reasons: [...new Set(facts.map((fact) => fact.reason))],
    why: facts.map((fact) => fact.sentence).join(' '),
    minutes: inputs.meeting.minutesPerItem,
    agencies: [...(inputs.agenciesByCase[candidate.caseId] ?? [])],
    score: candidate.score,
  };
}

/** Items are heard in order, so once one does not fit, it and everything after it spill over. */
function fit(agenda: Agenda, ordered: readonly AgendaItem[]): Agenda {
  let remaining = agenda.meeting.lengthMinutes - agenda.meeting.actionsReviewMinutes;
  let spilt = false;
  const items: AgendaItem[] = [];
  const spillOver: AgendaItem[] = [];
  for (const item of ordered) {
    spilt = spilt || item.minutes > remaining;
    if (spilt) {
      spillOver.push(item);
    } else {
      items.push(item);
      remaining -= item.minutes;
    }
  }
  return { ...agenda, items, spillOver };
}

function scheduled(agenda: Agenda): AgendaItem[] {
  return [...agenda.items, ...agenda.spillOver];
}

/**
 * The chair's new running order: every case in it exactly once, and any of the spill-over. The chair
 * is shown only the first few cases that did not fit (a county's are thousands), so the spill-over
 * left out follows the new order as it stood.
 */
export function reorderAgenda(agenda: Agenda, caseIds: readonly string[]): Result<Agenda> {
  const byCase = new Map(scheduled(agenda).map((item) => [item.caseId, item]));
  const listed = new Set(caseIds);
  const reordered = caseIds.map((id) => byCase.get(id));
  if (listed.size !== caseIds.length || reordered.some((item) => !item) || agenda.items.some((item) => !listed.has(item.caseId))) {
    return fail(
      'NOT_A_REORDERING',
      'The new order must list every case on the agenda exactly once. Refresh the agenda and try again.',
      'caseIds',
    );
  }
  const leftOver = agenda.spillOver.filter((item) => !listed.has(item.caseId));
  return ok(fit(agenda, [...(reordered as AgendaItem[]), ...leftOver]));
}

/**
 * A rebuild keeps the running order the chair agreed: cases still on the agenda are heard in their
 * earlier order, while a case new to the agenda takes the place the builder gave it. The chair
 * placed the others on purpose, and a rebuild is to pick up what arrived since, not to undo that.
 */
export function keepEarlierOrder(agenda: Agenda, earlierOrder: readonly string[]): Agenda {
  const rank = new Map<string, number>();
  earlierOrder.forEach((caseId, index) => rank.set(caseId, rank.get(caseId) ?? index));
  const current = scheduled(agenda);
  const staying = current.filter((item) => rank.has(item.caseId)).sort((a, b) => rank.get(a.caseId)! - rank.get(b.caseId)!);
  let next = 0;
  return fit(
    agenda,
    current.map((item) => (rank.has(item.caseId) ? staying[next++]! : item)),
  );
}

export interface ChairAddition {
  caseId: string;
  reasonText: string;
  agencies: readonly string[];
  /** Zero-based place in the running order; the end when omitted. */
  position?: number;
}

export function addToAgenda(agenda: Agenda, addition: ChairAddition): Result<Agenda> {
  const current = scheduled(agenda);
  const reason = addition.reasonText.trim();
  if (current.some((item) => item.caseId === addition.caseId)) {
    return fail('ALREADY_ON_AGENDA', 'This case is already on the agenda; move it instead of adding it again.', 'caseId');
  }
  if (!reason) return fail('REASON_REQUIRED', 'Say why the case is being added, so the minutes record it.', 'reasonText');
  const position = addition.position ?? current.length;
  if (!Number.isInteger(position) || position < 0 || position > current.length) {
    return fail('POSITION_OUT_OF_RANGE', `Choose a place between 1 and ${current.length + 1}.`, 'position');
  }
  const item: AgendaItem = {
    caseId: addition.caseId,
    reasons: ['ADDED_BY_CHAIR'],
    why: `Added by the chair: ${asSentence(reason)}`,
    minutes: agenda.meeting.minutesPerItem,
    agencies: [...addition.agencies],
    score: null,
  };
  const withItem = [...current.slice(0, position), item, ...current.slice(position)];
  const others = <T extends { caseId: string }>(list: T[]) => list.filter((entry) => entry.caseId !== addition.caseId);
  return ok(
    fit({ ...agenda, lateReferrals: others(agenda.lateReferrals), deferredToNextMeeting: others(agenda.deferredToNextMeeting) }, withItem),
  );
}

/** Moves a case to the next meeting; the returned `deferredToNextMeeting` feeds that meeting's build. */
export function deferAgendaItem(agenda: Agenda, caseId: string, reasonText: string): Result<Agenda> {
  const current = scheduled(agenda);
  const item = current.find((entry) => entry.caseId === caseId);
  const reason = reasonText.trim();
  if (!item) return fail('NOT_ON_AGENDA', 'This case is not on the agenda, so it cannot be deferred.', 'caseId');
  if (!reason) return fail('REASON_REQUIRED', 'Say why the case is deferred, so the next meeting knows.', 'reasonText');
  const deferred: DeferredCase = {
    caseId,
    deferredFrom: agenda.meeting.date,
    reason,
    ...(item.score === null ? {} : { score: item.score }),
  };
  return ok(
    fit(
      { ...agenda, deferredToNextMeeting: [...agenda.deferredToNextMeeting, deferred] },
      current.filter((entry) => entry.caseId !== caseId),
    ),
  );
}

function counted(n: number, noun: string): string {
  if (n <= 0) return '';
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
