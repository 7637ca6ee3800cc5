// One Graph client set-up for every gateway: the SDK's client over our retry middleware, the app's
// token on each request, the calls named in GRAPH_ENDPOINTS only, and Graph's failures turned into
// GraphCallError kinds that callers can act on (Graph's own messages are never kept: they can quote
// addresses).
import { Client, GraphError, HTTPMessageHandler, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { AccessTokenSource } from './app-token';
import { graphCall, type GraphEndpoint } from './graph-endpoints';
import { DEFAULT_RETRY_POLICY, GraphRetryMiddleware, parseRetryAfterMs, type RetryPolicy } from './retry';
import { GraphCallError } from './teams-meetings-gateway';

export interface GraphCallerOptions {
  /** GRAPH_BASE_URL, with its version: 'https://graph.microsoft.com/v1.0'. */
  baseUrl: string;
  accessToken: AccessTokenSource;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

export interface GraphCaller {
  /** The version segment of the base URL ('v1.0'), for following Graph's absolute next-page links. */
  version: string;
  /** One of the calls in GRAPH_ENDPOINTS; `shape` adds query options to a GET. Throws GraphCallError. */
  send(
    endpoint: GraphEndpoint,
    params: Record<string, string>,
    body?: unknown,
    shape?: (request: GraphRequest) => GraphRequest,
  ): Promise<unknown>;
  /** A GET of a path Graph handed back (a next-page link), already after the version. Throws GraphCallError. */
  getPath(path: string): Promise<unknown>;
}

/** An OData reference to the app in the tenant's catalogue: an address to bind to, not a call. */
export function catalogAppReference(baseUrl: string, catalogAppId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}`;
}

export function toGraphCallError(error: unknown): GraphCallError {
  if (error instanceof GraphCallError) return error;
  if (!(error instanceof GraphError) || error.statusCode <= 0) return new GraphCallError('UNREACHABLE', 'Graph could not be reached');
  const status = error.statusCode;
  const summary = `Graph answered ${status}${error.code ? ` ${error.code}` : ''}`;
  if (status === 429) {
    const headers = (error as GraphError & { headers?: Headers }).headers;
    return new GraphCallError('THROTTLED', summary, status, parseRetryAfterMs(headers?.get('retry-after'), Date.now()));
  }
  if (status >= 500) return new GraphCallError('UNAVAILABLE', summary, status);
  if (status === 404) return new GraphCallError('NOT_FOUND', summary, status);
  return new GraphCallError('REFUSED', summary, status);
}

/** Runs `work` so that whatever it throws comes out as a GraphCallError kind the callers act on. */
export async function withGraphErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphCallError(error);
  }
}

export function createGraphCaller(options: GraphCallerOptions): GraphCaller {
  const base = new URL(options.baseUrl);
  const segments = base.pathname.replace(/\/+$/, '').split('/');
  const version = segments.pop() ?? '';
  const client = Client.initWithMiddleware({
    baseUrl: `${base.origin}${segments.join('/')}`,
    defaultVersion: version,
    middleware: [new GraphRetryMiddleware(options.retry ?? DEFAULT_RETRY_POLICY, options.sleep), new HTTPMessageHandler()],
  });
  // The token is fetched here, not in a middleware: the client would wrap a token failure and lose its kind.
  const request = async (path: string) => client.api(path).header('Authorization', `Bearer ${await options.accessToken()}`);
  return {
    version,
    send: (endpoint, params, body, shape = (graphRequest) => graphRequest) =>
      withGraphErrors(async () => {
        const { method, path } = graphCall(endpoint, params);
        const graphRequest = shape(await request(path));
        if (method === 'GET') return graphRequest.get();
        return method === 'POST' ? graphRequest.post(body) : graphRequest.patch(body);
      }),
    getPath: (path) => withGraphErrors(async () => (await request(path)).get()),
  };
}
