// The server side of `npm run bench`, in a process of its own so the load generator does not share
// its event loop: the whole app over the county database, and beside it, in the same process, the
// floors it is compared with (an Express hello and a bare botbuilder bot). The parent talks to it
// over IPC: it asks for the process's peak RSS and for a reminder cycle.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { openDatabase } from '../../api/store/database';
import { createLogger } from '../../api/logger';
import { runReminderCycle } from '../../api/jobs/reminder-worker';
import type { OutgoingMessage, SendOutcome, TeamsSender } from '../../api/services/ports/teams-sender';
import { startTestApp } from '../../tests/support/test-app';
import { startBareBot } from '../bare-bot';

export type ServerReady = { type: 'ready'; appUrl: string; helloUrl: string; bareBotUrl: string };
export type ServerRequest = { type: 'rss' } | { type: 'reminders' } | { type: 'exit' };
/** process.memoryUsage() in MB: where the RSS is (the V8 heap, what it has reserved, buffers and WebAssembly). */
export type MemoryMb = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
export type ServerReply =
  | { type: 'rss'; peakRssMb: number; rssMb: number }
  | {
      type: 'reminders';
      queued: number;
      sent: number;
      seconds: number;
      peakRssMb: number;
      /** Just before the cycle, and at the sample where RSS peaked during it. */
      before: MemoryMb;
      atPeak: MemoryMb;
      results: Record<string, number>;
    };

const MB = 1024 * 1024;

function memoryMb(): MemoryMb {
  const usage = process.memoryUsage();
  return {
    rss: usage.rss / MB,
    heapUsed: usage.heapUsed / MB,
    heapTotal: usage.heapTotal / MB,
    external: usage.external / MB,
    arrayBuffers: usage.arrayBuffers / MB,
  };
}

/**
 * Answers every send at once, counting it: the reminder cycle's own cost (queue, claim, card, settle)
 * without Teams' per-chat pacing, which `npm run bench:teams` measures on its own.
 */
class CountingSender implements TeamsSender {
  sent = 0;
  async notifyMember(memberId: string, _message: OutgoingMessage): Promise<SendOutcome> {
    this.sent += 1;
    return { kind: 'SENT', conversationId: `a:1bench-${memberId}`, activityId: `bench-${this.sent}` };
  }
  async postToConversation(conversationId: string, _message: OutgoingMessage): Promise<SendOutcome> {
    this.sent += 1;
    return { kind: 'SENT', conversationId, activityId: `bench-${this.sent}` };
  }
  async updateCard(conversationId: string, activityId: string): Promise<SendOutcome> {
    return { kind: 'SENT', conversationId, activityId };
  }
}

async function listen(app: express.Express): Promise<string> {
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_RUN_DATABASE_URL!;
  const day = process.env.BENCH_DAY!;
  // The data was generated for `day`: the app's clock runs from 10:00 that day (London winter time).
  const offset = new Date(`${day}T10:00:00Z`).getTime() - Date.now();
  const clock = () => new Date(Date.now() + offset);
  const db = await openDatabase({ kind: 'postgresql', url });
  const app = await startTestApp(db, {
    clock,
    nodeEnv: 'development',
    rateLimitPerMinute: 10_000_000,
    signInRateLimitPerMinute: 10_000_000,
  });
  const hello = express();
  hello.get('/hello', (_req, res) => {
    res.json({ hello: 'world' });
  });
  const helloUrl = `${await listen(hello)}/hello`;
  const bare = await startBareBot();

  process.on('message', (message: ServerRequest) => {
    // Exiting (not being killed) lets `--cpu-prof` write its profile (profile.ts).
    if (message.type === 'exit') process.exit(0);
    void answer(message).then((reply) => process.send!(reply));
  });
  async function answer(message: ServerRequest): Promise<ServerReply> {
    if (message.type === 'rss') {
      return { type: 'rss', peakRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage.rss() / MB };
    }
    const sender = new CountingSender();
    const before = memoryMb();
    let atPeak = before;
    const sample = () => {
      const now = memoryMb();
      if (now.rss > atPeak.rss) atPeak = now;
    };
    const sampler = setInterval(sample, 20);
    const started = Date.now();
    const cycle = await runReminderCycle({
      db,
      sender,
      clock: { now: clock, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      logger: createLogger({ level: 'silent' }),
    });
    clearInterval(sampler);
    sample();
    return {
      type: 'reminders',
      queued: cycle.queued,
      sent: sender.sent,
      seconds: (Date.now() - started) / 1000,
      peakRssMb: atPeak.rss,
      before,
      atPeak,
      results: cycle.results as Record<string, number>,
    };
  }
  const ready: ServerReady = { type: 'ready', appUrl: app.baseUrl, helloUrl, bareBotUrl: bare.url };
  process.send!(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
