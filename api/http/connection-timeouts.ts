// How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle
// time of the proxies and clients that pool connections to the app (load balancers commonly keep
// them 60 s), so Node could close a socket just as a request is sent down it, and that request
// fails with a reset instead of an answer. Staying open longer lets the other side close first.
import type { Server } from 'node:http';

const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Node requires the headers timeout to outlast the keep-alive one.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
