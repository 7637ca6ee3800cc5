// Whether a chair may chase an action's owner now. A chase is a nudge, not a change to the action: a
// partnership sets how long a chair waits before chasing the same action again, so an owner is not
// pestered for what they were just asked, and a double click sends one message.
import { formatLongDate, londonDateOf } from '../agenda/calendar-date';

/** The shortest wait, whatever the partnership sets: a double click or a retried request is not a second chase. */
export const MINIMUM_CHASE_WAIT_MS = 10 * 60_000;

export type ChaseDecision = { kind: 'CHASE' } | { kind: 'TOO_SOON'; nextChaseAt: Date; message: string };

export interface ChaseRequest {
  lastChasedAt: Date | null;
  now: Date;
  /** The partnership's wait between chases of one action, in hours. */
  cooldownHours: number;
}

/** When the action may next be chased, or null when it may be chased now. */
export function nextChaseAt({ lastChasedAt, now, cooldownHours }: ChaseRequest): Date | null {
  if (!lastChasedAt) return null;
  const next = new Date(lastChasedAt.getTime() + Math.max(cooldownHours * 3_600_000, MINIMUM_CHASE_WAIT_MS));
  return next > now ? next : null;
}

export function decideChase(request: ChaseRequest): ChaseDecision {
  const next = nextChaseAt(request);
  if (!next || !request.lastChasedAt) return { kind: 'CHASE' };
  return {
    kind: 'TOO_SOON',
    nextChaseAt: next,
    message: `This action was chased at ${formatLondonTime(request.lastChasedAt)}. It can be chased again from ${formatLondonTime(next)}.`,
  };
}

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** '14:05 on 21 November 2026', London time. */
export function formatLondonTime(instant: Date): string {
  return `${londonClock.format(instant)} on ${formatLongDate(londonDateOf(instant))}`;
}
