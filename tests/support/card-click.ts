// A card button click as Teams sends it: an `adaptiveCard/action` invoke carrying Action.Execute's verb
// and data, from a member in the demo tenant, to the app's real /api/messages on loopback.
import { DEMO_TENANT_ID } from '../../api/store/demo-data';
import type { RunningApp } from './test-app';

export interface CardClicker {
  app: RunningApp;
  /** The fake Bot Connector's address, where anything the bot sends on its own goes. */
  serviceUrl: string;
  timestamp: Date;
}

export async function clickCard(
  { app, serviceUrl, timestamp }: CardClicker,
  member: { entraObjectId: string },
  verb: string,
  data: unknown,
): Promise<{ status: number; card: string }> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `click-${verb}`,
      channelId: 'msteams',
      serviceUrl,
      timestamp: timestamp.toISOString(),
      from: { id: `29:${member.entraObjectId}`, aadObjectId: member.entraObjectId },
      conversation: { id: `a:click-${member.entraObjectId}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      recipient: { id: '28:asb-panels' },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  });
  // The invoke answer is {statusCode, type, value: card}; the card's body is what the member reads.
  const text = await response.text();
  let answer: { value?: { body?: unknown } } | string = text;
  try {
    answer = JSON.parse(text) as { value?: { body?: unknown } };
  } catch {
    // Not JSON: kept as text, so the caller sees what came back.
  }
  return { status: response.status, card: JSON.stringify(typeof answer === 'object' ? (answer.value?.body ?? answer) : answer) };
}

/** The card the bot answers with when a handler fails unexpectedly: the card verbs' 5xx. */
export const isCrashCard = (card: string) => card.includes('Something went wrong on our side');
