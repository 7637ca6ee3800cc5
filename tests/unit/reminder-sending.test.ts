import {
  decideRetry,
  INTERACTIVE_RETRY_POLICY,
  DEFAULT_RETRY_POLICY,
  planSends,
  TEAMS_SEND_LIMITS_PER_CONVERSATION,
  type PlannedSend,
  type RetryDecision,
  type SendFailure,
} from '../../api/domain/reminders/sending';

const now = new Date('2026-11-23T09:00:00Z');
const offsets = (plan: PlannedSend[]) => plan.map((send) => send.sendAt.getTime() - now.getTime());
const messages = (count: number, conversationId = 'meeting-chat') =>
  Array.from({ length: count }, (_, i) => ({ id: `m${i}`, conversationId }));

function breaksALimit(plan: PlannedSend[]): boolean {
  const times = plan.map((send) => send.sendAt.getTime());
  return TEAMS_SEND_LIMITS_PER_CONVERSATION.some((limit) =>
    times.some((t) => times.filter((s) => s > t - limit.windowMs && s <= t).length > limit.max),
  );
}

describe('pacing sends into one Teams conversation', () => {
  it.each<[string, number, number[]]>([
    ['sends seven at once', 7, [0, 0, 0, 0, 0, 0, 0]],
    ['holds the eighth for a second and the ninth for the two-second limit', 10, [0, 0, 0, 0, 0, 0, 0, 1000, 2000, 2000]],
  ])('%s', (_name, count, expected) => {
    expect(offsets(planSends(messages(count), [], now))).toEqual(expected);
  });

  it('waits for sends made half a second ago to age out', () => {
    const recent = Array.from({ length: 7 }, () => ({ conversationId: 'meeting-chat', at: new Date(now.getTime() - 500) }));
    expect(offsets(planSends(messages(1), recent, now))).toEqual([500]);
  });

  it('paces two conversations independently', () => {
    const plan = planSends([...messages(7, 'amy-chat'), ...messages(7, 'ben-chat')], [], now);
    expect(offsets(plan).every((offset) => offset === 0)).toBe(true);
  });

  it.each<[string, number, number, number]>([
    ['holds the 61st message until the first 30 seconds have passed', 61, 60, 30_000],
    ['holds the 1,801st message until the first hour has passed', 1_801, 1_800, 3_600_000],
  ])('%s, and breaks no limit on the way', (_name, count, index, atLeast) => {
    const plan = planSends(messages(count), [], now);
    expect(offsets(plan)[index]).toBeGreaterThanOrEqual(atLeast);
    expect(breaksALimit(plan)).toBe(false);
  });
});

describe('retrying a failed send', () => {
  const half = () => 0.5;
  const none = () => 0;

  it.each<[string, SendFailure, number, () => number, RetryDecision]>([
    [
      'waits as long as Retry-After says on 429, plus jitter',
      { status: 429, retryAfterSeconds: 3 },
      1,
      half,
      { kind: 'RETRY', delayMs: 3500 },
    ],
    [
      'honours Retry-After exactly when the jitter is nil',
      { status: 429, retryAfterSeconds: 3 },
      1,
      none,
      { kind: 'RETRY', delayMs: 3000 },
    ],
    [
      'backs off from half a second to a second on a first 429 with no Retry-After',
      { status: 429 },
      1,
      half,
      { kind: 'RETRY', delayMs: 750 },
    ],
    ['backs off further on the third 502', { status: 502 }, 3, none, { kind: 'RETRY', delayMs: 2000 }],
    ['retries a 412', { status: 412 }, 1, none, { kind: 'RETRY', delayMs: 500 }],
    ['retries a 504', { status: 504 }, 2, none, { kind: 'RETRY', delayMs: 1000 }],
    [
      'gives up after five attempts',
      { status: 504 },
      5,
      none,
      { kind: 'GIVE_UP', reason: 'Teams still failed (HTTP 504) after 5 attempts.' },
    ],
    [
      'marks someone who blocked the app as unreachable without retrying',
      { status: 403, errorCode: 'MessageWritesBlocked' },
      1,
      none,
      { kind: 'UNREACHABLE', reason: 'The recipient has blocked or removed the app in Teams.' },
    ],
    [
      'gives up on any other 403',
      { status: 403, errorCode: 'Forbidden' },
      1,
      none,
      { kind: 'GIVE_UP', reason: 'Teams refused the message (HTTP 403); sending it again would not help.' },
    ],
    [
      'gives up on a malformed message',
      { status: 400 },
      1,
      none,
      { kind: 'GIVE_UP', reason: 'Teams refused the message (HTTP 400); sending it again would not help.' },
    ],
  ])('%s', (_name, failure, attempts, random, decision) => {
    expect(decideRetry(failure, attempts, random)).toEqual(decision);
  });

  it('gives up at once, for a later retry, when someone is waiting and Teams asks for a longer wait', () => {
    expect(decideRetry({ status: 429, retryAfterSeconds: 30 }, 1, none, INTERACTIVE_RETRY_POLICY)).toEqual({
      kind: 'GIVE_UP',
      reason: 'Teams is busy (HTTP 429) and asked for a wait of 30 s; it will be tried again later.',
    });
    expect(decideRetry({ status: 429, retryAfterSeconds: 1 }, 1, none, INTERACTIVE_RETRY_POLICY)).toEqual({ kind: 'RETRY', delayMs: 1000 });
  });

  it('never waits longer than the cap between exponential steps', () => {
    const decision = decideRetry({ status: 502 }, 9, () => 0.999, { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 });
    expect(decision.kind === 'RETRY' && decision.delayMs).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});
