// Keeps each conversation within Teams' send limits (7 a second ... 1,800 an hour) by waiting for
// a free slot before every request. The limits are the domain's; this holds the recent send times and
// queues callers per conversation, so concurrent sends to one chat go in order. It paces one process:
// two app instances writing to the same chat can still meet a 429, which the retry handles.
// Teams counts arrivals, and requests bunch up on the way by a few tens of milliseconds, so every
// window is kept a little longer than Teams' own (`marginMs`).
import { planSends, TEAMS_SEND_LIMITS_PER_CONVERSATION, type SendLimit } from '../../api/domain/reminders/sending';
import type { Clock } from '../../api/jobs/clock';

export class ConversationPacer {
  private readonly sent = new Map<string, Date[]>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly longestWindowMs: number;

  private readonly limits: readonly SendLimit[];

  constructor(
    private readonly clock: Clock,
    limits: readonly SendLimit[] = TEAMS_SEND_LIMITS_PER_CONVERSATION,
    marginMs = 100,
  ) {
    this.limits = limits.map((limit) => ({ ...limit, windowMs: limit.windowMs + marginMs }));
    this.longestWindowMs = Math.max(...this.limits.map((limit) => limit.windowMs));
  }

  /** Resolves when a request to `conversationId` may go; the slot is counted as used from then. */
  take(conversationId: string): Promise<void> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.waitForSlot(conversationId));
    const settled = turn.catch(() => undefined);
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return turn;
  }

  private async waitForSlot(conversationId: string): Promise<void> {
    const now = this.clock.now();
    const recent = (this.sent.get(conversationId) ?? []).filter((at) => now.getTime() - at.getTime() < this.longestWindowMs);
    const [plan] = planSends([{ id: 'next', conversationId }], recent.map((at) => ({ conversationId, at })), now, this.limits);
    const sendAt = plan?.sendAt ?? now;
    if (sendAt.getTime() > now.getTime()) await this.clock.sleep(sendAt.getTime() - now.getTime());
    recent.push(sendAt);
    this.sent.set(conversationId, recent);
    this.forgetIdle(now);
  }

  /** Conversations quiet for longer than the longest window no longer constrain anything. */
  private forgetIdle(now: Date): void {
    for (const [conversationId, times] of this.sent) {
      const last = times[times.length - 1];
      if (!last || now.getTime() - last.getTime() >= this.longestWindowMs) this.sent.delete(conversationId);
    }
  }
}
