import { setTimeout as delay } from 'node:timers/promises';
import { systemClock } from '../../api/services/clock';
import { TEAMS_SEND_LIMITS_PER_CONVERSATION } from '../../api/domain/reminders/sending';
import { ConversationPacer } from '../../bot/sending/pacer';
import { recordingClock } from './sending-fixtures';

/** Sends `count` requests one after another, each answered at once, and returns when each went, in ms from the start. */
async function slots(
  pacer: ConversationPacer,
  clock: ReturnType<typeof recordingClock>,
  count: number,
  conversationId = 'a:chat',
): Promise<number[]> {
  const start = clock.now().getTime();
  const granted: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await pacer.pace(conversationId, async () => granted.push(clock.now().getTime() - start));
  }
  return granted;
}

describe('pacing one conversation', () => {
  it('holds a conversation to an hourly limit across the whole hour', async () => {
    // Teams' hourly limit is 1,800; a smaller one keeps the test quick and exercises the same rule.
    const clock = recordingClock(new Date('2026-11-20T09:00:00Z'));
    const granted = await slots(
      new ConversationPacer(clock, [...TEAMS_SEND_LIMITS_PER_CONVERSATION.slice(0, 3), { windowMs: 3_600_000, max: 100 }], 0),
      clock,
      101,
    );
    expect(granted[99]).toBeLessThan(3_600_000);
    expect(granted[100]).toBeGreaterThanOrEqual(3_600_000);
    // And the shorter windows held on the way: 60 in any 30 seconds, 8 in any 2.
    for (let i = 60; i < 100; i += 1) expect((granted[i] as number) - (granted[i - 60] as number)).toBeGreaterThanOrEqual(30_000);
    for (let i = 8; i < 100; i += 1) expect((granted[i] as number) - (granted[i - 8] as number)).toBeGreaterThanOrEqual(2_000);
  });

  it('grants the first 7 at once, the 8th a second later and the 9th two seconds after the first, each plus the safety margin', async () => {
    const clock = recordingClock();
    expect(await slots(new ConversationPacer(clock, TEAMS_SEND_LIMITS_PER_CONVERSATION, 100), clock, 9)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 1100, 2100,
    ]);
  });

  it('keeps conversations apart and forgets those that have gone quiet', async () => {
    const clock = recordingClock();
    const pacer = new ConversationPacer(clock, [{ windowMs: 1000, max: 1 }], 0);
    expect(await slots(pacer, clock, 2, 'a:one')).toEqual([0, 1000]);
    expect(await slots(pacer, clock, 1, 'a:two')).toEqual([0]);
    await clock.sleep(5000);
    expect(await slots(pacer, clock, 1, 'a:one')).toEqual([0]);
  });

  it('serves concurrent callers to one conversation in the order they asked', async () => {
    const clock = recordingClock();
    const pacer = new ConversationPacer(clock, [{ windowMs: 1000, max: 2 }], 0);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((n) => pacer.pace('a:chat', async () => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('counts a send until Teams has answered it, so a slow first burst cannot bring eight arrivals within a second', async () => {
    // Real time: the first seven go together and take 150 ms on the way (cold connections on a busy
    // machine); the eighth, alone, arrives at once. Paced from departure it arrived 950 ms after them.
    const pacer = new ConversationPacer(systemClock);
    const arrivals: number[] = [];
    const request = (n: number) => async () => {
      if (n <= 7) await delay(150);
      arrivals.push(Date.now());
      await delay(5);
    };
    await Promise.all(Array.from({ length: 9 }, (_, i) => pacer.pace('a:chat', request(i + 1))));
    arrivals.sort((a, b) => a - b);
    for (let i = 7; i < arrivals.length; i += 1) expect((arrivals[i] as number) - (arrivals[i - 7] as number)).toBeGreaterThanOrEqual(1000);
    for (let i = 8; i < arrivals.length; i += 1) expect((arrivals[i] as number) - (arrivals[i - 8] as number)).toBeGreaterThanOrEqual(2000);
  });

  it('holds the next request while the ones on their way are unanswered, and sends it once they are', async () => {
    const clock = recordingClock();
    const pacer = new ConversationPacer(clock, [{ windowMs: 1000, max: 1 }], 0);
    let answerFirst = () => {};
    const first = pacer.pace('a:chat', () => new Promise<void>((resolve) => (answerFirst = resolve)));
    let secondWent = false;
    const second = pacer.pace('a:chat', async () => {
      secondWent = true;
    });
    await delay(20);
    expect(secondWent).toBe(false);
    await clock.sleep(250);
    answerFirst();
    await Promise.all([first, second]);
    expect(secondWent).toBe(true);
    // A full window from the answer, not from the departure 250 ms earlier.
    expect(clock.sleeps).toEqual([250, 1000]);
  });

  it('lets a send go after one wait on a clock whose sleep does not move its now, as a test with a fixed day has', async () => {
    const fixed = new Date('2026-11-20T10:00:00Z');
    const sleeps: number[] = [];
    const pacer = new ConversationPacer({ now: () => fixed, sleep: async (ms) => void sleeps.push(ms) }, [{ windowMs: 1000, max: 1 }], 0);
    const went: number[] = [];
    await Promise.all([1, 2, 3].map((n) => pacer.pace('a:chat', async () => went.push(n))));
    expect(went).toEqual([1, 2, 3]);
    // Each plans from the fixed now: the second a window after the first, the third two.
    expect(sleeps).toEqual([1000, 2000]);
  });
});
