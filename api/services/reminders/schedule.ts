// Turns what the reminder policy says is due today into Notification rows, one per recipient. The
// policy's dedupe key (plus the recipient) is the row's unique key, so however many app instances
// run this, and however often, each reminder is queued once.
import { PARTNERSHIP_SETTINGS_SELECT, settingsOfRow } from '../referrals/policy-settings';
import { OPEN_ACTION_STATUSES } from '../../domain/actions/lifecycle';
import { londonDateOf } from '../../domain/agenda/calendar-date';
import {
  DEFAULT_REMINDER_POLICY,
  remindersDueToday,
  weeklyDigestsDue,
  type ReminderKind,
  type ReminderPolicy,
  type ReminderRecipient,
} from '../../domain/reminders/policy';
import { calendarDateOfColumn } from '../../store/calendar-dates';
import type { Database } from '../../store/database';
import { mayUse, type Capability } from '../../domain/access/policy';
import type { NotificationKind } from '../../store/generated/client';

export const NOTIFICATION_KIND_OF: Record<ReminderKind, NotificationKind> = {
  BEFORE_DUE: 'REMINDER_BEFORE_DUE',
  DUE_TODAY: 'REMINDER_DUE_TODAY',
  OVERDUE: 'REMINDER_OVERDUE',
  ESCALATION: 'ESCALATION_TO_CHAIR',
};

/**
 * Active members of an agency who sit on panels, ordered by id. Roles are filtered here rather than
 * in the query: the PGlite adapter cannot pass an enum-array filter (`has`, `hasSome`) to PGlite.
 */
export async function panelMembersOf(
  db: Pick<Database['prisma'], 'member'>,
  where: { agencyId: string } | { partnershipId: string },
  capability: Capability,
): Promise<string[]> {
  const members = await db.member.findMany({
    where: { ...where, isActive: true, agency: { isActive: true } },
    select: { id: true, roles: true },
    orderBy: { id: 'asc' },
  });
  return members.filter((member) => mayUse(member, capability)).map((member) => member.id);
}

interface Recipients {
  agencyMembers(agencyId: string): Promise<string[]>;
  chairs(partnershipId: string, panelChairIds: readonly string[]): Promise<string[]>;
}

/** Open actions read, and their reminders written, per batch: a county has tens of thousands due at once. */
const SCHEDULE_BATCH = 1000;

/**
 * Queues today's reminders and digests; returns how many new rows were written. Each partnership's own
 * reminder policy applies; `deploymentPolicy` is the default for one that has not set its own. Works
 * through the open actions in batches by id, writing each batch's rows before reading the next, so
 * memory stays bounded whatever the county's size. Each row's dedupe key makes a batch written twice
 * (a second instance, a cycle cut short) harmless.
 */
export async function scheduleReminders(
  db: Database,
  now: Date,
  deploymentPolicy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  batchSize = SCHEDULE_BATCH,
): Promise<number> {
  const today = londonDateOf(now);
  const partnerships = await db.prisma.partnership.findMany({ select: { id: true, ...PARTNERSHIP_SETTINGS_SELECT } });
  const policies = new Map(partnerships.map((row) => [row.id, settingsOfRow(row, deploymentPolicy).reminders]));
  const policyOf = (partnershipId: string): ReminderPolicy => policies.get(partnershipId) ?? deploymentPolicy;
  const recipients = recipientLookup(db);
  // An officer's digest is one row however many batches hold their actions.
  const digestsQueued = new Set<string>();
  let written = 0;
  let after: string | undefined;
  for (;;) {
    const actions = await db.prisma.action.findMany({
      where: { status: { in: [...OPEN_ACTION_STATUSES] }, ...(after === undefined ? {} : { id: { gt: after } }) },
      select: {
        id: true,
        partnershipId: true,
        caseId: true,
        title: true,
        status: true,
        ownerAgencyId: true,
        ownerMemberId: true,
        dueDate: true,
        meeting: { select: { panel: { select: { chairs: { select: { memberId: true } } } } } },
      },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (actions.length === 0) break;
    after = actions[actions.length - 1]!.id;
    const rows: QueuedNotification[] = [];
    const remindables = actions.map((action) => ({ ...action, dueDate: calendarDateOfColumn(action.dueDate) }));
    for (const action of remindables) {
      for (const reminder of remindersDueToday(action, today, policyOf(action.partnershipId))) {
        const panelChairs = action.meeting?.panel.chairs.map((chair) => chair.memberId) ?? [];
        for (const recipientId of await resolve(reminder.recipient, action.partnershipId, panelChairs, recipients)) {
          rows.push({
            recipientId,
            actionId: action.id,
            kind: NOTIFICATION_KIND_OF[reminder.kind],
            dedupeKey: `${reminder.dedupeKey}:to:${recipientId}`,
            scheduledFor: now,
            createdAt: now,
          });
        }
      }
    }
    for (const partnershipId of new Set(actions.map((action) => action.partnershipId))) {
      const ofPartnership = remindables.filter((action) => action.partnershipId === partnershipId);
      for (const digest of weeklyDigestsDue(ofPartnership, today, policyOf(partnershipId))) {
        if (digestsQueued.has(digest.dedupeKey)) continue;
        digestsQueued.add(digest.dedupeKey);
        rows.push({
          recipientId: digest.memberId,
          actionId: null,
          kind: 'WEEKLY_DIGEST',
          dedupeKey: digest.dedupeKey,
          scheduledFor: now,
          createdAt: now,
        });
      }
    }
    if (rows.length > 0) written += await queueNotifications(db, rows);
    if (actions.length < batchSize) break;
  }
  return written;
}

interface QueuedNotification {
  recipientId: string;
  actionId: string | null;
  kind: NotificationKind;
  dedupeKey: string;
  scheduledFor: Date;
  createdAt: Date;
}

/**
 * Writes a batch of reminders, skipping any already queued (the dedupe key), and returns how many
 * were new. One statement with the batch as one JSON parameter, not Prisma's createMany: that builds
 * a query plan of several objects per row. Sent on the raw channel, not through Prisma: Prisma's
 * PostgreSQL adapter hands every query and its arguments to its debug module, which keeps the last
 * hundred even with debugging off, so a county's batches (half a megabyte of JSON each) stayed on the
 * heap for the whole queueing phase.
 */
async function queueNotifications(db: Database, rows: readonly QueuedNotification[]): Promise<number> {
  const [result] = await db.sql.query<{ written: number }>(
    `WITH written AS (
       INSERT INTO "Notification" ("id", "recipientId", "actionId", "kind", "dedupeKey", "scheduledFor", "createdAt")
       SELECT gen_random_uuid(), r."recipientId", r."actionId", r.kind::"NotificationKind", r."dedupeKey", r."scheduledFor", r."createdAt"
         FROM jsonb_to_recordset($1::jsonb)
              AS r("recipientId" uuid, "actionId" uuid, kind text, "dedupeKey" text, "scheduledFor" timestamp(3), "createdAt" timestamp(3))
       ON CONFLICT ("dedupeKey") DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS written FROM written`,
    [JSON.stringify(rows)],
  );
  return result?.written ?? 0;
}

async function resolve(
  recipient: ReminderRecipient,
  partnershipId: string,
  panelChairs: readonly string[],
  lookup: Recipients,
): Promise<string[]> {
  switch (recipient.kind) {
    case 'OFFICER':
      return [recipient.memberId];
    case 'AGENCY':
      return lookup.agencyMembers(recipient.agencyId);
    case 'CHAIR':
      return lookup.chairs(partnershipId, panelChairs);
  }
}

/** Looks each agency and partnership up once per run, however many actions share it. */
function recipientLookup(db: Database): Recipients {
  const agencies = new Map<string, Promise<string[]>>();
  const chairs = new Map<string, Promise<string[]>>();
  return {
    agencyMembers(agencyId) {
      // An action with no named officer reminds the agency's panel members: the people who took it on.
      const found = agencies.get(agencyId) ?? panelMembersOf(db.prisma, { agencyId }, 'action.agencyReminders');
      agencies.set(agencyId, found);
      return found;
    },
    chairs(partnershipId, panelChairIds) {
      // The chairs of the panel that agreed the action; an action agreed outside a meeting goes to the partnership's chairs.
      if (panelChairIds.length > 0) return Promise.resolve([...panelChairIds].sort());
      const found = chairs.get(partnershipId) ?? panelMembersOf(db.prisma, { partnershipId }, 'action.oversee');
      chairs.set(partnershipId, found);
      return found;
    },
  };
}
