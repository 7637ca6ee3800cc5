// Whether a proposed intervention is one the law (docs/domain.md §5) allows for this person or place,
// and the ladder view of what has been tried and what could proportionately come next.
import { addDays, addMonths, daysBetween, formatLongDate, type CalendarDate } from '../agenda/calendar-date';
import type { DomainError } from '../result';
import {
  INTERVENTION_CATALOGUE,
  INTERVENTIONS,
  type Duration,
  type Intervention,
  type InterventionTarget,
  type InterventionType,
  type ProposedDuration,
} from './catalogue';

export type ConvictionKind = 'SERIOUS_OFFENCE' | 'BREACH_OF_CBO' | 'BREACH_OF_NOISE_ABATEMENT' | 'OTHER';

export interface PastIntervention {
  type: InterventionType;
  issuedOn: CalendarDate;
  duration?: ProposedDuration;
  breached?: boolean;
  /** For a civil injunction: a court has found it breached (condition 2 of the absolute ground). */
  breachFoundByCourt?: boolean;
}

export interface PerpetratorHistory {
  /** Null when unknown, or when the subject is a business, a place or a tenancy. */
  dateOfBirth: CalendarDate | null;
  convictions: readonly { convictedOn: CalendarDate; kind: ConvictionKind }[];
  interventions: readonly PastIntervention[];
}

export interface InterventionProposal {
  type: InterventionType;
  target: InterventionTarget;
  /** The whole period, including any extension. */
  duration?: ProposedDuration;
  isExtension?: boolean;
  proportionalityNote?: string;
}

export interface InterventionCheck {
  allowed: boolean;
  refusals: DomainError[];
  /** Things to do or bear in mind that do not stop the proposal. */
  cautions: string[];
}

/** Refusals about who or what may receive it: checked for proposals and for the ladder's suggestions. */
const ELIGIBILITY_CODES = new Set([
  'WRONG_TARGET',
  'BELOW_MINIMUM_AGE',
  'NO_EARLIER_WARNING',
  'NO_CONVICTION',
  'NO_CLOSURE_NOTICE',
  'NO_POSSESSION_CONDITION',
  'NOTHING_TO_EXTEND',
]);

export function ageOn(dateOfBirth: CalendarDate, today: CalendarDate): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

export function checkIntervention(proposal: InterventionProposal, history: PerpetratorHistory, today: CalendarDate): InterventionCheck {
  const entry = INTERVENTION_CATALOGUE[proposal.type];
  const refusals: DomainError[] = [];
  const cautions: string[] = [];
  const refuse = (code: string, message: string, field?: string) => refusals.push(field ? { code, message, field } : { code, message });
  const earlier = (type: InterventionType) => history.interventions.filter((past) => past.type === type && past.issuedOn <= today);

  if (!entry.targets.includes(proposal.target)) {
    refuse('WRONG_TARGET', `${withArticle(entry.name)} cannot be used against ${TARGET_WORDS[proposal.target]}.`, 'target');
  }
  const age = history.dateOfBirth ? ageOn(history.dateOfBirth, today) : null;
  if (entry.minimumAge !== null && proposal.target === 'PERSON') {
    if (age === null) {
      refuse(
        'AGE_UNKNOWN',
        `Record the person's date of birth: ${withArticle(entry.name, false)} is only for people aged ${entry.minimumAge} or over.`,
        'dateOfBirth',
      );
    } else if (age < entry.minimumAge) {
      refuse(
        'BELOW_MINIMUM_AGE',
        `${withArticle(entry.name)} is only for people aged ${entry.minimumAge} or over; this person is ${age}.${entry.underAgeAdvice ? ` ${entry.underAgeAdvice}` : ''}`,
        'dateOfBirth',
      );
    }
  }

  for (const prerequisite of entry.requires) {
    if (prerequisite === 'EARLIER_CPW' && !earlier('COMMUNITY_PROTECTION_WARNING').some((cpw) => cpw.issuedOn < today)) {
      refuse(
        'NO_EARLIER_WARNING',
        'A Community Protection Notice needs a Community Protection Warning given on an earlier day, with time to put things right.',
      );
    }
    if (prerequisite === 'CONVICTION' && !history.convictions.some((c) => c.convictedOn <= today)) {
      refuse(
        'NO_CONVICTION',
        'A Criminal Behaviour Order can only be made by a criminal court on conviction, and no conviction is recorded.',
      );
    }
    if (prerequisite === 'CLOSURE_NOTICE' && !proposal.isExtension) {
      const notices = earlier('CLOSURE_NOTICE');
      if (notices.length === 0) {
        refuse('NO_CLOSURE_NOTICE', 'A closure order follows a closure notice on the premises, and none is recorded.');
      } else if (notices.every((notice) => daysBetween(notice.issuedOn, today) > 2)) {
        cautions.push("The magistrates' court must hear the application within 48 hours of the closure notice being served.");
      }
    }
    if (prerequisite === 'POSSESSION_CONDITION' && possessionConditionsMet(history, today).length === 0) {
      refuse(
        'NO_POSSESSION_CONDITION',
        'None of the five conditions for the absolute ground for possession is recorded (serious offence, injunction breach found by a court, CBO breach conviction, closure over 48 hours, noise abatement breach conviction).',
      );
    }
  }
  if (proposal.isExtension && earlier(proposal.type).length === 0) {
    refuse('NOTHING_TO_EXTEND', `There is no earlier ${inSentence(entry.name)} to extend.`, 'isExtension');
  }

  checkDuration(entry, proposal, age, today, refuse);

  if (entry.kind === 'ENFORCEMENT' && !proposal.proportionalityNote?.trim()) {
    refuse(
      'PROPORTIONALITY_NOTE_REQUIRED',
      `Record why ${withArticle(entry.name, false)} is necessary and proportionate, and what less intrusive steps were considered.`,
      'proportionalityNote',
    );
  }
  if (proposal.type === 'CRIMINAL_BEHAVIOUR_ORDER' && age !== null && age < 18) {
    cautions.push('Consult the youth offending team before applying; it has no veto.');
  }
  return { allowed: refusals.length === 0, refusals, cautions };
}

const TARGET_WORDS: Record<InterventionTarget, string> = {
  PERSON: 'a person',
  BUSINESS_OR_ORGANISATION: 'a business or organisation',
  PREMISES: 'premises',
  PUBLIC_PLACE: 'a public place',
  TENANCY: 'a tenancy',
};

function checkDuration(
  entry: Intervention,
  proposal: InterventionProposal,
  age: number | null,
  today: CalendarDate,
  refuse: (code: string, message: string, field?: string) => void,
): void {
  const rule = entry.duration;
  const duration = proposal.duration;
  if (duration === undefined) {
    if (rule.required) refuse('DURATION_REQUIRED', `Set how long the ${inSentence(entry.name)} lasts: ${rule.inWords}`, 'duration');
    return;
  }
  const under18 = age !== null && age < 18;
  if (duration === 'UNTIL_FURTHER_ORDER') {
    if (rule.untilFurtherOrder === 'NOT_ALLOWED' || under18) {
      refuse(
        'PERIOD_REQUIRED',
        `${withArticle(entry.name)} ${under18 && rule.untilFurtherOrder !== 'NOT_ALLOWED' ? 'for someone under 18 ' : ''}must have a set period: ${rule.inWords}`,
        'duration',
      );
    }
    return;
  }
  if (!Number.isInteger(duration.amount) || duration.amount <= 0) {
    refuse('INVALID_DURATION', 'The duration must be a whole number above zero.', 'duration');
    return;
  }
  const maximum =
    (proposal.isExtension ? rule.maximumWhenExtended : undefined) ?? (under18 ? rule.maximumUnder18 : undefined) ?? rule.maximum;
  const minimum = (under18 ? rule.minimumUnder18 : undefined) ?? rule.minimum;
  if (maximum && compareDurations(duration, maximum, today) > 0) {
    const extendable =
      rule.maximumWhenExtended && !proposal.isExtension ? ` (${wordsFor(rule.maximumWhenExtended)} in all only when extended)` : '';
    refuse(
      'DURATION_TOO_LONG',
      `${withArticle(entry.name)} can last at most ${wordsFor(maximum)}${extendable}; ${wordsFor(duration)} was proposed.`,
      'duration',
    );
  }
  if (minimum && compareDurations(duration, minimum, today) < 0) {
    refuse(
      'DURATION_TOO_SHORT',
      `${withArticle(entry.name)} must last at least ${wordsFor(minimum)}${under18 ? ' for someone under 18' : ''}; ${wordsFor(duration)} was proposed.`,
      'duration',
    );
  }
}

/** Hours and days compare exactly; months and years are counted on the calendar from `from`. */
function compareDurations(a: Duration, b: Duration, from: CalendarDate): number {
  const hours = (d: Duration) => (d.unit === 'HOURS' ? d.amount : d.unit === 'DAYS' ? d.amount * 24 : null);
  const ha = hours(a);
  const hb = hours(b);
  if (ha !== null && hb !== null) return ha - hb;
  return daysBetween(from, endOf(a, from)) - daysBetween(from, endOf(b, from));
}

function endOf(d: Duration, from: CalendarDate): CalendarDate {
  switch (d.unit) {
    case 'HOURS':
      return addDays(from, Math.ceil(d.amount / 24));
    case 'DAYS':
      return addDays(from, d.amount);
    case 'MONTHS':
      return addMonths(from, d.amount);
    case 'YEARS':
      return addMonths(from, d.amount * 12);
  }
}

/** "Closure order" is a common noun and loses its capital mid-sentence; "Community Remedy" keeps it. */
function inSentence(name: string): string {
  const second = name.split(' ')[1];
  return second && /^[A-Z]/.test(second) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

function withArticle(name: string, startsSentence = true): string {
  const article = /^[AEIOU]/i.test(name) ? 'an' : 'a';
  return `${startsSentence ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${inSentence(name)}`;
}

function wordsFor(d: Duration): string {
  const unit = d.unit.toLowerCase();
  return `${d.amount} ${d.amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** The five conditions of the absolute ground for possession that the history shows are met (1 to 5). */
export function possessionConditionsMet(history: PerpetratorHistory, today: CalendarDate): number[] {
  const convicted = (kind: ConvictionKind) => history.convictions.some((c) => c.kind === kind && c.convictedOn <= today);
  const past = history.interventions.filter((i) => i.issuedOn <= today);
  const closedOver48Hours = past.some(
    (i) =>
      i.type === 'CLOSURE_ORDER' &&
      i.duration !== undefined &&
      i.duration !== 'UNTIL_FURTHER_ORDER' &&
      compareDurations(i.duration, { amount: 48, unit: 'HOURS' }, i.issuedOn) > 0,
  );
  const met: [number, boolean][] = [
    [1, convicted('SERIOUS_OFFENCE')],
    [2, past.some((i) => i.type === 'CIVIL_INJUNCTION' && i.breachFoundByCourt === true)],
    [3, convicted('BREACH_OF_CBO')],
    [4, closedOver48Hours],
    [5, convicted('BREACH_OF_NOISE_ABATEMENT')],
  ];
  return met.filter(([, isMet]) => isMet).map(([condition]) => condition);
}

export interface LadderStep {
  type: InterventionType;
  name: string;
  issuedOn: CalendarDate;
  breached: boolean;
}

export interface NextStep {
  type: InterventionType;
  name: string;
  why: string;
}

export interface InterventionLadder {
  steps: LadderStep[];
  /** What the panel could proportionately try if the behaviour continues, least intrusive first. */
  nextSteps: NextStep[];
}

/**
 * Suggests untried steps on the highest rung reached, and those on the lowest rung above it that
 * has any step the person is eligible for (a 15-year-old cannot get a CPW, so an injunction is next),
 * plus a support referral if none has been made. Place powers (dispersal, PSPO, closure) are about
 * locations and are never suggested here.
 */
export function interventionLadder(history: PerpetratorHistory, today: CalendarDate): InterventionLadder {
  const past = history.interventions.filter((i) => i.issuedOn <= today);
  const steps = [...past]
    .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0) || rungOf(a.type) - rungOf(b.type))
    .map((i) => ({ type: i.type, name: INTERVENTION_CATALOGUE[i.type].name, issuedOn: i.issuedOn, breached: i.breached === true }));

  const tried = new Set(past.map((i) => i.type));
  const top = Math.max(0, ...past.map((i) => rungOf(i.type)));
  const open = INTERVENTIONS.filter((entry) => entry.rung !== null && !tried.has(entry.type) && isEligible(entry, history, today));
  const nextRung = Math.min(
    ...open.filter((entry) => (entry.rung as number) > top && entry.type !== 'SUPPORT_REFERRAL').map((entry) => entry.rung as number),
  );
  const nextSteps = open
    .filter((entry) => entry.type === 'SUPPORT_REFERRAL' || entry.rung === top || entry.rung === nextRung)
    .map((entry) => ({ type: entry.type, name: entry.name, why: whyNext(entry, top, steps) }));
  return { steps, nextSteps };
}

function isEligible(entry: Intervention, history: PerpetratorHistory, today: CalendarDate): boolean {
  const proposal = { type: entry.type, target: entry.targets[0] as InterventionTarget };
  return checkIntervention(proposal, history, today).refusals.every((refusal) => !ELIGIBILITY_CODES.has(refusal.code));
}

function rungOf(type: InterventionType): number {
  return INTERVENTION_CATALOGUE[type].rung ?? 0;
}

function whyNext(entry: Intervention, top: number, steps: LadderStep[]): string {
  if (entry.type === 'SUPPORT_REFERRAL') return 'Support alongside any other step; none has been offered yet.';
  const latest = steps[steps.length - 1];
  if (!latest) return 'A first, informal step.';
  const since = `(last step: ${latest.name}, ${formatLongDate(latest.issuedOn)})`;
  return entry.rung === top ? `An alternative at the same level ${since}.` : `The next step up if the behaviour continues ${since}.`;
}
