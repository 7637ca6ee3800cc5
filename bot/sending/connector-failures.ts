// Reading the Bot Connector's refusals, and keeping retries in one place. botframework-connector
// throws a RestError carrying the HTTP status, the {"error":{"code"}} body and the response headers.
import type { ConnectorClient } from 'botframework-connector';
import type { SendFailure } from '../../api/domain/reminders/sending';

interface RestErrorShape {
  statusCode?: number;
  code?: string;
  details?: { error?: { code?: string } };
  response?: { headers?: { get(name: string): string | undefined } };
}

/** The failure as the domain's retry rules read it; null for errors without an HTTP answer (network down). */
export function sendFailureOf(error: unknown): SendFailure | null {
  const rest = error as RestErrorShape | null;
  if (!rest || typeof rest.statusCode !== 'number') return null;
  const errorCode = rest.details?.error?.code ?? rest.code;
  const retryAfter = parseRetryAfter(rest.response?.headers?.get('retry-after'));
  return {
    status: rest.statusCode,
    ...(errorCode ? { errorCode } : {}),
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
  };
}

/** Retry-After is either whole seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

// @azure/core-rest-pipeline's name for the policy that retries 429 and 5xx up to three times.
const LIBRARY_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * The connector's HTTP pipeline retries 429 and 5xx on its own, with its own waits and no jitter;
 * on top of ours that would multiply attempts and ignore the per-conversation pacing. The pipeline is
 * not exposed in botbuilder's types, so this reaches for it and fails loudly if a new version moves it.
 */
export function withoutLibraryRetries(connector: ConnectorClient): ConnectorClient {
  const pipeline = (connector as unknown as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown[] } } }).client
    ?.pipeline;
  if (!pipeline) throw new Error('botframework-connector no longer exposes its HTTP pipeline; check how it retries before upgrading.');
  pipeline.removePolicy({ name: LIBRARY_RETRY_POLICY });
  return connector;
}
