// Keeps each conversation within Teams' send limits (7 a second ... 1,800 an hour) by holding every
// request until it may go. The limits are the domain's; this holds the recent sends and queues
// callers per conversation, so concurrent sends to one chat go in order. It paces one process: two
// app instances writing to the same chat can still meet a 429, which the retry handles.
//
// Teams counts requests when they arrive, and we cannot see that moment: a request may take longer
// on the way than a later one (a burst on cold connections, or on a busy machine). So a send is
// counted from when Teams answered it, which is never earlier than its arrival, and the next request
// waits for those still on their way. Pacing from departure let a slow burst of seven and a quick
// eighth arrive less than a second apart. `marginMs` adds a little on top for Teams' own bookkeeping.
import { planSends, TEAMS_SEND_LIMITS_PER_CONVERSATION, type SendLimit } from '../../api/domain/reminders/sending';
import type { Clock } from '../../api/services/clock';

interface Send {
  /** When Teams answered (never before the send went); null while the request is on its way. */
  answeredAt: Date | null;
  answered: Promise<void>;
  markAnswered(at: Date): void;
}

function newSend(wentAt: Date): Send {
  let resolve = () => {};
  const send: Send = {
    answeredAt: null,
    answered: new Promise<void>((r) => (resolve = r)),
    markAnswered(at) {
      send.answeredAt = at.getTime() < wentAt.getTime() ? wentAt : at;
      resolve();
    },
  };
  return send;
}

export class ConversationPacer {
  private readonly sent = new Map<string, Send[]>();
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

  /** Runs `request` to `conversationId` once the limits allow; it counts against them until answered. */
  async pace<T>(conversationId: string, request: () => Promise<T>): Promise<T> {
    const send = await this.take(conversationId);
    try {
      return await request();
    } finally {
      send.markAnswered(this.clock.now());
    }
  }

  private take(conversationId: string): Promise<Send> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.waitForSlot(conversationId));
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return turn;
  }

  private async waitForSlot(conversationId: string): Promise<Send> {
    // After a wait it is at least the time planned: a clock whose sleep does not move its now (a
    // test's fixed clock) would otherwise keep the send waiting for ever.
    let waitedUntil = -Infinity;
    for (;;) {
      const now = new Date(Math.max(this.clock.now().getTime(), waitedUntil));
      this.forgetIdle(now);
      const recent = this.sent.get(conversationId) ?? [];
      const counted = recent.map((send) => ({ conversationId, at: send.answeredAt ?? now }));
      const [plan] = planSends([{ id: 'next', conversationId }], counted, now, this.limits);
      const waitMs = (plan?.sendAt.getTime() ?? now.getTime()) - now.getTime();
      if (waitMs <= 0) {
        const send = newSend(now);
        this.sent.set(conversationId, [...recent, send]);
        return send;
      }
      // Planned again after every wait: once the requests on their way are answered, their times are known.
      const onTheWay = recent.filter((send) => send.answeredAt === null);
      if (onTheWay.length > 0) await Promise.all(onTheWay.map((send) => send.answered));
      else {
        await this.clock.sleep(waitMs);
        waitedUntil = now.getTime() + waitMs;
      }
    }
  }

  /** Answered sends older than the longest window no longer constrain anything. */
  private forgetIdle(now: Date): void {
    for (const [conversationId, sends] of this.sent) {
      const live = sends.filter((send) => send.answeredAt === null || now.getTime() - send.answeredAt.getTime() < this.longestWindowMs);
      if (live.length === 0) this.sent.delete(conversationId);
      else if (live.length !== sends.length) this.sent.set(conversationId, live);
    }
  }
}
