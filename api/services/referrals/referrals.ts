// Starting, saving, reading and listing referrals. A draft belongs to its referrer alone; once
// submitted, the chairs of the panel asked to hear it and those who may see its case can read it.
import { caseAccessGround, mayUse, type Actor } from '../../domain/access/policy';
import type { SubjectType } from '../../domain/risk/template';
import type { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { loadCaseAccessFacts } from '../case-access';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { rulesAppliedOfRow } from './policy-settings';
import type { ReferralDraft } from './referral-draft';
import { calendarDateOrNull } from '../../store/calendar-dates';

const referralSelect = {
  id: true,
  partnershipId: true,
  subjectType: true,
  status: true,
  referrerId: true,
  panelId: true,
  caseId: true,
  personId: true,
  locationId: true,
  draft: true,
  reason: true,
  criteriaMet: true,
  rulesApplied: true,
  route: true,
  routingExplanation: true,
  submittedAt: true,
  decidedAt: true,
  declineReason: true,
  withdrawnAt: true,
  withdrawalReason: true,
  version: true,
  redirect: true,
  redirectedAt: true,
  redirectReason: true,
  redirectedFrom: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
  referrer: { select: { id: true, displayName: true } },
  referrerAgency: { select: { id: true, name: true } },
  panel: { select: { id: true, name: true, type: true } },
  case: { select: { id: true, reference: true, status: true, currentRiskBand: true, nextReviewDue: true } },
  person: { select: { id: true, givenName: true, familyName: true, dateOfBirth: true, anonymisedAt: true } },
  location: { select: { id: true, addressLine1: true, town: true, postcode: true, anonymisedAt: true } },
  decidedBy: { select: { id: true, displayName: true } },
  withdrawnBy: { select: { id: true, displayName: true } },
  assessments: {
    orderBy: { assessedAt: 'asc' },
    select: {
      id: true,
      score: true,
      calculatedBand: true,
      overrideBand: true,
      overrideReason: true,
      finalBand: true,
      reasons: true,
      assessedAt: true,
      template: { select: { id: true, name: true, version: true } },
    },
  },
} satisfies Prisma.ReferralSelect;

export type LoadedReferral = Prisma.ReferralGetPayload<{ select: typeof referralSelect }>;

export async function isChairOf(tx: Tx, actor: Actor, panelId: string | null): Promise<boolean> {
  if (!panelId || !mayUse(actor, 'panel.chair')) return false;
  return (await tx.panelChair.findFirst({ where: { panelId, memberId: actor.memberId }, select: { panelId: true } })) !== null;
}

/** The referral as stored, for the app acting on its own (sending and updating triage cards); no visibility check. */
export async function loadReferral(tx: Tx, referralId: string): Promise<LoadedReferral | null> {
  return tx.referral.findUnique({ where: { id: referralId }, select: referralSelect });
}

/** The referral, or NOT_FOUND when it is missing or the actor may not read it: the two answer alike. */
export async function requireVisibleReferral(tx: Tx, ctx: ServiceContext, referralId: string): Promise<LoadedReferral> {
  const referral = await tx.referral.findFirst({
    where: { id: referralId, partnershipId: ctx.actor.partnershipId },
    select: referralSelect,
  });
  if (!referral) throw notFound('referral');
  if (referral.referrerId === ctx.actor.memberId) return referral;
  if (referral.status === 'DRAFT') throw notFound('referral');
  if (await isChairOf(tx, ctx.actor, referral.panelId)) return referral;
  const facts = referral.caseId ? await loadCaseAccessFacts(tx, referral.caseId) : null;
  if (facts && caseAccessGround(ctx.actor, facts)) return referral;
  throw notFound('referral');
}

export function referralView(referral: LoadedReferral) {
  const person = referral.person;
  const location = referral.location;
  return {
    id: referral.id,
    subjectType: referral.subjectType,
    status: referral.status,
    referrer: referral.referrer,
    referrerAgency: referral.referrerAgency,
    panel: referral.panel,
    case: referral.case ? { ...referral.case, nextReviewDue: calendarDateOrNull(referral.case.nextReviewDue) } : null,
    person: person
      ? person.anonymisedAt
        ? { id: person.id, name: 'Anonymised person' }
        : {
            id: person.id,
            name: `${person.givenName} ${person.familyName}`,
            dateOfBirth: calendarDateOrNull(person.dateOfBirth),
          }
      : null,
    location: location
      ? location.anonymisedAt
        ? { id: location.id, address: 'Anonymised place' }
        : { id: location.id, address: location.addressLine1, town: location.town, postcode: location.postcode }
      : null,
    draft: referral.draft as ReferralDraft | null,
    concerns: referral.reason,
    criteriaMet: referral.criteriaMet,
    rulesApplied: rulesAppliedOfRow(referral.rulesApplied),
    route: referral.route,
    routingExplanation: referral.routingExplanation,
    submittedAt: referral.submittedAt,
    decidedAt: referral.decidedAt,
    decidedBy: referral.decidedBy,
    declineReason: referral.declineReason,
    withdrawnAt: referral.withdrawnAt,
    withdrawnBy: referral.withdrawnBy,
    withdrawalReason: referral.withdrawalReason,
    version: referral.version,
    redirect: referral.redirect,
    redirectedAt: referral.redirectedAt,
    redirectedFrom: referral.redirectedFrom,
    redirectReason: referral.redirectReason,
    assessments: referral.assessments,
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
  };
}

export async function startReferral(ctx: ServiceContext, input: { subjectType: SubjectType; draft: ReferralDraft }) {
  if (!mayUse(ctx.actor, 'referral.create')) throw forbidden('make referrals');
  return inTransaction(ctx, async (tx) => {
    const created = await tx.referral.create({
      data: {
        partnershipId: ctx.actor.partnershipId,
        subjectType: input.subjectType,
        referrerId: ctx.actor.memberId,
        referrerAgencyId: ctx.actor.agencyId,
        draft: input.draft as Prisma.InputJsonValue,
        criteriaMet: [],
        createdAt: ctx.now(),
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      event: 'referral.create',
      entityType: 'Referral',
      entityId: created.id,
      after: { subjectType: input.subjectType, draft: input.draft },
    });
    return referralView(await requireVisibleReferral(tx, ctx, created.id));
  });
}

/** Only the referrer's own draft can be changed; a submitted referral is never edited. */
export async function requireOwnDraft(tx: Tx, ctx: ServiceContext, referralId: string): Promise<LoadedReferral> {
  // Others never see a draft, so a referral they can see has been submitted: that is what they are told.
  const referral = await requireVisibleReferral(tx, ctx, referralId);
  if (referral.status !== 'DRAFT')
    throw conflict('This referral has been submitted and can no longer be changed. Record a re-assessment on its case instead.');
  return referral;
}

export async function saveReferralDraft(
  ctx: ServiceContext,
  referralId: string,
  input: { subjectType?: SubjectType | undefined; draft: ReferralDraft },
) {
  if (!mayUse(ctx.actor, 'referral.create')) throw forbidden('make referrals');
  return inTransaction(ctx, async (tx) => {
    const before = await requireOwnDraft(tx, ctx, referralId);
    await tx.referral.update({
      where: { id: referralId },
      data: { draft: input.draft as Prisma.InputJsonValue, ...(input.subjectType ? { subjectType: input.subjectType } : {}) },
    });
    await audit(tx, ctx, {
      event: 'referral.draft.save',
      entityType: 'Referral',
      entityId: referralId,
      before: { subjectType: before.subjectType, draft: before.draft },
      after: { subjectType: input.subjectType ?? before.subjectType, draft: input.draft },
    });
    return referralView(await requireVisibleReferral(tx, ctx, referralId));
  });
}

export async function readReferral(ctx: ServiceContext, referralId: string) {
  if (!mayUse(ctx.actor, 'case.read')) throw forbidden('read referrals');
  return inTransaction(ctx, async (tx) => {
    const referral = await requireVisibleReferral(tx, ctx, referralId);
    await audit(tx, ctx, { event: 'referral.read', entityType: 'Referral', entityId: referralId });
    return referralView(referral);
  });
}

const LIST_LIMIT = 200;

/** The actor's own referrals (drafts included) and, for a chair, those sent to the panels they chair. */
export async function listReferrals(ctx: ServiceContext, filter: { status?: LoadedReferral['status'] | undefined }) {
  if (!mayUse(ctx.actor, 'case.read')) throw forbidden('list referrals');
  return inTransaction(ctx, async (tx) => {
    const referrals = await tx.referral.findMany({
      where: {
        partnershipId: ctx.actor.partnershipId,
        ...(filter.status ? { status: filter.status } : {}),
        OR: [
          { referrerId: ctx.actor.memberId },
          ...(mayUse(ctx.actor, 'panel.chair')
            ? [{ status: { not: 'DRAFT' as const }, panel: { chairs: { some: { memberId: ctx.actor.memberId } } } }]
            : []),
        ],
      },
      orderBy: { updatedAt: 'desc' },
      take: LIST_LIMIT,
      select: referralSelect,
    });
    await audit(tx, ctx, {
      event: 'referral.list',
      entityType: 'Referral',
      after: { status: filter.status ?? null, count: referrals.length },
    });
    return {
      referrals: referrals.map((r) => {
        const { draft, assessments, ...rest } = referralView(r);
        // A draft in this list is the actor's own: its form is returned so it can be recognised and resumed.
        return { ...rest, ...(r.status === 'DRAFT' ? { draft } : {}), finalBand: assessments.at(-1)?.finalBand ?? null };
      }),
    };
  });
}
