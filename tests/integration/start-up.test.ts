// Starts the real entry point (api/main.ts) as a child process, as `npm start` does, and checks how
// it behaves with bad configuration, an unreachable database, and on an empty embedded database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../api/paths';
import { freePort } from '../support/free-port';
import { openDatabase } from '../../api/store/database';

// tsx as a loader inside the app's own process, not its CLI: the CLI is a parent process that relays a
// SIGTERM and, when the app's acknowledgement takes longer than its 30 ms under load, kills the app and
// exits 143, which made the graceful-stop check fail now and then on a busy machine.
const TSX_LOADER = ['--import', 'tsx'];

interface Started {
  exitCode: Promise<number | null>;
  output: () => string;
  stop: () => Promise<number | null>;
}

function startApp(env: Record<string, string | undefined>): Started {
  const child = spawn(process.execPath, [...TSX_LOADER, path.join(projectRoot, 'api', 'main.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    exitCode,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exitCode;
    },
  };
}

async function waitForHealthy(url: string, app: Started, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Only once this app says it listens: a free port picked for it may meanwhile serve another test's app,
    // and stopping this one before it has finished starting would not be a graceful stop.
    if (app.output().includes('"msg":"listening"')) {
      try {
        const response = await fetch(url);
        if (response.status === 200) return response;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) throw new Error(`not healthy within ${timeoutMs} ms:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('starting the app', () => {
  it('stops with exit code 78 and names the variable when configuration is bad', async () => {
    const app = startApp({ PORT: 'not-a-port', DATABASE_URL: 'mysql://somewhere' });
    expect(await app.exitCode).toBe(78);
    expect(app.output()).toMatch(/PORT/);
    expect(app.output()).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
  });

  it('refuses the local conveniences in production, naming each missing variable', async () => {
    const app = startApp({ NODE_ENV: 'production' });
    expect(await app.exitCode).toBe(78);
    expect(app.output()).toMatch(/DATABASE_URL: required in production/);
    expect(app.output()).toMatch(/MicrosoftAppId: required in production/);
  });

  it('stops with a clear message when the database cannot be reached', async () => {
    const closedPort = await freePort();
    const app = startApp({ DATABASE_URL: `postgresql://nobody:secret-password@127.0.0.1:${closedPort}/nothing` });
    expect(await app.exitCode).toBe(1);
    expect(app.output()).toMatch(/Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:\d+\/nothing\)/);
    expect(app.output()).not.toContain('secret-password');
  });

  it('serves a healthy /healthz on an empty embedded database, filled once with the demo partnership', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'asb-data-'));
    try {
      const port = await freePort();
      const first = startApp({ DATA_DIR: dataDir, PORT: String(port) });
      const response = await waitForHealthy(`http://127.0.0.1:${port}/healthz`, first, 60_000);
      expect(((await response.json()) as { database: { kind: string } }).database.kind).toBe('pglite');
      expect(first.output()).toMatch(/demo partnership/);
      expect(await first.stop()).toBe(0);

      // A restart keeps what was there and does not seed again.
      const second = startApp({ DATA_DIR: dataDir, PORT: String(port) });
      await waitForHealthy(`http://127.0.0.1:${port}/healthz`, second, 60_000);
      expect(second.output()).not.toMatch(/demo partnership/);
      expect(await second.stop()).toBe(0);

      const db = await openDatabase({ kind: 'pglite', dataDir });
      try {
        expect(await db.prisma.partnership.count()).toBe(1);
        expect(await db.prisma.incident.count()).toBeGreaterThanOrEqual(200);
        // The logs of both runs carry ids and counts, never the people in the data.
        const logs = first.output() + second.output();
        const people = await db.prisma.person.findMany({ select: { givenName: true, familyName: true } });
        for (const person of people) expect(logs).not.toContain(`${person.givenName} ${person.familyName}`);
        for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two cold starts, each given up to a minute to become healthy.
  }, 150_000);
});
