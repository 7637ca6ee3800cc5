// Who a signed-in person is in the partnership: their member record, agency and roles, as an Actor.
import type { Actor, Role } from '../domain/access/policy';
import type { Prisma } from '../store/generated/client';
import type { Tx } from './context';

const ACTOR_FIELDS = {
  id: true,
  partnershipId: true,
  agencyId: true,
  roles: true,
  displayName: true,
  agency: { select: { type: true, isActive: true } },
} as const;

type MemberWithAgency = Prisma.MemberGetPayload<{ select: typeof ACTOR_FIELDS }>;

function toActor(member: MemberWithAgency): Actor {
  return {
    memberId: member.id,
    partnershipId: member.partnershipId,
    agencyId: member.agencyId,
    agencyType: member.agency.type,
    roles: member.roles as Role[],
    displayName: member.displayName,
  };
}

/** An active member of an active agency, or null: leavers and closed agencies lose access at once. */
export async function actorForMember(tx: Tx, memberId: string): Promise<Actor | null> {
  const member = await tx.member.findFirst({ where: { id: memberId, isActive: true, agency: { isActive: true } }, select: ACTOR_FIELDS });
  return member ? toActor(member) : null;
}

/**
 * The member an Entra identity (tenant + object id) belongs to: their own, or another recorded for them,
 * such as the guest account a partner agency's officer has in the host organisation's Teams.
 */
export function memberWithEntraIdentity(tenantId: string, objectId: string): Prisma.MemberWhereInput {
  const identity = {
    tenantId: { equals: tenantId, mode: 'insensitive' as const },
    entraObjectId: { equals: objectId, mode: 'insensitive' as const },
  };
  return { OR: [identity, { otherIdentities: { some: identity } }] };
}

/** The member an Entra ID user (tenant + object id, from a Teams SSO token or a Teams activity) is. */
export async function actorForEntraUser(tx: Tx, tenantId: string, objectId: string): Promise<Actor | null> {
  const member = await tx.member.findFirst({
    where: { ...memberWithEntraIdentity(tenantId, objectId), isActive: true, agency: { isActive: true } },
    select: ACTOR_FIELDS,
  });
  return member ? toActor(member) : null;
}
