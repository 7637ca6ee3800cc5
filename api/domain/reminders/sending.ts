// Pacing and retrying proactive Teams messages, kept pure so the limits can be tested without Teams.
// Limits per bot per conversation are Teams' (docs/domain.md §8); Microsoft says they may change.

export interface SendLimit {
  windowMs: number;
  max: number;
}

/** 7 a second and 1,800 an hour, plus the 2-second and 30-second limits from the same table. */
export const TEAMS_SEND_LIMITS_PER_CONVERSATION: readonly SendLimit[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

export interface QueuedMessage {
  id: string;
  conversationId: string;
}

export interface PastSend {
  conversationId: string;
  at: Date;
}

export interface PlannedSend {
  id: string;
  conversationId: string;
  sendAt: Date;
}

/**
 * The earliest time each queued message may go, in queue order, so that no conversation exceeds any
 * limit counting the sends already made. Messages to one conversation keep their order.
 */
export function planSends(
  queue: readonly QueuedMessage[],
  recentSends: readonly PastSend[],
  now: Date,
  limits: readonly SendLimit[] = TEAMS_SEND_LIMITS_PER_CONVERSATION,
): PlannedSend[] {
  const sent = new Map<string, number[]>();
  for (const send of recentSends) {
    sent.set(send.conversationId, [...(sent.get(send.conversationId) ?? []), send.at.getTime()]);
  }
  for (const times of sent.values()) times.sort((a, b) => a - b);

  return queue.map((message) => {
    const times = sent.get(message.conversationId) ?? [];
    let at = Math.max(now.getTime(), times[times.length - 1] ?? -Infinity);
    for (let moved = true; moved;) {
      moved = false;
      for (const limit of limits) {
        const inWindow = times.filter((t) => t > at - limit.windowMs);
        if (inWindow.length >= limit.max) {
          // Wait until enough of the window's sends have aged out to leave room for one more.
          at = (inWindow[inWindow.length - limit.max] as number) + limit.windowMs;
          moved = true;
        }
      }
    }
    times.push(at);
    sent.set(message.conversationId, times);
    return { id: message.id, conversationId: message.conversationId, sendAt: new Date(at) };
  });
}

export interface SendFailure {
  status: number;
  /** The Bot Connector's error code, e.g. 'MessageWritesBlocked'. */
  errorCode?: string;
  retryAfterSeconds?: number;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Added on top of Retry-After so a queue of throttled sends does not all return at the same instant. */
  retryAfterJitterMs: number;
  /** Give up rather than wait longer than this (someone is waiting on the answer); the caller tries later. */
  maxWaitMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, retryAfterJitterMs: 1_000 };

/**
 * For sends made while someone waits on a card click or an API call: Teams gives an invoke only
 * seconds, so anything Teams will not take within about two seconds is left to the reminder worker.
 */
export const INTERACTIVE_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 1_000,
  retryAfterJitterMs: 250,
  maxWaitMs: 2_000,
};

export type RetryDecision =
  | { kind: 'RETRY'; delayMs: number }
  | { kind: 'GIVE_UP'; reason: string }
  /** The person blocked or removed the app: mark them unreachable and stop trying. */
  | { kind: 'UNREACHABLE'; reason: string };

const RETRYABLE = new Set([412, 429, 502, 504]);

/**
 * What to do after a failed send. `attemptsMade` counts the failed attempt; `random` returns a number
 * in [0, 1) and is passed in so tests can fix the jitter.
 */
export function decideRetry(
  failure: SendFailure,
  attemptsMade: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (failure.status === 403 && failure.errorCode === 'MessageWritesBlocked') {
    return { kind: 'UNREACHABLE', reason: 'The recipient has blocked or removed the app in Teams.' };
  }
  if (!RETRYABLE.has(failure.status)) {
    return { kind: 'GIVE_UP', reason: `Teams refused the message (HTTP ${failure.status}); sending it again would not help.` };
  }
  if (attemptsMade >= policy.maxAttempts) {
    return { kind: 'GIVE_UP', reason: `Teams still failed (HTTP ${failure.status}) after ${attemptsMade} attempts.` };
  }
  const delayMs =
    failure.status === 429 && failure.retryAfterSeconds !== undefined && failure.retryAfterSeconds >= 0
      ? Math.round(failure.retryAfterSeconds * 1000 + random() * policy.retryAfterJitterMs)
      : // "Equal jitter": at least half the exponential step, so retries spread out but never come back at once.
        equalJitter(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1)), random);
  if (policy.maxWaitMs !== undefined && delayMs > policy.maxWaitMs) {
    return {
      kind: 'GIVE_UP',
      reason: `Teams is busy (HTTP ${failure.status}) and asked for a wait of ${Math.ceil(delayMs / 1000)} s; it will be tried again later.`,
    };
  }
  return { kind: 'RETRY', delayMs };
}

function equalJitter(step: number, random: () => number): number {
  return Math.round(step / 2 + random() * (step / 2));
}
