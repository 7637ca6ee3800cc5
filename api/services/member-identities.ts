// A member's other Entra identities. A partner agency's officer signs in to the tab from their own
// organisation, but in the host organisation's Teams (meeting chats, the bot) they are a guest with
// another object id. The partnership admin records that guest identity once; from then on both
// resolve to the one member (members.ts memberWithEntraIdentity), and the app installs itself and
// opens chats for them where they are a guest.
import { mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { conflict, forbidden, notFound, validationFailed } from './errors';
import { memberWithEntraIdentity } from './members';

export interface MemberIdentitiesView {
  memberId: string;
  /** The identity the member signs in with. */
  primary: { tenantId: string; entraObjectId: string };
  others: { tenantId: string; entraObjectId: string; addedAt: Date }[];
}

export async function addMemberIdentity(
  ctx: ServiceContext,
  memberId: string,
  identity: { tenantId: string; entraObjectId: string },
): Promise<MemberIdentitiesView> {
  if (!mayUse(ctx.actor, 'member.manage')) throw forbidden("record members' identities");
  const tenantId = identity.tenantId.toLowerCase();
  const entraObjectId = identity.entraObjectId.toLowerCase();
  return inTransaction(ctx, async (tx) => {
    const member = await tx.member.findFirst({
      where: { id: memberId, partnershipId: ctx.actor.partnershipId },
      select: { tenantId: true },
    });
    if (!member) throw notFound('member');
    const holder = await tx.member.findFirst({ where: memberWithEntraIdentity(tenantId, entraObjectId), select: { id: true } });
    if (holder && holder.id !== memberId) throw conflict('This identity already belongs to another member.');
    if (member.tenantId.toLowerCase() === tenantId)
      throw validationFailed([
        { field: 'tenantId', message: "This is the member's own organisation: record the identity they have as a guest elsewhere." },
      ]);
    if (!holder) {
      await tx.memberIdentity.create({ data: { memberId, tenantId, entraObjectId, createdAt: ctx.now() } });
      await audit(tx, ctx, { event: 'member.identity.add', entityType: 'Member', entityId: memberId, after: { tenantId, entraObjectId } });
    }
    const found = await tx.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { tenantId: true, entraObjectId: true, otherIdentities: { orderBy: { createdAt: 'asc' } } },
    });
    return {
      memberId,
      primary: { tenantId: found.tenantId, entraObjectId: found.entraObjectId },
      others: found.otherIdentities.map((other) => ({
        tenantId: other.tenantId,
        entraObjectId: other.entraObjectId,
        addedAt: other.createdAt,
      })),
    };
  });
}
