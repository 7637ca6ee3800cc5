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

/** The member an Entra ID user (tenant + object id, from a Teams SSO token or a Teams activity) is. */
export async function actorForEntraUser(tx: Tx, tenantId: string, objectId: string): Promise<Actor | null> {
  const member = await tx.member.findFirst({
    where: {
      tenantId: { equals: tenantId, mode: 'insensitive' },
      entraObjectId: { equals: objectId, mode: 'insensitive' },
      isActive: true,
      agency: { isActive: true },
    },
    select: ACTOR_FIELDS,
  });
  return member ? toActor(member) : null;
}
