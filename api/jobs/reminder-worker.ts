// The reminder job: every few minutes it queues what the policy says is due (idempotent, see
// api/services/reminders/schedule.ts), then claims due notifications in small batches and sends
// them. Any number of app instances can run it against one database; none sends a reminder twice.
import type { Logger } from '../logger';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../domain/reminders/policy';
import type { Database } from '../store/database';
import type { TeamsSender } from '../services/ports/teams-sender';
import type { MemberReach } from '../services/ports/member-reach';
import type { TabLinks } from '../config';
import type { Clock } from '../services/clock';
import { startPolling, type RunningJob } from './polling';
import { claimDueNotifications } from '../services/reminders/notification-queue';
import { DEFAULT_DELIVERY_OPTIONS, deliverNotification, type DeliveryOptions, type DeliveryResult } from '../services/reminders/delivery';
import { scheduleReminders } from '../services/reminders/schedule';

export interface ReminderWorkerOptions {
  db: Database;
  sender: TeamsSender;
  /** Installing the app and e-mail, for members Teams cannot reach; null without Graph. */
  reach?: MemberReach | null;
  /** Where messages link into the tab. */
  tabLinks?: TabLinks;
  clock: Clock;
  logger: Logger;
  policy?: ReminderPolicy;
  /** How often to look for due notifications. */
  pollIntervalMs?: number;
  /** How long a claim lasts: longer than the slowest send with all its retries (about three minutes). */
  leaseMs?: number;
  batchSize?: number;
  /** Sends in flight at once; each conversation is paced by the sender. */
  concurrency?: number;
  delivery?: DeliveryOptions;
}

export interface CycleSummary {
  queued: number;
  results: Partial<Record<DeliveryResult, number>>;
}

const DEFAULTS = { pollIntervalMs: 60_000, leaseMs: 10 * 60_000, batchSize: 20, concurrency: 4 };

/** One pass: queue today's reminders, then send everything due until nothing is left. */
export async function runReminderCycle(options: ReminderWorkerOptions): Promise<CycleSummary> {
  const { db, clock, logger } = options;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const queued = await scheduleReminders(db, clock.now(), options.policy ?? DEFAULT_REMINDER_POLICY);
  const results: CycleSummary['results'] = {};

  for (;;) {
    const claims = await claimDueNotifications(db, { now: clock.now(), leaseMs, limit: batchSize });
    if (claims.length === 0) break;
    for (let start = 0; start < claims.length; start += concurrency) {
      await Promise.all(
        claims.slice(start, start + concurrency).map(async (claim) => {
          let result: DeliveryResult;
          try {
            result = await deliverNotification(db, options, claim, clock.now(), options.delivery ?? DEFAULT_DELIVERY_OPTIONS);
          } catch (error) {
            // The lease brings it back; a bug or an outage must not stop the other reminders.
            result = 'LEASE_LOST';
            logger.error(
              { notificationId: claim.id, errorType: error instanceof Error ? error.name : typeof error },
              'reminder delivery failed',
            );
          }
          results[result] = (results[result] ?? 0) + 1;
          logger.debug({ notificationId: claim.id, kind: claim.kind, attempt: claim.attempts, result }, 'reminder delivered');
        }),
      );
    }
  }
  if (queued > 0 || Object.keys(results).length > 0) logger.info({ queued, results }, 'reminder cycle');
  return { queued, results };
}

/** Runs a cycle now and then every `pollIntervalMs` until stopped. */
export function startReminderWorker(options: ReminderWorkerOptions): RunningJob {
  return startPolling({
    name: 'reminder cycle',
    intervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    logger: options.logger,
    cycle: () => runReminderCycle(options),
  });
}
