// A job that runs a cycle now and then every interval until stopped, one cycle at a time. A failed
// cycle is logged by its error class only (messages from lower layers may quote personal data) and
// the next one runs as planned.
import type { Logger } from '../logger';

export interface RunningJob {
  /** Waits for the cycle in progress, then stops. */
  stop(): Promise<void>;
}

export interface PollingJob {
  /** Names the job in the log, e.g. "reminder cycle". */
  name: string;
  intervalMs: number;
  logger: Logger;
  cycle(): Promise<unknown>;
}

export function startPolling(job: PollingJob): RunningJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    current = job
      .cycle()
      .catch((error: unknown) => job.logger.error({ errorType: error instanceof Error ? error.name : typeof error }, `${job.name} failed`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, job.intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
