// The floor every bot pays: a bare botbuilder bot answering Action.Execute with a static card, and
// the helpers that time Teams-shaped invokes against it and against the app (bench/actions.ts and
// bench/county). A module of its own, so the county bench's server can start the bare bot without
// loading the PGlite bench around it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { createBotAdapter } from '../bot/adapter';
import { botEndpoint } from '../bot/endpoint';
import { buildActionCard } from '../bot/cards/action-card';
import { BOT_ID, TENANT } from '../tests/bot/sending-fixtures';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function invokeBody(
  serviceUrl: string,
  from: { teamsId: string; aad: string },
  verb: string,
  data: Record<string, unknown>,
  tenant = TENANT,
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.teamsId, name: 'Bench', aadObjectId: from.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: { id: 'a:1personal-bench', conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export async function timeInvoke(url: string, body: unknown): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { statusCode?: number };
  if (response.status !== 200 || answer.statusCode !== 200) throw new Error(`invoke answered ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The smallest botbuilder bot that answers Action.Execute with a card: the floor for any bot. */
export class BareBot extends TeamsActivityHandler {
  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const card = buildActionCard({
      actionId: String(value.action.data?.actionId ?? ''),
      version: 1,
      title: 'Bench action',
      caseReference: 'ASB-0',
      ownerAgencyName: 'Agency',
      ownerOfficerName: null,
      dueDate: '2026-12-01',
      priority: 'NORMAL',
      status: 'ACCEPTED',
      overdue: false,
      commands: [],
      refreshUserIds: [],
    });
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as Record<string, unknown> };
  }
}

export async function startBareBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });
  const app = express();
  app.use(express.json());
  app.post('/api/messages', botEndpoint(adapter, new BareBot()));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
