// The Teams sync job: every 30 seconds it claims the panel meetings whose Teams calendar event and
// chat are due to be put in step with the app, and has api/services/meeting-teams-sync.ts sync each.
// Any number of app instances can run it against one database; a claim is a lease on the meeting.
import { claimDueMeetingSyncs, syncMeeting, type MeetingTeamsSync, type SyncOutcome } from '../services/meeting-teams-sync';
import { startPolling, type RunningJob } from './polling';

export interface TeamsSyncOptions extends MeetingTeamsSync {
  /** How long a claimed meeting is left to this worker before another may take it. */
  leaseMs?: number;
  batchSize?: number;
}

const DEFAULTS = { leaseMs: 5 * 60_000, batchSize: 10, pollIntervalMs: 30_000 };

/** One pass over every meeting due for a Teams sync. */
export async function runTeamsSyncCycle(options: TeamsSyncOptions): Promise<Partial<Record<SyncOutcome, number>>> {
  const results: Partial<Record<SyncOutcome, number>> = {};
  const claimed = await claimDueMeetingSyncs(
    options.db,
    options.clock.now(),
    options.leaseMs ?? DEFAULTS.leaseMs,
    options.batchSize ?? DEFAULTS.batchSize,
  );
  for (const meetingId of claimed) {
    const outcome = await syncMeeting(options, meetingId);
    results[outcome] = (results[outcome] ?? 0) + 1;
  }
  return results;
}

/** Runs a cycle now and then every `pollIntervalMs` (default 30 seconds) until stopped. */
export function startTeamsSyncWorker(options: TeamsSyncOptions & { pollIntervalMs?: number }): RunningJob {
  return startPolling({
    name: 'teams sync cycle',
    intervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    logger: options.logger,
    async cycle() {
      const results = await runTeamsSyncCycle(options);
      if (Object.keys(results).length > 0) options.logger.info({ results }, 'teams sync cycle');
    },
  });
}
