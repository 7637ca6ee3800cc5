// Who sent a Teams activity, as a member of the partnership: the same Actor the REST API uses, so
// bot commands and card actions go through the same policy.
import type { Activity } from 'botbuilder';
import type { Database } from '../api/store/database';
import type { Actor } from '../api/domain/access/policy';
import { actorForEntraUser } from '../api/services/members';

/** Teams puts the tenant on the conversation and in channelData; personal chats may carry only one. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

export async function actorForActivity(db: Database, activity: Partial<Activity>): Promise<Actor | null> {
  const objectId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (!objectId || !tenantId) return null;
  return actorForEntraUser(db.prisma, tenantId, objectId);
}
