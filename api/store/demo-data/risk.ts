// Risk templates, scored assessments and referrals in every status, with the criteria met and the
// routing explained the way the referral screen explains it.
import { formatLongDate } from '../../domain/agenda/calendar-date';
import { DEFAULT_TEMPLATES } from '../../domain/risk/default-templates';
import { applyProfessionalJudgement, scoreAssessment, type Answers, type ScoredAssessment } from '../../domain/risk/scoring';
import type { RiskTemplate } from '../../domain/risk/template';
import type { ReferralCriterion, ReferralRoute, RiskBand, SubjectType } from '../generated/client';
import { mainSubject, type CasePlan, type DemoCase } from './cases';
import { agencyByKey, DEMO_PARTNERSHIP_ID, memberByName, membersOf, panelByKey, type DemoMember, type DemoPanel } from './partnership';
import type { IdMaker, Random } from './random';
import { toJson, type DemoRows } from './rows';
import type { ScheduledMeeting } from './schedule';
import { addMinutes, type DemoClock } from './time';

const DAY_MS = 86_400_000;
const ESCALATION_INCIDENTS = 3;
const REASSESS_EVERY_DAYS = 90;
/** docs/domain.md §7: 370 assessments at one panel were 21% high, 34% medium and 45% low. */
const BAND_MIX = { HIGH: 0.21, MEDIUM: 0.34 } as const;

interface PlannedAssessment {
  id: string;
  subjectType: SubjectType;
  at: Date;
  band: RiskBand;
  judgement: boolean;
  assessor: DemoMember;
  caseId: string | null;
  referralId: string | null;
  personId: string | null;
  locationId: string | null;
  supersedesId: string | null;
}

function templateFor(subjectType: SubjectType): RiskTemplate {
  const template = DEFAULT_TEMPLATES.find((t) => t.subjectType === subjectType);
  if (!template) throw new Error(`no default risk template for ${subjectType}`);
  return template;
}

/** Answers whose total falls inside `band`, raising random questions one step at a time. */
function answersInBand(template: RiskTemplate, band: RiskBand, random: Random): Answers {
  const range = template.bands.find((b) => b.band === band);
  if (!range) throw new Error(`template ${template.id} has no ${band} band`);
  const top = band === 'HIGH' ? Math.min(range.to, range.from + 12) : range.to;
  let target = random.int(Math.max(range.from, 2), top);
  if (target % 2 === 1) target += target + 1 <= range.to ? 1 : -1;
  const steps = new Map(template.questions.map((q) => [q.id, 0]));
  for (let score = 0; score < target; score += 2) {
    const open = template.questions.filter((q) => (steps.get(q.id) ?? 0) < 2);
    const question = random.pick(open);
    steps.set(question.id, (steps.get(question.id) ?? 0) + 1);
  }
  return Object.fromEntries(template.questions.map((q) => [q.id, ['none', 'some', 'serious'][steps.get(q.id) ?? 0] ?? 'none']));
}

function score(template: RiskTemplate, planned: PlannedAssessment, random: Random): ScoredAssessment {
  const lower: Record<RiskBand, RiskBand> = { HIGH: 'MEDIUM', MEDIUM: 'LOW', LOW: 'LOW' };
  const scored = scoreAssessment(template, answersInBand(template, planned.judgement ? lower[planned.band] : planned.band, random));
  if (!scored.ok) throw new Error(`demo answers do not fit ${template.id}: ${scored.error.message}`);
  if (!planned.judgement) return scored.value;
  const raised = applyProfessionalJudgement(scored.value, {
    band: planned.band,
    reason: random.pick([
      'Recent threats to burn the door; the score does not capture how frightened the household is.',
      'Victim disclosed thoughts of self-harm on the phone after the assessment was scored.',
      'Perpetrator has recently been released and has returned to the same block.',
    ]),
    recordedBy: planned.assessor.id,
    recordedAt: planned.at,
  });
  if (!raised.ok) throw new Error(`demo judgement refused: ${raised.error.message}`);
  return raised.value;
}

export function addRiskAndReferrals(
  rows: DemoRows,
  random: Random,
  id: IdMaker,
  clock: DemoClock,
  plan: CasePlan,
  schedules: Map<string, ScheduledMeeting[]>,
): void {
  const setUp = clock.at(clock.daysAgo(400), 9);
  for (const template of DEFAULT_TEMPLATES) {
    rows.riskTemplates.push({
      id: id('risk-template', template.subjectType),
      partnershipId: DEMO_PARTNERSHIP_ID,
      subjectType: template.subjectType,
      name: template.name,
      version: template.version,
      definition: toJson(template),
      createdAt: setUp,
    });
  }
  const templateIds = new Map(DEFAULT_TEMPLATES.map((t) => [t.subjectType, id('risk-template', t.subjectType)]));
  const yesterday = clock.at(clock.today, 0).getTime() - DAY_MS;

  // Every case: an assessment with its referral, then one every three months while it is open.
  const planned: PlannedAssessment[] = [];
  const slots: PlannedAssessment[][] = plan.cases.map((c) => {
    const subject = mainSubject(c);
    const list: PlannedAssessment[] = [];
    for (let at = c.submittedAt.getTime() - DAY_MS / 2; at < yesterday && list.length < 4; at += REASSESS_EVERY_DAYS * DAY_MS) {
      list.push({
        id: id('assessment', c.id, list.length),
        subjectType: c.kind,
        at: new Date(at),
        band: 'LOW',
        judgement: false,
        assessor: list.length === 0 ? c.referrer : assessorIn(c, random),
        caseId: c.id,
        referralId: list.length === 0 ? c.initialReferralId : null,
        ...subject,
        supersedesId: list.at(-1)?.id ?? null,
      });
    }
    return list;
  });
  const referralOnly = referralOnlyPlans(id, clock, plan);
  const total = slots.reduce((n, s) => n + s.length, 0) + referralOnly.length;
  const bag: RiskBand[] = [];
  const highs = Math.round(total * BAND_MIX.HIGH) - referralOnly.filter((r) => r.band === 'HIGH').length;
  const mediums = Math.round(total * BAND_MIX.MEDIUM) - referralOnly.filter((r) => r.band === 'MEDIUM').length;
  const leadOnly = plan.cases.map((c, i) => [c, i] as const).filter(([c]) => c.route === 'LEAD_AGENCY_CASEWORK');
  // Lead-agency cases met no panel criterion, so they start below the threshold.
  leadOnly.forEach(([, i], n) => {
    for (const [k, a] of (slots[i] ?? []).entries()) a.band = k === 0 && n % 2 === 1 ? 'MEDIUM' : 'LOW';
  });
  const leadOnlyMediums = leadOnly.filter((_, n) => n % 2 === 1).length;
  bag.push(...Array<RiskBand>(highs).fill('HIGH'), ...Array<RiskBand>(mediums - leadOnlyMediums).fill('MEDIUM'));
  // Risk mostly falls while partners act: the highest bands go to first assessments, the lowest to re-assessments.
  const panelCases = random.shuffle(plan.cases.map((c, i) => [c, i] as const).filter(([c]) => c.route === 'PANEL'));
  for (let slot = 0; slot < 4; slot += 1) {
    for (const [, i] of panelCases) {
      const a = slots[i]?.[slot];
      if (a) a.band = bag.shift() ?? 'LOW';
    }
  }
  const judged = panelCases
    .map(([, i]) => slots[i]?.[0])
    .filter((a): a is PlannedAssessment => a?.band === 'HIGH')
    .slice(0, 3);
  for (const a of judged) a.judgement = true;
  for (const list of slots) planned.push(...list);
  planned.push(...referralOnly.map((r) => r.assessment));

  const scores = new Map<string, ScoredAssessment>();
  for (const a of planned) {
    const template = templateFor(a.subjectType);
    const s = score(template, a, random);
    scores.set(a.id, s);
    rows.riskAssessments.push({
      id: a.id,
      templateId: templateIds.get(a.subjectType) ?? '',
      subjectType: a.subjectType,
      caseId: a.caseId,
      referralId: a.referralId,
      personId: a.personId,
      locationId: a.locationId,
      assessedById: a.assessor.id,
      answers: toJson(s.answers),
      score: s.score,
      calculatedBand: s.calculatedBand,
      overrideBand: s.judgement?.toBand ?? null,
      overrideReason: s.judgement?.reason ?? null,
      finalBand: s.finalBand,
      reasons: s.reasons,
      supersedesId: a.supersedesId,
      assessedAt: a.at,
    });
  }
  plan.cases.forEach((c, i) => {
    const list = slots[i] ?? [];
    c.currentRiskBand = list.at(-1)?.band ?? null;
    const first = list[0];
    const firstScore = first ? scores.get(first.id) : undefined;
    if (first && firstScore) addCaseReferral(rows, c, firstScore, first.judgement, schedules);
  });
  addRepeatReferral(rows, random, id, plan, schedules);
  for (const r of referralOnly) {
    const s = scores.get(r.assessment.id);
    if (s) rows.referrals.push(r.referral(s, countIncidents(rows, r.assessment, r.assessment.at)));
  }
  addDrafts(rows, id, clock);
}

function assessorIn(c: DemoCase, random: Random): DemoMember {
  const staff = membersOf(c.lead).filter((m) => m.roles.includes('REFERRER') || m.roles.includes('PANEL_MEMBER'));
  return staff.length > 0 ? random.pick(staff) : c.referrer;
}

function countIncidents(
  rows: DemoRows,
  subject: { caseId: string | null; personId: string | null; locationId: string | null },
  before: Date,
): { year: number; quarter: number } {
  const times = rows.incidents
    .filter((i) =>
      subject.caseId !== null
        ? i.caseId === subject.caseId
        : subject.locationId !== null
          ? i.locationId === subject.locationId
          : rows.incidentPeople.some((p) => p.incidentId === i.id && p.personId === subject.personId),
    )
    .map((i) => new Date(i.occurredAt).getTime())
    .filter((t) => t < before.getTime());
  return {
    year: times.filter((t) => t >= before.getTime() - 365 * DAY_MS).length,
    quarter: times.filter((t) => t >= before.getTime() - 90 * DAY_MS).length,
  };
}

function criteriaFor(
  kind: SubjectType,
  s: ScoredAssessment,
  judged: boolean,
  incidents: { year: number; quarter: number },
): ReferralCriterion[] {
  const met: ReferralCriterion[] = [];
  if (s.calculatedBand === 'HIGH') met.push('VISIBLE_HIGH_RISK');
  if (incidents.year >= ESCALATION_INCIDENTS) met.push('POTENTIAL_ESCALATION');
  if (kind === 'VICTIM' && incidents.quarter >= 3) met.push('REPEAT_VICTIMISATION');
  if (judged) met.push('PROFESSIONAL_JUDGEMENT');
  return met;
}

function explain(
  s: ScoredAssessment,
  incidents: { year: number },
  panel: DemoPanel,
  criteria: ReferralCriterion[],
  route: ReferralRoute,
  leadName: string,
): string {
  const parts = [
    `Scored ${s.score} of ${s.maximumScore} (${s.calculatedBand.toLowerCase()}); the visible high risk threshold is ${s.threshold}.`,
    `${incidents.year} incident${incidents.year === 1 ? '' : 's'} in the 12 months before referral (${ESCALATION_INCIDENTS} or more is potential escalation).`,
  ];
  if (s.judgement) parts.push(`Raised to ${s.finalBand.toLowerCase()} on professional judgement.`);
  if (route === 'PANEL') {
    parts.push(`Criteria met: ${criteria.map((c) => c.toLowerCase().replace(/_/g, ' ')).join(', ')}. Routed to the ${panel.name}.`);
  } else if (route === 'LEAD_AGENCY_CASEWORK') {
    parts.push(`No panel criterion met: routed to ${leadName} as lead agency for casework, with advice from the ASB team.`);
  } else {
    parts.push('No panel criterion met and no lead agency needed: advice given and the referral closed.');
  }
  return parts.join(' ');
}

function addCaseReferral(
  rows: DemoRows,
  c: DemoCase,
  s: ScoredAssessment,
  judged: boolean,
  schedules: Map<string, ScheduledMeeting[]>,
): void {
  const incidents = countIncidents(rows, { caseId: c.id, personId: null, locationId: null }, c.submittedAt);
  const criteria = criteriaFor(c.kind, s, judged, incidents);
  if (c.route === 'PANEL' && criteria.length === 0) criteria.push('PROFESSIONAL_JUDGEMENT');
  const route: ReferralRoute = c.route === 'PANEL' ? 'PANEL' : 'LEAD_AGENCY_CASEWORK';
  const firstMeeting = (schedules.get(c.panel.key) ?? []).find((m) => m.cutoff > c.submittedAt);
  const explanation =
    explain(s, incidents, c.panel, criteria, route, agencyByKey(c.lead).name) +
    (route === 'PANEL' && firstMeeting ? ` First heard on ${formatLongDate(firstMeeting.date)}.` : '');
  rows.referrals.push({
    id: c.initialReferralId,
    partnershipId: DEMO_PARTNERSHIP_ID,
    subjectType: c.kind,
    status: 'ACCEPTED',
    referrerId: c.referrer.id,
    referrerAgencyId: agencyByKey(c.referrer.agencyKey).id,
    panelId: c.panel.id,
    caseId: c.id,
    ...mainSubject(c),
    reason: c.summary,
    criteriaMet: criteria,
    route,
    routingExplanation: explanation,
    submittedAt: c.submittedAt,
    decidedAt: c.openedAt,
    decidedById: memberByName(c.panel.chairs[0] ?? 'Helen Placeholder').id,
    createdAt: addMinutes(c.submittedAt, -90),
    updatedAt: c.openedAt,
  });
}

/** One victim case was heard, settled, then flared up again: the MARAC "repeat referral" route. */
function addRepeatReferral(rows: DemoRows, random: Random, id: IdMaker, plan: CasePlan, schedules: Map<string, ScheduledMeeting[]>): void {
  const held = (schedules.get('cmarac') ?? []).filter((m) => m.held);
  const target = held[1] ?? held[0];
  const c = plan.cases.find(
    (x) => x.kind === 'VICTIM' && x.route === 'PANEL' && target && x.submittedAt.getTime() < target.startsAt.getTime() - 150 * DAY_MS,
  );
  if (!c || !target) return;
  const submittedAt = addMinutes(target.cutoff, -random.int(2, 5) * 24 * 60);
  c.repeatReferral = { id: id('referral', 'repeat', c.id), submittedAt };
  rows.referrals.push({
    id: c.repeatReferral.id,
    partnershipId: DEMO_PARTNERSHIP_ID,
    subjectType: 'VICTIM',
    status: 'ACCEPTED',
    referrerId: c.referrer.id,
    referrerAgencyId: agencyByKey(c.referrer.agencyKey).id,
    panelId: c.panel.id,
    caseId: c.id,
    ...mainSubject(c),
    reason: 'New incident of abuse at the front door after a quiet period; the victim is frightened again.',
    criteriaMet: ['REPEAT_REFERRAL'],
    route: 'PANEL',
    routingExplanation: 'A new incident within 12 months of the case last being heard: repeat referral, routed back to the panel.',
    submittedAt,
    decidedAt: addMinutes(submittedAt, 24 * 60),
    decidedById: memberByName('Helen Placeholder').id,
    createdAt: addMinutes(submittedAt, -30),
    updatedAt: addMinutes(submittedAt, 24 * 60),
  });
}

interface ReferralOnly {
  band: RiskBand;
  assessment: PlannedAssessment;
  referral(s: ScoredAssessment, incidents: { year: number; quarter: number }): DemoRows['referrals'][number];
}

/** Referrals that did not (or not yet) become cases: pending, declined and withdrawn. */
function referralOnlyPlans(id: IdMaker, clock: DemoClock, plan: CasePlan): ReferralOnly[] {
  const cmarac = panelByKey('cmarac');
  const forum = panelByKey('forum');
  const make = (
    key: string,
    band: RiskBand,
    panel: DemoPanel,
    referrer: DemoMember,
    daysAgo: number,
    subject: { personId: string | null; locationId: string | null },
    decide: (
      s: ScoredAssessment,
      incidents: { year: number; quarter: number },
      submittedAt: Date,
    ) => Partial<DemoRows['referrals'][number]>,
  ): ReferralOnly => {
    const submittedAt = clock.at(clock.daysAgo(daysAgo), 11, 20);
    const referralId = id('referral', key);
    const subjectType: SubjectType = subject.locationId ? 'LOCATION' : 'VICTIM';
    return {
      band,
      assessment: {
        id: id('assessment', key),
        subjectType,
        at: addMinutes(submittedAt, -60),
        band,
        judgement: false,
        assessor: referrer,
        caseId: null,
        referralId,
        ...subject,
        supersedesId: null,
      },
      referral: (s, incidents) => ({
        id: referralId,
        partnershipId: DEMO_PARTNERSHIP_ID,
        subjectType,
        status: 'SUBMITTED',
        referrerId: referrer.id,
        referrerAgencyId: agencyByKey(referrer.agencyKey).id,
        panelId: panel.id,
        caseId: null,
        ...subject,
        submittedAt,
        createdAt: addMinutes(submittedAt, -120),
        updatedAt: submittedAt,
        ...decide(s, incidents, submittedAt),
      }),
    };
  };
  const [pending, declined, withdrawn] = plan.referralOnlyVictims;
  const list: ReferralOnly[] = [];
  if (pending) {
    list.push(
      make('pending-victim', 'HIGH', cmarac, memberByName('Bola Lorem'), 3, { personId: pending.id, locationId: null }, (s, incidents) => {
        const criteria = criteriaFor('VICTIM', s, false, incidents);
        return {
          reason: 'Resident with a learning disability being taken advantage of by people using the flat; threats when they refuse.',
          criteriaMet: criteria,
          route: 'PANEL',
          routingExplanation: explain(s, incidents, cmarac, criteria, 'PANEL', ''),
        };
      }),
    );
  }
  list.push(
    make(
      'pending-place',
      'MEDIUM',
      forum,
      memberByName('Tom Madeup'),
      2,
      { personId: null, locationId: plan.referralOnlyPlace.id },
      (s, incidents) => {
        const criteria = criteriaFor('LOCATION', s, true, incidents);
        return {
          reason: 'Repeated gatherings and small fires; residents say they avoid the area after dark.',
          criteriaMet: criteria,
          route: 'PANEL',
          routingExplanation: explain(s, incidents, forum, criteria, 'PANEL', ''),
        };
      },
    ),
  );
  if (declined) {
    list.push(
      make('declined', 'LOW', cmarac, memberByName('Joe Demoson'), 40, { personId: declined.id, locationId: null }, (s, incidents, at) => ({
        status: 'DECLINED',
        reason: 'Ongoing dispute with a neighbour over parking and a shared hedge.',
        criteriaMet: [],
        route: 'ADVICE_AND_CLOSURE',
        routingExplanation: explain(s, incidents, cmarac, [], 'ADVICE_AND_CLOSURE', ''),
        decidedAt: addMinutes(at, 2 * 24 * 60),
        decidedById: memberByName('Helen Placeholder').id,
        updatedAt: addMinutes(at, 2 * 24 * 60),
        declineReason:
          'Does not meet the CMARAC criteria: low risk and no pattern of escalation. Both households offered mediation through Sampleshire Housing Association.',
      })),
    );
  }
  if (withdrawn) {
    list.push(
      make(
        'withdrawn',
        'MEDIUM',
        cmarac,
        memberByName('Aisha Samplewood'),
        55,
        { personId: withdrawn.id, locationId: null },
        (s, incidents, at) => ({
          status: 'WITHDRAWN',
          reason: 'Verbal abuse from a group outside the shop where the resident works.',
          criteriaMet: criteriaFor('VICTIM', s, false, incidents),
          routingExplanation:
            'Withdrawn by the referrer before a decision: the resident has moved out of the district and asked for the referral to stop.',
          updatedAt: addMinutes(at, 5 * 24 * 60),
        }),
      ),
    );
  }
  return list;
}

/** Unfinished forms, saved as the referrer left them. */
function addDrafts(rows: DemoRows, id: IdMaker, clock: DemoClock): void {
  const drafts: [string, DemoMember, DemoPanel, SubjectType, number, Record<string, unknown>][] = [
    [
      'draft-victim',
      memberByName('Lewis Fauxley'),
      panelByKey('cmarac'),
      'VICTIM',
      1,
      {
        step: 'risk-assessment',
        subject: {
          givenName: 'Mabel',
          familyName: 'Exampleton',
          dateOfBirth: '1941-03-02',
          address: 'Flat 7, Sample Court',
          postcode: 'ZZ3 2RL',
        },
        concerns: 'Lives alone with early dementia. Young people have been knocking at all hours and taking money for "errands".',
        answers: { 'v-health': 'serious', 'v-less-able': 'serious', 'v-support': 'some' },
        consent: null,
      },
    ],
    [
      'draft-perpetrator',
      memberByName('Dan Sample'),
      panelByKey('offender'),
      'PERPETRATOR',
      4,
      {
        step: 'about-the-behaviour',
        subject: { givenName: 'Kieran', familyName: 'Notreal' },
        behaviour: 'Off-road bike ridden through Sampleton Recreation Ground most evenings; abuse when challenged.',
        earlierInterventions: ['WARNING_LETTER'],
      },
    ],
  ];
  for (const [key, referrer, panel, subjectType, daysAgo, draft] of drafts) {
    const started = clock.at(clock.daysAgo(daysAgo), 15, 40);
    rows.referrals.push({
      id: id('referral', key),
      partnershipId: DEMO_PARTNERSHIP_ID,
      subjectType,
      status: 'DRAFT',
      referrerId: referrer.id,
      referrerAgencyId: agencyByKey(referrer.agencyKey).id,
      panelId: panel.id,
      draft: toJson(draft),
      criteriaMet: [],
      createdAt: started,
      updatedAt: addMinutes(started, 25),
    });
  }
}
