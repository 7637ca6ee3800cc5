// `npm run playground`: the app in local mode (embedded database, demo data, development sign-in,
// anonymous bot) plus Microsoft 365 Agents Playground with the fictional partner users in
// playground/.m365agentsplayground.yml. Both listen on 127.0.0.1 only; the playground's telemetry
// is off, so nothing leaves the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
/** The playground's routes and config format are undocumented, so the version is pinned here. */
export const PLAYGROUND_VERSION = '0.2.28';
const PLAYGROUND_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground');

const appPort = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const children: ChildProcess[] = [];

function say(line: string): void {
  process.stdout.write(`[playground] ${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`[playground] ${message}\n`);
  stopAll(1);
  process.exit(1);
}

function stopAll(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

function checkPinnedVersion(): void {
  const { version } = JSON.parse(readFileSync(path.join(PLAYGROUND_DIR, 'package.json'), 'utf8')) as { version: string };
  if (version !== PLAYGROUND_VERSION) {
    fail(
      `@microsoft/m365agentsplayground ${version} is installed; this script is written for ${PLAYGROUND_VERSION}. Install that version.`,
    );
  }
}

/** Local mode: the Bot Framework and Entra settings are cleared so nothing is borrowed from the shell. */
function appEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(appPort), HOST: '127.0.0.1' };
  for (const name of [
    'MicrosoftAppId',
    'MicrosoftAppPassword',
    'MicrosoftAppTenantId',
    'MicrosoftAppType',
    'ENTRA_CLIENT_ID',
    'DATABASE_URL',
  ])
    delete env[name];
  return env;
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (process.exitCode === undefined) fail(`${name} stopped (exit code ${code ?? 'none'})`);
  });
  return child;
}

async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`the app did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

function waitForListening(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      // The playground picks another port when the one asked for is taken.
      const port = /Listening on (\d+)/.exec(seen)?.[1];
      if (port) resolve(Number(port));
    });
  });
}

async function main(): Promise<void> {
  checkPinnedVersion();
  say(`starting the app on http://127.0.0.1:${appPort} (local mode, demo data)`);
  const app = start('the app', ['--import', 'tsx', 'api/main.ts'], appEnvironment());
  app.stdout?.pipe(process.stdout);
  await waitForHealthy(`http://127.0.0.1:${appPort}/healthz`, 120_000);

  const playground = start(
    'the playground',
    [
      '--require',
      path.join(ROOT, 'playground', 'loopback-only.cjs'),
      path.join(PLAYGROUND_DIR, 'cli.js'),
      '--app-endpoint',
      `http://127.0.0.1:${appPort}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(playgroundPort),
      '--disable-telemetry',
    ],
    {
      ...process.env,
      // --disable-telemetry alone still lets Application Insights probe the network at start.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, 'playground', '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: process.env.M365_AGENTS_PLAYGROUND_LOGFILE ?? path.join(ROOT, 'devTools', 'm365agentsplayground.log'),
    },
  );
  const port = await waitForListening(playground);
  say(`ready: open http://127.0.0.1:${port}/ and chat as Helen Placeholder (Fernbrook District Council ASB Team)`);
  say(`the tab: http://127.0.0.1:${appPort}/tab/ (development sign-in). Stop with Ctrl+C.`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopAll(0));

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
