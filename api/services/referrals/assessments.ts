// Risk assessments on a case: the history with the wording each was answered to, and a
// re-assessment, which is always a new version that supersedes the latest and never edits it.
import { mayUse } from '../../domain/access/policy';
import { applyProfessionalJudgement, checkAnswers, scoreAssessment, type Answers } from '../../domain/risk/scoring';
import type { RiskBand, SubjectType } from '../../domain/risk/template';
import type { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { requireVisibleCase } from '../case-access';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { conflict, forbidden, validationFailed } from '../errors';
import { judgementRefused } from './judgement-refusal';
import { activeTemplate } from './templates';

const assessmentSelect = {
  id: true,
  subjectType: true,
  score: true,
  calculatedBand: true,
  overrideBand: true,
  overrideReason: true,
  finalBand: true,
  reasons: true,
  answers: true,
  assessedAt: true,
  supersedesId: true,
  referralId: true,
  assessedBy: { select: { id: true, displayName: true } },
  template: { select: { id: true, name: true, version: true } },
} satisfies Prisma.RiskAssessmentSelect;

async function latestAssessment(tx: Tx, caseId: string) {
  return tx.riskAssessment.findFirst({
    where: { caseId, supersededBy: null },
    orderBy: { assessedAt: 'desc' },
    select: { id: true, subjectType: true, personId: true, locationId: true },
  });
}

export async function listCaseAssessments(ctx: ServiceContext, caseId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, caseId);
    const assessments = await tx.riskAssessment.findMany({ where: { caseId }, orderBy: { assessedAt: 'asc' }, select: assessmentSelect });
    await audit(tx, ctx, { event: 'case.read', entityType: 'Case', entityId: caseId, after: { view: 'assessments' } });
    return { assessments };
  });
}

export interface Reassessment {
  answers: Answers;
  judgement?: { band: RiskBand; reason: string } | undefined;
}

export async function reassessCase(ctx: ServiceContext, caseId: string, input: Reassessment) {
  if (!mayUse(ctx.actor, 'case.update')) throw forbidden('re-assess a case');
  return inTransaction(ctx, async (tx) => {
    await requireVisibleCase(tx, ctx, caseId);
    const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { kind: true, status: true, currentRiskBand: true } });
    if (kase.status === 'CLOSED') throw conflict('This case is closed. Refer again to reopen it.');
    const previous = await latestAssessment(tx, caseId);
    const subjectType: SubjectType = previous?.subjectType ?? kase.kind;
    const { row, template } = await activeTemplate(tx, ctx, subjectType);
    const problems = checkAnswers(template, input.answers);
    if (problems.length > 0) throw validationFailed(problems.map((p) => ({ field: `answers.${p.field ?? ''}`, message: p.message })));
    const scored = scoreAssessment(template, input.answers);
    if (!scored.ok) throw validationFailed([{ field: `answers.${scored.error.field ?? ''}`, message: scored.error.message }]);
    let assessment = scored.value;
    if (input.judgement) {
      const raised = applyProfessionalJudgement(assessment, { ...input.judgement, recordedBy: ctx.actor.memberId, recordedAt: ctx.now() });
      if (!raised.ok) throw judgementRefused(raised.error);
      assessment = raised.value;
    }
    const created = await tx.riskAssessment.create({
      data: {
        templateId: row.id,
        subjectType,
        caseId,
        personId: previous?.personId ?? null,
        locationId: previous?.locationId ?? null,
        assessedById: ctx.actor.memberId,
        answers: JSON.parse(JSON.stringify(assessment.answers)) as Prisma.InputJsonValue,
        score: assessment.score,
        calculatedBand: assessment.calculatedBand,
        overrideBand: assessment.judgement?.toBand ?? null,
        overrideReason: assessment.judgement?.reason ?? null,
        finalBand: assessment.finalBand,
        reasons: assessment.reasons,
        supersedesId: previous?.id ?? null,
        assessedAt: ctx.now(),
      },
      select: assessmentSelect,
    });
    await tx.case.update({ where: { id: caseId }, data: { currentRiskBand: assessment.finalBand } });
    await audit(tx, ctx, {
      event: 'case.reassess',
      entityType: 'Case',
      entityId: caseId,
      before: { currentRiskBand: kase.currentRiskBand, assessmentId: previous?.id ?? null },
      after: { currentRiskBand: assessment.finalBand, assessmentId: created.id, score: assessment.score },
    });
    return created;
  });
}
