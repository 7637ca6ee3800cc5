// Submitting a referral: the draft is checked as a whole (every missing field named at once, the
// draft left as it was), the assessment scored with the partnership's current template and its
// wording kept, the referral criteria applied, the route decided and explained, and the case
// opened or the subject's existing case linked, all in one transaction with its audit rows.
import { addMonths, londonDateOf, type CalendarDate } from '../../domain/agenda/calendar-date';
import { mayUse } from '../../domain/access/policy';
import { assessReferralCriteria, type CriterionMet } from '../../domain/referrals/criteria';
import { concernsProblems } from '../../domain/referrals/referral-form';
import { consentDecision, consentProblems } from '../../domain/referrals/sharing-consent';
import { panelLabel, routeReferral, type RoutingDecision, type RoutingOutcome } from '../../domain/referrals/routing';
import { applyProfessionalJudgement, checkAnswers, scoreAssessment, type ScoredAssessment } from '../../domain/risk/scoring';
import { RISK_BANDS, type RiskBand, type RiskTemplate, type SubjectType } from '../../domain/risk/template';
import type { CaseStatus, Prisma, ReferralCriterion } from '../../store/generated/client';
import { audit } from '../audit';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { forbidden, validationFailed, type FieldError } from '../errors';
import { judgementRefused } from './judgement-refusal';
import { partnershipPolicies, rulesAppliedOf } from './policy-settings';
import { completeSubject, homeAddressOf, type ReferralDraft } from './referral-draft';
import { linkHomeAddress } from './home-address';
import { keepConsent } from '../sharing-consent';
import { referralView, requireOwnDraft, requireVisibleReferral } from './referrals';
import { resolveSubject, type ResolvedSubject } from './subjects';
import { activeTemplate } from './templates';
import type { DeliveryPorts } from '../reminders/delivery';
import { sendTriageCards } from './triage-delivery';
import { dateColumnOf, dateColumnOrNull } from '../../store/calendar-dates';

const STATUS_FOR_ROUTE: Record<RoutingOutcome, CaseStatus> = {
  PANEL: 'OPEN',
  LEAD_AGENCY_CASEWORK: 'LEAD_AGENCY_CASEWORK',
  ADVICE_AND_CLOSURE: 'CLOSED',
};
/** An existing case is never moved down by a new referral: a case on panel stays on panel. */
const STATUS_RANK: Record<CaseStatus, number> = { CLOSED: 0, LEAD_AGENCY_CASEWORK: 1, OPEN: 2 };

export interface SubmittedReferralResult {
  score: number;
  maximumScore: number;
  threshold: number;
  calculatedBand: RiskBand;
  finalBand: RiskBand;
  reasons: string[];
  criteria: CriterionMet[];
  route: RoutingOutcome;
  panel: { id: string; name: string } | null;
  explanation: string;
  reviewDue: string | null;
  case: { id: string; reference: string; status: CaseStatus };
}

function checkDraft(subjectType: SubjectType, draft: ReferralDraft, template: RiskTemplate, today: CalendarDate): FieldError[] {
  const problems = [...completeSubject(subjectType, draft, today).problems];
  // Consent is sought but not required: a victim or perpetrator cannot be referred until the referrer
  // says whether they consented, and without consent names the lawful basis and why it applies.
  if (subjectType !== 'LOCATION') problems.push(...consentProblems(draft.consent, 'consent'));
  problems.push(...concernsProblems(draft.concerns, draft.judgement));
  for (const problem of checkAnswers(template, draft.answers ?? {}))
    problems.push({ field: `answers.${problem.field ?? ''}`, message: problem.message });
  const judgement = draft.judgement;
  if (judgement?.band && !RISK_BANDS.includes(judgement.band))
    problems.push({ field: 'judgement.band', message: 'Choose low, medium or high.' });
  return problems;
}

function withJudgement(ctx: ServiceContext, scored: ScoredAssessment, draft: ReferralDraft): ScoredAssessment {
  const band = draft.judgement?.band;
  if (!band) return scored;
  const raised = applyProfessionalJudgement(scored, {
    band,
    reason: draft.judgement?.reason ?? '',
    recordedBy: ctx.actor.memberId,
    recordedAt: ctx.now(),
  });
  if (!raised.ok) throw judgementRefused(raised.error, 'The referral is not complete yet. It is still saved as a draft.');
  return raised.value;
}

/** The subject's most recent case, open or closed: a new referral about them belongs to it (a repeat referral). */
async function latestCaseOf(tx: Tx, partnershipId: string, subjectType: SubjectType, subject: ResolvedSubject) {
  return tx.case.findFirst({
    where: {
      partnershipId,
      kind: subjectType,
      ...(subject.personId
        ? { subjects: { some: { personId: subject.personId, role: subjectType === 'PERPETRATOR' ? 'PERPETRATOR' : 'VICTIM' } } }
        : { locations: { some: { locationId: subject.locationId! } } }),
    },
    orderBy: { openedAt: 'desc' },
    select: {
      id: true,
      reference: true,
      status: true,
      lastHeardAt: true,
      leadAgencyId: true,
      leadAgency: { select: { name: true } },
      agencies: { select: { agencyId: true } },
    },
  });
}

/**
 * Submissions in one partnership take their case references one at a time. Taken first in the
 * transaction, before the audit chain's lock, so the two locks are always taken in the same order.
 */
async function lockCaseReferences(tx: Tx, partnershipId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`case-reference:${partnershipId}`}))::text AS locked`;
}

async function nextCaseReference(tx: Tx, partnershipId: string, now: Date): Promise<string> {
  const prefix = `ASB-${now.getUTCFullYear()}-`;
  const last = await tx.case.findFirst({
    where: { partnershipId, reference: { startsWith: prefix } },
    orderBy: { reference: 'desc' },
    select: { reference: true },
  });
  const next = (last ? Number.parseInt(last.reference.slice(prefix.length), 10) || 0 : 0) + 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}

type LatestCase = Awaited<ReturnType<typeof latestCaseOf>>;

interface CaseOutcome {
  existing: LatestCase;
  subjectType: SubjectType;
  subject: ResolvedSubject;
  routing: RoutingDecision;
  explanation: string;
  finalBand: RiskBand;
  summary: string | null;
}

/**
 * Opens a case for a new subject, or brings the subject's case up to date: its band, review date
 * and status (reopened if it was closed, closed with the explanation when advice was enough, with
 * its retention review dated from the closure).
 */
async function openOrLinkCase(tx: Tx, ctx: ServiceContext, outcome: CaseOutcome) {
  const { existing, subjectType, subject, routing } = outcome;
  const now = ctx.now();
  const partnershipId = ctx.actor.partnershipId;
  const routedStatus = STATUS_FOR_ROUTE[routing.outcome];
  const status = existing && STATUS_RANK[existing.status] > STATUS_RANK[routedStatus] ? existing.status : routedStatus;
  const { retentionReviewMonths } = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { retentionReviewMonths: true },
  });
  const caseData = {
    status,
    currentRiskBand: outcome.finalBand,
    nextReviewDue: dateColumnOrNull(routing.reviewDue),
    ...(status === 'CLOSED'
      ? {
          closedAt: now,
          closureReason: outcome.explanation,
          retentionReviewDue: dateColumnOf(addMonths(londonDateOf(now), retentionReviewMonths)),
        }
      : { closedAt: null, closureReason: null, retentionReviewDue: null }),
  } satisfies Prisma.CaseUncheckedUpdateInput;
  const select = { id: true, reference: true, status: true } as const;
  if (!existing) {
    return tx.case.create({
      data: {
        partnershipId,
        reference: await nextCaseReference(tx, partnershipId, now),
        kind: subjectType,
        leadAgencyId: ctx.actor.agencyId,
        openedAt: now,
        summary: outcome.summary,
        ...caseData,
        ...(subject.personId
          ? {
              subjects: {
                create: { personId: subject.personId, role: subjectType === 'PERPETRATOR' ? 'PERPETRATOR' : 'VICTIM', addedAt: now },
              },
            }
          : { locations: { create: { locationId: subject.locationId!, addedAt: now } } }),
      },
      select,
    });
  }
  // The referring agency is involved from now on, so it keeps sight of the case it referred.
  if (existing.leadAgencyId !== ctx.actor.agencyId && !existing.agencies.some((a) => a.agencyId === ctx.actor.agencyId)) {
    await tx.caseAgency.create({ data: { caseId: existing.id, agencyId: ctx.actor.agencyId, since: now } });
  }
  return tx.case.update({ where: { id: existing.id }, data: caseData, select });
}

/** Submits the referral, then sends the triage card to each chair of the panel it is sent to. */
export async function submitReferral(ctx: ServiceContext, ports: DeliveryPorts, referralId: string) {
  if (!mayUse(ctx.actor, 'referral.create')) throw forbidden('make referrals');
  const submitted = await submitInTransaction(ctx, referralId);
  if (submitted.referral.panel) await sendTriageCards(ctx.db, ports, referralId, ctx.now());
  return submitted;
}

async function submitInTransaction(ctx: ServiceContext, referralId: string) {
  return inTransaction(ctx, async (tx) => {
    await lockCaseReferences(tx, ctx.actor.partnershipId);
    const referral = await requireOwnDraft(tx, ctx, referralId);
    const draft = (referral.draft ?? {}) as ReferralDraft;
    const { row: templateRow, template } = await activeTemplate(tx, ctx, referral.subjectType);
    const problems = checkDraft(referral.subjectType, draft, template, londonDateOf(ctx.now()));
    if (problems.length > 0) throw validationFailed(problems, 'The referral is not complete yet. It is still saved as a draft.');
    const scoredOnly = scoreAssessment(template, draft.answers ?? {});
    if (!scoredOnly.ok) throw validationFailed([{ field: `answers.${scoredOnly.error.field ?? ''}`, message: scoredOnly.error.message }]);
    const scored = withJudgement(ctx, scoredOnly.value, draft);

    const now = ctx.now();
    const partnershipId = ctx.actor.partnershipId;
    const subject = await resolveSubject(tx, ctx, draft, completeSubject(referral.subjectType, draft, londonDateOf(ctx.now())).subject);
    const existing = await latestCaseOf(tx, partnershipId, referral.subjectType, subject);
    const incidents = await tx.incident.findMany({
      where: subject.personId
        ? { partnershipId, people: { some: { personId: subject.personId } } }
        : { partnershipId, locationId: subject.locationId! },
      select: { occurredAt: true, category: true },
    });
    const policies = await partnershipPolicies(tx, partnershipId);
    const criteria = assessReferralCriteria(
      { assessedAt: now, risk: scored, incidents, ...(existing?.lastHeardAt ? { lastHeardAt: existing.lastHeardAt } : {}) },
      policies.referral,
    );
    if (!criteria.ok) throw validationFailed([{ field: criteria.error.field ?? 'policy', message: criteria.error.message }]);
    const leadAgencyName =
      existing?.leadAgency.name ?? (await tx.agency.findUniqueOrThrow({ where: { id: ctx.actor.agencyId }, select: { name: true } })).name;
    const routing = routeReferral({ risk: scored, criteria: criteria.value, leadAgency: leadAgencyName, decidedAt: now }, policies.review);
    const panel = routing.panelType
      ? await tx.panel.findFirst({
          where: { partnershipId, type: routing.panelType, isActive: true },
          orderBy: { createdAt: 'asc' },
          select: { id: true, name: true },
        })
      : null;

    // Said plainly rather than failing: the referral and its assessment are kept, and someone can act on the gap.
    const explanation =
      routing.panelType && !panel
        ? `${routing.explanation} The partnership has no active ${panelLabel(routing.panelType).replace(/^the /, '')} yet, so no chair can accept this referral: ask a partnership administrator to set one up.`
        : routing.explanation;
    const kase = await openOrLinkCase(tx, ctx, {
      existing,
      subjectType: referral.subjectType,
      subject,
      routing,
      explanation,
      finalBand: scored.finalBand,
      summary: draft.concerns?.trim() ?? null,
    });

    const subjectType = referral.subjectType;
    const home = homeAddressOf(subjectType, draft);
    const homeLocationId =
      subject.personId && home && subjectType !== 'LOCATION'
        ? await linkHomeAddress(tx, ctx, { caseId: kase.id, personId: subject.personId, subjectType }, home, draft.homeMatch)
        : null;
    const consent = subject.personId ? consentDecision(draft.consent) : null;
    if (subject.personId && consent) await keepConsent(tx, ctx, { personId: subject.personId, caseId: kase.id }, consent);

    const assessment = await tx.riskAssessment.create({
      data: {
        templateId: templateRow.id,
        subjectType: referral.subjectType,
        caseId: kase.id,
        referralId,
        ...subject,
        assessedById: ctx.actor.memberId,
        answers: JSON.parse(JSON.stringify(scored.answers)) as Prisma.InputJsonValue,
        score: scored.score,
        calculatedBand: scored.calculatedBand,
        overrideBand: scored.judgement?.toBand ?? null,
        overrideReason: scored.judgement?.reason ?? null,
        finalBand: scored.finalBand,
        reasons: scored.reasons,
        assessedAt: now,
      },
      select: { id: true },
    });
    const criteriaMet: ReferralCriterion[] = criteria.value.met.map((m) => m.criterion);
    if (criteria.value.repeatVictimisation && referral.subjectType === 'VICTIM') criteriaMet.push('REPEAT_VICTIMISATION');
    await tx.referral.update({
      where: { id: referralId },
      data: {
        status: 'SUBMITTED',
        submittedAt: now,
        caseId: kase.id,
        ...subject,
        panelId: panel?.id ?? null,
        reason: draft.concerns?.trim() ?? null,
        criteriaMet,
        route: routing.outcome,
        routingExplanation: explanation,
        rulesApplied: JSON.parse(JSON.stringify(rulesAppliedOf(policies))) as Prisma.InputJsonValue,
      },
    });
    await audit(tx, ctx, {
      event: 'referral.submit',
      entityType: 'Referral',
      entityId: referralId,
      before: { status: 'DRAFT' },
      after: {
        status: 'SUBMITTED',
        caseId: kase.id,
        caseCreated: !existing,
        ...subject,
        homeLocationId,
        consent: consent?.consent ?? null,
        assessmentId: assessment.id,
        score: scored.score,
        finalBand: scored.finalBand,
        criteriaMet,
        route: routing.outcome,
        panelId: panel?.id ?? null,
      },
    });
    const result: SubmittedReferralResult = {
      score: scored.score,
      maximumScore: scored.maximumScore,
      threshold: scored.threshold,
      calculatedBand: scored.calculatedBand,
      finalBand: scored.finalBand,
      reasons: scored.reasons,
      criteria: criteria.value.met,
      route: routing.outcome,
      panel,
      explanation,
      reviewDue: routing.reviewDue,
      case: kase,
    };
    return { referral: referralView(await requireVisibleReferral(tx, ctx, referralId)), result };
  });
}
