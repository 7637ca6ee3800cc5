// Loads the facts the access policy needs about a case, and turns "may not see" into the same
// NOT_FOUND a missing case gets.
import type { Prisma } from '../store/generated/client';
import {
  caseAccessGround,
  mayUse,
  restrictedFieldsVisible,
  type Actor,
  type CaseAccessFacts,
  type CaseAccessGround,
  type RestrictedFieldAccess,
} from '../domain/access/policy';
import { notFound } from './errors';
import type { ServiceContext, Tx } from './context';

/** Referrals in these states ask a panel to hear the case, so its members need to know it. */
const HEARING_REFERRAL_STATUSES = ['SUBMITTED', 'ACCEPTED'] as const;

export interface CaseAccess {
  caseId: string;
  facts: CaseAccessFacts;
  ground: CaseAccessGround;
  restricted: RestrictedFieldAccess;
}

export async function loadCaseAccessFacts(tx: Tx, caseId: string): Promise<CaseAccessFacts | null> {
  const found = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      partnershipId: true,
      leadAgencyId: true,
      agencies: { select: { agencyId: true } },
      referrals: { where: { panelId: { not: null }, status: { in: [...HEARING_REFERRAL_STATUSES] } }, select: { panelId: true } },
      agendaItems: { select: { meeting: { select: { panelId: true } } } },
    },
  });
  if (!found) return null;
  const panelIds = new Set<string>();
  for (const referral of found.referrals) if (referral.panelId) panelIds.add(referral.panelId);
  for (const item of found.agendaItems) panelIds.add(item.meeting.panelId);
  const panels =
    panelIds.size === 0
      ? []
      : await tx.panel.findMany({
          where: { id: { in: [...panelIds] } },
          select: { id: true, agencies: { select: { agencyId: true } }, chairs: { select: { memberId: true } } },
        });
  return {
    partnershipId: found.partnershipId,
    leadAgencyId: found.leadAgencyId,
    involvedAgencyIds: found.agencies.map((agency) => agency.agencyId),
    hearingPanels: panels.map((panel) => ({
      panelId: panel.id,
      agencyIds: panel.agencies.map((seat) => seat.agencyId),
      chairMemberIds: panel.chairs.map((chair) => chair.memberId),
    })),
  };
}

/** The case's access facts, or NOT_FOUND when it is missing or the actor may not see it. */
export async function requireVisibleCase(tx: Tx, ctx: ServiceContext, caseId: string): Promise<CaseAccess> {
  const facts = await loadCaseAccessFacts(tx, caseId);
  const ground = facts ? caseAccessGround(ctx.actor, facts) : null;
  if (!facts || !ground) throw notFound('case');
  return { caseId, facts, ground, restricted: restrictedFieldsVisible(ctx.actor, facts) };
}

/**
 * The same rule as caseAccessGround, as a query filter for lists and counts. Kept next to the loader
 * above; tests/integration/access-policy checks that both agree case by case.
 */
export function visibleCaseWhere(actor: Actor): Prisma.CaseWhereInput {
  if (!mayUse(actor, 'case.read')) return { id: { in: [] } };
  const hearingPanel: Prisma.PanelWhereInput = mayUse(actor, 'meeting.attend')
    ? { OR: [{ chairs: { some: { memberId: actor.memberId } } }, { agencies: { some: { agencyId: actor.agencyId } } }] }
    : { chairs: { some: { memberId: actor.memberId } } };
  return {
    partnershipId: actor.partnershipId,
    OR: [
      { leadAgencyId: actor.agencyId },
      { agencies: { some: { agencyId: actor.agencyId } } },
      { referrals: { some: { status: { in: [...HEARING_REFERRAL_STATUSES] }, panel: hearingPanel } } },
      { agendaItems: { some: { meeting: { panel: hearingPanel } } } },
    ],
  };
}
