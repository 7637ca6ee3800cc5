// Retries inside one Graph call: throttling (429) waits at least as long as Graph's Retry-After asks,
// plus jitter so that many callers released together do not return together; 5xx answers back off
// exponentially. A wait longer than the call should block for is left to the retry job instead.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface RetryPolicy {
  /** Further attempts after the first. */
  maxRetries: number;
  /** First back-off for a 5xx answer without Retry-After; doubles each attempt. */
  baseDelayMs: number;
  /** Longest single wait inside a call; Graph asking for more ends the call, and the job retries later. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 1000, maxWaitMs: 30_000 };

/** For a call made while someone waits (a card click, a tab request): one short retry, then the reminder worker takes over. */
export const INTERACTIVE_RETRY_POLICY: RetryPolicy = { maxRetries: 1, baseDelayMs: 500, maxWaitMs: 2_000 };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Retry-After is either whole seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * Never earlier than Retry-After; the jitter only ever adds (up to a tenth of the wait, at least a
 * quarter of a second). Without Retry-After: exponential back-off with "equal jitter".
 */
export function retryDelayMs(retryAfterMs: number | null, retryNumber: number, policy: RetryPolicy, random: () => number): number {
  if (retryAfterMs !== null) return Math.round(retryAfterMs + random() * Math.max(250, retryAfterMs / 10));
  const ceiling = policy.baseDelayMs * 2 ** retryNumber;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class GraphRetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly random: () => number = Math.random,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('GraphRetryMiddleware needs a next middleware');
    for (let retry = 0; ; retry += 1) {
      await this.next.execute(context);
      const response = context.response;
      if (!response || !RETRYABLE_STATUSES.has(response.status) || retry >= this.policy.maxRetries) return;
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
      const wait = retryDelayMs(retryAfterMs, retry, this.policy, this.random);
      if (wait > this.policy.maxWaitMs) return;
      // Read the refused answer to the end so its connection goes back to the pool.
      await response.arrayBuffer().catch(() => undefined);
      await this.sleep(wait);
    }
  }
}
