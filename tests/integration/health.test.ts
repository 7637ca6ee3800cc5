import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../api/store/database';
import { openTestDatabase } from '../support/test-database';
import { startTestApp } from '../support/test-app';

describe('GET /healthz', () => {
  it('answers 200 with the database kind and the latest migration when every migration is applied', async () => {
    const test = await openTestDatabase();
    const app = await startTestApp(test.db);
    try {
      const response = await fetch(`${app.baseUrl}/healthz`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        status: string;
        database: { kind: string; reachable: boolean };
        migrations: { pending: string[]; latest: string };
      };
      expect(body.status).toBe('ok');
      expect(body.database).toEqual({ kind: test.db.kind, reachable: true });
      expect(body.migrations.pending).toEqual([]);
      expect(body.migrations.latest).toMatch(/^\d{14}_/);
    } finally {
      await app.close();
      await test.dispose();
    }
  });

  it('answers 503 naming the pending migrations when the database has not been migrated', async () => {
    const test = await openTestDatabase({ migrate: false });
    const app = await startTestApp(test.db);
    try {
      const response = await fetch(`${app.baseUrl}/healthz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; migrations: { pending: string[] } };
      expect(body.status).toBe('migrations pending');
      expect(body.migrations.pending.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await test.dispose();
    }
  });

  it('answers 503 once the database is gone, and 200 again when it is back', async () => {
    const test = await openTestDatabase();
    if (!test.url) {
      // Embedded: the database can only go away by being closed.
      const app = await startTestApp(test.db);
      try {
        expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
        await test.db.close();
        const response = await fetch(`${app.baseUrl}/healthz`);
        expect(response.status).toBe(503);
        expect(((await response.json()) as { status: string }).status).toBe('database unreachable');
      } finally {
        await app.close();
      }
      return;
    }
    // PostgreSQL: route the connection through a loopback TCP relay we can cut, as a network would.
    const server = new URL(test.url);
    const relay = await startRelay(server.hostname, Number(server.port || 5432));
    const viaRelay = new URL(test.url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    const db = await openDatabase({ kind: 'postgresql', url: viaRelay.toString() });
    const app = await startTestApp(db);
    try {
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
      relay.cut();
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(503);
      relay.restore();
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      relay.cut();
      await relay.close();
      await db.close().catch(() => undefined);
      await test.dispose();
    }
  });
});

async function startRelay(host: string, port: number) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, host);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
