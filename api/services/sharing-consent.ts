// Consent and the lawful basis for sharing a person's information on a case: recorded with a
// referral or later on the case by the case's agencies, each record kept (the latest is the one in
// force), audited, and read by those who may see the case.
import { mayUse } from '../domain/access/policy';
import {
  CONSENT_STATUSES,
  consentDecision,
  consentProblems,
  type ConsentAnswer,
  type ConsentDecision,
} from '../domain/referrals/sharing-consent';
import { audit } from './audit';
import { requireVisibleCase } from './case-access';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { forbidden, notFound, validationFailed } from './errors';

const consentSelect = {
  id: true,
  personId: true,
  consent: true,
  lawfulBasis: true,
  regime: true,
  justification: true,
  recordedAt: true,
  recordedBy: { select: { displayName: true } },
} as const;

/** Writes one consent record for a person on a case, with its audit row (before: the record it replaces). */
export async function keepConsent(tx: Tx, ctx: ServiceContext, target: { personId: string; caseId: string }, decision: ConsentDecision) {
  const before = await tx.consentRecord.findFirst({
    where: target,
    orderBy: { recordedAt: 'desc' },
    select: { id: true, consent: true, lawfulBasis: true, regime: true, justification: true },
  });
  const record = await tx.consentRecord.create({
    data: { ...target, ...decision, recordedById: ctx.actor.memberId, recordedAt: ctx.now() },
    select: { id: true },
  });
  await audit(tx, ctx, {
    event: 'consent.record',
    entityType: 'ConsentRecord',
    entityId: record.id,
    before: before ?? null,
    after: { ...target, ...decision },
  });
  return record;
}

/** The consent in force for each person on a case: the latest record per person. */
export async function consentInForce(tx: Tx, caseId: string) {
  const records = await tx.consentRecord.findMany({ where: { caseId }, orderBy: { recordedAt: 'desc' }, select: consentSelect });
  const latest = new Map<string, (typeof records)[number]>();
  for (const record of records) if (!latest.has(record.personId)) latest.set(record.personId, record);
  return [...latest.values()].map(({ recordedBy, ...record }) => ({ ...record, recordedBy: recordedBy.displayName }));
}

/** Records consent (or the basis for sharing without it) for a person on a case, from the case page. */
export async function recordCaseConsent(ctx: ServiceContext, caseId: string, personId: string, answer: ConsentAnswer) {
  if (!mayUse(ctx.actor, 'case.update')) throw forbidden('record consent');
  return inTransaction(ctx, async (tx) => {
    const access = await requireVisibleCase(tx, ctx, caseId);
    // The agencies working the case record it; a panel seat alone sees it but does not decide it.
    if (access.ground !== 'LEAD_AGENCY' && access.ground !== 'INVOLVED_AGENCY') throw forbidden("record consent on another agency's case");
    const onCase = await tx.caseSubject.findFirst({ where: { caseId, personId }, select: { personId: true } });
    if (!onCase) throw notFound('person on this case');
    const problems = consentProblems(answer, 'consent', CONSENT_STATUSES);
    if (problems.length > 0) throw validationFailed(problems);
    await keepConsent(tx, ctx, { personId, caseId }, consentDecision(answer, CONSENT_STATUSES)!);
    return { consent: await consentInForce(tx, caseId) };
  });
}
